// Health history computed incrementally and repairing itself (issues #13 point 4 and #17 point 1). The book comes
// from vendor-shaped files (tests/fixtures/book's Salesforce accounts, a Mixpanel event export written here from a
// seed) and from the random book; every expectation is either the full recomputation of the same store or a
// plain-SQL figure, never the incremental code's own output.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { accountsWithUsersFirstSeenFrom, lastUserId, markHealthStale } from '../../src/main/db/health-stale';
import { connect } from '../../src/main/db/open';
import { runImport } from '../../src/main/import/job';
import { repairNow, scheduleHealthRepair } from '../../src/main/services/health-repair';
import { refreshHealthSnapshots } from '../../src/main/services/health-snapshots';
import { scoringOnly } from '../../src/main/services/health';
import { mergeMetricsSettings, readMetricsSettings } from '../../src/main/services/metrics-settings';
import type { MetricsSettings } from '../../src/shared/metrics/settings';
import { dayNumber, isoFromDayNumber } from '../../src/shared/dates';
import { AppError } from '../../src/shared/errors';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { BOOK_TODAY, fillRandomBook } from '../helpers/random-book';
import { FIXTURE_ACCOUNTS, importFile, mixpanelExport, vendorBook } from '../helpers/vendor-book';
import { SNAPSHOT_JSON } from '../../src/main/db/health-snapshots';

const TODAY = '2026-11-24';
const ACCOUNTS = FIXTURE_ACCOUNTS;

const open: Backend[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close();
});

function backendAt(dataDir = tempDir(), host: 'cli' | 'web' = 'cli'): Backend {
  const b = tempBackend({ dataDir, host });
  open.push(b);
  return b;
}

type Row = { account_id: number; day: string; score: number | null; status: string | null; components: string };
const snapshots = (b: Backend): Row[] =>
  b.database.sqlite.prepare(`SELECT account_id, day, score, status, ${SNAPSHOT_JSON} AS components FROM health_snapshots s ORDER BY account_id, day`).all() as Row[];
const marks = (b: Backend) => b.database.sqlite.prepare('SELECT account_id AS id, from_day AS fromDay FROM health_stale ORDER BY account_id').all();

/** The snapshots the full computation gives for the store as it is (every account, its whole history). */
function fullRecompute(b: Backend): Row[] {
  refreshHealthSnapshots(b.context);
  return snapshots(b);
}

