// `npm run -s cli -- import <file> [--kind K] [--tz ZONE] [--json]` as a CSM or a script runs it: a real
// subprocess on a fresh data folder per case, its one JSON object checked field by field (the field names are a
// contract), its exit code, and where it matters what the store holds afterwards.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => path.join(FIXTURES, name);

interface Summary {
  importId: number | null;
  status: string;
  kind: string | null;
  source: string | null;
  rowsAccepted: number;
  rejected: { line: number; code: string; reason: string }[];
  skipped: { line: number; reason: string }[];
  duplicates: { line: number; duplicateOf: number | null; importId: number | null }[];
  counts: { rows: number; accepted: number; rejected: number; duplicates: number; skipped: number };
  distinctAccounts: number;
  distinctUsers: number;
  dateRange: { min: string; max: string } | null;
  warnings: { line: number | null; code: string; message: string }[];
  accountsCreated: { id: number; externalId: string | null; name: string; rows: number }[];
  accountsNotInBook: { externalId: string | null; name: string; rows: number }[];
  attributed: { line: number; accountId: number }[];
  error: { code: string; message: string; line: number | null } | null;
  message: string;
  timeZone: string;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  json: Summary;
}

/** Runs the CLI without blocking the test process, so independent cases overlap. */
function cli(args: string[], dataDir: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'cli', '--', 'import', ...args], { env: { ...process.env, BEARING_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      let json = {} as Summary;
      // The whole of stdout must be the one JSON object (nothing printed before or after it).
      if (args.includes('--json')) json = JSON.parse(stdout) as Summary;
      resolve({ code, stdout, stderr, json });
    });
  });
}

const importJson = (file: string, dataDir = tempDir(), ...flags: string[]) => cli([file, '--json', '--tz', 'UTC', ...flags], dataDir);

function readDb<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'bearing.sqlite'), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

// Each case is a whole CLI process (npm, tsx, the store) and the cases overlap: on a busy 2-core machine ten of
// them starting at once take longer than the default 30 s, which says nothing about the CLI.
const CLI_CASE_TIMEOUT = 120_000;

const lines = (s: Summary) => s.rejected.map((r) => [r.line, r.code]);

let work: string;
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
beforeAll(() => {
  work = tempDir('bearing-cli-import-');
  // The same event on lines 2 and 4 (a re-sent batch): stored once, line 4 reported as its duplicate.
  fs.writeFileSync(
    path.join(work, 'dupes.csv'),
    'account_id,user_id,event,timestamp\nacme,u-1,Login,2025-03-04 09:00:00\nacme,u-2,Login,2025-03-04 09:05:00\nacme,u-1,Login,2025-03-04 09:00:00\n',
  );
  // Two old rows and one new one: importing it after dupes.csv adds only the new row.
  fs.writeFileSync(
    path.join(work, 'dupes-plus-one.csv'),
    'account_id,user_id,event,timestamp\nacme,u-1,Login,2025-03-04 09:00:00\nacme,u-2,Login,2025-03-04 09:05:00\nglobex,u-9,Login,2025-03-05 10:00:00\n',
  );
  // Cells a spreadsheet would run as formulas (imported as the text they are), and a record whose quoted event
  // spans lines 4-6 and whose date is wrong (rejected at line 4, where it starts; line 7 follows it).
  fs.writeFileSync(
    path.join(work, 'formulas-multiline.csv'),
    'account_id,account_name,user_id,event,timestamp\n=1+1,"=HYPERLINK(""http://x"")",+u-1,@SUM(A1),2025-03-04 09:00:00\n' +
      '-acme,Minus Co,u-2,-Login,2025-03-04 09:05:00\nacme,Acme,u-3,"first\nsecond\nthird",2025-13-40 09:00:00\nacme,Acme,u-4,x,bad date\n',
  );
});

