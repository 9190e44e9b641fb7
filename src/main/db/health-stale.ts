// The health_stale table: which accounts' health history must be recomputed, and from which day. A write that
// changes what health reads marks its accounts in its own transaction; the recompute that covers a mark clears it
// in the transaction that writes the snapshots. So an import killed after its commit, or a recompute refused by a
// busy store, leaves a mark behind, and the next background repair finds it.
import type Database from 'better-sqlite3';
import { prepared } from './statements';

export interface StaleMark {
  accountId: number;
  /** First day (day number) to recompute; null = the whole history. */
  fromDay: number | null;
  generation: number;
}

/**
 * Marks accounts (or every account) stale from fromDay (null: the whole history). A mark already there keeps the
 * earlier of the two days and takes a new generation.
 */
export function markHealthStale(sqlite: Database.Database, accountIds: readonly number[] | 'all', fromDay: number | null): void {
  const upsert = prepared(
    sqlite,
    `INSERT INTO health_stale (account_id, from_day, generation)
     VALUES (?, ?, 1 + coalesce((SELECT max(generation) FROM health_stale), 0))
     ON CONFLICT (account_id) DO UPDATE SET
       from_day = CASE WHEN health_stale.from_day IS NULL OR excluded.from_day IS NULL THEN NULL
                       ELSE min(health_stale.from_day, excluded.from_day) END,
       generation = excluded.generation`,
  );
  if (accountIds === 'all') {
    prepared(
      sqlite,
      `INSERT INTO health_stale (account_id, from_day, generation)
       SELECT id, ?, 1 + coalesce((SELECT max(generation) FROM health_stale), 0) FROM accounts WHERE true
       ON CONFLICT (account_id) DO UPDATE SET
         from_day = CASE WHEN health_stale.from_day IS NULL OR excluded.from_day IS NULL THEN NULL
                         ELSE min(health_stale.from_day, excluded.from_day) END,
         generation = excluded.generation`,
    ).run(fromDay);
    return;
  }
  for (const id of accountIds) upsert.run(id, fromDay);
}

/** Every mark, oldest first (account order within a generation). */
export function staleMarks(sqlite: Database.Database): StaleMark[] {
  return prepared(sqlite, 'SELECT account_id AS accountId, from_day AS fromDay, generation FROM health_stale ORDER BY generation, account_id').all() as StaleMark[];
}

/** The marks of some accounts, by account. */
export function staleMarksOf(sqlite: Database.Database, accountIds: readonly number[]): Map<number, StaleMark> {
  const get = prepared(sqlite, 'SELECT account_id AS accountId, from_day AS fromDay, generation FROM health_stale WHERE account_id = ?');
  const out = new Map<number, StaleMark>();
  for (const id of accountIds) {
    const mark = get.get(id) as StaleMark | undefined;
    if (mark) out.set(id, mark);
  }
  return out;
}

/** Clears a mark, unless a later write re-marked the account since it was read (its generation moved on). */
export function clearStaleMark(sqlite: Database.Database, accountId: number, generation: number): void {
  prepared(sqlite, 'DELETE FROM health_stale WHERE account_id = ? AND generation <= ?').run(accountId, generation);
}

/** Marks of accounts that no longer exist (removed with foreign keys off): nothing to recompute. */
export function dropOrphanMarks(sqlite: Database.Database): void {
  prepared(sqlite, 'DELETE FROM health_stale WHERE account_id NOT IN (SELECT id FROM accounts)').run();
}

/**
 * Accounts whose history stops before `day` (the app was not running on the days since, or it never had any):
 * each with the day after its latest snapshot, or null when it has none.
 */
export function historyEndingBefore(sqlite: Database.Database, day: string): { accountId: number; lastDay: string | null }[] {
  return prepared(
    sqlite,
    `SELECT a.id AS accountId, (SELECT max(s.day) FROM health_snapshots s WHERE s.account_id = a.id) AS lastDay
     FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM health_snapshots s WHERE s.account_id = a.id AND s.day = ?)`,
  ).all(day) as { accountId: number; lastDay: string | null }[];
}

/** The highest user id so far (users created later have higher ids): 0 in an empty store. */
export function lastUserId(sqlite: Database.Database): number {
  return (prepared(sqlite, 'SELECT coalesce(max(id), 0) AS n FROM users').get() as { n: number }).n;
}

/**
 * Of the given accounts, those where a user that existed before (id <= lastUserBefore) has no usage before
 * fromDay: such a user may have had no usage at all, and a user without usage counts as known on every day, one
 * with usage only from their first day; so that account's whole history may have changed, not only its days
 * from fromDay on.
 */
export function accountsWithUsersFirstSeenFrom(sqlite: Database.Database, accountIds: readonly number[], lastUserBefore: number, fromDay: number): number[] {
  if (lastUserBefore <= 0 || accountIds.length === 0) return [];
  const stmt = prepared(
    sqlite,
    `SELECT 1 FROM usage_daily WHERE account_id = ? AND user_id <= ? GROUP BY user_id HAVING min(day) >= ? LIMIT 1`,
  );
  return accountIds.filter((id) => stmt.get(id, lastUserBefore, fromDay) !== undefined);
}
