// Issue #11, point 4: account files as CRMs write them (nameless HubSpot companies, two companies of one name),
// files with nothing in them, and usage rollups as spreadsheets write them (German-locale Excel with a time of day
// in its date cells; Excel "Unicode Text"). Every case runs the real CLI on a real store; the expected numbers
// are counted by hand in the fixtures (written beside each expectation) or read back with plain SQL.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suggestMapping } from '../../src/main/import/mapping';
import { detectShape } from '../../src/main/import/shapes';
import { tempDir } from '../helpers/backend';
import { CLI_CASE_TIMEOUT, importJson, readStore, runCli } from '../helpers/cli-process';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const fixture = (name: string) => path.join(FIXTURES, name);

interface Summary {
  status: string;
  kind: string | null;
  source: string | null;
  rowsAccepted: number;
  rejected: { line: number; code: string; reason: string }[];
  warnings: { line: number | null; code: string; message: string }[];
  counts: { rows: number; accepted: number; rejected: number; duplicates: number; skipped: number; warnings: number };
  distinctAccounts: number;
  distinctUsers: number;
  dateRange: { min: string; max: string } | null;
  error: { code: string; message: string; line: number | null } | null;
  message: string;
}

const imported = (file: string, dataDir = tempDir()) => importJson<Summary>(file, dataDir);
const codes = (list: { line: number | null; code: string }[]) => list.map((w) => [w.line, w.code]);