describe('cli import --json: the contract', () => {
  it('prints exactly one JSON object with every contract field, and exits 0', async () => {
    const run = await importJson(fixture('pendo-events.csv'));
    expect(run.code).toBe(0);
    expect(Object.keys(run.json).sort()).toEqual(
      ['accountsCreated', 'accountsNotInBook', 'attributed', 'counts', 'dateRange', 'distinctAccounts', 'distinctUsers', 'duplicates', 'durationMs', 'encoding', 'error', 'fileName', 'importId', 'kind', 'message', 'rejected', 'rowsAccepted', 'skipped', 'source', 'status', 'timeZone', 'warnings'].sort(),
    );
    expect(run.json).toMatchObject({
      status: 'imported', kind: 'events', source: 'pendo', rowsAccepted: 4, rejected: [], skipped: [], duplicates: [],
      distinctAccounts: 2, distinctUsers: 4, error: null, timeZone: 'UTC', fileName: 'pendo-events.csv', encoding: 'utf-8',
      dateRange: { min: '2025-03-04T09:15:00.000Z', max: '2025-10-26T02:30:00.000Z' },
      counts: { rows: 4, accepted: 4, rejected: 0, duplicates: 0, skipped: 0 },
    });
    expect(run.json.importId).toBeGreaterThan(0);
  });

  it('reads times without an offset in the --tz zone: the stored instants and the dateRange move with it', async () => {
    const dataDir = tempDir();
    const run = await cli([fixture('pendo-events.csv'), '--json', '--tz', 'Europe/Berlin'], dataDir);
    expect(run.code).toBe(0);
    expect(run.json.timeZone).toBe('Europe/Berlin');
    // 09:15Z has an offset and does not move; 2025-10-26 02:30 happens twice in Berlin: the earlier, 00:30Z.
    expect(run.json.dateRange).toEqual({ min: '2025-03-04T09:15:00.000Z', max: '2025-10-26T00:30:00.000Z' });
    const stored = readDb(dataDir, (db) => db.prepare('SELECT ts FROM usage_events ORDER BY line').pluck().all() as number[]);
    expect(stored.map((ts) => new Date(ts).toISOString())).toEqual([
      '2025-03-04T09:15:00.000Z', // ends in Z
      '2025-03-04T09:30:00.000Z', // 10:30 CET
      '2025-03-30T01:30:00.000Z', // 02:30 does not exist that night: read as 03:30 CEST
      '2025-10-26T00:30:00.000Z',
    ]);
  });

  it('--kind overrides the detected kind (daily_usage, see below)', async () => {
    const forced = await importJson(fixture('daily-usage.csv'), tempDir(), '--kind', 'weekly_usage');
    expect(forced.code).toBe(0);
    expect(forced.json).toMatchObject({ status: 'imported', kind: 'weekly_usage', rowsAccepted: 4 });
  });

  it('refuses bad arguments with the same JSON shape: unknown kind and unknown zone (usage, exit 2), missing file (exit 1)', async () => {
    const [kind, missing, zone] = await Promise.all([
      importJson(fixture('daily-usage.csv'), tempDir(), '--kind', 'invoices'),
      importJson(path.join(work, 'no-such-file.csv')),
      cli([fixture('daily-usage.csv'), '--json', '--tz', 'Mars/Olympus'], tempDir()),
    ]);
    expect(kind.code).toBe(2);
    expect(kind.json).toMatchObject({ status: 'error', rowsAccepted: 0, error: { code: 'usage' } });
    expect(kind.json.error?.message).toContain('--kind must be one of events');
    expect(missing.code).toBe(1);
    expect(missing.json).toMatchObject({ status: 'error', rejected: [], duplicates: [], error: { code: 'file_not_found', line: null } });
    expect(zone.code).toBe(2);
    expect(zone.json.error?.code).toBe('invalid_time_zone');
    for (const r of [kind, missing, zone]) expect(Object.keys(r.json)).toContain('dateRange');
  });

  it('prints a sentence and the rejected lines for people without --json', async () => {
    const run = await cli([fixture('bad-rows.csv'), '--tz', 'UTC'], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('bad-rows.csv: events from generic. 2 rows imported, 9 rows rejected');
    expect(run.stdout).toContain('line 7: [not_a_number] "count" is "lots", which is not a number.');
  });
});

describe('cli import --json: every fixture', () => {
  const cases: [string, Partial<Summary> & { rejectedLines?: (string | number)[][]; skippedLines?: number[] }][] = [
    ['amplitude-events.csv', {
      status: 'imported_with_rejections', kind: 'events', source: 'amplitude', rowsAccepted: 3, distinctAccounts: 2, distinctUsers: 3,
      // Amplitude writes UTC without saying so; the .123456 microseconds are cut to milliseconds.
      dateRange: { min: '2025-03-04T09:15:00.123Z', max: '2025-03-05T16:45:30.999Z' }, rejectedLines: [[4, 'anonymous_no_account']],
    }],
    ['mixpanel-export.csv', {
      status: 'imported_with_rejections', kind: 'events', source: 'mixpanel', rowsAccepted: 2, distinctAccounts: 1, distinctUsers: 2,
      // Seconds and milliseconds since 1970 side by side in one column.
      dateRange: { min: '2025-03-04T09:15:00.000Z', max: '2025-03-04T10:15:00.123Z' },
      rejectedLines: [[4, 'anonymous_no_account'], [5, 'anonymous_user']],
    }],
    ['pendo-usage-summary.csv', {
      status: 'imported_with_rejections', kind: 'usage_summary', source: 'pendo', rowsAccepted: 2, distinctAccounts: 1, distinctUsers: 2,
      dateRange: { min: '2025-01-06T08:02:00.000Z', max: '2025-03-28T16:45:00.000Z' }, rejectedLines: [[4, 'missing_value']],
    }],
    ['salesforce-accounts.csv', {
      status: 'imported', kind: 'accounts', source: 'salesforce', rowsAccepted: 4, distinctAccounts: 4, distinctUsers: 0,
      dateRange: { min: '2024-04-01T00:00:00.000Z', max: '2026-03-31T00:00:00.000Z' }, rejectedLines: [], skippedLines: [7, 9, 10, 11, 12],
    }],
    ['hubspot-companies.csv', { status: 'imported', kind: 'accounts', source: 'hubspot', rowsAccepted: 3, distinctAccounts: 3, distinctUsers: 0, dateRange: null }],
    ['hubspot-contacts.csv', { status: 'imported', kind: 'users', source: 'hubspot', rowsAccepted: 5, distinctAccounts: 3, distinctUsers: 5, dateRange: null }],
    ['daily-usage.csv', {
      status: 'imported', kind: 'daily_usage', source: 'generic', rowsAccepted: 4, distinctAccounts: 2, distinctUsers: 3,
      dateRange: { min: '2025-03-03T00:00:00.000Z', max: '2025-03-04T00:00:00.000Z' },
    }],
    ['weekly-usage.csv', {
      status: 'imported', kind: 'weekly_usage', source: 'generic', rowsAccepted: 4, distinctAccounts: 2, distinctUsers: 3,
      dateRange: { min: '2025-03-03T00:00:00.000Z', max: '2025-03-10T00:00:00.000Z' },
    }],
    ['european-semicolon.csv', {
      status: 'imported', kind: 'daily_usage', source: 'generic', rowsAccepted: 3, distinctAccounts: 2, distinctUsers: 3,
      dateRange: { min: '2025-03-03T00:00:00.000Z', max: '2025-03-30T00:00:00.000Z' },
    }],
    ['quoted-multiline.csv', {
      status: 'imported', kind: 'events', source: 'generic', rowsAccepted: 3, distinctAccounts: 3, distinctUsers: 3,
      dateRange: { min: '2025-03-04T09:00:00.000Z', max: '2025-03-04T11:00:00.000Z' },
    }],
    ['mixed-line-endings.csv', { status: 'imported', kind: 'daily_usage', source: 'generic', rowsAccepted: 5, distinctAccounts: 1, distinctUsers: 5 }],
  ];
  it.concurrent.each(cases)('%s', async (name, expected) => {
    const { rejectedLines = [], skippedLines = [], ...fields } = expected;
    const run = await importJson(fixture(name));
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ ...fields, error: null, duplicates: [] });
    expect(lines(run.json)).toEqual(rejectedLines);
    expect(run.json.skipped.map((s) => s.line)).toEqual(skippedLines);
    for (const r of [...run.json.rejected, ...run.json.skipped]) expect(r.reason.length).toBeGreaterThan(10);
  }, CLI_CASE_TIMEOUT);

  it('bad rows: each rejected with its line, a stable code and a reason; the good rows imported', async () => {
    const dataDir = tempDir();
    const run = await importJson(fixture('bad-rows.csv'), dataDir);
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ status: 'imported_with_rejections', kind: 'events', source: 'generic', rowsAccepted: 2, distinctAccounts: 2, distinctUsers: 2 });
    expect(lines(run.json)).toEqual([
      [3, 'field_count'], // 5 fields for 6 headers
      [4, 'invalid_date'], // 2025-02-30
      [5, 'future_date'], // 2031
      [6, 'negative_duration'],
      [7, 'not_a_number'], // "lots" in count
      [9, 'anonymous_no_account'], // only a $device id (line 8 is blank: counted, not reported)
      [10, 'field_count'],
      [11, 'anonymous_no_account'], // neither account nor user
      [12, 'invalid_date'],
    ]);
    const reason = (line: number) => run.json.rejected.find((r) => r.line === line)?.reason;
    expect(reason(3)).toBe('Line 3 has 5 fields; the header has 6. Check for an unquoted separator.');
    expect(reason(4)).toContain('"2025-02-30 09:00:00"');
    expect(reason(5)).toContain('in the future');
    expect(reason(6)).toContain('cannot be negative');
    expect(reason(9)).toContain('$device:18f9e8d7c6b5a4');
    expect(run.json.dateRange).toEqual({ min: '2025-03-04T09:00:00.000Z', max: '2025-03-04T09:35:00.000Z' });
    // "1,5" minutes on line 13 is one and a half minutes.
    expect(readDb(dataDir, (db) => db.prepare('SELECT line, count, minutes FROM usage_events ORDER BY line').all())).toEqual([
      { line: 2, count: 1, minutes: 5 },
      { line: 13, count: 2, minutes: 1.5 },
    ]);
  });

  it('cells starting with = + - @ are imported as text; a rejected multi-line record is reported where it starts', async () => {
    const dataDir = tempDir();
    const run = await importJson(path.join(work, 'formulas-multiline.csv'), dataDir);
    expect(run.json).toMatchObject({ status: 'imported_with_rejections', rowsAccepted: 2 });
    expect(lines(run.json)).toEqual([[4, 'invalid_date'], [7, 'invalid_date']]);
    const stored = readDb(dataDir, (db) => ({
      accounts: db.prepare('SELECT external_id, name FROM accounts ORDER BY id').all(),
      users: db.prepare('SELECT external_id FROM users ORDER BY id').pluck().all(),
      features: db.prepare('SELECT name FROM features ORDER BY id').pluck().all(),
      events: db.prepare('SELECT name FROM event_names ORDER BY id').pluck().all(),
    }));
    expect(stored).toEqual({
      accounts: [{ external_id: '=1+1', name: '=HYPERLINK("http://x")' }, { external_id: '-acme', name: 'Minus Co' }],
      users: ['+u-1', 'u-2'],
      features: ['@SUM(A1)', '-Login'],
      events: ['@SUM(A1)', '-Login'],
    });
  });
});

