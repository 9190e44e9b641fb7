import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generateDemoBook } from '../../scripts/demo/generate';
import { dayNumber } from '../../src/shared/dates';
import type { AccountSummary } from '../../src/shared/contract';
import { DemoBook, findDemoBook } from '../../src/main/services/demo-book';
import { loadDemo, removeDemo } from '../../src/main/services/demo';
import { ok, tempBackend } from '../helpers/backend';

const opened: { close(): void }[] = [];
afterEach(() => {
  while (opened.length) opened.pop()?.close();
});

function backend() {
  const b = tempBackend();
  opened.push(b);
  const sqlite = b.database.sqlite;
  const one = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).pluck().get(...params) as number;
  return { ...b, sqlite, one };
}

// The fixed clock of tempBackend: 2026-11-24, a Tuesday.
const TODAY = dayNumber('2026-11-24');

const DEMO_TABLES = [
  'users', 'entitlements', 'usage_daily', 'milestones', 'qbrs', 'qbr_action_items', 'touchpoints', 'surveys',
  'renewals',
] as const;

describe('the demo book', () => {
  it('loads ~60 demo accounts over all three stages, with users, a year of usage and renewal history', async () => {
    const b = backend();
    const started = performance.now();
    const loaded = await ok<{ accounts: number; usageEvents: number }>(b.api.invoke('demo.load', {}));
    const elapsed = performance.now() - started;
    console.info(`demo.load: ${loaded.accounts} accounts, ${loaded.usageEvents} usage events in ${elapsed.toFixed(0)} ms`);
    expect(loaded.accounts).toBeGreaterThanOrEqual(55);
    expect(loaded.accounts).toBeLessThanOrEqual(70);
    expect(loaded.usageEvents).toBe(b.one('SELECT sum(events) FROM usage_daily'));

    const { items } = await ok<{ items: AccountSummary[] }>(b.api.invoke('accounts.list', {}));
    expect(items).toHaveLength(loaded.accounts);
    expect(items.every((a) => a.isDemo)).toBe(true);
    const inStage = (stage: string) => items.filter((a) => a.stage === stage).length;
    expect(inStage('onboarding')).toBeGreaterThanOrEqual(6);
    expect(inStage('adoption')).toBeGreaterThanOrEqual(25);
    expect(inStage('renewal')).toBeGreaterThanOrEqual(10);
    expect(new Set(items.map((a) => a.owner)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(items.map((a) => a.currency))).toEqual(new Set(['USD', 'EUR', 'GBP']));

    expect(b.one('SELECT count(*) FROM users WHERE is_demo = 0')).toBe(0);
    const roles = b.sqlite.prepare('SELECT DISTINCT role FROM users').pluck().all();
    expect(new Set(roles)).toEqual(new Set(['end_user', 'manager', 'executive', 'admin']));
    expect(b.one('SELECT count(DISTINCT department) FROM users')).toBeGreaterThanOrEqual(5);

    // A year of usage that ends today: the book is placed around the clock, not the day it was generated.
    const span = b.sqlite.prepare('SELECT min(day) AS first, max(day) AS last FROM usage_daily').get() as {
      first: number;
      last: number;
    };
    expect(span.last - span.first).toBeGreaterThanOrEqual(330);
    expect(span.last).toBeLessThanOrEqual(TODAY);
    expect(span.last).toBeGreaterThanOrEqual(TODAY - 1);
    // Some accounts have gone quiet: events earlier in the year, none in the last 30 days.
    const quiet = b.one(
      `SELECT count(*) FROM (SELECT account_id FROM usage_daily GROUP BY account_id HAVING max(day) <= ?)`,
      TODAY - 30,
    );
    expect(quiet).toBeGreaterThanOrEqual(2);

    const outcomes = b.sqlite
      .prepare('SELECT outcome, count(*) AS n FROM renewals GROUP BY outcome')
      .all() as { outcome: string; n: number }[];
    const byOutcome = Object.fromEntries(outcomes.map((o) => [o.outcome, o.n]));
    expect(byOutcome.renewed + byOutcome.churned).toBeGreaterThanOrEqual(25);
    expect(byOutcome.churned).toBeGreaterThanOrEqual(3);
    expect(byOutcome.pending).toBeGreaterThanOrEqual(10);

    for (const table of ['milestones', 'qbrs', 'qbr_action_items', 'touchpoints', 'surveys', 'entitlements']) {
      expect(b.one(`SELECT count(*) FROM ${table}`), table).toBeGreaterThan(0);
    }
    const overdue = "SELECT count(*) FROM milestones WHERE achieved_date IS NULL AND target_date < '2026-11-24'";
    expect(b.one(overdue)).toBeGreaterThan(0);
    expect(b.one("SELECT count(*) FROM touchpoints WHERE case_status = 'open'")).toBeGreaterThan(0);
    expect(b.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(b.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('loading twice replaces the demo instead of duplicating it', async () => {
    const b = backend();
    const first = loadDemo(b.context);
    const counts = DEMO_TABLES.map((t) => b.one(`SELECT count(*) FROM ${t}`));
    const second = await ok<{ accounts: number }>(b.api.invoke('demo.load', {}));
    expect(second.accounts).toBe(first.accounts);
    expect(b.one('SELECT count(*) FROM accounts')).toBe(first.accounts);
    expect(DEMO_TABLES.map((t) => b.one(`SELECT count(*) FROM ${t}`))).toEqual(counts);
    expect(b.one('SELECT count(*) FROM features')).toBe(generateDemoBook().features.length);
  });

  it('removes every demo row and leaves the CSM’s own data, and the features it uses, untouched', async () => {
    const b = backend();
    const run = (sql: string, ...params: unknown[]) => Number(b.sqlite.prepare(sql).run(...params).lastInsertRowid);
    // A feature the CSM had before the demo: shared with the demo, never removed with it.
    const ownExport = run("INSERT INTO features (key, name) VALUES ('reports.export', 'Exports')");
    loadDemo(b.context);

    const dashboards = b.one("SELECT id FROM features WHERE key = 'dashboards'");
    const custom = run("INSERT INTO features (key, name) VALUES ('custom.thing', 'Custom thing')");
    const account = run("INSERT INTO accounts (external_id, name, licenses) VALUES ('crm-1', 'Harbor Test Co', 20)");
    const user = run("INSERT INTO users (account_id, external_id, role) VALUES (?, 'u-1', 'manager')", account);
    run('INSERT INTO entitlements (account_id, feature_id) VALUES (?, ?)', account, dashboards);
    const daily = 'INSERT INTO usage_daily (account_id, user_id, feature_id, day, events) VALUES (?, ?, ?, ?, 1)';
    run(daily, account, user, dashboards, TODAY);
    run(daily, account, user, custom, TODAY);
    const event = 'INSERT INTO usage_events (account_id, user_id, feature_id, ts, day) VALUES (?, ?, ?, 0, ?)';
    run(event, account, user, dashboards, TODAY);
    run("INSERT INTO milestones (account_id, kind, name) VALUES (?, 'kickoff', 'Kickoff')", account);
    const qbr = run("INSERT INTO qbrs (account_id, date, attendees) VALUES (?, '2026-11-01', '[]')", account);
    run("INSERT INTO qbr_action_items (qbr_id, account_id, text) VALUES (?, ?, 'Follow up')", qbr, account);
    run("INSERT INTO touchpoints (account_id, kind, date, title) VALUES (?, 'call', '2026-11-02', 'Call')", account);
    run("INSERT INTO surveys (account_id, date, kind, score) VALUES (?, '2026-11-03', 'nps', 9)", account);
    run("INSERT INTO renewals (account_id, renewal_date, outcome) VALUES (?, '2027-01-01', 'pending')", account);
    run("INSERT INTO health_snapshots (account_id, day, score) VALUES (?, '2026-11-24', 80)", account);
    // Health snapshots the app may have taken of demo accounts go with them.
    run("INSERT OR REPLACE INTO health_snapshots (account_id, day, score) SELECT id, '2026-11-24', 50 FROM accounts WHERE is_demo = 1");
    const demoCount = b.one('SELECT count(*) FROM accounts WHERE is_demo = 1');

    const removed = await ok<{ removedAccounts: number }>(b.api.invoke('demo.remove', {}));
    expect(removed.removedAccounts).toBe(demoCount);
    expect(b.sqlite.prepare('SELECT id, name FROM accounts').all()).toEqual([{ id: account, name: 'Harbor Test Co' }]);
    expect(b.sqlite.prepare('SELECT id FROM users').pluck().all()).toEqual([user]);
    for (const table of [...DEMO_TABLES, 'usage_events', 'health_snapshots']) {
      expect(b.one(`SELECT count(*) FROM ${table} WHERE account_id <> ?`, account), table).toBe(0);
      expect(b.one(`SELECT count(*) FROM ${table} WHERE account_id = ?`, account), table).toBeGreaterThan(0);
    }
    expect(b.one('SELECT count(*) FROM usage_daily')).toBe(2);
    const keys = b.sqlite.prepare('SELECT key FROM features ORDER BY key').pluck().all();
    expect(keys).toEqual(['custom.thing', 'dashboards', 'reports.export']);
    expect(b.one("SELECT id FROM features WHERE key = 'reports.export'")).toBe(ownExport);
    expect(b.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(b.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);

    // Removing again is harmless, and the demo can come back.
    expect(removeDemo(b.context)).toEqual({ removedAccounts: 0 });
    expect(loadDemo(b.context).accounts).toBe(demoCount);
  });

  it('is generated deterministically from its seed, and the shipped file is that generation', () => {
    const a = JSON.stringify(generateDemoBook(42));
    const b = JSON.stringify(generateDemoBook(42));
    expect(a).toBe(b);
    expect(JSON.stringify(generateDemoBook(43))).not.toBe(a);
    expect(DemoBook.safeParse(JSON.parse(a)).success).toBe(true);

    const file = findDemoBook();
    expect(file).not.toBeNull();
    const shipped = gunzipSync(fs.readFileSync(file ?? '')).toString('utf8');
    expect(shipped === JSON.stringify(generateDemoBook(DEFAULT_SEED)), 'run `npm run demo:generate`').toBe(true);
    expect(fs.statSync(file ?? '').size).toBeLessThan(2 * 1024 * 1024);
  });
});
