// Removing the accounts an import created, with their users and usage (imports.removeAccounts): a company-wide
// export brings in customers the CSM does not own. The store stays whole: a person also seen at an account that
// stays (an agency consultant) keeps their usage there and moves home to it; everything else hanging off a removed
// account goes with it, by the schema's foreign keys.
import { cascadeDelete, foreignKeys } from './cascade';
import type { Store } from './open';
import { prepared } from './statements';
import { markTasksDirty } from './tasks';

/** The accounts this import created that are still in the store. */
export function accountsCreatedByImport(store: Store, importId: number): Set<number> {
  const rows = prepared(
    store.sqlite,
    `SELECT c.row_id FROM import_changes c JOIN accounts a ON a.id = c.row_id
     WHERE c.import_id = ? AND c.table_name = 'accounts' AND c.before IS NULL`,
  )
    .pluck()
    .all(importId) as number[];
  return new Set(rows);
}

export interface Removed {
  removedAccounts: number;
  removedUsers: number;
  removedRows: number;
}

/**
 * Deletes these accounts and everything hanging off them. Runs inside the caller's transaction, with foreign keys
 * off (withoutForeignKeys): every child row is deleted explicitly, in one statement per table.
 */
export function removeAccountsAndUsage(store: Store, accountIds: readonly number[]): Removed {
  const { sqlite } = store;
  sqlite.exec('DROP TABLE IF EXISTS temp.rm_accounts; DROP TABLE IF EXISTS temp.rm_users');
  sqlite.exec('CREATE TEMP TABLE rm_accounts (id INTEGER PRIMARY KEY)');
  const add = sqlite.prepare('INSERT OR IGNORE INTO temp.rm_accounts (id) VALUES (?)');
  for (const id of accountIds) add.run(id);
  const inRemoved = 'IN (SELECT id FROM temp.rm_accounts)';
  // Everyone with usage at a removed account: its own users and the people seen there from elsewhere.
  sqlite.exec(
    `CREATE TEMP TABLE rm_users AS
     SELECT id FROM users WHERE account_id ${inRemoved} UNION SELECT user_id FROM user_accounts WHERE account_id ${inRemoved}`,
  );
  // Their rows at the removed accounts, found through the events' user index (there is none by account).
  const removedRows = sqlite
    .prepare(`DELETE FROM usage_events WHERE user_id IN (SELECT id FROM temp.rm_users) AND account_id ${inRemoved}`)
    .run().changes;
  sqlite.prepare(`DELETE FROM usage_daily WHERE account_id ${inRemoved}`).run();
  markTasksDirty(sqlite, accountIds);
  // A person also seen at an account that stays moves home there (the lowest id: a stable choice).
  sqlite.exec(
    `UPDATE users SET account_id = (
       SELECT min(ua.account_id) FROM user_accounts ua WHERE ua.user_id = users.id AND ua.account_id NOT ${inRemoved})
     WHERE account_id ${inRemoved}
       AND EXISTS (SELECT 1 FROM user_accounts ua WHERE ua.user_id = users.id AND ua.account_id NOT ${inRemoved})`,
  );
  sqlite.exec(
    `DELETE FROM user_accounts WHERE account_id ${inRemoved}
       OR EXISTS (SELECT 1 FROM users u WHERE u.id = user_accounts.user_id AND u.account_id = user_accounts.account_id)`,
  );
  const keys = foreignKeys(sqlite);
  const removedUsers = cascadeDelete(sqlite, keys, 'users', `account_id ${inRemoved}`);
  const removedAccounts = cascadeDelete(sqlite, keys, 'accounts', `id ${inRemoved}`);
  sqlite.exec('DROP TABLE temp.rm_accounts; DROP TABLE temp.rm_users');
  return { removedAccounts, removedUsers, removedRows };
}
