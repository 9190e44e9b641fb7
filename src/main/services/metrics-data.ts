// Reads what the metrics need from the store, shaped as the plain data of src/shared/metrics/inputs.ts. Plain SQL
// through prepared statements (cached per connection): the health of 2,000 accounts is recomputed in well under a
// second, so these loaders avoid per-row ORM overhead. All loaders take an optional account filter.
import type {
  EntitlementInfo,
  FeatureInfo,
  MilestoneInfo,
  QbrInfo,
  SurveyInfo,
  TouchpointInfo,
  UsageRow,
  UserInfo,
} from '../../shared/metrics/inputs';
import type { RenewalRecord } from '../../shared/metrics/benchmarks';
import type { DayActivity } from '../../shared/metrics/usage-window';
import type { Role } from '../../shared/metrics/settings';
import type { Stage } from '../../shared/contract';
import { prepared } from '../db/statements';
import type { StoreContext } from './context';

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

function groupBy<T extends { accountId: number }, U>(rows: T[], map: (row: T) => U): Map<number, U[]> {
  const out = new Map<number, U[]>();
  for (const r of rows) {
    let list = out.get(r.accountId);
    if (!list) out.set(r.accountId, (list = []));
    list.push(map(r));
  }
  return out;
}

function rowsOf<T>(ctx: StoreContext, sql: string, accountId?: number): T[] {
  const filtered = accountId === undefined ? sql : `${sql} WHERE account_id = ?`;
  const stmt = prepared(ctx.sqlite, filtered);
  return (accountId === undefined ? stmt.all() : stmt.all(accountId)) as T[];
}

const bool = (v: number | null): boolean | null => (v === null ? null : v !== 0);

export function loadAccounts(ctx: StoreContext, accountId?: number): AccountRecord[] {
  const sql =
    'SELECT id, name, licenses, contract_start AS contractStart, renewal_date AS renewalDate, stage_override AS stageOverride FROM accounts';
  const stmt = prepared(ctx.sqlite, accountId === undefined ? `${sql} ORDER BY name, id` : `${sql} WHERE id = ?`);
  return (accountId === undefined ? stmt.all() : stmt.all(accountId)) as AccountRecord[];
}

export function loadFeatures(ctx: StoreContext): FeatureInfo[] {
  const rows = prepared(ctx.sqlite, 'SELECT id, key, name, is_key AS isKey, is_paid AS isPaid FROM features ORDER BY id').all() as {
    id: number;
    key: string;
    name: string;
    isKey: number;
    isPaid: number;
  }[];
  return rows.map((r) => ({ ...r, isKey: r.isKey !== 0, isPaid: r.isPaid !== 0 }));
}

/** Bundles for one account or for all of them (accounts in name order). */
export function loadBundles(ctx: StoreContext, accountId?: number): AccountBundle[] {
  const accounts = loadAccounts(ctx, accountId);
  const users = groupBy(
    rowsOf<UserInfo & { accountId: number }>(ctx, 'SELECT id, account_id AS accountId, name, email, role, department FROM users', accountId),
    ({ accountId: _, ...u }) => ({ ...u, role: u.role satisfies Role }),
  );
  const entitlements = groupBy(
    rowsOf<{ accountId: number; featureId: number; paid: number }>(ctx, 'SELECT account_id AS accountId, feature_id AS featureId, paid FROM entitlements', accountId),
    (r) => ({ featureId: r.featureId, paid: r.paid !== 0 }),
  );
  const milestones = groupBy(
    rowsOf<MilestoneInfo & { accountId: number }>(
      ctx,
      'SELECT id, account_id AS accountId, kind, name, target_date AS targetDate, achieved_date AS achievedDate FROM milestones',
      accountId,
    ),
    ({ accountId: _, ...m }) => m,
  );
  const qbrs = groupBy(
    rowsOf<QbrInfo & { accountId: number }>(ctx, 'SELECT account_id AS accountId, date, customer_response AS customerResponse FROM qbrs', accountId),
    ({ accountId: _, ...q }) => q,
  );
  type TouchRow = Omit<TouchpointInfo, 'resolved' | 'withinSla' | 'responded'> & {
    accountId: number;
    resolved: number | null;
    withinSla: number | null;
    responded: number | null;
  };
  const touchpoints = groupBy(
    rowsOf<TouchRow>(
      ctx,
      'SELECT account_id AS accountId, kind, date, title, case_status AS caseStatus, closed_date AS closedDate, resolved, within_sla AS withinSla, feature_id AS featureId, responded FROM touchpoints',
      accountId,
    ),
    ({ accountId: _, ...t }) => ({ ...t, resolved: bool(t.resolved), withinSla: bool(t.withinSla), responded: bool(t.responded) }),
  );
  const surveys = groupBy(
    rowsOf<SurveyInfo & { accountId: number }>(ctx, 'SELECT account_id AS accountId, user_id AS userId, date, kind, score FROM surveys', accountId),
    ({ accountId: _, ...s }) => s,
  );
  const renewals = groupBy(
    rowsOf<RenewalRecord & { accountId: number }>(ctx, 'SELECT account_id AS accountId, renewal_date AS renewalDate, outcome FROM renewals', accountId),
    ({ accountId: _, ...r }) => r,
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

/** An account's rollup rows with day in [fromDay, toDay]. */
export function loadUsageRows(ctx: StoreContext, accountId: number, fromDay: number, toDay: number): UsageRow[] {
  return prepared(
    ctx.sqlite,
    'SELECT user_id AS userId, feature_id AS featureId, day, events, minutes FROM usage_daily WHERE account_id = ? AND day BETWEEN ? AND ?',
  ).all(accountId, fromDay, toDay) as UsageRow[];
}

/**
 * An account's days of activity in [fromDay, toDay], ascending, straight from the primary key order
 * (account_id, day, user_id, feature_id): no sort, no row objects.
 */
export function loadDayActivity(ctx: StoreContext, accountId: number, fromDay: number, toDay: number): DayActivity[] {
  const rows = prepared(
    ctx.sqlite,
    'SELECT day, user_id, feature_id FROM usage_daily WHERE account_id = ? AND day BETWEEN ? AND ? AND events > 0 ORDER BY day',
  )
    .raw()
    .all(accountId, fromDay, toDay) as [number, number, number][];
  const out: DayActivity[] = [];
  let current: DayActivity | null = null;
  let lastUser = -1;
  for (const [day, user, feature] of rows) {
    if (current === null || current.day !== day) {
      current = { day, users: [], features: [] };
      out.push(current);
      lastUser = -1;
    }
    // Rows of a day come in user order, so a user is new exactly when it differs from the previous row's.
    if (user !== lastUser) current.users.push(user);
    lastUser = user;
    if (feature !== 0 && !current.features.includes(feature)) current.features.push(feature);
  }
  return out;
}

/** The day of the account's latest event on or before toDay; null when it has none (a backward index seek). */
export function lastEventDay(ctx: StoreContext, accountId: number, toDay: number): number | null {
  const row = prepared(
    ctx.sqlite,
    'SELECT day FROM usage_daily WHERE account_id = ? AND day <= ? AND events > 0 ORDER BY day DESC LIMIT 1',
  ).get(accountId, toDay) as { day: number } | undefined;
  return row?.day ?? null;
}

/** The day of the account's first event; null when it has none. */
export function firstEventDay(ctx: StoreContext, accountId: number): number | null {
  const row = prepared(ctx.sqlite, 'SELECT day FROM usage_daily WHERE account_id = ? AND events > 0 ORDER BY day LIMIT 1').get(accountId) as
    | { day: number }
    | undefined;
  return row?.day ?? null;
}
