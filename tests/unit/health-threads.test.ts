// A long health-history refresh shared with helper threads (issue #17 point 1): the rows a helper computes are
// the ones the refreshing thread computes alone, on a book built only from vendor-shaped exports (a Salesforce
// account report of 24 accounts, a Mixpanel raw-event export with people who share display names across
// accounts and events of accounts the book does not have); a helper that cannot work leaves its accounts to the
// refreshing thread, nothing lost. Every expectation is the single-thread refresh of the same store.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { SNAPSHOT_JSON } from '../../src/main/db/health-snapshots';
import { refreshHealthSnapshots } from '../../src/main/services/health-snapshots';
import { checkpointImportAside, healthHelperExitCodes, helperCount, helpersFor, POSTED, stopHealthHelpers, waitForPost, warmHealthHelpers } from '../../src/main/services/health-threads';
import { connect } from '../../src/main/db/open';
import { loadBundles } from '../../src/main/db/account-bundles';
import { Worker } from 'node:worker_threads';
import { dayNumber, isoFromDayNumber } from '../../src/shared/dates';
import { tempBackend, tempDir } from '../helpers/backend';
import { importFile, mixpanelExport, salesforceAccounts } from '../helpers/vendor-book';

const TODAY = dayNumber('2026-11-24');
const open: Backend[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close();
  stopHealthHelpers();
  delete process.env.BEARING_HEALTH_THREADS;
});

type Row = { account_id: number; day: string; score: number | null; status: string | null; components: string };
const snapshots = (b: Backend): Row[] =>
  b.database.sqlite.prepare(`SELECT account_id, day, score, status, ${SNAPSHOT_JSON} AS components FROM health_snapshots s ORDER BY account_id, day`).all() as Row[];

/** 24 Salesforce accounts with 200 days of Mixpanel events (and events of two accounts not in the book). */
async function book(): Promise<Backend> {
  const dir = tempDir();
  const b = tempBackend();
  open.push(b);
  b.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  const { file, ids } = salesforceAccounts(dir, 24, 11, TODAY);
  await importFile(b, file);
  await importFile(b, mixpanelExport(dir, 'events', 12, TODAY - 200, TODAY - 1, [...ids, '0015g00000ZZZZ1AAA', '0015g00000ZZZZ2AAA']));
  return b;
}

/** The whole history computed again by the refreshing thread alone. */
function alone(b: Backend): Row[] {
  b.database.sqlite.exec('DELETE FROM health_snapshots_tenths');
  expect(refreshHealthSnapshots(b.context, { helpers: 0 }).helped).toBe(0);
  return snapshots(b);
}

/**
 * A count read from the database file alone (a copy without its WAL): what a checkpoint has copied there. Polled
 * until it is `wanted` or 10 s pass (a helper checkpoints on its own time); -1 while the copy cannot be read.
 */
async function countInFileAlone(b: Backend, query: string, wanted: number): Promise<number> {
  const read = (): number => {
    const copy = path.join(tempDir(), 'file-alone.sqlite');
    fs.copyFileSync(b.context.databaseFile, copy);
    const db = new Database(copy, { readonly: true });
    try {
      return db.prepare(query).pluck().get() as number;
    } catch {
      return -1;
    } finally {
      db.close();
    }
  };
  let found = read();
  for (let waited = 0; found !== wanted && waited < 10_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    found = read();
  }
  return found;
}

