// Issue #16, point 5: the CLI's text output is for people (the JSON keeps the raw numbers): ratios as percentages,
// means to two decimals, thousands separated, dates as everywhere in Bearing, yes/no for flags.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricText } from '../../src/main/cli/commands';
import { runCli } from '../../src/main/cli/main';
import { tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');

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

describe('exit codes across every command', () => {
  // On a book of the Salesforce-shaped tasks-salesforce-accounts.csv (Alder Health is account 1). Usage: what the
  // CSM typed cannot be run (unknown command or flag, a missing or extra word, a flag value refused). Failure: it
  // could be run and did not work (no such account, task or file, nothing to recover).
  const USAGE = [
    ['nope'],
    ['health', '--bogus'],
    ['health', 'extra'],
    ['accounts', '--as-of', '2026-13-01'],
    ['metrics'],
    ['features', 'extra'],
    ['tasks', '--due', 'tomorrow'],
    ['tasks', 'done'],
    ['tasks', 'foo'],
    ['digest', '--x'],
    ['renewal'],
    ['renewal', 'record', '--account', '1'],
    ['renewal', 'record', '--account', '1', '--outcome', 'sold'],
    ['renewal', 'record', '--account', '1', '--outcome', 'renewed', '--date', '2026-13-01'],
    ['renewal', 'record', '--account', '1', '--outcome', 'renewed', '--arr=-5'],
    ['renewal', 'likelihood', '--as-of', '2026-02-31'],
    ['deck', '--account', '1'],
    ['deck', '--account', '1', '--out', 'x.txt'],
    ['deck', '--account', '1', '--out', 'x.pdf', '--quarter', '2026Q9'],
    ['import'],
    ['import', 'a.csv', 'b.csv'],
    ['import', path.join(BOOK, 'tasks-hubspot-contacts.csv'), '--kind', 'invoices'],
    ['import', path.join(BOOK, 'tasks-hubspot-contacts.csv'), '--tz', 'Mars/Olympus'],
    ['recover', '--backup', 'bearing.sqlite', '--new-book'],
    ['recover', 'extra'],
    ['demo', 'extra'],
  ];
  const FAILURE = [
    ['health', '--account', 'nope'],
    ['metrics', '--account', 'nope'],
    ['tasks', 'done', 't9999'],
    ['renewal', 'record', '--account', '9999', '--outcome', 'renewed'],
    ['deck', '--account', '999', '--out', 'x.pdf'],
    ['import', path.join(BOOK, 'no-such-export.csv')],
  ];

  it('is 2 for every usage error and 1 for every failure, each with a message on stderr and nothing on stdout', async () => {
    const b = tempBackend();
    await runJob(b, { path: path.join(BOOK, 'tasks-salesforce-accounts.csv'), timeZone: 'UTC' });
    b.close();
    const codes = async (cases: string[][]) => {
      const seen: [string, number, boolean, boolean][] = [];
      for (const args of cases) {
        const out: string[] = [];
        const err: string[] = [];
        const code = await runCli(args, { out: (t) => void out.push(t), err: (t) => void err.push(t) }, { BEARING_DATA_DIR: b.dataDir, INIT_CWD: b.dataDir });
        seen.push([args.join(' '), code, out.length === 0, err.join('').trim().length > 0]);
      }
      return seen;
    };
    expect(await codes(USAGE)).toEqual(USAGE.map((a) => [a.join(' '), 2, true, true]));
    expect(await codes(FAILURE)).toEqual(FAILURE.map((a) => [a.join(' '), 1, true, true]));
  }, 60_000);
});