describe('health history computed incrementally', () => {
  it('after a second usage file, the incremental snapshots equal the full computation for every account and day', async () => {
    const dir = tempDir();
    const b = backendAt();
    await vendorBook(b);
    const today = dayNumber(TODAY);
    await importFile(b, mixpanelExport(dir, 'older', 1, today - 200, today - 41));
    const before = snapshots(b);
    await importFile(b, mixpanelExport(dir, 'newer', 2, today - 40, today - 3));
    // The import marked its accounts from its first day and the CLI's runner recomputed only those days.
    expect(marks(b)).toEqual([]);
    const incremental = snapshots(b);
    expect(incremental.length).toBeGreaterThan(3 * 150);
    expect(fullRecompute(b)).toEqual(incremental);
    // As of means as of: the days before the newer file's first day are what they were before it arrived.
    const cut = isoFromDayNumber(today - 41);
    expect(incremental.filter((r) => r.day < cut)).toEqual(before.filter((r) => r.day < cut));
  });

  it('after a second usage file reaching back into the first, the history equals a from-scratch recompute of a copy of the store', async () => {
    const dir = tempDir();
    const b = backendAt();
    await vendorBook(b);
    const today = dayNumber(TODAY);
    await importFile(b, mixpanelExport(dir, 'first', 7, today - 240, today - 30));
    // Late events for days the first file already covered, and new days after it.
    await importFile(b, mixpanelExport(dir, 'second', 8, today - 75, today - 1));
    expect(marks(b)).toEqual([]);
    const incremental = snapshots(b);
    expect(new Set(incremental.map((r) => r.account_id)).size).toBe(3);
    // The copy: every snapshot dropped, then the whole history computed again from the rollups.
    const copyDir = tempDir();
    await b.database.sqlite.backup(path.join(copyDir, 'bearing.sqlite'));
    const copy = backendAt(copyDir);
    copy.database.sqlite.exec('DELETE FROM health_snapshots_tenths');
    refreshHealthSnapshots(copy.context);
    expect(snapshots(copy)).toEqual(incremental);
  });

  it('a refresh leaves no day outside the history: before a start that moved later, after today', async () => {
    const dir = tempDir();
    const b = backendAt();
    await vendorBook(b);
    const sql = b.database.sqlite;
    const today = dayNumber(TODAY);
    // No usage yet: each account's history runs from its contract start (the Salesforce report's 1/15/2026 for Northwind).
    const northwind = sql.prepare('SELECT id, contract_start AS start FROM accounts WHERE external_id = ?').get(ACCOUNTS[0]) as { id: number; start: string };
    const firstDay = () => sql.prepare('SELECT min(day) FROM health_snapshots WHERE account_id = ?').pluck().get(northwind.id);
    expect(northwind.start).toBe('2026-01-15');
    expect(firstDay()).toBe('2026-01-15');
    // A snapshot of a day after today (a clock that was set ahead) must not survive a refresh either.
    sql.prepare('INSERT INTO health_snapshots_tenths (account_id, day, score, status) VALUES (?, ?, 500, ?)').run(northwind.id, isoFromDayNumber(today + 5), 'yellow');
    // Usage from 40 days ago: the history now starts at the first event, later than the contract start.
    await importFile(b, mixpanelExport(dir, 'late', 4, today - 40, today - 1));
    const firstEvent = sql.prepare('SELECT min(day) FROM usage_events WHERE account_id = ?').pluck().get(northwind.id) as number;
    expect(firstEvent).toBeGreaterThanOrEqual(today - 40);
    expect(firstDay()).toBe(isoFromDayNumber(firstEvent));
    const days = sql.prepare('SELECT count(*) AS n, max(day) AS last FROM health_snapshots WHERE account_id = ?').get(northwind.id) as { n: number; last: string };
    expect(days).toEqual({ n: today - firstEvent + 1, last: TODAY });
  });

  it('a window figure of a past day matches a plain-SQL count of the rollups', async () => {
    const dir = tempDir();
    const b = backendAt();
    await vendorBook(b);
    const today = dayNumber(TODAY);
    await importFile(b, mixpanelExport(dir, 'events', 3, today - 120, today - 1));
    const day = today - 50;
    const sql = b.database.sqlite;
    const account = sql.prepare('SELECT id, licenses FROM accounts WHERE external_id = ?').get(ACCOUNTS[1]) as { id: number; licenses: number };
    const mau = (
      sql
        .prepare('SELECT count(DISTINCT user_id) AS n FROM usage_daily WHERE account_id = ? AND day BETWEEN ? AND ? AND events > 0')
        .get(account.id, day - 29, day) as { n: number }
    ).n;
    expect(mau).toBeGreaterThan(0);
    const stored = sql
      .prepare('SELECT license_utilization AS u FROM health_snapshots WHERE account_id = ? AND day = ?')
      .get(account.id, isoFromDayNumber(day)) as { u: number };
    expect(stored.u).toBeCloseTo(mau / account.licenses, 12);
  });

  it('stored snapshots of past days equal an independent plain-SQL computation over the raw events of the export', async () => {
    const dir = tempDir();
    const b = backendAt();
    await vendorBook(b);
    const today = dayNumber(TODAY);
    const file = mixpanelExport(dir, 'raw', 5, today - 150, today - 10);
    await importFile(b, file);
    // The raw events straight from the CSV into a separate database: no rollup, no code of the app.
    const raw = new Database(':memory:');
    raw.exec('CREATE TABLE ev (account TEXT, person TEXT, day INTEGER)');
    const put = raw.prepare('INSERT INTO ev VALUES (?, ?, ?)');
    for (const line of fs.readFileSync(file, 'utf8').trim().split('\n').slice(1)) {
      const c = line.split(',');
      put.run(c[5], c[2], Math.floor(Number(c[1]) / 86_400));
    }
    // Licenses as written in the Salesforce report; usage is full at 80 % of seats (docs/METRICS.md, the default),
    // each component rounded to tenths.
    const licenses: Record<string, number> = { '0015g00000NwTrAAAZ': 40, '0015g00000CoNtAAAZ': 25, '0015g00000FaBrAAAZ': 10 };
    const expected = raw.prepare(
      `SELECT count(DISTINCT person) AS mau, (SELECT max(day) FROM ev WHERE account = ? AND day <= ?) AS last
       FROM ev WHERE account = ? AND day BETWEEN ? AND ?`,
    );
    const stored = b.database.sqlite.prepare(
      `SELECT s.usage, s.license_utilization AS util
       FROM health_snapshots s JOIN accounts a ON a.id = s.account_id WHERE a.external_id = ? AND s.day = ?`,
    );
    let checked = 0;
    for (const ext of ACCOUNTS) {
      for (const day of [today - 149, today - 140, today - 121, today - 100, today - 61, today - 30, today - 11, today - 5, today]) {
        const e = expected.get(ext, day, ext, day - 29, day) as { mau: number; last: number | null };
        const s = stored.get(ext, isoFromDayNumber(day)) as { usage: number | null; util: number | null } | undefined;
        if (s === undefined) continue; // before the account's history starts
        const util = e.mau / licenses[ext];
        expect(s.util, `${ext} on ${isoFromDayNumber(day)}`).toBeCloseTo(util, 12);
        expect(s.usage, `${ext} on ${isoFromDayNumber(day)}`).toBe(Math.round(Math.min(100, (util / 0.8) * 100) * 10) / 10); // tenths (METRICS.md)
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(20);
    raw.close();
  });

  it('on the random book, usage added late is recomputed from its first day only and equals the full computation', () => {
    for (const seed of [11, 12, 13]) {
      const b = backendAt();
      fillRandomBook(b.database.sqlite, seed);
      refreshHealthSnapshots(b.context);
      const sql = b.database.sqlite;
      const today = dayNumber(BOOK_TODAY);
      // Three users with usage and one contact who never used the product (a user without usage is known on every
      // day; with usage, from its first day on: the job marks such an account's whole history).
      const used = sql.prepare('SELECT DISTINCT user_id AS id, account_id FROM usage_daily ORDER BY user_id LIMIT 3').all() as { id: number; account_id: number }[];
      const contact = sql.prepare('SELECT id, account_id FROM users WHERE id NOT IN (SELECT user_id FROM usage_daily) LIMIT 1').all() as { id: number; account_id: number }[];
      const from = today - 20;
      const lastUser = lastUserId(sql);
      sql.transaction(() => {
        for (const u of [...used, ...contact]) {
          for (let d = from; d <= today; d += 3) {
            sql.prepare('INSERT OR IGNORE INTO usage_daily (account_id, user_id, feature_id, day, events, minutes) VALUES (?, ?, 1, ?, 2, 5)').run(u.account_id, u.id, d);
          }
        }
        const touched = [...new Set([...used, ...contact].map((u) => u.account_id))];
        markHealthStale(sql, touched, from);
        markHealthStale(sql, accountsWithUsersFirstSeenFrom(sql, touched, lastUser, from), null);
      })();
      repairNow(b.context);
      expect(marks(b)).toEqual([]);
      const incremental = snapshots(b);
      const full = fullRecompute(b);
      const key = (r: Row) => `${r.account_id} ${r.day}`;
      const fullBy = new Map(full.map((r) => [key(r), r]));
      const diff = incremental.filter((r) => JSON.stringify(fullBy.get(key(r))) !== JSON.stringify(r)).slice(0, 3);
      expect({ seed, diff, extra: full.length - incremental.length }).toEqual({ seed, diff: [], extra: 0 });
    }
  });
});

describe('a changed health weight re-scores the stored history', () => {
  it('new weights, thresholds and rule effects give the snapshots the full computation gives', async () => {
    for (const seed of [31, 32]) {
      const b = backendAt();
      fillRandomBook(b.database.sqlite, seed);
      refreshHealthSnapshots(b.context);
      const settings = {
        weights: { usage: 10, breadth: 35, frequency: 0, exposure: 12.5, relationship: 25, satisfaction: 7 },
        thresholds: { green: 65, yellow: 45 },
        rules: [
          { id: 'no-usage', kind: 'no_usage', enabled: true, effect: 'force_yellow', days: 30 },
          { id: 'open-case', kind: 'open_support_case', enabled: true, effect: 'force_red', days: 14 },
          { id: 'qbr-overdue', kind: 'qbr_overdue', enabled: false, effect: 'cap_yellow' },
          { id: 'onboarding-late', kind: 'onboarding_late', enabled: false, effect: 'cap_yellow' },
        ],
      };
      const before = (await call<{ settings: MetricsSettings }>(b, 'health.settings.get')).settings;
      await call(b, 'health.settings.set', { settings });
      // The change takes the re-scoring path (no component recomputed), and what it stores is the full result.
      expect(scoringOnly(before, (await call<{ settings: MetricsSettings }>(b, 'health.settings.get')).settings)).toBe(true);
      const rescored = snapshots(b);
      expect(rescored.some((r) => r.status === 'red')).toBe(true);
      expect(fullRecompute(b)).toEqual(rescored);
    }
  });
});

describe('a weights-only change takes the re-scoring path', () => {
  it('on a store that still has the default settings, new weights re-weigh the stored components instead of recomputing them', async () => {
    const b = backendAt();
    fillRandomBook(b.database.sqlite, 34);
    refreshHealthSnapshots(b.context);
    const sql = b.database.sqlite;
    expect(sql.prepare("SELECT count(*) AS n FROM settings WHERE key = 'metrics'").get()).toEqual({ n: 0 });
    // A snapshot with every component, its usage planted at a value the computation does not give: a re-score
    // keeps it and weighs it, a recomputation overwrites it.
    const row = sql
      .prepare(
        `SELECT account_id AS id, day, ${SNAPSHOT_JSON} AS components FROM health_snapshots s
         WHERE usage < 90 AND breadth IS NOT NULL AND frequency IS NOT NULL AND exposure IS NOT NULL
           AND relationship IS NOT NULL AND satisfaction IS NOT NULL
         ORDER BY account_id, day LIMIT 1`,
      )
      .get() as { id: number; day: string; components: string };
    expect(row).toBeDefined();
    const planted: Record<string, number> = { ...(JSON.parse(row.components) as Record<string, number>), usage: 100 };
    sql.prepare('UPDATE health_snapshots_tenths SET usage = 1000 WHERE account_id = ? AND day = ?').run(row.id, row.day);

    const weights = { usage: 50, breadth: 10, frequency: 10, exposure: 10, relationship: 10, satisfaction: 10 };
    await call(b, 'health.settings.set', { settings: { weights } });

    const after = sql.prepare(`SELECT score, ${SNAPSHOT_JSON} AS components FROM health_snapshots s WHERE account_id = ? AND day = ?`).get(row.id, row.day) as {
      score: number;
      components: string;
    };
    expect(JSON.parse(after.components)).toEqual(planted);
    // The weighted mean of the planted components under the new weights (all six have data), in tenths.
    const names = Object.keys(weights) as (keyof typeof weights)[];
    const mean = names.reduce((sum, n) => sum + planted[n] * weights[n], 0) / 100;
    expect(after.score).toBeCloseTo(Math.round(mean * 10) / 10, 9);
    expect(marks(b)).toEqual([]);
  });

  it('tells a weights-only change from one that changes what the components compute', async () => {
    const b = backendAt();
    const current = readMetricsSettings(b.context);
    expect(scoringOnly(current, mergeMetricsSettings(current, { weights: { usage: 40 } }))).toBe(true);
    expect(scoringOnly(current, mergeMetricsSettings(current, { thresholds: { green: 75, yellow: 45 } }))).toBe(true);
    expect(scoringOnly(current, mergeMetricsSettings(current, { usageFullAt: 0.7 }))).toBe(false);
    const rules = current.rules.map((r) => (r.kind === 'no_usage' ? { ...r, days: 21 } : r));
    expect(scoringOnly(current, mergeMetricsSettings(current, { rules }))).toBe(false);
  });
});

describe('health history that repairs itself', () => {
  it('an import killed after its commit but before scoring is repaired on the next start', async () => {
    const dir = tempDir();
    const dataDir = tempDir();
    const first = backendAt(dataDir);
    await vendorBook(first);
    const today = dayNumber(TODAY);
    await importFile(first, mixpanelExport(dir, 'older', 4, today - 90, today - 31));
    first.close();
    open.splice(open.indexOf(first), 1);

    // The job commits on its own connection and the process "dies" before any scoring.
    const { sqlite } = connect(path.join(dataDir, 'bearing.sqlite'));
    const summary = await runImport({ sqlite, path: mixpanelExport(dir, 'newer', 5, today - 30, today), timeZone: 'UTC', now: Date.parse(`${TODAY}T12:00:00Z`) });
    sqlite.close();
    expect(summary.counts.accepted).toBeGreaterThan(0);

    const restarted = backendAt(dataDir, 'web');
    expect(marks(restarted).length).toBe(3);
    await restarted.healthRepaired;
    expect(marks(restarted)).toEqual([]);
    const repaired = snapshots(restarted);
    expect(fullRecompute(restarted)).toEqual(repaired);
  });

  it('a store held by another writer (SQLITE_BUSY) is waited for with backoff, then the history is recomputed', async () => {
    const dataDir = tempDir();
    const b = backendAt(dataDir, 'web');
    await b.healthRepaired;
    fillRandomBook(b.database.sqlite, 21);
    b.database.sqlite.exec('INSERT INTO health_stale (account_id, from_day, generation) SELECT id, NULL, 1 FROM accounts');
    const other = connect(path.join(dataDir, 'bearing.sqlite')).sqlite;
    other.exec('BEGIN IMMEDIATE');
    const repair = scheduleHealthRepair(b.context);
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Still waiting: nothing written, the marks kept.
    expect(marks(b).length).toBeGreaterThan(0);
    other.exec('COMMIT');
    other.close();
    expect(await repair).toBeGreaterThan(0);
    expect(marks(b)).toEqual([]);
    const repaired = snapshots(b);
    expect(repaired.length).toBeGreaterThan(0);
    expect(fullRecompute(b)).toEqual(repaired);
  });

  it('a busy store is told in the CSM’s words, never with SQLite’s code', () => {
    const dataDir = tempDir();
    const b = backendAt(dataDir);
    const other = connect(path.join(dataDir, 'bearing.sqlite')).sqlite;
    other.exec('BEGIN IMMEDIATE');
    b.database.sqlite.pragma('busy_timeout = 10');
    let caught: unknown;
    try {
      b.database.sqlite.exec('BEGIN IMMEDIATE');
    } catch (error) {
      caught = error;
    }
    other.exec('ROLLBACK');
    other.close();
    const e = AppError.from(caught);
    expect(e.code).toBe('store_busy');
    expect(e.message).not.toMatch(/SQLITE|locked/i);
  });
});
