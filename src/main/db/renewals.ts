// The renewals table: the history of renewal outcomes per account (renewed, expanded, downsized, churned; the demo
// also records pending ones), and the one write that records an outcome and rolls the account's term forward.
import { isRetained, type RenewalRecord } from '../../shared/metrics/benchmarks';
import { addDays, daysBetween } from '../../shared/dates';
import type { Store } from './open';
import { groupByAccount, prepared } from './statements';

/** The outcomes that kept the customer, as SQL and as a test. */
export const RETAINED_SQL = "('renewed', 'expanded', 'downsized')";

/** An outcome this far before the account's renewal date is still the outcome of that renewal (signed early). */
export const EARLY_RENEWAL_DAYS = 180;

/**
 * Each account's latest decided renewal on or before asOf (all of them tied on that date), for every account or
 * one. A pending renewal decides nothing.
 */
export function latestDecidedRenewals(store: Pick<Store, 'sqlite'>, asOf: string, accountId?: number): { account_id: number; outcome: string }[] {
  return prepared(
    store.sqlite,
    `SELECT account_id, outcome FROM renewals r
       WHERE outcome != 'pending' AND renewal_date <= ? AND (? IS NULL OR account_id = ?)
         AND renewal_date = (SELECT max(renewal_date) FROM renewals r2
                             WHERE r2.account_id = r.account_id AND r2.outcome != 'pending' AND r2.renewal_date <= ?)`,
  ).all(asOf, accountId ?? null, accountId ?? null, asOf) as { account_id: number; outcome: string }[];
}

/** Per account, the date of its latest outcome that kept the customer, on or before asOf. */
export function lastRenewedDates(store: Pick<Store, 'sqlite'>, asOf: string): { id: number; date: string }[] {
  return prepared(
    store.sqlite,
    `SELECT account_id AS id, max(renewal_date) AS date FROM renewals WHERE outcome IN ${RETAINED_SQL} AND renewal_date <= ? GROUP BY account_id`,
  ).all(asOf) as { id: number; date: string }[];
}

/** Per account, the date of its latest decided outcome on or before asOf (the passed-renewal flag reads it). */
export function lastOutcomeDates(store: Pick<Store, 'sqlite'>, asOf: string): Map<number, string> {
  const rows = prepared(
    store.sqlite,
    "SELECT account_id AS id, max(renewal_date) AS date FROM renewals WHERE outcome != 'pending' AND renewal_date <= ? GROUP BY account_id",
  ).all(asOf) as { id: number; date: string }[];
  return new Map(rows.map((r) => [r.id, r.date]));
}

export interface RenewalHistoryRow {
  date: string;
  outcome: string;
  arrMinor: number | null;
  reason: string | null;
  note: string | null;
}

/** One account's outcomes on or before asOf, newest first. */
export function renewalHistory(store: Pick<Store, 'sqlite'>, accountId: number, asOf: string): RenewalHistoryRow[] {
  return prepared(
    store.sqlite,
    `SELECT renewal_date AS date, outcome, arr_minor AS arrMinor, reason, note FROM renewals
       WHERE account_id = ? AND renewal_date <= ? ORDER BY renewal_date DESC, id DESC`,
  ).all(accountId, asOf) as RenewalHistoryRow[];
}

/** The ARR of the account's latest outcome before `date` that names one (what a renewal on `date` is compared with). */
export function arrBefore(store: Pick<Store, 'sqlite'>, accountId: number, date: string): number | null {
  const r = prepared(
    store.sqlite,
    "SELECT arr_minor AS arr FROM renewals WHERE account_id = ? AND renewal_date < ? AND arr_minor IS NOT NULL AND outcome != 'pending' ORDER BY renewal_date DESC, id DESC LIMIT 1",
  ).get(accountId, date) as { arr: number } | undefined;
  return r?.arr ?? null;
}

