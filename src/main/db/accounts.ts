// The accounts table: the list and one account as stored, the stage override, and the small lookups services make
// before a write (does it exist, its dates, its licenses).
import { and, asc, count, eq, like, type SQL } from 'drizzle-orm';
import type { Stage } from '../../shared/contract';
import type { Store } from './open';
import { accounts } from './schema';
import { prepared } from './statements';

export type AccountRow = typeof accounts.$inferSelect;

export interface AccountBasics {
  id: number;
  name: string;
  contractStart: string | null;
  renewalDate: string | null;
  stageOverride: Stage | null;
}

/** Accounts in name order, those whose name contains `search` when given (LIKE wildcards in it match literally). */
export function accountsByName(store: Store, search?: string): AccountRow[] {
  const filters: SQL[] = [];
  if (search) filters.push(like(accounts.name, `%${search.replace(/[%_]/g, '')}%`));
  return store.db
    .select()
    .from(accounts)
    .where(filters.length ? and(...filters) : undefined)
    .orderBy(asc(accounts.name))
    .all();
}

export function accountRow(store: Store, id: number): AccountRow | undefined {
  return store.db.select().from(accounts).where(eq(accounts.id, id)).get();
}

export function updateAccountStage(
  store: Store,
  id: number,
  changes: { updatedAt: number; stageOverride?: Stage | null; stageOverrideAt?: number | null },
): void {
  store.db.update(accounts).set(changes).where(eq(accounts.id, id)).run();
}

/** The account with this id in its source (the CRM's id), if any. */
export function accountByExternalId(store: Store, externalId: string): { id: number; externalId: string | null; name: string } | undefined {
  return store.db.select({ id: accounts.id, externalId: accounts.externalId, name: accounts.name }).from(accounts).where(eq(accounts.externalId, externalId)).get();
}

export function accountBasics(store: Store, id: number): AccountBasics | undefined {
  return prepared(
    store.sqlite,
    'SELECT id, name, contract_start AS contractStart, renewal_date AS renewalDate, stage_override AS stageOverride FROM accounts WHERE id = ?',
  ).get(id) as AccountBasics | undefined;
}

/** The licenses of an account that exists. */
export function accountLicenses(store: Store, id: number): number | null {
  return (prepared(store.sqlite, 'SELECT licenses FROM accounts WHERE id = ?').get(id) as { licenses: number | null }).licenses;
}

export function accountExists(store: Store, id: number): boolean {
  return prepared(store.sqlite, 'SELECT 1 FROM accounts WHERE id = ?').get(id) !== undefined;
}

/** Every account's id, ascending. */
export function accountIds(store: Store): number[] {
  return prepared(store.sqlite, 'SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
}

export function countAccounts(store: Store, options: { demoOnly?: boolean } = {}): number {
  const query = store.db.select({ n: count() }).from(accounts);
  return (options.demoOnly ? query.where(eq(accounts.isDemo, true)) : query).get()?.n ?? 0;
}