describe('cli import --json: files that cannot be imported', () => {
  it.concurrent.each([
    ['empty.csv', 'error', 'empty_file', null, 1],
    ['header-only.csv', 'no_data', 'no_data_rows', 1, 0],
    ['binary.bin', 'error', 'not_text', null, 1],
    ['unterminated-quote.csv', 'error', 'unterminated_quote', 4, 1],
  ] as const)('%s: %s, %s', async (name, status, code, line, exitCode) => {
    const dataDir = tempDir();
    const run = await importJson(fixture(name), dataDir);
    expect(run.code).toBe(exitCode);
    expect(run.json).toMatchObject({ status, rowsAccepted: 0, rejected: [], duplicates: [], dateRange: null, error: { code, line } });
    expect(run.json.error?.message.length).toBeGreaterThan(20);
    expect(run.json.message).toMatch(/Nothing was imported\.$/);
    if (code === 'unterminated_quote') expect(run.json.error?.message).toContain('line 4');
    // Nothing of the file is stored; the attempt is in the history.
    const stored = readDb(dataDir, (db) => ({
      events: db.prepare('SELECT count(*) FROM usage_events').pluck().get(),
      imports: db.prepare('SELECT status FROM imports').pluck().all(),
    }));
    expect(stored).toEqual({ events: 0, imports: [status] });
  }, CLI_CASE_TIMEOUT);
});

