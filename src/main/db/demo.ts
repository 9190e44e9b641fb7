// What tells the demo book apart and takes it out again. The demo is written through the importer and the services
// like any CSM's data; here its imports' new accounts and users are flagged is_demo, and removal deletes every demo
// row with everything hanging off it, then the demo imports' records.
import { cascadeDelete, foreignKeys } from './cascade';
import type { Store } from './open';
import { markTasksDirty } from './tasks';

/**
 * Runs fn with foreign keys off. Deleting demo accounts with cascades on makes SQLite search every child table once
 * per deleted account, and usage_events has no index on account_id, so with a large import that is one full scan of
 * it per demo account; instead every child row is deleted explicitly (deleteDemoRows), one statement per table.
 * The pragma cannot change inside a transaction; then fn runs as is (correct, only slower).
 */
export function withoutForeignKeys<T>(store: Store, fn: () => T): T {
  const { sqlite } = store;
  if (sqlite.inTransaction || sqlite.pragma('foreign_keys', { simple: true }) !== 1) return fn();
  sqlite.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

/** Removes every demo account and user and everything hanging off them; returns the accounts removed. */
export function deleteDemoRows(store: Store): number {
  const { sqlite } = store;
  const keys = foreignKeys(sqlite);
  const demoAccounts = 'SELECT id FROM accounts WHERE is_demo = 1';
  // usage_daily carries no foreign keys (it is a rollup), so it is cleared by hand; nor triggers (migration 0021):
  // the rows its demo users left at real accounts are gone too, so the whole book's work queue is marked.
  markTasksDirty(sqlite, [0]);
  sqlite.prepare(`DELETE FROM usage_daily WHERE account_id IN (${demoAccounts})`).run();
  sqlite.prepare('DELETE FROM usage_daily WHERE user_id IN (SELECT id FROM users WHERE is_demo = 1)').run();
  cascadeDelete(sqlite, keys, 'users', 'is_demo = 1');
  return cascadeDelete(sqlite, keys, 'accounts', 'is_demo = 1');
}

/** The demo accounts by their id in the CRM (external_id). */
export function demoAccountsByExternalId(store: Store): Map<string, number> {
  const rows = store.sqlite.prepare('SELECT id, external_id AS externalId FROM accounts WHERE is_demo = 1').all() as { id: number; externalId: string | null }[];
  return new Map(rows.filter((r) => r.externalId !== null).map((r) => [r.externalId as string, r.id]));
}

/** The imports the demo book made (origin 'demo'), newest first. */
export function demoImportIds(store: Store): number[] {
  return (store.sqlite.prepare("SELECT id FROM imports WHERE origin = 'demo' ORDER BY id DESC").all() as { id: number }[]).map((r) => r.id);
}

/** Flags the accounts and users these imports created as demo rows (the banner counts them, removal takes them). */
export function flagCreatedAsDemo(store: Store, importIds: readonly number[]): void {
  if (importIds.length === 0) return;
  const created = (table: string) =>
    `SELECT row_id FROM import_changes WHERE table_name = '${table}' AND before IS NULL AND import_id IN (${importIds.map(Number).join(',')})`;
  store.sqlite.prepare(`UPDATE accounts SET is_demo = 1 WHERE id IN (${created('accounts')})`).run();
  store.sqlite.prepare(`UPDATE users SET is_demo = 1 WHERE id IN (${created('users')})`).run();
}

/** Deletes these imports' records (history, rejected lines, change log) once their rows are gone. */
export function deleteImportRecords(store: Store, importIds: readonly number[]): void {
  if (importIds.length === 0) return;
  const { sqlite } = store;
  const keys = foreignKeys(sqlite);
  cascadeDelete(sqlite, keys, 'imports', `id IN (${importIds.map(Number).join(',')})`);
}

/** The usage events stored for demo accounts (the sum of the rows' counts). */
export function demoUsageEvents(store: Store): number {
  const row = store.sqlite
    .prepare('SELECT coalesce(sum(count), 0) AS n FROM usage_events WHERE account_id IN (SELECT id FROM accounts WHERE is_demo = 1)')
    .get() as { n: number };
  return row.n;
}
