// Issue #16, point 5: the CLI's text output is for people (the JSON keeps the raw numbers): ratios as percentages,
// means to two decimals, thousands separated, dates as everywhere in Bearing, yes/no for flags.
import { describe, expect, it } from 'vitest';
import { metricText } from '../../src/main/cli/commands';

describe('metricText', () => {
  it('writes each kind of figure as a person reads it', () => {
    expect(metricText('stickiness', 0.03333333333333333)).toBe('3.3%');
    expect(metricText('licenseUtilization', 1)).toBe('100.0%');
    expect(metricText('meanDau', 0.03333333333333333)).toBe('0.03');
    expect(metricText('unusedLicenses', 12500)).toBe('12,500');
    expect(metricText('asOf', '2026-09-30')).toBe('Sep 30, 2026');
    expect(metricText('qbrOverdue', true)).toBe('yes');
    expect(metricText('breadth', null)).toBe('no data');
    expect(metricText('name', 'Northwind Traders')).toBe('Northwind Traders');
  });
});
