// The renewals table: the history of renewal outcomes per account (renewed, churned, pending).
import type { Store } from './open';
import { prepared } from './statements';

/**
 * Each account's latest decided renewal on or before asOf (all of them tied on that date), for every account or
 * one. A pending renewal decides nothing.
 */
export function latestDecidedRenewals(store: Store, asOf: string, accountId?: number): { account_id: number; outcome: string }[] {
  return prepared(
    store.sqlite,
    `SELECT account_id, outcome FROM renewals r
       WHERE outcome != 'pending' AND renewal_date <= ? AND (? IS NULL OR account_id = ?)
         AND renewal_date = (SELECT max(renewal_date) FROM renewals r2
                             WHERE r2.account_id = r.account_id AND r2.outcome != 'pending' AND r2.renewal_date <= ?)`,
  ).all(asOf, accountId ?? null, accountId ?? null, asOf) as { account_id: number; outcome: string }[];
}

/** Per account, the date of its latest 'renewed' outcome on or before asOf. */
export function lastRenewedDates(store: Store, asOf: string): { id: number; date: string }[] {
  return prepared(
    store.sqlite,
    "SELECT account_id AS id, max(renewal_date) AS date FROM renewals WHERE outcome = 'renewed' AND renewal_date <= ? GROUP BY account_id",
  ).all(asOf) as { id: number; date: string }[];
}

export function insertRenewal(store: Store, r: { accountId: number; renewalDate: string; outcome: string; arrMinor: number | null }): void {
  prepared(store.sqlite, 'INSERT INTO renewals (account_id, renewal_date, outcome, arr_minor) VALUES (?, ?, ?, ?)').run(
    r.accountId,
    r.renewalDate,
    r.outcome,
    r.arrMinor,
  );
}

/** One account's renewal dates on record with their outcomes, oldest first. */
export function renewalsOf(store: Store, accountId: number): { renewalDate: string; outcome: string }[] {
  return prepared(store.sqlite, 'SELECT renewal_date AS renewalDate, outcome FROM renewals WHERE account_id = ? ORDER BY renewal_date').all(accountId) as {
    renewalDate: string;
    outcome: string;
  }[];
}
