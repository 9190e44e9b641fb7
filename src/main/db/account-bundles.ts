// Everything about an account that is not usage, shaped as the plain data of src/shared/metrics/inputs.ts: what
// health, the metrics and the deck read. One query per table for all accounts (or one), grouped here, rather than
// per-row ORM reads: the health of 2,000 accounts is recomputed in well under a second.
import type { Stage } from '../../shared/contract';
import type { RenewalRecord } from '../../shared/metrics/benchmarks';
import type { EntitlementInfo, MilestoneInfo, QbrInfo, SurveyInfo, TouchpointInfo, UserInfo } from '../../shared/metrics/inputs';
import type { Role } from '../../shared/metrics/settings';
import type { Store } from './open';
import { renewalRecord, type RenewalTermRow } from './renewals';
import { groupByAccount, prepared } from './statements';

export interface AccountRecord {
  id: number;
  name: string;
  licenses: number | null;
  contractStart: string | null;
  renewalDate: string | null;
  stageOverride: Stage | null;
}

/** One account and everything about it that is not usage. */
export interface AccountBundle {
  account: AccountRecord;
  users: UserInfo[];
  entitlements: EntitlementInfo[];
  milestones: MilestoneInfo[];
  qbrs: QbrInfo[];
  touchpoints: TouchpointInfo[];
  surveys: SurveyInfo[];
  renewals: RenewalRecord[];
}

/** Which accounts a read covers: all (undefined), one, or a list (read through json_each, one statement for any length). */
export type AccountFilter = number | readonly number[] | undefined;

/** The filter as SQL on `column` ('' for all accounts) and its parameter. */
function accountWhere(column: string, filter: AccountFilter): { sql: string; params: unknown[] } {
  if (filter === undefined) return { sql: '', params: [] };
  if (typeof filter === 'number') return { sql: `${column} = ?`, params: [filter] };
  return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(filter)] };
}

function rowsOf<T>(store: Store, sql: string, accounts: AccountFilter): T[] {
  const where = accountWhere('account_id', accounts);
  return prepared(store.sqlite, where.sql === '' ? sql : `${sql} WHERE ${where.sql}`).all(...where.params) as T[];
}

/**
 * Imported help-desk tickets read as the support cases the metrics count (docs/METRICS.md, "Support"): a solved
 * ticket is a resolved case, within SLA unless the export says the SLA was breached (no SLA column: unknown).
 */
export const SUPPORT_CASES_AS_TOUCHPOINTS = `SELECT account_id AS accountId, 'support_case' AS kind, opened_date AS date,
  coalesce(subject, 'Ticket ' || ticket_id) AS title, status AS caseStatus, solved_date AS closedDate,
  CASE WHEN status = 'closed' THEN 1 END AS resolved, CASE sla_breached WHEN 1 THEN 0 WHEN 0 THEN 1 END AS withinSla,
  NULL AS featureId, NULL AS responded FROM support_cases`;

/**
 * Imported e-mail campaign recipients read as campaign touchpoints (docs/METRICS.md, "Campaigns from files"): one
 * per contact and campaign, titled with the campaign's name, responded = clicked or replied.
 */
export const CAMPAIGNS_AS_TOUCHPOINTS = `SELECT account_id AS accountId, 'campaign' AS kind, date, campaign AS title, NULL AS caseStatus,
  NULL AS closedDate, NULL AS resolved, NULL AS withinSla,
  (SELECT coalesce(f.merged_into, f.id) FROM features f WHERE f.id = campaign_touchpoints.feature_id) AS featureId, responded FROM campaign_touchpoints`;

const bool = (v: number | null): boolean | null => (v === null ? null : v !== 0);

export function loadAccounts(store: Store, accounts?: AccountFilter): AccountRecord[] {
  const where = accountWhere('id', accounts);
  const sql = `SELECT id, name, licenses, contract_start AS contractStart, renewal_date AS renewalDate, stage_override AS stageOverride FROM accounts${
    where.sql === '' ? '' : ` WHERE ${where.sql}`
  } ORDER BY name, id`;
  return prepared(store.sqlite, sql).all(...where.params) as AccountRecord[];
}

/**
 * The known users of each account: the ones at home there and the people seen there from another account (an
 * agency's consultant at two customers counts at both).
 */
function usersOfAccounts(store: Store, accounts: AccountFilter, asOfFrom: number | null): (UserInfo & { accountId: number })[] {
  const columns = 'u.id, u.name, u.email, u.external_id AS externalId, u.role, u.department';
  const home = accountWhere('u.account_id', accounts);
  const seen = accountWhere('ua.account_id', accounts);
  const sql = `SELECT u.account_id AS accountId, ${columns} FROM users u ${home.sql === '' ? '' : `WHERE ${home.sql}`}
    UNION ALL
    SELECT ua.account_id AS accountId, ${columns} FROM user_accounts ua JOIN users u ON u.id = ua.user_id
    WHERE ua.account_id <> u.account_id ${seen.sql === '' ? '' : `AND ${seen.sql}`}`;
  const users = prepared(store.sqlite, sql).all(...home.params, ...seen.params) as (UserInfo & { accountId: number })[];
  const firstSeen = asOfFrom === null ? new Map<string, number>() : firstSeenDays(store, accounts, asOfFrom);
  for (const u of users) u.firstSeenDay = firstSeen.get(`${u.accountId}:${u.id}`) ?? null;
  return users;
}