describe('a health-history refresh shared with helper threads', () => {
  it('stores, from a helper that computed every account, the rows the refreshing thread computes alone', async () => {
    const b = await book();
    const expected = alone(b);
    const accounts = (b.database.sqlite.prepare('SELECT count(*) FROM accounts').pluck().get() as number);
    expect(accounts).toBeGreaterThanOrEqual(24);
    expect(new Set(expected.map((r) => r.account_id)).size).toBe(accounts);
    expect(expected.length).toBeGreaterThan(24 * 150);
    b.database.sqlite.exec('DELETE FROM health_snapshots_tenths');
    const shared = refreshHealthSnapshots(b.context, { helpers: 1, helpersOnly: true });
    expect(shared.helped).toBe(accounts);
    expect(shared.snapshots).toBe(expected.length);
    expect(snapshots(b)).toEqual(expected);
  }, 60_000);

  it('two helpers sharing a refresh from a given day, twice (the second finds them started), give the same rows', async () => {
    const b = await book();
    const expected = alone(b);
    const accounts = b.database.sqlite.prepare('SELECT count(*) FROM accounts').pluck().get();
    for (let run = 0; run < 2; run++) {
      const result = refreshHealthSnapshots(b.context, { fromDay: TODAY - 120, helpers: 2, helpersOnly: true });
      expect(result.accounts).toBe(accounts);
      expect(result.helped).toBe(accounts);
      expect(snapshots(b)).toEqual(expected);
    }
  }, 60_000);

  it('a helper\'s accounts lose the days outside their history (it sends each start back), and an id that is gone is not counted', async () => {
    const b = await book();
    const sql = b.database.sqlite;
    const ids = sql.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
    // Rows no refresh may leave: before each account's first event (its history's start) and after today.
    const insert = sql.prepare("INSERT OR REPLACE INTO health_snapshots_tenths (account_id, day, score, status) VALUES (?, ?, 500, 'yellow')");
    for (const id of ids) {
      insert.run(id, isoFromDayNumber(TODAY - 300));
      insert.run(id, isoFromDayNumber(TODAY + 3));
    }
    const result = refreshHealthSnapshots(b.context, { accountIds: [...ids, 99_999], fromDay: TODAY - 10, helpers: 1, helpersOnly: true });
    expect(result.accounts).toBe(ids.length);
    expect(result.helped).toBe(ids.length);
    // The bounds, by plain SQL over the raw events: each account's snapshots run from its first event (or, without
    // events, its contract start) to today, and nothing else is left.
    const bounds = sql
      .prepare(
        `SELECT a.id, (SELECT min(day) FROM usage_events e WHERE e.account_id = a.id) AS first, a.contract_start AS start,
           (SELECT min(day) FROM health_snapshots s WHERE s.account_id = a.id) AS lo, (SELECT max(day) FROM health_snapshots s WHERE s.account_id = a.id) AS hi
         FROM accounts a ORDER BY a.id`,
      )
      .all() as { id: number; first: number | null; start: string | null; lo: string; hi: string }[];
    expect(bounds.length).toBe(ids.length);
    for (const r of bounds) {
      expect(r.hi, `account ${r.id}`).toBe(isoFromDayNumber(TODAY));
      const expectedStart = r.first !== null ? isoFromDayNumber(Math.max(r.first, TODAY - 730)) : (r.start ?? isoFromDayNumber(TODAY));
      expect(r.lo, `account ${r.id}`).toBe(expectedStart);
    }
    expect(sql.prepare('SELECT count(*) FROM health_snapshots WHERE day < ? OR day > ?').pluck().get(isoFromDayNumber(TODAY - 250), isoFromDayNumber(TODAY))).toBe(0);
  }, 60_000);

  it('after a shared refresh\'s commit a helper checkpoints the WAL, and the connection\'s own checkpoint setting is back', async () => {
    const b = await book();
    const sql = b.database.sqlite;
    const expected = alone(b).length;
    // The database file without snapshots and an empty WAL: rows found in the file alone got there by a checkpoint.
    sql.exec('DELETE FROM health_snapshots_tenths');
    sql.pragma('wal_checkpoint(TRUNCATE)');
    const before = sql.pragma('wal_autocheckpoint', { simple: true });
    const result = refreshHealthSnapshots(b.context, { helpers: 1, helpersOnly: true });
    expect(result.snapshots).toBe(expected);
    // A refresh this size (a few hundred WAL pages) is under the automatic checkpoint's 1,000: SQLite would not have
    // checkpointed it on its own.
    expect(before).toBe(1000);
    expect(sql.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(await countInFileAlone(b, 'SELECT count(*) FROM health_snapshots', expected)).toBe(expected);
  }, 60_000);

  it('an import leaves its commit\'s checkpoint to a started helper, and without one checkpoints as always', async () => {
    const dir = tempDir();
    const b = tempBackend();
    open.push(b);
    const sql = b.database.sqlite;
    sql.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
    const { file: accounts, ids } = salesforceAccounts(dir, 6, 3, TODAY);
    await importFile(b, accounts);
    // No helper started: the import's own connection keeps SQLite's automatic checkpoint.
    const own = connect(b.context.databaseFile);
    try {
      expect(helperCount()).toBe(0);
      checkpointImportAside({ sqlite: own.sqlite, databaseFile: b.context.databaseFile })();
      expect(own.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      own.sqlite.close();
    }
    // A helper started (as for a large file): an import too small for SQLite's own checkpoint reaches the database
    // file alone, which only the helper's checkpoint can have done.
    sql.pragma('wal_checkpoint(TRUNCATE)');
    process.env.BEARING_HEALTH_THREADS = '1';
    warmHealthHelpers(50_000_000);
    expect(helperCount()).toBe(1);
    // The import's own history (6 accounts, 30 days) is too short to share, so its commit checkpoints nothing aside.
    delete process.env.BEARING_HEALTH_THREADS;
    await importFile(b, mixpanelExport(dir, 'events', 5, TODAY - 30, TODAY - 1, ids));
    const stored = sql.prepare('SELECT count(*) FROM usage_events').pluck().get() as number;
    expect(stored).toBeGreaterThan(100);
    expect(await countInFileAlone(b, 'SELECT count(*) FROM usage_events', stored)).toBe(stored);
  }, 60_000);

  it('a helper let go finishes the checkpoint in hand and exits on its own, rather than being cut off inside SQLite', async () => {
    const b = await book();
    const sql = b.database.sqlite;
    // Snapshots in the WAL only (fewer pages than SQLite's own checkpoint waits for): found in the database file
    // alone, they got there by the helper's checkpoint.
    sql.exec('DELETE FROM health_snapshots_tenths');
    sql.pragma('wal_checkpoint(TRUNCATE)');
    const stored = refreshHealthSnapshots(b.context, { helpers: 0 }).snapshots;
    expect(stored).toBeGreaterThan(1000);
    expect(await countInFileAlone(b, 'SELECT count(*) FROM health_snapshots', 0)).toBe(0);
    process.env.BEARING_HEALTH_THREADS = '1';
    warmHealthHelpers(50_000_000);
    expect(helperCount()).toBe(1);
    const exitsBefore = healthHelperExitCodes().length;
    // The checkpoint an import's commit leaves to a helper, and the helpers let go at once (a host closing, the
    // import worker ending): the stop waits behind the checkpoint.
    const own = connect(b.context.databaseFile);
    try {
      checkpointImportAside({ sqlite: own.sqlite, databaseFile: b.context.databaseFile })();
    } finally {
      own.sqlite.close();
    }
    stopHealthHelpers();
    expect(helperCount()).toBe(0);
    await vi.waitFor(() => expect(healthHelperExitCodes().length).toBe(exitsBefore + 1), { timeout: 20_000, interval: 20 });
    // 0: it ended on its own (a terminated thread ends with 1), and the checkpoint it was asked for was done.
    expect(healthHelperExitCodes().slice(exitsBefore)).toEqual([0]);
    expect(await countInFileAlone(b, 'SELECT count(*) FROM health_snapshots', stored)).toBe(stored);
  }, 60_000);

  it('reads a few accounts\' records as of a day with their users\' first days from plain SQL, and none after the last usage', async () => {
    const b = await book();
    const sql = b.database.sqlite;
    const ids = (sql.prepare('SELECT DISTINCT account_id FROM usage_daily ORDER BY account_id').pluck().all() as number[]).slice(0, 3);
    expect(ids.length).toBe(3);
    const firstDay = sql.prepare('SELECT min(day) FROM usage_daily WHERE account_id = ? AND user_id = ?').pluck();
    for (const asOf of [TODAY - 20, TODAY + 5]) {
      const bundles = loadBundles(b.database, ids, asOf);
      expect(bundles.map((x) => x.account.id).sort((x, y) => x - y)).toEqual(ids);
      let users = 0;
      for (const bundle of bundles) {
        for (const u of bundle.users) {
          users++;
          // After asOf the account has no usage (TODAY + 5): every user it has seen is known, no first day read.
          const expected = asOf > TODAY ? null : ((firstDay.get(bundle.account.id, u.id) as number | null) ?? null);
          expect(u.firstSeenDay ?? null, `account ${bundle.account.id} user ${u.id}`).toBe(expected);
        }
      }
      expect(users).toBeGreaterThan(3);
    }
    // Their entitlements (the Salesforce report's products), a merged feature entitled as the one it became, paid
    // when any row is: plain SQL per account.
    const entitled = sql.prepare(
      `SELECT coalesce(f.merged_into, e.feature_id) AS featureId, max(e.paid) AS paid FROM entitlements e LEFT JOIN features f ON f.id = e.feature_id
       WHERE e.account_id = ? GROUP BY 1 ORDER BY 1`,
    );
    let entitlements = 0;
    for (const bundle of loadBundles(b.database, ids, TODAY - 20)) {
      const expected = (entitled.all(bundle.account.id) as { featureId: number; paid: number }[]).map((r) => ({ featureId: r.featureId, paid: r.paid !== 0 }));
      entitlements += expected.length;
      expect([...bundle.entitlements].sort((x, y) => x.featureId - y.featureId)).toEqual(expected);
    }
    expect(entitlements).toBeGreaterThan(0);
  }, 60_000);

  it('a helper that cannot open the store leaves its accounts to the refreshing thread: nothing is lost', async () => {
    const b = await book();
    const expected = alone(b);
    b.database.sqlite.exec('DELETE FROM health_snapshots_tenths');
    // The helpers open the store with the addon the context names: one that does not exist makes them fail.
    const broken = { ...b.context, nativeBinding: '/nonexistent/better_sqlite3.node' };
    const result = refreshHealthSnapshots(broken, { helpers: 1, helpersOnly: true });
    expect(result.helped).toBe(0);
    expect(snapshots(b)).toEqual(expected);
  }, 60_000);

  it('shares only a long refresh outside any other transaction, and BEARING_HEALTH_THREADS sets the helpers', async () => {
    const b = await book();
    const ctx = b.context;
    const year = Array.from({ length: 100 }, (_, i) => ({ accountId: i + 1, requested: TODAY - 364 }));
    const spare = Math.min(3, os.availableParallelism() - 1);
    expect(helpersFor(ctx, year.slice(0, 10), TODAY, false)).toBe(0);
    expect(helpersFor(ctx, year, TODAY, false)).toBe(spare);
    // A whole history (no first day asked) counts at the cap, 731 days: 7 of them are 5,117 account-days.
    const whole = Array.from({ length: 7 }, (_, i) => ({ accountId: i + 1 }));
    expect(helpersFor(ctx, whole.slice(0, 6), TODAY, false)).toBe(0);
    expect(helpersFor(ctx, whole, TODAY, false)).toBe(spare);
    expect(helpersFor(ctx, year, TODAY, true)).toBe(0);
    process.env.BEARING_HEALTH_THREADS = '0';
    expect(helpersFor(ctx, year, TODAY, false)).toBe(0);
    process.env.BEARING_HEALTH_THREADS = '2';
    expect(helpersFor(ctx, year.slice(0, 1), TODAY, false)).toBe(2);
    expect(helpersFor(ctx, year, TODAY, true)).toBe(0);
    process.env.BEARING_HEALTH_THREADS = 'many';
    expect(() => helpersFor(ctx, year, TODAY, false)).toThrow(/BEARING_HEALTH_THREADS wants a whole number/);
  }, 60_000);

  it('starts the helpers while a large file imports, not for a small one, and lets them go on stop', () => {
    process.env.BEARING_HEALTH_THREADS = '1';
    warmHealthHelpers(200_000);
    expect(helperCount()).toBe(0);
    warmHealthHelpers(50_000_000);
    expect(helperCount()).toBe(1);
    warmHealthHelpers(50_000_000);
    expect(helperCount()).toBe(1);
    stopHealthHelpers();
    expect(helperCount()).toBe(0);
    process.env.BEARING_HEALTH_THREADS = '0';
    warmHealthHelpers(50_000_000);
    expect(helperCount()).toBe(0);
  });

  it('waits for a helper\'s message by blocking, or by polling where a thread may not block, and gives up after the time', async () => {
    for (const block of [true, false]) {
      const counters = new Int32Array(new SharedArrayBuffer(8));
      expect(waitForPost(counters, 0, 30, block)).toBe(true);
      // Another thread posts after 50 ms.
      const poster = new Worker(
        `const { workerData } = require('node:worker_threads'); const c = new Int32Array(workerData); setTimeout(() => { Atomics.add(c, ${POSTED}, 1); Atomics.notify(c, ${POSTED}); }, 50);`,
        { eval: true, workerData: counters.buffer },
      );
      await new Promise((resolve) => poster.once('online', resolve));
      // false: it ended on the post, not on the 10 s.
      expect(waitForPost(counters, 0, 10_000, block)).toBe(false);
      expect(Atomics.load(counters, POSTED)).toBe(1);
      await poster.terminate();
    }
  });
});