let work: string;
beforeAll(() => (work = tempDir('bearing-crm-files-')));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('HubSpot companies: records without a name, two companies of one name', () => {
  it('keeps a nameless record under its id, named by its domain or id, with a warning; one with neither is rejected', async () => {
    const dataDir = tempDir();
    const run = await imported(fixture('hubspot-companies-nameless.csv'), dataDir);
    expect(run.code).toBe(0);
    // 6 records: line 5 has neither a Record ID nor a name (only a domain), the other 5 are kept.
    expect(run.json).toMatchObject({ status: 'imported_with_rejections', kind: 'accounts', source: 'hubspot', rowsAccepted: 5, distinctAccounts: 5, error: null });
    expect(codes(run.json.rejected)).toEqual([[5, 'missing_value']]);
    // Line 3 named by its domain, line 4 by its id (no domain), line 6 a second "Acme Corporation" (another id).
    expect(codes(run.json.warnings)).toEqual([[3, 'nameless_account'], [4, 'nameless_account'], [6, 'same_name_account']]);
    expect(run.json.counts.warnings).toBe(3);
    expect(run.json.warnings[0].message).toContain('"northwind.example"');
    expect(run.json.warnings[2].message).toContain('9876543210');
    // Became a Customer Date: 2024-03-15, 2024-06-01, 2025-01-20, 2023-11-30 (line 4 has none).
    expect(run.json.dateRange).toEqual({ min: '2023-11-30T00:00:00.000Z', max: '2025-01-20T00:00:00.000Z' });
    expect(run.json.message).toContain('3 warnings');
    const accounts = readStore(dataDir, (db) => db.prepare('SELECT external_id, name, owner FROM accounts ORDER BY external_id').raw().all());
    expect(accounts).toEqual([
      ['9876543210', 'Acme Corporation', 'Jane Doe'],
      ['9876543220', 'northwind.example', 'Sam Lee'],
      ['9876543230', '9876543230', null],
      ['9876543240', 'Acme Corporation', 'Priya Shah'],
      ['9876543250', 'Initech', null],
    ]);
  }, CLI_CASE_TIMEOUT);

  it('a name from a later file renames the account; a nameless record never takes a real name away', async () => {
    const dataDir = tempDir();
    await imported(fixture('hubspot-companies-nameless.csv'), dataDir);
    const named = path.join(work, 'named.csv');
    fs.writeFileSync(named, 'Record ID,Company name,Company Domain Name\n9876543220,Northwind Traders,northwind.example\n');
    expect((await imported(named, dataDir)).json).toMatchObject({ status: 'imported', rowsAccepted: 1, warnings: [] });
    const again = await imported(fixture('hubspot-companies-nameless.csv'), dataDir);
    expect(again.json.warnings.find((w) => w.line === 3)?.message).toContain('keeps its name "Northwind Traders"');
    const names = readStore(dataDir, (db) => db.prepare("SELECT name FROM accounts WHERE external_id = '9876543220'").pluck().all());
    expect(names).toEqual(['Northwind Traders']);
    expect(readStore(dataDir, (db) => db.prepare('SELECT count(*) FROM accounts').pluck().get())).toBe(5);
  }, CLI_CASE_TIMEOUT);

  it('a Salesforce account and a HubSpot company of the same name and different ids stay two accounts', async () => {
    const dataDir = tempDir();
    await imported(fixture('salesforce-accounts.csv'), dataDir);
    const run = await imported(fixture('hubspot-companies.csv'), dataDir);
    // hubspot-companies.csv: "Acme Corporation" and "Initech" are also in salesforce-accounts.csv, with other ids.
    expect(codes(run.json.warnings)).toEqual([[2, 'same_name_account'], [4, 'same_name_account']]);
    const acme = readStore(dataDir, (db) => db.prepare("SELECT external_id FROM accounts WHERE name = 'Acme Corporation' ORDER BY id").pluck().all());
    expect(acme).toEqual(['0015g00000AbCdEAAZ', '9876543210']);
  }, CLI_CASE_TIMEOUT);

  it('the human output lists the warnings under the sentence', async () => {
    const run = await runCli(['import', fixture('hubspot-companies-nameless.csv'), '--tz', 'UTC'], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('line 3: warning [nameless_account]');
    expect(run.stdout).toContain('line 6: warning [same_name_account]');
  }, CLI_CASE_TIMEOUT);
});

describe('files with nothing in them', () => {
  const files: [string, Buffer][] = [
    ['zero-bytes.csv', Buffer.alloc(0)],
    ['bom-only.csv', Buffer.from([0xef, 0xbb, 0xbf])],
    ['utf16-bom-only.txt', Buffer.from([0xff, 0xfe])],
    ['whitespace-only.csv', Buffer.from('  \r\n\r\n \t\n')],
  ];
  it.concurrent.each(files)('%s: status error, empty_file, exit 1, nothing stored', async (name, bytes) => {
    const file = path.join(work, name);
    fs.writeFileSync(file, bytes);
    const dataDir = tempDir();
    const run = await imported(file, dataDir);
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({ status: 'error', rowsAccepted: 0, error: { code: 'empty_file', line: null } });
    expect(run.json.message).toMatch(/empty.*Nothing was imported\.$/);
    expect(readStore(dataDir, (db) => db.prepare('SELECT status FROM imports').pluck().all())).toEqual(['error']);
  }, CLI_CASE_TIMEOUT);

  it('a header without rows is a report with nothing in it: no_data, no_data_rows at line 1, exit 0', async () => {
    const run = await imported(fixture('header-only.csv'));
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ status: 'no_data', error: { code: 'no_data_rows', line: 1 } });
  }, CLI_CASE_TIMEOUT);
});

