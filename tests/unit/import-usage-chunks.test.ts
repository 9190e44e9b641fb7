// The chunked usage writer on a real store, with chunks of a few rows so that every boundary case is crossed:
// duplicates inside a chunk, across chunks and across imports, the listed duplicates in line order with the
// line and import they repeat, the list limit, the rollups against a GROUP BY of the stored events, and the
// date range and distinct accounts and users of the rows that were stored.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { UsageFact } from '../../src/main/import/store-facts';
import { StoreWriter } from '../../src/main/import/store-writer';
import { tempBackend } from '../helpers/backend';
import { count, rollupsAndEvents } from '../helpers/import-jobs';

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
});

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const HOUR = 3_600_000;

function fact(user: string, account: string, feature: string | null, ts: number, minutes = 1): UsageFact {
  return { accountExternalId: account, accountName: null, userExternalId: user, email: null, userName: null, event: feature, feature: null, ts, count: 1, minutes, dateMin: null, dateMax: null };
}

/** One import of `rows` (line = index + 2) through a StoreWriter with tiny chunks, in its own transaction. */
function importRows(b: Backend, rows: UsageFact[], options: { chunkRows: number; listLimit?: number }) {
  const sqlite = b.database.sqlite;
  return sqlite.transaction(() => {
    const importId = Number(
      sqlite
        .prepare(`INSERT INTO imports (file_name, size_bytes, source, kind, time_zone, status, origin, started_at) VALUES ('t.csv', 0, 'generic', 'events', 'UTC', 'running', 'cli', 0)`)
        .run().lastInsertRowid,
    );
    const writer = new StoreWriter(sqlite, importId, 'UTC', options);
    rows.forEach((r, i) => expect(writer.writeUsage(r, i + 2).kind).toBe('inserted'));
    const flushed = writer.flushUsage();
    return { importId, flushed, accounts: writer.distinctAccounts, users: writer.distinctUsers };
  })();
}

describe('UsageChunks through the StoreWriter', () => {
  it('stores each event once across chunk boundaries and imports, and keeps usage_daily equal to the events', () => {
    backend = tempBackend();
    const rows = [
      fact('u-1', 'acme', 'Reports', T0), // line 2
      fact('u-2', 'acme', 'Reports', T0 + HOUR), // 3
      fact('u-1', 'acme', 'Reports', T0), // 4: same chunk as line 2 -> duplicate of 2
      fact('u-3', 'globex', null, T0 + 2 * HOUR, 2.5), // 5
      fact('u-2', 'acme', 'Reports', T0 + HOUR), // 6: next chunk -> duplicate of 3 (stored by this import)
      fact('u-1', 'acme', 'Export', T0 + 25 * HOUR), // 7: next day
      fact('u-1', 'acme', 'Reports', T0 + 30 * 60_000), // 8: same user, day and feature as 2 -> one rollup row
    ];
    const first = importRows(backend, rows, { chunkRows: 4 });
    expect(first.flushed).toMatchObject({ staged: 7, inserted: 5, duplicateCount: 2 });
    expect(first.flushed.duplicates).toEqual([
      { line: 4, duplicateOf: 2, importId: first.importId },
      { line: 6, duplicateOf: 3, importId: first.importId },
    ]);
    expect(first.flushed.dateRange).toEqual({ min: T0, max: T0 + 25 * HOUR });
    expect([first.accounts, first.users]).toEqual([2, 3]);
    const sqlite = backend.database.sqlite;
    expect(count(sqlite, 'SELECT count(*) FROM usage_events')).toBe(5);
    expect(count(sqlite, 'SELECT events FROM usage_daily d JOIN features f ON f.id = d.feature_id WHERE f.name = ? AND d.day = ?', 'Reports', Math.floor(T0 / 86_400_000))).toBe(2);
    let { rollups, fromEvents } = rollupsAndEvents(sqlite);
    expect(rollups).toEqual(fromEvents);
    // Undo finds an import's events through import_users: each user once, those with stored events (a full scan
    // of the events by import says which), whatever chunks their rows fell in.
    const importUsers = (id: number) => sqlite.prepare('SELECT user_id FROM import_users WHERE import_id = ? ORDER BY 1').pluck().all(id);
    const eventUsers = (id: number) => sqlite.prepare('SELECT DISTINCT user_id FROM usage_events NOT INDEXED WHERE import_id = ? ORDER BY 1').pluck().all(id);
    expect(importUsers(first.importId)).toHaveLength(3);
    expect(importUsers(first.importId)).toEqual(eventUsers(first.importId));

    // Again, plus one new row: every old row is a duplicate of the first import's, in line order.
    const second = importRows(backend, [...rows, fact('u-4', 'initech', 'Reports', T0 + 3 * HOUR)], { chunkRows: 3 });
    expect(second.flushed).toMatchObject({ staged: 8, inserted: 1, duplicateCount: 7 });
    expect(second.flushed.duplicates.map((d) => [d.line, d.duplicateOf, d.importId === first.importId])).toEqual([
      [2, 2, true],
      [3, 3, true],
      [4, 2, true],
      [5, 5, true],
      [6, 3, true],
      [7, 7, true],
      [8, 8, true],
    ]);
    expect(second.flushed.dateRange).toEqual({ min: T0 + 3 * HOUR, max: T0 + 3 * HOUR });
    expect([second.accounts, second.users]).toEqual([1, 1]);
    ({ rollups, fromEvents } = rollupsAndEvents(sqlite));
    expect(rollups).toEqual(fromEvents);
    expect(count(sqlite, 'SELECT sum(events) FROM usage_daily')).toBe(6);
    // Only u-4's row was stored by the second import.
    expect(importUsers(second.importId)).toEqual(eventUsers(second.importId));
    expect(importUsers(second.importId)).toEqual([count(sqlite, "SELECT id FROM users WHERE external_id = 'u-4'")]);
  });

  it('counts every duplicate but lists only up to the limit, the earliest lines first', () => {
    backend = tempBackend();
    const rows = Array.from({ length: 30 }, (_, i) => fact('u-1', 'acme', 'Reports', T0 + (i % 5) * 1000));
    const { flushed } = importRows(backend, rows, { chunkRows: 7, listLimit: 4 });
    expect(flushed).toMatchObject({ staged: 30, inserted: 5, duplicateCount: 25 });
    expect(flushed.duplicates.map((d) => [d.line, d.duplicateOf])).toEqual([
      [7, 2],
      [8, 3],
      [9, 4],
      [10, 5],
    ]);
    expect(count(backend.database.sqlite, 'SELECT sum(events) FROM usage_daily')).toBe(5);
  });

  it('answers an empty flush for a file with no usage rows', () => {
    backend = tempBackend();
    expect(importRows(backend, [], { chunkRows: 4 }).flushed).toEqual({ staged: 0, inserted: 0, duplicates: [], duplicateCount: 0, dateRange: null });
  });
});
