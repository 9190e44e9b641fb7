// Statements prepared once per connection. Preparing costs about as much as running a small query, and the health
// history runs the same few queries for every day of every account, so every query of db/ goes through here.
import type Database from 'better-sqlite3';

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The statement for this SQL on this connection, prepared the first time it is asked for. A cached statement is
 * shared by every caller of the same SQL: never switch its mode (raw, pluck) unless every caller wants that mode.
 */
export function prepared(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = sqlite.prepare(sql)));
  return s;
}

/** Rows of many accounts, mapped and grouped by account in their order. */
export function groupByAccount<T extends { accountId: number }, U>(rows: readonly T[], map: (row: T) => U): Map<number, U[]> {
  const out = new Map<number, U[]>();
  for (const r of rows) {
    let list = out.get(r.accountId);
    if (!list) out.set(r.accountId, (list = []));
    list.push(map(r));
  }
  return out;
}