describe('daily usage as spreadsheets write it', () => {
  it('German-locale Excel (Windows-1252, ";", DD.MM.YYYY HH:MM, decimal commas) is daily usage, Ereignisse and Aktive Minuten its counts', async () => {
    const dataDir = tempDir();
    const run = await imported(fixture('excel-de-daily-usage.csv'), dataDir);
    expect(run.code).toBe(0);
    // 6 rows, 2 companies, 4 people (u-101, u-102, u-201, u-202), 2 to 4 November 2026.
    expect(run.json).toMatchObject({ status: 'imported', kind: 'daily_usage', rowsAccepted: 6, distinctAccounts: 2, distinctUsers: 4, rejected: [] });
    expect(run.json.dateRange).toEqual({ min: '2026-11-02T00:00:00.000Z', max: '2026-11-04T00:00:00.000Z' });
    const perAccount = readStore(dataDir, (db) =>
      db.prepare('SELECT a.name, sum(e.count), sum(e.minutes), count(*) FROM usage_events e JOIN accounts a ON a.id = e.account_id GROUP BY a.name ORDER BY a.name').raw().all(),
    );
    // Nordwerk: 57 + 12 + 30 + 1.204 events, 42,5 + 7,25 + 18 + 95,5 minutes; Südhaus: 88 + 1, 61,75 + 0,5.
    expect(perAccount).toEqual([
      ['Nordwerk GmbH', 1303, 163.25, 4],
      ['Südhaus AG', 89, 62.25, 2],
    ]);
    const days = readStore(dataDir, (db) => db.prepare("SELECT DISTINCT date(day * 86400, 'unixepoch') FROM usage_daily ORDER BY 1").pluck().all());
    expect(days).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
  }, CLI_CASE_TIMEOUT);

  it('Excel "Unicode Text" (UTF-16LE with BOM, tabs, M/D/YYYY H:MM, "1,204") is daily usage too', async () => {
    const dataDir = tempDir();
    const run = await imported(fixture('excel-unicode-daily-usage.txt'), dataDir);
    expect(run.json).toMatchObject({ status: 'imported', kind: 'daily_usage', rowsAccepted: 4, distinctAccounts: 2, distinctUsers: 3 });
    expect(run.json.dateRange).toEqual({ min: '2026-11-12T00:00:00.000Z', max: '2026-11-13T00:00:00.000Z' });
    // Events 57 + 88 + 30 + 1,204; minutes 42.5 + 61.75 + 18 + 7.25.
    const totals = readStore(dataDir, (db) => db.prepare('SELECT sum(count), sum(minutes) FROM usage_events').raw().get());
    expect(totals).toEqual([1379, 129.5]);
  }, CLI_CASE_TIMEOUT);
});

describe('which columns and kind a usage sheet is read as', () => {
  const shapeOf = (text: string, delimiter: ',' | ';' = ',') => {
    const [headers, ...rows] = text.trim().split('\n').map((l) => l.split(delimiter));
    const shape = detectShape(headers, rows, { delimiter });
    return { kind: shape.kind, mapping: suggestMapping(shape.kind, shape.source, headers, rows, { delimiter, stats: shape.stats }) };
  };

  it('German headers map to the day, the person, the company and the counts (Ereignisse over Sessions)', () => {
    const { kind, mapping } = shapeOf(
      'Datum;Benutzer-ID;E-Mail;Firma;Sessions;Aktive Minuten;Ereignisse\n02.11.2026 00:00;u-101;anna@nordwerk.example;Nordwerk GmbH;3;42,5;57\n03.11.2026 00:00;u-102;jonas@nordwerk.example;Nordwerk GmbH;1;7,25;12',
      ';',
    );
    expect(kind).toBe('daily_usage');
    expect(mapping).toMatchObject({ day: 'Datum', userId: 'Benutzer-ID', email: 'E-Mail', accountName: 'Firma', events: 'Ereignisse', minutes: 'Aktive Minuten', event: null });
  });

  it('a time of day other than midnight next to an Events count and no event name is still daily usage', () => {
    const { kind, mapping } = shapeOf(
      'Date,User ID,Email,Account,Sessions,Active minutes,Events\n11/12/2026 09:30,u-1,a@x.example,Nordwerk,3,42.5,57\n11/13/2026 17:05,u-2,b@x.example,Nordwerk,1,7.25,12',
    );
    expect(kind).toBe('daily_usage');
    expect(mapping).toMatchObject({ day: 'Date', events: 'Events', minutes: 'Active minutes' });
  });

  it('times with minutes only and no event name are sessions: events, one row each', () => {
    const { kind } = shapeOf('user_id,account_id,timestamp,minutes\nu-1,acme,2025-03-03 15:00:00,2.5\nu-2,acme,2025-03-04 16:10:00,4');
    expect(kind).toBe('events');
  });
});