export function insertRenewal(
  store: Pick<Store, 'sqlite'>,
  r: {
    accountId: number;
    renewalDate: string;
    outcome: string;
    arrMinor: number | null;
    reason?: string | null;
    note?: string | null;
    importId?: number | null;
    /** The account's term before this outcome rolled it, when it did (termAfter gave changes). */
    termBefore?: AccountTerm | null;
  },
): void {
  const before = r.termBefore ?? null;
  prepared(
    store.sqlite,
    `INSERT INTO renewals (account_id, renewal_date, outcome, arr_minor, reason, note, import_id,
                           term_rolled, before_contract_start, before_renewal_date, before_arr_minor)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.accountId,
    r.renewalDate,
    r.outcome,
    r.arrMinor,
    r.reason ?? null,
    r.note ?? null,
    r.importId ?? null,
    before === null ? 0 : 1,
    before?.contract_start ?? null,
    before?.renewal_date ?? null,
    before?.arr_minor ?? null,
  );
}

/**
 * Every account's outcomes with the term each rolled away, oldest first (what termAsOf reads to give an account's
 * term on a past date; issue #12: as of means as of, the renewal date included).
 */
export function renewalTerms(store: Pick<Store, 'sqlite'>, accountId?: number): Map<number, RenewalRecord[]> {
  const rows = prepared(
    store.sqlite,
    `SELECT account_id AS accountId, renewal_date AS renewalDate, outcome, term_rolled AS rolled,
            before_contract_start AS start, before_renewal_date AS end, before_arr_minor AS arr
     FROM renewals ${accountId === undefined ? '' : 'WHERE account_id = ?'} ORDER BY renewal_date, id`,
  ).all(...(accountId === undefined ? [] : [accountId])) as RenewalTermRow[];
  return groupByAccount(rows, renewalRecord);
}

export interface RenewalTermRow {
  accountId: number;
  renewalDate: string;
  outcome: RenewalRecord['outcome'];
  rolled: number;
  start: string | null;
  end: string | null;
  arr: number | null;
}

export const renewalRecord = (r: RenewalTermRow): RenewalRecord => ({
  renewalDate: r.renewalDate,
  outcome: r.outcome,
  termBefore: r.rolled ? { contractStart: r.start, renewalDate: r.end, arrMinor: r.arr } : null,
});

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The term after one ending on `renewal`: as long as the term that ended (whole months when its start and end
 * share a day of the month, else days), one year when its length is unknown.
 */
export function nextTerm(contractStart: string | null, renewal: string): { contractStart: string; renewalDate: string } {
  if (contractStart === null || contractStart >= renewal) return { contractStart: renewal, renewalDate: addMonths(renewal, 12) };
  const [sy, sm, sd] = contractStart.split('-').map(Number);
  const [ry, rm, rd] = renewal.split('-').map(Number);
  if (sd === rd) return { contractStart: renewal, renewalDate: addMonths(renewal, (ry - sy) * 12 + (rm - sm)) };
  return { contractStart: renewal, renewalDate: addDays(renewal, daysBetween(contractStart, renewal)) };
}

export interface AccountTerm {
  contract_start: string | null;
  renewal_date: string | null;
  arr_minor: number | null;
}

/**
 * What recording an outcome does to the account, when it is the account's newest outcome: a kept customer's ARR
 * becomes the new ARR, and when the outcome decides the account's current renewal (dated at most
 * EARLY_RENEWAL_DAYS before it, or after it) the term rolls forward; an account without dates starts a one-year
 * term on the outcome's date. A churn changes neither. Null when nothing changes.
 */
export function termAfter(account: AccountTerm, outcome: { date: string; outcome: string; arrMinor: number | null }, newest: boolean): Partial<AccountTerm> | null {
  if (!newest || !isRetained(outcome.outcome)) return null;
  const changes: Partial<AccountTerm> = {};
  if (outcome.arrMinor !== null && outcome.arrMinor !== account.arr_minor) changes.arr_minor = outcome.arrMinor;
  const renewal = account.renewal_date;
  if (renewal === null) Object.assign(changes, renamedTerm(nextTerm(null, outcome.date)));
  else if (daysBetween(outcome.date, renewal) <= EARLY_RENEWAL_DAYS) Object.assign(changes, renamedTerm(nextTerm(account.contract_start, renewal)));
  return Object.keys(changes).length > 0 ? changes : null;
}

const renamedTerm = (t: { contractStart: string; renewalDate: string }) => ({ contract_start: t.contractStart, renewal_date: t.renewalDate });

/** Whether no decided outcome of the account is dated after `date` (the outcome on `date` is its newest). */
export function isNewestOutcome(store: Pick<Store, 'sqlite'>, accountId: number, date: string): boolean {
  return (
    prepared(store.sqlite, "SELECT 1 FROM renewals WHERE account_id = ? AND renewal_date > ? AND outcome != 'pending' LIMIT 1").get(accountId, date) ===
    undefined
  );
}

export function accountTerm(store: Pick<Store, 'sqlite'>, accountId: number): AccountTerm & { id: number } {
  return prepared(store.sqlite, 'SELECT id, contract_start, renewal_date, arr_minor FROM accounts WHERE id = ?').get(accountId) as AccountTerm & { id: number };
}

/** Sets the account's term and ARR; updatedAt when the CSM changed it by hand (an import leaves it, as it does for accounts). */
export function updateAccountTerm(store: Pick<Store, 'sqlite'>, accountId: number, changes: Partial<AccountTerm>, updatedAt?: number): void {
  const columns = Object.keys(changes) as (keyof AccountTerm)[];
  if (columns.length === 0) return;
  const stamp = updatedAt === undefined ? '' : ', updated_at = @updatedAt';
  store.sqlite
    .prepare(`UPDATE accounts SET ${columns.map((c) => `${c} = @${c}`).join(', ')}${stamp} WHERE id = @id`)
    .run({ ...changes, updatedAt, id: accountId });
}

/** An import's outcomes leave with it (imports.undo); the account dates it rolled are restored by its change log. */
export function deleteImportedRenewals(store: Pick<Store, 'sqlite'>, importId: number): void {
  prepared(store.sqlite, 'DELETE FROM renewals WHERE import_id = ?').run(importId);
}

/** One account's renewal dates on record with their outcomes, oldest first. */
export function renewalsOf(store: Store, accountId: number): { renewalDate: string; outcome: string }[] {
  return prepared(store.sqlite, 'SELECT renewal_date AS renewalDate, outcome FROM renewals WHERE account_id = ? ORDER BY renewal_date').all(accountId) as {
    renewalDate: string;
    outcome: string;
  }[];
}