describe('cli import --json: idempotence', () => {
  it('stores an event repeated in a file once, and importing the same file again adds nothing and says so', async () => {
    const dataDir = tempDir();
    const first = await importJson(path.join(work, 'dupes.csv'), dataDir);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({ status: 'imported', rowsAccepted: 2, distinctUsers: 2 });
    expect(first.json.duplicates).toEqual([{ line: 4, duplicateOf: 2, importId: first.json.importId }]);

    const again = await importJson(path.join(work, 'dupes.csv'), dataDir);
    expect(again.code).toBe(0);
    expect(again.json).toMatchObject({ status: 'no_data', rowsAccepted: 0, rejected: [], distinctAccounts: 0, distinctUsers: 0, dateRange: null, error: null });
    expect(again.json.duplicates).toEqual([
      { line: 2, duplicateOf: 2, importId: first.json.importId },
      { line: 3, duplicateOf: 3, importId: first.json.importId },
      { line: 4, duplicateOf: 2, importId: first.json.importId },
    ]);
    expect(again.json.message).toBe('Nothing new: all 3 rows were already in Bearing.');

    const plusOne = await importJson(path.join(work, 'dupes-plus-one.csv'), dataDir);
    expect(plusOne.json).toMatchObject({ status: 'imported', rowsAccepted: 1, distinctAccounts: 1, distinctUsers: 1 });
    expect(plusOne.json.duplicates.map((d) => d.line)).toEqual([2, 3]);
    expect(plusOne.json.dateRange).toEqual({ min: '2025-03-05T10:00:00.000Z', max: '2025-03-05T10:00:00.000Z' });
    expect(readDb(dataDir, (db) => db.prepare('SELECT count(*) FROM usage_events').pluck().get())).toBe(3);
  });

  it('re-importing an accounts file changes nothing and reports every row as a duplicate', async () => {
    const dataDir = tempDir();
    await importJson(fixture('salesforce-accounts.csv'), dataDir);
    const again = await importJson(fixture('salesforce-accounts.csv'), dataDir);
    expect(again.json).toMatchObject({ status: 'no_data', rowsAccepted: 0 });
    expect(again.json.duplicates.map((d) => d.line)).toEqual([2, 3, 4, 5]);
    expect(readDb(dataDir, (db) => db.prepare('SELECT count(*) FROM accounts').pluck().get())).toBe(4);
  });
});

