// Raw event exports as the tools write them (issue #15, point 6): Mixpanel's JSON-lines raw export and Amplitude's
// Export API archive (a ZIP of gzipped JSON-lines files, one per hour), imported through the real backend into a
// real SQLite store. Expected numbers are counted by hand from the fixtures (see the comments), the stored ones
// read back with plain SQL.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { formatOf } from '../../src/main/import/raw-exports';
import type { Inspection } from '../../src/shared/contract';
import { ok, tempBackend, tempDir } from '../helpers/backend';
import { chooseFile, count, fixture, runJob } from '../helpers/import-jobs';
import { writeSnowflakeRollup } from '../helpers/snowflake-parquet';

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
});

const perAccount = (b: Backend) =>
  b.database.sqlite
    .prepare('SELECT a.external_id AS account, COUNT(*) AS events FROM usage_events e JOIN accounts a ON a.id = e.account_id GROUP BY a.external_id ORDER BY a.external_id')
    .all();

describe('Mixpanel raw export (JSON lines)', () => {
  it('offers the nested properties as columns and suggests them on the mapping screen', async () => {
    backend = tempBackend();
    const inspection = await ok<Inspection>(backend.api.invoke('import.inspect', { file: chooseFile(backend, fixture('mixpanel-raw-export.jsonl')), timeZone: 'UTC' }));
    expect(inspection).toMatchObject({ kind: 'events', source: 'mixpanel' });
    expect(inspection.headers).toEqual(expect.arrayContaining(['event', 'properties.time', 'properties.distinct_id', 'properties.$insert_id', 'properties.company_id', 'properties.plan']));
    expect(inspection.mapping).toMatchObject({ event: 'event', timestamp: 'properties.time', userId: 'properties.$user_id', accountId: 'properties.company_id' });
    // Line 1: Viewed Dashboard by u_1042 at 1768209302 = 2026-01-12 09:15:02 UTC.
    expect(inspection.preview[0]).toMatchObject({ line: 1, outcome: 'accepted', values: { event: 'Viewed Dashboard', userId: 'u_1042', accountId: 'acct_7781', ts: Date.UTC(2026, 0, 12, 9, 15, 2) } });
  });

  it('imports it as it is: rejects by line, $insert_id repeats once, and a re-import changes nothing', async () => {
    backend = tempBackend();
    const first = await runJob(backend, { path: fixture('mixpanel-raw-export.jsonl'), timeZone: 'UTC' });
    // 12 lines: line 10 blank; line 5 anonymous (a $device: id, no company); line 6 repeats line 3's $insert_id;
    // line 9 is cut off mid-object. 11 records, 8 stored.
    expect(first.summary).toMatchObject({ status: 'imported_with_rejections', kind: 'events', source: 'mixpanel', rowsAccepted: 8, distinctAccounts: 2, distinctUsers: 3 });
    expect(first.summary.counts).toMatchObject({ rows: 11, accepted: 8, rejected: 2, duplicates: 1 });
    expect(first.summary.rejected.map((r) => [r.line, r.code])).toEqual([[5, 'anonymous_no_account'], [9, 'invalid_json']]);
    expect(first.summary.duplicates).toEqual([{ line: 6, duplicateOf: 3, importId: null }]);
    expect(first.summary.dateRange).toEqual({ min: '2026-01-12T09:15:02.000Z', max: '2026-01-14T10:15:02.000Z' });
    // acct_7781: lines 1, 2, 7, 8, 11; acct_2290: lines 3, 4, 12.
    expect(perAccount(backend)).toEqual([{ account: 'acct_2290', events: 3 }, { account: 'acct_7781', events: 5 }]);
    expect(count(backend.database.sqlite, 'SELECT COALESCE(SUM(events), 0) FROM usage_daily')).toBe(8);

    const again = await runJob(backend, { path: fixture('mixpanel-raw-export.jsonl'), timeZone: 'UTC' });
    expect(again.summary.counts).toMatchObject({ accepted: 0, duplicates: 9, rejected: 2 });
    expect(count(backend.database.sqlite, 'SELECT COUNT(*) FROM usage_events')).toBe(8);
  });

  it('is recognised by its content whatever its name, and a .json.gz of it reads the same', async () => {
    const work = tempDir('bearing-raw-');
    const renamed = path.join(work, 'export.txt');
    fs.copyFileSync(fixture('mixpanel-raw-export.jsonl'), renamed);
    const gz = path.join(work, 'export.json.gz');
    const { gzipSync } = await import('node:zlib');
    fs.writeFileSync(gz, gzipSync(fs.readFileSync(fixture('mixpanel-raw-export.jsonl'))));
    expect(formatOf(fs.readFileSync(renamed))).toBe('jsonl');
    expect(formatOf(fs.readFileSync(gz))).toBe('jsonl_gzip');
    expect(formatOf(fs.readFileSync(fixture('pendo-events.csv')))).toBe('csv');
    backend = tempBackend();
    const plain = await runJob(backend, { path: renamed, timeZone: 'UTC' });
    expect(plain.summary).toMatchObject({ kind: 'events', source: 'mixpanel', rowsAccepted: 8 });
    const zipped = await runJob(backend, { path: gz, timeZone: 'UTC' });
    expect(zipped.summary.counts).toMatchObject({ accepted: 0, duplicates: 9 });
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('undoes an import of it', async () => {
    backend = tempBackend();
    const job = await runJob(backend, { path: fixture('mixpanel-raw-export.jsonl'), timeZone: 'UTC' });
    await ok(backend.api.invoke('imports.undo', { id: job.summary.importId }));
    expect(count(backend.database.sqlite, 'SELECT COUNT(*) FROM usage_events')).toBe(0);
  });
});

describe('Amplitude Export API archive (ZIP of gzipped JSON lines per hour)', () => {
  it('reads every hour file, groups.company as the account, event_time as UTC, a retried $insert_id once', async () => {
    backend = tempBackend();
    const inspection = await ok<Inspection>(backend.api.invoke('import.inspect', { file: chooseFile(backend, fixture('amplitude-export.zip')), timeZone: 'Europe/Berlin' }));
    expect(inspection).toMatchObject({ kind: 'events', source: 'amplitude' });
    expect(inspection.headers).toEqual(expect.arrayContaining(['event_type', 'event_time', 'groups.company', 'user_properties.email', 'event_properties.dashboard_id']));
    expect(inspection.mapping).toMatchObject({ event: 'event_type', timestamp: 'event_time', userId: 'user_id', accountId: 'groups.company' });

    const job = await runJob(backend, { path: fixture('amplitude-export.zip'), timeZone: 'Europe/Berlin' });
    // Hour 9: events 1, 2, 3; hour 10: event 3 again (same $insert_id, line 4 of the archive), 4, 5.
    expect(job.summary).toMatchObject({ status: 'imported', source: 'amplitude', rowsAccepted: 5, distinctAccounts: 2, distinctUsers: 2 });
    expect(job.summary.duplicates).toEqual([{ line: 4, duplicateOf: 3, importId: null }]);
    // "2026-01-12 09:14:03.512000" is UTC even with the book in Berlin.
    expect(job.summary.dateRange).toEqual({ min: '2026-01-12T09:14:03.512Z', max: '2026-01-12T10:33:09.001Z' });
    // acct_7781: events 1, 2, 5; acct_2290: events 3, 4.
    expect(perAccount(backend)).toEqual([{ account: 'acct_2290', events: 2 }, { account: 'acct_7781', events: 3 }]);
  });
});

describe("a team's warehouse rollup (Snowflake's COPY INTO … CSV of the README's view)", () => {
  it('is daily usage, per account, user, day and event name, and feeds usage_daily', async () => {
    backend = tempBackend();
    const job = await runJob(backend, { path: fixture('snowflake-daily-rollup.csv'), timeZone: 'UTC' });
    // 7 rows; line 7 has a negative count (-3): rejected. Accepted events: 14 + 2 + 6 + 5 + 1 + 9 = 37.
    expect(job.summary).toMatchObject({ kind: 'daily_usage', rowsAccepted: 6, distinctAccounts: 3, distinctUsers: 4 });
    expect(job.summary.rejected.map((r) => [r.line, r.code])).toEqual([[7, 'negative_count']]);
    expect(count(backend.database.sqlite, 'SELECT SUM(events) FROM usage_daily')).toBe(37);
    // acct_7781: 14 + 2 + 6 = 22; acct_2290: 5 + 1 = 6; acct_9012: 9.
    const byAccount = backend.database.sqlite
      .prepare('SELECT a.external_id AS account, SUM(d.events) AS events FROM usage_daily d JOIN accounts a ON a.id = d.account_id GROUP BY a.external_id ORDER BY a.external_id')
      .all();
    expect(byAccount).toEqual([{ account: 'acct_2290', events: 6 }, { account: 'acct_7781', events: 22 }, { account: 'acct_9012', events: 9 }]);
  });
});

describe("the same rollup as Snowflake's COPY INTO … Parquet (DATE days, NUMBER counts as INT64)", () => {
  /** The CSV fixture's seven rows, written by a real Parquet writer the way Snowflake types them. */
  function writeRollupParquet(file: string) {
    const rows = fs
      .readFileSync(fixture('snowflake-daily-rollup.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.replace(/"/g, '').split(','));
    writeSnowflakeRollup(
      file,
      {
        account: rows.map((r) => r[0]),
        user: rows.map((r) => r[1]),
        day: rows.map((r) => new Date(`${r[2]}T00:00:00Z`)),
        event: rows.map((r) => r[3]),
        events: rows.map((r) => BigInt(r[4])),
      },
      4,
    );
  }

  it('imports as the CSV does: the same accepted rows, the negative count rejected by row number', async () => {
    const file = path.join(tempDir(), 'rollup.parquet');
    writeRollupParquet(file);
    expect(formatOf(fs.readFileSync(file))).toBe('parquet');
    backend = tempBackend();
    const job = await runJob(backend, { path: file, timeZone: 'UTC' });
    // Parquet rows are numbered from 1 (no header row): the -3 is row 6 (line 7 of the CSV).
    expect(job.summary).toMatchObject({ kind: 'daily_usage', rowsAccepted: 6, distinctAccounts: 3, distinctUsers: 4 });
    expect(job.summary.rejected.map((r) => [r.line, r.code])).toEqual([[6, 'negative_count']]);
    const byAccount = backend.database.sqlite
      .prepare('SELECT a.external_id AS account, SUM(d.events) AS events FROM usage_daily d JOIN accounts a ON a.id = d.account_id GROUP BY a.external_id ORDER BY a.external_id')
      .all();
    // As by hand above: 22, 6 and 9.
    expect(byAccount).toEqual([{ account: 'acct_2290', events: 6 }, { account: 'acct_7781', events: 22 }, { account: 'acct_9012', events: 9 }]);
    const days = backend.database.sqlite.prepare('SELECT DISTINCT day FROM usage_daily ORDER BY day').pluck().all();
    expect(days.length).toBe(3); // 2026-01-12, 2026-01-13 and 2026-01-14
    const again = await runJob(backend, { path: file, timeZone: 'UTC' });
    expect(again.summary.counts).toMatchObject({ accepted: 0, duplicates: 6 });
  });
});
