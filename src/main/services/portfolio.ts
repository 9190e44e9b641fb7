// The Portfolio screen in one call (issue #5): the KPI strip and a row per account with everything the table, the
// journey lanes and the command palette show. It reads the daily health snapshots (score, status and license
// utilization of the day, and the sparkline's days) with a handful of set queries, so 2,000 accounts answer in
// tens of milliseconds; only accounts without today's snapshot are computed live, once a day.
import { daysBetween, dayNumber, isoDateIn, isoFromDayNumber } from '../../shared/dates';
import type { MethodInput, MethodOutput, PortfolioRow, Stage } from '../../shared/contract';
import type { HealthStatus } from '../../shared/metrics/health';
import type { MilestoneInfo } from '../../shared/metrics/inputs';
import { journeyStage, stageStartDate } from '../../shared/metrics/journey';
import { qbrOverdue } from '../../shared/metrics/relationship';
import { timeToValueDays } from '../../shared/metrics/time-to-value';
import { churnedAccounts } from './accounts';
import { timeZoneOf, todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { computeAllHealth } from './health';
import { encodeSnapshot, writeSnapshot } from './health-snapshots';
import { allMilestones } from '../db/milestones';
import { latestQbrDates } from '../db/qbrs';
import { lastRenewedDates } from '../db/renewals';
import { prepared } from '../db/statements';
import { readMetricsSettings } from './metrics-settings';
import { portfolioKpis } from '../../shared/metrics/portfolio-kpis';

export const DEFAULT_TREND_DAYS = 30;
/** "−12 since last month", as health.list reports it. */
const DELTA_DAYS = 30;

interface AccountRow {
  id: number;
  name: string;
  owner: string | null;
  industry: string | null;
  arrMinor: number | null;
  currency: string;
  licenses: number | null;
  contractStart: string | null;
  renewalDate: string | null;
  stageOverride: Stage | null;
  stageOverrideAt: number | null;
  isDemo: number;
  score: number | null;
  status: HealthStatus | null;
  utilization: number | null;
  hasSnapshot: number;
  previous: number | null;
}

function accountRows(ctx: ServiceContext, asOf: string): AccountRow[] {
  // Point lookups on the snapshots' (account_id, day) key; the utilization is stored in the snapshot's JSON.
  return prepared(
    ctx.sqlite,
    `SELECT a.id, a.name, a.owner, a.industry, a.arr_minor AS arrMinor, a.currency, a.licenses, a.contract_start AS contractStart,
            a.renewal_date AS renewalDate, a.stage_override AS stageOverride, a.stage_override_at AS stageOverrideAt,
            a.is_demo AS isDemo, s.score, s.status, json_extract(s.components, '$."metric.licenseUtilization"') AS utilization,
            s.account_id IS NOT NULL AS hasSnapshot, p.score AS previous
     FROM accounts a
     LEFT JOIN health_snapshots s ON s.account_id = a.id AND s.day = ?
     LEFT JOIN health_snapshots p ON p.account_id = a.id AND p.day = ?
     ORDER BY a.name, a.id`,
  ).all(asOf, isoFromDayNumber(dayNumber(asOf) - DELTA_DAYS)) as AccountRow[];
}

/**
 * Daily scores per account over [from, to], rounded: the sparklines. Each account's days come from an index-only
 * range seek (health_snapshots_trend) folded into one string by SQLite, so JavaScript handles 2,000 rows rather
 * than 60,000: at this size, materializing row objects is what costs, not SQLite.
 */
function trends(ctx: ServiceContext, fromDay: number, toDay: number): Map<number, (number | null)[]> {
  const rows = prepared(
    ctx.sqlite,
    `SELECT a.id, (SELECT group_concat(s.day || ':' || ifnull(CAST(round(s.score) AS INTEGER), ''), ',')
                   FROM health_snapshots s WHERE s.account_id = a.id AND s.day BETWEEN ? AND ?)
     FROM accounts a`,
  )
    .raw()
    .all(isoFromDayNumber(fromDay), isoFromDayNumber(toDay)) as [number, string | null][];
  const length = toDay - fromDay + 1;
  // Only `length` distinct days occur: index them once instead of parsing a date per point.
  const position = new Map(Array.from({ length }, (_, i) => [isoFromDayNumber(fromDay + i), i]));
  const out = new Map<number, (number | null)[]>();
  for (const [account, folded] of rows) {
    if (folded === null) continue;
    const series = new Array<number | null>(length).fill(null);
    for (const point of folded.split(',')) {
      const i = position.get(point.slice(0, 10));
      const score = point.slice(11);
      if (i !== undefined && score !== '') series[i] = Number(score);
    }
    out.set(account, series);
  }
  return out;
}

function lastQbrDates(ctx: ServiceContext, asOf: string): Map<number, string> {
  return new Map(latestQbrDates(ctx, asOf).map((r) => [r.id, r.date]));
}

/** The latest renewal each account renewed at, on or before the as-of date: where its current term began. */
function lastRenewals(ctx: ServiceContext, asOf: string): Map<number, string> {
  return new Map(lastRenewedDates(ctx, asOf).map((r) => [r.id, r.date]));
}

function milestonesByAccount(ctx: ServiceContext): Map<number, MilestoneInfo[]> {
  const out = new Map<number, MilestoneInfo[]>();
  for (const { accountId, ...m } of allMilestones(ctx)) {
    const list = out.get(accountId);
    if (list) list.push(m);
    else out.set(accountId, [m]);
  }
  return out;
}

/** Overdue as milestoneStatus says 'late': a target before the as-of date, not achieved by it. */
const isOverdue = (m: MilestoneInfo, asOf: string) => m.targetDate !== null && m.targetDate < asOf && (m.achievedDate === null || m.achievedDate > asOf);

/** Today's health of the accounts that have no snapshot yet, computed once and kept as today's snapshot. */
function fillMissingHealth(ctx: ServiceContext, rows: AccountRow[], asOf: string): void {
  const missing = new Map(rows.filter((r) => !r.hasSnapshot).map((r) => [r.id, r]));
  if (missing.size === 0) return;
  const day = dayNumber(asOf);
  const isToday = asOf === todayOf(ctx);
  for (const { account, facts, result } of computeAllHealth(ctx, day, readMetricsSettings(ctx), new Set(missing.keys()))) {
    const json = encodeSnapshot(result, facts);
    // A cache of derived data, as health.list does: no change event.
    if (isToday) writeSnapshot(ctx, account.id, day, result, json);
    const row = missing.get(account.id);
    if (row) Object.assign(row, { score: result.score, status: result.status, utilization: json['metric.licenseUtilization'] ?? null });
  }
}

export function portfolioOverview(ctx: ServiceContext, input: MethodInput<'portfolio.overview'>): MethodOutput<'portfolio.overview'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const day = dayNumber(asOf);
  const trendDays = input.trendDays ?? DEFAULT_TREND_DAYS;
  const settings = readMetricsSettings(ctx);
  const zone = timeZoneOf(ctx);
  const accounts = accountRows(ctx, asOf);
  fillMissingHealth(ctx, accounts, asOf);
  const trendOf = trends(ctx, day - trendDays + 1, day);
  const lastQbr = lastQbrDates(ctx, asOf);
  const milestones = milestonesByAccount(ctx);
  const churned = churnedAccounts(ctx, asOf);
  const renewed = lastRenewals(ctx, asOf);

  const rows: (PortfolioRow & { ttvBasicDays: number | null })[] = accounts.map((a) => {
    const own = milestones.get(a.id) ?? [];
    const onboarding = own.find((m) => m.kind === 'onboarding_complete') ?? null;
    const journey = { contractStart: a.contractStart, renewalDate: a.renewalDate, onboardingMilestone: onboarding };
    const computed = churned.has(a.id) ? null : journeyStage({ ...journey, asOf }, settings.stageLengths);
    const stage = a.stageOverride ?? computed;
    const stageStartedOn =
      a.stageOverride !== null
        ? a.stageOverrideAt === null
          ? null
          : isoDateIn(a.stageOverrideAt, zone)
        : computed === null
          ? null
          : stageStartDate(computed, { ...journey, lastRenewedOn: renewed.get(a.id) ?? null }, settings.stageLengths);
    const qbr = lastQbr.get(a.id) ?? null;
    const trend = trendOf.get(a.id) ?? new Array<number | null>(trendDays).fill(null);
    if (a.score !== null && trend[trendDays - 1] === null) trend[trendDays - 1] = Math.round(a.score);
    return {
      id: a.id,
      name: a.name,
      owner: a.owner,
      industry: a.industry,
      stage,
      stageOverridden: a.stageOverride !== null,
      stageStartedOn,
      timeInStageDays: stageStartedOn === null ? null : Math.max(0, daysBetween(stageStartedOn, asOf)),
      churned: churned.has(a.id),
      arr: a.arrMinor === null ? null : a.arrMinor / 100,
      currency: a.currency,
      licenses: a.licenses,
      contractStart: a.contractStart,
      renewalDate: a.renewalDate,
      daysToRenewal: a.renewalDate === null ? null : daysBetween(asOf, a.renewalDate),
      health: { score: a.score, status: a.status },
      trend,
      delta30: a.score !== null && a.previous !== null ? Math.round((a.score - a.previous) * 10) / 10 : null,
      licenseUtilization: a.utilization,
      lastQbrDate: qbr,
      qbrOverdue: qbrOverdue(qbr === null ? null : daysBetween(qbr, asOf), a.contractStart, asOf, settings.qbrOverdueDays),
      overdueMilestones: own.filter((m) => isOverdue(m, asOf)).length,
      isDemo: a.isDemo !== 0,
      ttvBasicDays: timeToValueDays(a.contractStart, own, 'basic_value', asOf),
    };
  });
  const { kpis, primaryCurrency } = portfolioKpis(rows);
  return { asOf, trendDays, primaryCurrency, kpis, rows: rows.map(({ ttvBasicDays: _, ...row }) => row) };
}

export function portfolioHandlers(
  ctx: ServiceContext,
): HandlerGroup<'portfolio.overview'> {
  return {
    'portfolio.overview': (input) => portfolioOverview(ctx, input),
  };
}