describe('cli import: accounts not in the book, people at two accounts (issue #11)', () => {
  it('--only-book-accounts skips them and lists them in accountsNotInBook; without it they are created and listed in accountsCreated', async () => {
    const dataDir = tempDir();
    expect((await importJson(fixture('book-accounts.csv'), dataDir)).code).toBe(0);
    const closed = await importJson(fixture('mixpanel-people.csv'), dataDir, '--only-book-accounts');
    expect(closed.code).toBe(0);
    // Lines 6 and 7 name initech; lines 9 and 10 have an empty account cell and no single known account.
    expect(closed.json).toMatchObject({ rowsAccepted: 6, counts: { skipped: 2, rejected: 2 }, accountsCreated: [] });
    expect(closed.json.accountsNotInBook).toEqual([{ externalId: 'initech', name: 'initech', rows: 2 }]);
    expect(closed.json.skipped).toEqual([{ line: 6, reason: 'account_not_in_book' }, { line: 7, reason: 'account_not_in_book' }]);
    expect(closed.json.rejected.map((r) => [r.line, r.code])).toEqual([[9, 'missing_account'], [10, 'missing_account']]);
    expect(closed.json.attributed).toEqual([{ line: 8, accountId: 1 }]);
    expect(closed.json.warnings.map((w) => [w.line, w.code])).toEqual([[5, 'user_at_several_accounts'], [11, 'user_at_several_accounts']]);
    // The words tell how to add them.
    const words = await cli([fixture('mixpanel-people.csv'), '--tz', 'UTC', '--only-book-accounts'], dataDir);
    expect(words.stdout).toContain('1 account not in the book was left out');
    expect(words.stdout).toContain('  initech: 2 rows');
    expect(words.stdout).toContain('import the file again without --only-book-accounts');
    const open = await importJson(fixture('mixpanel-people.csv'), dataDir);
    expect(open.json).toMatchObject({ rowsAccepted: 2, accountsNotInBook: [] });
    expect(open.json.accountsCreated).toEqual([{ id: 3, externalId: 'initech', name: 'initech', rows: 2 }]);
    expect(readDb(dataDir, (db) => db.prepare('SELECT count(*) FROM users').pluck().get())).toBe(5);
  }, CLI_CASE_TIMEOUT);
});

