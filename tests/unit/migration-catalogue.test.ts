// Issue #11: a store written before the feature catalogue (migrations 0000–0003, where a feature was an event name)
// opens in this Bearing with every stored event still counting where it counted, its name kept as the event's,
// events differing only in the case of their name kept once, and every user kept at their account. The old store
// is built by the old migrations and filled by plain SQL, as an older Bearing left it.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { migrationsBefore } from '../helpers/migrations';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length > 0) cleanup.pop()?.();
});

describe('opening a store from before the feature catalogue', () => {
  it('keeps every event counting as its feature, merges case variants once, and keeps users at their account', async () => {
    const dataDir = tempDir();
    const old = openDatabase({ dataDir, migrationsFolder: migrationsBefore('0004') });
    const sql = old.sqlite;
    sql.prepare("INSERT INTO accounts (id, external_id, name) VALUES (1, 'acme', 'Acme Corp')").run();
    sql.prepare("INSERT INTO users (id, account_id, external_id, email, name) VALUES (1, 1, 'u-1', 'ana@acme.example', 'Ana Silva'), (2, 1, 'u-2', 'ben@acme.example', 'Ben Okafor')").run();
    sql.prepare("INSERT INTO features (id, key, name, is_key) VALUES (1, 'Viewed Dashboard', 'Viewed Dashboard', 1), (2, 'viewed dashboard', 'viewed dashboard', 0), (3, 'Exported Report', 'Exported Report', 0)").run();
    const t = Date.UTC(2026, 10, 2, 9);
    const day = Math.floor(t / 86_400_000);
    const insert = sql.prepare('INSERT INTO usage_events (account_id, user_id, feature_id, ts, day) VALUES (1, ?, ?, ?, ?)');
    insert.run(1, 1, t, day); // Ana viewed a dashboard...
    insert.run(1, 2, t, day); // ...and the same instant under the lower-case name: the same event, kept once.
    insert.run(1, 3, t + 60_000, day); // Ana exported a report.
    insert.run(2, 1, t + 3_600_000, day); // Ben viewed a dashboard.
    old.close();

    const backend = tempBackend({ dataDir });
    cleanup.push(() => backend.close());
    const db = backend.database.sqlite;
    // Counted by hand: 4 rows, one a case variant of another at the same user and instant.
    expect(db.prepare('SELECT count(*) FROM usage_events').pluck().get()).toBe(3);
    expect(db.prepare('SELECT count(*) FROM usage_events WHERE event_id = 0').pluck().get()).toBe(0);
    const events = db
      .prepare('SELECT u.external_id AS user, en.name AS event FROM usage_events e JOIN users u ON u.id = e.user_id JOIN event_names en ON en.id = e.event_id ORDER BY e.ts')
      .all();
    expect(events).toEqual([
      { user: 'u-1', event: 'Viewed Dashboard' },
      { user: 'u-1', event: 'Exported Report' },
      { user: 'u-2', event: 'Viewed Dashboard' },
    ]);
    // Both people stay at home at Acme: user_accounts holds only the other accounts a person is seen at.
    expect(db.prepare('SELECT external_id, account_id FROM users ORDER BY id').raw().all()).toEqual([
      ['u-1', 1],
      ['u-2', 1],
    ]);
    expect(db.prepare('SELECT count(*) FROM user_accounts ua JOIN users u ON u.id = ua.user_id WHERE ua.account_id <> u.account_id').pluck().get()).toBe(0);
    // The catalogue names the old features, the key flag kept; each counts its own event name.
    const features = await call<{ name: string; isKey: boolean; events: string[] }[]>(backend, 'features.list');
    const byName = new Map(features.map((f) => [f.name, f]));
    expect(byName.get('Viewed Dashboard')).toMatchObject({ isKey: true, events: ['Viewed Dashboard'] });
    expect(byName.get('Exported Report')).toMatchObject({ isKey: false, events: ['Exported Report'] });
  });
});
