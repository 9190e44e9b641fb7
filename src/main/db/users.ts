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