describe('cli import: tickets and surveys (issue #15)', () => {
  const relationship = (name: string) => path.join(FIXTURES, '../relationship', name);

  it('imports a Zendesk export as tickets (detected, or with --kind tickets) with the same JSON summary', async () => {
    const dataDir = tempDir();
    for (const name of ['hubspot-companies.csv', 'hubspot-contacts.csv']) expect((await importJson(relationship(name), dataDir)).code).toBe(0);
    const run = await importJson(relationship('zendesk-tickets.csv'), dataDir, '--kind', 'tickets');
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ status: 'imported_with_rejections', kind: 'tickets', source: 'zendesk', rowsAccepted: 6, counts: { rows: 9, rejected: 3 } });
    expect(lines(run.json)).toEqual([[8, 'unknown_account'], [9, 'unknown_account'], [11, 'invalid_date']]);
    expect(readDb(dataDir, (db) => db.prepare('SELECT count(*) FROM support_cases').pluck().get())).toBe(6);
    expect(readDb(dataDir, (db) => db.prepare('SELECT count(*) FROM usage_events').pluck().get())).toBe(0);
  }, CLI_CASE_TIMEOUT);

  it('a Delighted NPS export is survey answers, never usage events', async () => {
    const dataDir = tempDir();
    const run = await importJson(relationship('delighted-nps.csv'), dataDir);
    // An empty book: nobody to tie the answers to, so every answer is rejected by line (score 11 for its scale).
    expect(run.json).toMatchObject({ kind: 'surveys', source: 'delighted', rowsAccepted: 0 });
    expect(lines(run.json)).toEqual([[2, 'unknown_account'], [3, 'unknown_account'], [4, 'unknown_account'], [5, 'unknown_account'], [6, 'score_out_of_range']]);
    expect(readDb(dataDir, (db) => db.prepare('SELECT count(*) FROM usage_events').pluck().get())).toBe(0);
  }, CLI_CASE_TIMEOUT);

  it('imports a Google Calendar .ics as meetings (detected, or with --kind meetings): the occurrences that took place', async () => {
    const dataDir = tempDir();
    for (const name of ['hubspot-companies.csv', 'hubspot-contacts.csv']) expect((await importJson(relationship(name), dataDir)).code).toBe(0);
    const run = await importJson(path.join(FIXTURES, '../meetings/google-calendar.ics'), dataDir, '--kind', 'meetings', '--tz', 'Europe/Berlin');
    expect(run.code).toBe(0);
    // Worked out by hand: 11 meetings read, 6 with one account's people, 4 skipped, 1 with two accounts (line 157).
    expect(run.json).toMatchObject({ status: 'imported_with_rejections', kind: 'meetings', source: 'google_calendar', rowsAccepted: 6, counts: { rows: 11, skipped: 4, rejected: 1 } });
    expect(lines(run.json)).toEqual([[157, 'unknown_account']]);
    expect(readDb(dataDir, (db) => db.prepare("SELECT count(*) FROM touchpoints WHERE kind = 'meeting'").pluck().get())).toBe(6);
  }, CLI_CASE_TIMEOUT);

  it('a file that looks like nothing known is refused with kind_unknown (exit 1); an unknown --kind is a usage error (exit 2)', async () => {
    const dataDir = tempDir();
    const invoices = path.join(work, 'invoices.csv');
    fs.writeFileSync(invoices, 'Invoice Number,Amount,Currency\nINV-1001,1200.00,EUR\n');
    const unknown = await importJson(invoices, dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.json).toMatchObject({ status: 'error', rowsAccepted: 0, error: { code: 'kind_unknown' } });
    expect(unknown.json.error?.message).toContain('--kind');
    const wrong = await importJson(invoices, dataDir, '--kind', 'invoices');
    expect(wrong.code).toBe(2);
    expect(wrong.json.error).toMatchObject({ code: 'usage', message: expect.stringContaining('--kind must be one of') });
    expect(wrong.json.error?.message).toContain('meetings, campaigns');
  }, CLI_CASE_TIMEOUT);
});

