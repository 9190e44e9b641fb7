// Issue #16, point 5: the CLI's text output is for people (the JSON keeps the raw numbers): ratios as percentages,
// means to two decimals, thousands separated, dates as everywhere in Bearing, yes/no for flags.
import { describe, expect, it } from 'vitest';
import { metricText } from '../../src/main/cli/commands';
import { runCli } from '../../src/main/cli/main';
import { tempDir } from '../helpers/backend';

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

describe('exit codes', () => {
  it('a flag value the contract refuses is a usage error: exit 2, the flag named as typed, and the usage', async () => {
    const dataDir = tempDir();
    const err: string[] = [];
    const io = { out: () => undefined, err: (t: string) => void err.push(t) };
    expect(await runCli(['health', '--as-of', '2026-02-31'], io, { BEARING_DATA_DIR: dataDir })).toBe(2);
    expect(err.join('\n')).toBe(
      'Error: --as-of: 2026-02-31 is not a date on the calendar: the month must be 01–12 and the day one that month has\n' +
        'Usage: npm run -s cli -- health [--account ID|CRM-ID] [--as-of YYYY-MM-DD] [--json]',
    );
    err.length = 0;
    // A failure that is not the CSM's typing (no such account) stays exit 1.
    expect(await runCli(['health', '--account', 'nope'], io, { BEARING_DATA_DIR: dataDir })).toBe(1);
    expect(err.join('\n')).toContain('No account has Bearing\'s id or CRM id "nope"');
  });
});
