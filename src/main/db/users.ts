// The users table: the people of each account, identified by the analytics tool's id or their e-mail.
import type { Store } from './open';
import { prepared } from './statements';

/** The account's user (at home there, or seen there from another account) with this e-mail (any case) or external id, the oldest when several match. */
export function userIdOfAccount(store: Store, accountId: number, emailOrExternalId: string): number | undefined {
  const row = prepared(
    store.sqlite,
    `SELECT id FROM users WHERE (account_id = ? OR id IN (SELECT user_id FROM user_accounts WHERE account_id = ?))
       AND (lower(email) = lower(?) OR external_id = ?) ORDER BY id LIMIT 1`,
  ).get(accountId, accountId, emailOrExternalId, emailOrExternalId) as { id: number } | undefined;
  return row?.id;
}

export interface UserContact {
  id: number;
  name: string | null;
  email: string | null;
  externalId: string;
}

/** These users (ids), as far as they are the account's own or seen there, in the order given. */
export function usersOfAccountByIds(store: Store, accountId: number, ids: readonly number[]): UserContact[] {
  const stmt = prepared(
    store.sqlite,
    `SELECT id, name, email, external_id AS externalId FROM users
       WHERE id = ? AND (account_id = ? OR id IN (SELECT user_id FROM user_accounts WHERE account_id = ?))`,
  );
  return ids.map((id) => stmt.get(id, accountId, accountId) as UserContact | undefined).filter((u): u is UserContact => u !== undefined);
}

/** The account's own managers, executives and admins with an e-mail: whom a check-in, QBR or renewal e-mail goes to. */
export function accountContacts(store: Store, accountId: number): UserContact[] {
  return prepared(
    store.sqlite,
    `SELECT id, name, email, external_id AS externalId FROM users
       WHERE account_id = ? AND role IN ('executive', 'manager', 'admin') AND email IS NOT NULL AND email <> ''
       ORDER BY CASE role WHEN 'executive' THEN 0 WHEN 'manager' THEN 1 ELSE 2 END, lower(coalesce(name, email)), id`,
  ).all(accountId) as UserContact[];
}
