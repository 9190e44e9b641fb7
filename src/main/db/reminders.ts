// Reminders (issue #14, point 3): the renewals the daily digest lists.
import type { Store } from './open';
import { prepared } from './statements';

/** Accounts whose renewal date falls in [from, to], soonest first (then by name). */
export function renewalsBetween(
  store: Store,
  from: string,
  to: string,
): { accountId: number; accountName: string; renewalDate: string; arrMinor: number | null; currency: string | null }[] {
  return prepared(
    store.sqlite,
    `SELECT id AS accountId, name AS accountName, renewal_date AS renewalDate, arr_minor AS arrMinor, currency
     FROM accounts WHERE renewal_date BETWEEN ? AND ? ORDER BY renewal_date, name`,
  ).all(from, to) as { accountId: number; accountName: string; renewalDate: string; arrMinor: number | null; currency: string | null }[];
}