/**
 * Each user's first day of usage at each account (any rollup row), keyed "account:user", for the accounts with usage
 * after asOfFrom. At an account whose usage all lies on or before asOfFrom, every user it has seen is known on
 * every day from asOfFrom on, so the scan of its rollups is skipped: the health of today reads no more than before.
 */
function firstSeenDays(store: Store, accounts: AccountFilter, asOfFrom: number): Map<string, number> {
  // The accounts asked for only (a refresh reads its accounts' bundles a few at a time: over every account of the
  // book, each of those reads cost 2,000 seeks), each with a row after asOfFrom (one seek on its key).
  const where = accountWhere('a.id', accounts);
  const sql = `SELECT account_id, user_id, min(day) FROM usage_daily
    WHERE account_id IN (SELECT a.id FROM accounts a WHERE ${where.sql === '' ? '' : `${where.sql} AND`}
      EXISTS (SELECT 1 FROM usage_daily u WHERE u.account_id = a.id AND u.day > ?))
    GROUP BY account_id, user_id`;
  const rows = prepared(store.sqlite, sql).raw().all(...where.params, asOfFrom) as [number, number, number][];
  return new Map(rows.map(([a, u, day]) => [`${a}:${u}`, day]));
}

/**
 * Bundles for one account, a list of them or all of them (accounts in name order), to be read as of days on or after asOfFrom
 * (through recordsAsOf); by default any day. asOfFrom null: the users' first-seen days are left unread (null), for
 * a caller that reads them from the rollups it scans anyway (withFirstSeenDays).
 */
export function loadBundles(store: Store, accountId?: AccountFilter, asOfFrom: number | null = Number.MIN_SAFE_INTEGER): AccountBundle[] {
  const accounts = loadAccounts(store, accountId);
  const users = groupByAccount(usersOfAccounts(store, accountId, asOfFrom), ({ accountId: _, ...u }) => ({ ...u, role: u.role satisfies Role }));
  // A feature merged into another is entitled as the feature it became. The accounts are filtered before the
  // grouping: filtered after it, every read of a few accounts' bundles grouped the whole book's entitlements.
  const entitled = accountWhere('e.account_id', accountId);
  const entitlements = groupByAccount(
    prepared(
      store.sqlite,
      `SELECT e.account_id AS accountId, coalesce(f.merged_into, e.feature_id) AS featureId, max(e.paid) AS paid
       FROM entitlements e LEFT JOIN features f ON f.id = e.feature_id ${entitled.sql === '' ? '' : `WHERE ${entitled.sql}`}
       GROUP BY e.account_id, featureId`,
    ).all(...entitled.params) as { accountId: number; featureId: number; paid: number }[],
    (r) => ({ featureId: r.featureId, paid: r.paid !== 0 }),
  );
  const milestones = groupByAccount(
    rowsOf<MilestoneInfo & { accountId: number }>(
      store,
      'SELECT id, account_id AS accountId, kind, name, target_date AS targetDate, achieved_date AS achievedDate FROM milestones',
      accountId,
    ),
    ({ accountId: _, ...m }) => m,
  );
  const qbrs = groupByAccount(
    rowsOf<QbrInfo & { accountId: number }>(store, 'SELECT account_id AS accountId, date, customer_response AS customerResponse FROM qbrs', accountId),
    ({ accountId: _, ...q }) => q,
  );
  type TouchRow = Omit<TouchpointInfo, 'resolved' | 'withinSla' | 'responded'> & {
    accountId: number;
    resolved: number | null;
    withinSla: number | null;
    responded: number | null;
  };
  const touchpoints = groupByAccount(
    [
      ...rowsOf<TouchRow>(
        store,
        'SELECT account_id AS accountId, kind, date, title, case_status AS caseStatus, closed_date AS closedDate, resolved, within_sla AS withinSla, (SELECT coalesce(f.merged_into, f.id) FROM features f WHERE f.id = touchpoints.feature_id) AS featureId, responded FROM touchpoints',
        accountId,
      ),
      ...rowsOf<TouchRow>(store, SUPPORT_CASES_AS_TOUCHPOINTS, accountId),
      ...rowsOf<TouchRow>(store, CAMPAIGNS_AS_TOUCHPOINTS, accountId),
    ],
    ({ accountId: _, ...t }) => ({ ...t, resolved: bool(t.resolved), withinSla: bool(t.withinSla), responded: bool(t.responded) }),
  );
  const surveys = groupByAccount(
    rowsOf<SurveyInfo & { accountId: number }>(store, 'SELECT account_id AS accountId, user_id AS userId, date, kind, score FROM surveys', accountId),
    ({ accountId: _, ...s }) => s,
  );
  const renewals = groupByAccount(
    rowsOf<RenewalTermRow>(
      store,
      'SELECT account_id AS accountId, renewal_date AS renewalDate, outcome, term_rolled AS rolled, before_contract_start AS start, before_renewal_date AS end, before_arr_minor AS arr FROM renewals',
      accountId,
    ),
    renewalRecord,
  );
  return accounts.map((account) => ({
    account,
    users: users.get(account.id) ?? [],
    entitlements: entitlements.get(account.id) ?? [],
    milestones: milestones.get(account.id) ?? [],
    qbrs: qbrs.get(account.id) ?? [],
    touchpoints: touchpoints.get(account.id) ?? [],
    surveys: surveys.get(account.id) ?? [],
    renewals: renewals.get(account.id) ?? [],
  }));
}