describe('cli import: e-mail campaigns (issue #15, point 4)', () => {
  const book = (name: string) => path.join(FIXTURES, '../relationship', name);
  const campaigns = (name: string) => path.join(FIXTURES, '../campaigns', name);

  it('import FILE --kind campaigns --json: a HubSpot recipients export becomes campaign touchpoints, with the same JSON summary', async () => {
    const dataDir = tempDir();
    for (const name of ['hubspot-companies.csv', 'hubspot-contacts.csv']) expect((await importJson(book(name), dataDir)).code).toBe(0);
    const run = await importJson(campaigns('hubspot-email-recipients.csv'), dataDir, '--kind', 'campaigns');
    expect(run.code).toBe(0);
    // 10 contact lines: 7 matched by e-mail (6) or domain (1); the gmail.com one, the unknown company, the empty e-mail rejected.
    expect(run.json).toMatchObject({ status: 'imported_with_rejections', kind: 'campaigns', source: 'hubspot', rowsAccepted: 7, counts: { rows: 10, rejected: 3 } });
    expect(lines(run.json)).toEqual([[7, 'unknown_account'], [8, 'unknown_account'], [11, 'missing_value']]);
    expect(readDb(dataDir, (db) => db.prepare("SELECT count(*) FROM campaign_touchpoints WHERE responded = 1").pluck().get())).toBe(3);
    expect(readDb(dataDir, (db) => db.prepare('SELECT count(*) FROM usage_events').pluck().get())).toBe(0);
  }, CLI_CASE_TIMEOUT);
});
