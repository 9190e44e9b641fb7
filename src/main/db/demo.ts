// What only the demo loader writes and removes: accounts, users and entitlements flagged as demo, usage rollups
// in batches, and the removal of every demo row with everything hanging off it. The demo's milestones, QBRs,
// touchpoints, surveys and renewals go through the ordinary inserts of their tables.
import { cascadeDelete, foreignKeys, quote } from './cascade';
import type { Store } from './open';

/** Rows per INSERT for usage: one statement call per row is most of the load time otherwise. */
export const USAGE_BATCH = 100;

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
  // usage_daily carries no foreign keys (it is a rollup), so it is cleared by hand.
  sqlite.prepare(`DELETE FROM usage_daily WHERE account_id IN (${demoAccounts})`).run();
  sqlite.prepare('DELETE FROM usage_daily WHERE user_id IN (SELECT id FROM users WHERE is_demo = 1)').run();
  cascadeDelete(sqlite, keys, 'users', 'is_demo = 1');
  return cascadeDelete(sqlite, keys, 'accounts', 'is_demo = 1');
}

export function demoAccountIds(store: Store): number[] {
  return (store.sqlite.prepare('SELECT id FROM accounts WHERE is_demo = 1').all() as { id: number }[]).map((r) => r.id);
}

/** Which of these feature ids some row still points at: any column named feature_id, declared foreign key or not. */
export function featureIdsInUse(store: Store, ids: readonly number[]): Set<number> {
  const tables = store.sqlite
    .prepare(
      `SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) c
       WHERE m.type = 'table' AND c.name = 'feature_id'`,
    )
    .all() as { name: string }[];
  const list = ids.join(',');
  const used = new Set<number>();
  for (const { name } of tables) {
    const rows = store.sqlite
      .prepare(`SELECT DISTINCT feature_id AS id FROM ${quote(name)} WHERE feature_id IN (${list})`)
      .all() as { id: number }[];
    for (const r of rows) used.add(r.id);
  }
  return used;
}

export interface DemoAccountRow {
  externalId: string;
  name: string;
  owner: string;
  industry: string;
  arrMinor: number;
  currency: string;
  licenses: number;
  contractStart: string;
  renewalDate: string;
  crmStage: string;
}

export interface DemoUserRow {
  email: string;
  name: string;
  role: string;
  department: string;
}

/** The demo's own inserts, prepared once per load; every row is flagged is_demo. */
export function demoInserts(store: Store) {
  const { sqlite } = store;
  const usageRow = '(?, ?, ?, ?, ?, ?)';
  const usageSql = 'INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes) VALUES ';
  const account = sqlite.prepare(
    `INSERT INTO accounts (external_id, name, owner, industry, arr_minor, currency, licenses, contract_start,
       renewal_date, crm_stage, is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const user = sqlite.prepare(
    `INSERT INTO users (account_id, external_id, email, name, role, department, is_demo, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
  );
  const entitlement = sqlite.prepare('INSERT INTO entitlements (account_id, feature_id, paid) VALUES (?, ?, ?)');
  const usageBatch = sqlite.prepare(usageSql + Array(USAGE_BATCH).fill(usageRow).join(', '));
  const usageOne = sqlite.prepare(usageSql + usageRow);
  return {
    account: (a: DemoAccountRow, now: number): number =>
      Number(
        account.run(a.externalId, a.name, a.owner, a.industry, a.arrMinor, a.currency, a.licenses, a.contractStart, a.renewalDate,
          a.crmStage, now, now).lastInsertRowid,
      ),
    /** A demo user's e-mail is also its analytics id. */
    user: (accountId: number, u: DemoUserRow, now: number): number =>
      Number(user.run(accountId, u.email, u.email, u.name, u.role, u.department, now).lastInsertRowid),
    entitlement: (accountId: number, featureId: number, paid: number | null): void => {
      entitlement.run(accountId, featureId, paid);
    },
    /**
     * Usage rollup rows, flattened six values a row (account, user, feature, day, events, minutes): exactly
     * USAGE_BATCH rows in one statement, or any number one row at a time.
     */
    usageBatch: (values: number[]): void => {
      usageBatch.run(...values);
    },
    usageRows: (values: number[]): void => {
      for (let i = 0; i < values.length; i += 6) usageOne.run(...values.slice(i, i + 6));
    },
  };
}

export type DemoInserts = ReturnType<typeof demoInserts>;
