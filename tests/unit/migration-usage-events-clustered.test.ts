// #17: migration 0023 rebuilds usage_events as a WITHOUT ROWID table clustered on the event's identity, without its
// index by import, and fills import_users (how undo now finds an import's events). A store written before it (its
// events filled by plain SQL, out of key order, from two imports, one person at two accounts) opens with every
// event kept, and undoing either import afterwards takes exactly that import's events and rollups away.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { rollupsAndEvents } from '../helpers/import-jobs';
import { migrationsBefore } from '../helpers/migrations';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length > 0) cleanup.pop()?.();
});

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 2, 14, 0, 0);
const D = Math.floor(T / DAY);

// [account, user, feature, event, pinned, ts, day, count, minutes, import, line]: import 1 is a Pendo-style daily
// file, import 2 a Mixpanel-style event file; user 12 ("Jordan Lee", a consultant) at both accounts; one event
// stored with no import (as older test books and hand repairs left them).
const EVENTS = [
  [2, 13, 4, 7, 0, T + 5 * DAY, D + 5, 1, 0, 2, 9],
  [1, 11, 3, 6, 0, T, D, 12, 34.5, 1, 2],
  [1, 12, 3, 6, 0, T, D, 3, 4, 1, 3],
  [2, 12, 3, 6, 0, T, D, 1, 0.5, 2, 4],
  [1, 11, 4, 7, 0, T + DAY, D + 1, 1, 0, 2, 2],
  [1, 11, 3, 6, 0, T + DAY, D + 1, 5, 10, 1, 4],
  [2, 13, 0, 0, 4, T + 2 * DAY, D + 2, 2, 0, 1, 5],
  [1, 12, 4, 7, 0, T + 3 * DAY, D + 3, 1, 0, null, null],
];
const COLUMNS = 'account_id, user_id, feature_id, event_id, pinned_feature_id, ts, day, count, minutes, import_id, line';
const KEY_ORDER = 'ORDER BY user_id, ts, event_id, account_id';

function oldStore(): string {
  const dataDir = tempDir();
  const old = openDatabase({ dataDir, migrationsFolder: migrationsBefore('0023') });
  const sql = old.sqlite;
  sql.exec(`
    INSERT INTO accounts (id, external_id, name) VALUES (1, '0015g00000AbCdE', 'Contoso Ltd'), (2, '0015g00000FgHiJ', 'Fabrikam, Inc.');
    INSERT INTO users (id, account_id, external_id, email, name) VALUES
      (11, 1, 'visitor-8841', 'ana@contoso.com', 'Ana Souza'), (12, 1, 'jordan.lee@agency.io', 'jordan.lee@agency.io', 'Jordan Lee'),
      (13, 2, 'f1c0-77aa', NULL, 'Jordan Lee');
    INSERT INTO user_accounts (user_id, account_id) VALUES (12, 2);
    INSERT INTO features (id, key, name) VALUES (3, 'reports', 'Reports'), (4, 'dashboards', 'Dashboards');
    INSERT INTO event_names (id, name, key) VALUES (6, 'Viewed Report', 'viewed report'), (7, 'dashboard_open', 'dashboard_open');
    INSERT INTO imports (id, file_name, size_bytes, source, kind, time_zone, status, origin, started_at) VALUES
      (1, 'pendo-feature-usage.csv', 900, 'pendo', 'events', 'UTC', 'imported', 'manual', ${T}),
      (2, 'mixpanel-export.jsonl', 700, 'mixpanel', 'events', 'UTC', 'imported', 'manual', ${T + DAY});
  `);
  const insert = sql.prepare(`INSERT INTO usage_events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const e of EVENTS) insert.run(...e);
  sql.exec(`INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes)
            SELECT account_id, user_id, feature_id, day, sum(count), sum(minutes) FROM usage_events GROUP BY 1, 2, 3, 4`);
  old.close();
  return dataDir;
}

describe('opening a store from before usage_events was clustered (0023)', () => {
  it('keeps every event, in one B-tree keyed on its identity, and knows the users of each import', () => {
    const backend = tempBackend({ dataDir: oldStore() });
    cleanup.push(() => backend.close());
    const db = backend.database.sqlite;
    expect(db.prepare("SELECT wr FROM pragma_table_list WHERE name = 'usage_events'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT wr FROM pragma_table_list WHERE name = 'import_users'").pluck().get()).toBe(1);
    // No index but the key itself: neither the identity's unique index nor the one by import is left.
    expect(db.prepare("SELECT origin FROM pragma_index_list('usage_events')").pluck().all()).toEqual(['pk']);
    expect(db.prepare("SELECT name FROM pragma_index_info((SELECT name FROM pragma_index_list('usage_events')))").pluck().all()).toEqual([
      'user_id',
      'ts',
      'event_id',
      'account_id',
    ]);
    // Every event as it was, column for column (sorted here the way the table now is).
    const byKey = [...EVENTS].sort((a, b) => (a[1] as number) - (b[1] as number) || (a[5] as number) - (b[5] as number) || (a[3] as number) - (b[3] as number) || (a[0] as number) - (b[0] as number));
    expect(db.prepare(`SELECT ${COLUMNS} FROM usage_events`).raw().all()).toEqual(byKey);
    expect(db.prepare('SELECT import_id, user_id FROM import_users').raw().all()).toEqual([
      [1, 11],
      [1, 12],
      [1, 13],
      [2, 11],
      [2, 12],
      [2, 13],
    ]);
    // The foreign keys the events had are kept.
    expect(db.prepare("SELECT \"table\", \"from\", on_delete FROM pragma_foreign_key_list('usage_events') ORDER BY 2").raw().all()).toEqual([
      ['accounts', 'account_id', 'CASCADE'],
      ['users', 'user_id', 'CASCADE'],
    ]);
  });

  it("undoes an import stored before it: that import's events and rollups go, the other's stay", async () => {
    const backend = tempBackend({ dataDir: oldStore() });
    cleanup.push(() => backend.close());
    const db = backend.database.sqlite;
    await call(backend, 'imports.undo', { id: 2 });
    const kept = EVENTS.filter((e) => e[9] !== 2).sort((a, b) => (a[1] as number) - (b[1] as number) || (a[5] as number) - (b[5] as number));
    expect(db.prepare(`SELECT ${COLUMNS} FROM usage_events ${KEY_ORDER}`).raw().all()).toEqual(kept);
    // The rollups are the events' sums again (GROUP BY over what is left), and import 2's user list is gone.
    const { rollups, fromEvents } = rollupsAndEvents(db);
    expect(rollups).toEqual(fromEvents);
    expect(db.prepare('SELECT sum(events) FROM usage_daily').pluck().get()).toBe(12 + 3 + 5 + 2 + 1);
    expect(db.prepare('SELECT DISTINCT import_id FROM import_users').pluck().all()).toEqual([1]);

    await call(backend, 'imports.undo', { id: 1 });
    expect(db.prepare(`SELECT ${COLUMNS} FROM usage_events`).raw().all()).toEqual([EVENTS[7]]);
    expect(db.prepare('SELECT account_id, user_id, day, events FROM usage_daily').raw().all()).toEqual([[1, 12, D + 3, 1]]);
    expect(db.prepare('SELECT count(*) FROM import_users').pluck().get()).toBe(0);
  });
});
