// #17: migrations 0019 and 0020 rebuild usage_daily and health_snapshots as WITHOUT ROWID tables clustered on their
// keys, and health_snapshots keeps each component score in a column instead of one JSON text. A store written
// before them (its tables filled by plain SQL, as the older Bearing left them) opens with every rollup row and
// every snapshot kept, each snapshot decoding to the JSON it held, and the work queue still marked on writes.
import { afterEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_JSON } from '../../src/main/db/health-snapshots';
import { openDatabase } from '../../src/main/db/open';
import { refreshHealthSnapshots } from '../../src/main/services/health-snapshots';
import { COMPONENT_NAMES } from '../../src/shared/metrics/settings';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { migrationsBefore } from '../helpers/migrations';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length > 0) cleanup.pop()?.();
});

// Two snapshots as 0018's table held them: one with a rule that fired, one with components missing.
const OLD_SNAPSHOTS = [
  {
    day: '2026-11-20',
    score: 41.5,
    status: 'red',
    json: '{"usage":35.5,"breadth":50,"frequency":20.3,"exposure":100,"relationship":null,"satisfaction":70,"metric.licenseUtilization":0.4,"rule.no-usage":1}',
  },
  { day: '2026-11-21', score: 62.1, status: 'yellow', json: '{"usage":61.2,"breadth":null,"frequency":null,"exposure":null,"relationship":80,"satisfaction":null,"metric.licenseUtilization":null}' },
];

describe('opening a store from before the clustered tables (0019, 0020)', () => {
  it('keeps every rollup row and every snapshot, as columns that decode to the JSON they held', () => {
    const dataDir = tempDir();
    const old = openDatabase({ dataDir, migrationsFolder: migrationsBefore('0019') });
    const sql = old.sqlite;
    sql.prepare("INSERT INTO accounts (id, external_id, name) VALUES (1, '0015g00000AbCdE', 'Contoso Ltd'), (2, '0015g00000FgHiJ', 'Fabrikam')").run();
    // Rollups out of key order, the way an import's upserts left them in rowid order.
    const rollups = [
      [2, 7, 3, 20778, 4, 12.5],
      [1, 5, 0, 20777, 1, 0],
      [1, 5, 3, 20777, 2, 3],
      [1, 6, 3, 20776, 0, 0],
    ];
    const insert = sql.prepare('INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of rollups) insert.run(...r);
    const snapshot = sql.prepare('INSERT INTO health_snapshots (account_id, day, score, status, components) VALUES (1, ?, ?, ?, ?)');
    for (const s of OLD_SNAPSHOTS) snapshot.run(s.day, s.score, s.status, s.json);
    old.close();

    const backend = tempBackend({ dataDir });
    cleanup.push(() => backend.close());
    const db = backend.database.sqlite;
    const withoutRowid = (name: string) => db.prepare('SELECT wr FROM pragma_table_list WHERE name = ?').pluck().get(name);
    expect(withoutRowid('usage_daily')).toBe(1);
    expect(withoutRowid('health_snapshots_tenths')).toBe(1);
    // Migration 0022: stored as whole tenths, integers (2 bytes each); the view health_snapshots gives points back.
    expect(db.prepare('SELECT score, typeof(score), usage, typeof(usage), relationship FROM health_snapshots_tenths ORDER BY day').raw().all()).toEqual([
      [415, 'integer', 355, 'integer', null],
      [621, 'integer', 612, 'integer', 800],
    ]);
    // Every rollup row, now in key order (account, day, user, feature).
    expect(db.prepare('SELECT account_id, user_id, feature_id, day, events, minutes FROM usage_daily').raw().all()).toEqual([
      [1, 6, 3, 20776, 0, 0],
      [1, 5, 0, 20777, 1, 0],
      [1, 5, 3, 20777, 2, 3],
      [2, 7, 3, 20778, 4, 12.5],
    ]);
    const stored = db.prepare(`SELECT day, score, status, usage, relationship, license_utilization AS u, rules, ${SNAPSHOT_JSON} AS json FROM health_snapshots s ORDER BY day`).all() as {
      day: string;
      score: number;
      status: string;
      usage: number;
      relationship: number | null;
      u: number | null;
      rules: string | null;
      json: string;
    }[];
    expect(stored.map((s) => [s.day, s.score, s.status, s.usage, s.relationship, s.u, s.rules])).toEqual([
      ['2026-11-20', 41.5, 'red', 35.5, null, 0.4, '{"rule.no-usage":1}'],
      ['2026-11-21', 62.1, 'yellow', 61.2, 80, null, null],
    ]);
    // Decoded, each is the JSON it held, keys in the same order.
    stored.forEach((s, i) => {
      const before = JSON.parse(OLD_SNAPSHOTS[i].json) as object;
      expect(JSON.parse(s.json)).toEqual(before);
      expect(Object.keys(JSON.parse(s.json) as object)).toEqual(Object.keys(before));
    });
    // Neither table keeps a work-queue trigger: their writers mark task_dirty (0020, 0021; usage-task-marks.test.ts).
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('usage_daily', 'health_snapshots', 'health_snapshots_tenths')").pluck().get()).toBe(0);
  });

  it('has a snapshot column for every health component', () => {
    const backend = tempBackend();
    cleanup.push(() => backend.close());
    for (const table of ['health_snapshots', 'health_snapshots_tenths']) {
      const columns = backend.database.sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table);
      for (const name of COMPONENT_NAMES) expect(columns).toContain(name);
    }
  });

  it('marks the work queue when a snapshot is written, as the triggers did', async () => {
    const backend = tempBackend();
    cleanup.push(() => backend.close());
    const db = backend.database.sqlite;
    await call(backend, 'tasks.list', {});
    expect(db.prepare('SELECT account_id FROM task_dirty').pluck().all()).toEqual([]);
    db.prepare("INSERT INTO accounts (id, name) VALUES (3, 'Northwind Traders')").run();
    db.prepare('INSERT INTO usage_daily (account_id, user_id, feature_id, day, events) VALUES (3, 1, 0, 20780, 2)').run();
    db.prepare('DELETE FROM task_dirty').run();
    refreshHealthSnapshots(backend.context, { accountIds: [3] });
    expect(db.prepare('SELECT count(*) FROM health_snapshots WHERE account_id = 3').pluck().get()).toBeGreaterThan(0);
    expect(db.prepare('SELECT account_id FROM task_dirty').pluck().all()).toEqual([3]);
  });
});
