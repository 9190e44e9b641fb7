// A success-plan KPI in words: the unit the CSM typed as a plural reads singular for exactly one.
import { describe, expect, it } from 'vitest';
import { kpiPath, kpiValue } from '../../src/shared/kpi-format';

describe('a KPI value in words', () => {
  it('says "1 hour" but "16 hours", "0 hours" and "1.5 hours"', () => {
    expect(kpiValue(1, 'hours')).toBe('1 hour');
    expect(kpiValue(-1, 'days')).toBe('-1 day');
    expect(kpiValue(16, 'hours')).toBe('16 hours');
    expect(kpiValue(0, 'hours')).toBe('0 hours');
    expect(kpiValue(1.5, 'hours')).toBe('1.5 hours');
  });

  it('leaves units that are not a plain plural as typed', () => {
    expect(kpiValue(1, '%')).toBe('1%');
    expect(kpiValue(1, 'NPS')).toBe('1 NPS');
    expect(kpiValue(1, 'status')).toBe('1 status');
    expect(kpiValue(1, 'sessions/week')).toBe('1 sessions/week');
    expect(kpiValue(1, '')).toBe('1');
    expect(kpiValue(null, 'hours')).toBe('—');
  });

  it('runs baseline → latest → target', () => {
    expect(kpiPath({ baseline: 16, latest: null, target: 1, kpiUnit: 'hours' })).toBe('16 hours → — → 1 hour');
  });
});
