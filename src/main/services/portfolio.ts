// The Portfolio screen in one call (issue #5): the KPI strip and a row per account with everything the table, the
// journey lanes and the command palette show. It reads the daily health snapshots (score, status and license
// utilization of the day, and the sparkline's days) with a handful of set queries, so 2,000 accounts answer in
// tens of milliseconds; only accounts without today's snapshot are computed live, once a day.
import { addDays, daysBetween, dayNumber, isoDateIn, isoFromDayNumber } from '../../shared/dates';
import type { MethodInput, MethodOutput, PortfolioRow } from '../../shared/contract';
import type { MilestoneInfo } from '../../shared/metrics/inputs';
import { journeyStage, stageStartDate } from '../../shared/metrics/journey';
import { changeBetween } from '../../shared/change';
import { milestonesAsOf } from '../../shared/metrics/as-of';
import { statusOf } from '../../shared/metrics/health';
import { qbrOverdue } from '../../shared/metrics/relationship';
import { earlyWarnings, timeToOnboardKpi, timeToValueDays } from '../../shared/metrics/time-to-value';
import { portfolioKpis } from '../../shared/metrics/portfolio-kpis';
import { portfolioAccountRows, scoreTrends, type PortfolioAccountRow } from '../db/health-snapshots';
import { allMilestones } from '../db/milestones';
import { latestQbrDates } from '../db/qbrs';
import { openTaskCounts } from '../db/tasks';
import { EARLY_RENEWAL_DAYS, lastOutcomeDates, renewalTerms } from '../db/renewals';
import { supportCaseDates } from '../db/touchpoints';
import { churnedAccounts, renewedOn, rowAsOf } from './accounts';
import { timeZoneOf, todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { computeAllHealth } from './health';
import { behaviourOf, NO_BEHAVIOUR } from './portfolio-behaviour';
import { reconcileIfStale } from './tasks';
import { snapshotUtilization, writeSnapshot } from './health-snapshots';
import { readMetricsSettings } from './metrics-settings';

export const DEFAULT_TREND_DAYS = 30;
/** "−12 since last month", as health.list reports it. */
const DELTA_DAYS = 30;

function lastQbrDates(ctx: ServiceContext, asOf: string): Map<number, string> {
  return new Map(latestQbrDates(ctx, asOf).map((r) => [r.id, r.date]));
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

function datesByAccount(rows: readonly { id: number; date: string }[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const { id, date } of rows) {
    const list = out.get(id);
    if (list) list.push(date);
    else out.set(id, [date]);
  }
  return out;
}

/** Overdue as milestoneStatus says 'late': a target before the as-of date, not achieved by it. */
const isOverdue = (m: MilestoneInfo, asOf: string) => m.targetDate !== null && m.targetDate < asOf && (m.achievedDate === null || m.achievedDate > asOf);

/** Today's health of the accounts that have no snapshot yet, computed once and kept as today's snapshot. */
function fillMissingHealth(ctx: ServiceContext, rows: PortfolioAccountRow[], asOf: string): void {
  const missing = new Map(rows.filter((r) => !r.hasSnapshot).map((r) => [r.id, r]));
  if (missing.size === 0) return;
  const day = dayNumber(asOf);
  const isToday = asOf === todayOf(ctx);
  for (const { account, facts, result } of computeAllHealth(ctx, day, readMetricsSettings(ctx), new Set(missing.keys()))) {
    // A cache of derived data, as health.list does: no change event.
    if (isToday) writeSnapshot(ctx, account.id, day, result, facts);
    const row = missing.get(account.id);
    if (row) Object.assign(row, { score: result.score, status: result.status, utilization: snapshotUtilization(facts) });
  }
}

export function portfolioOverview(ctx: ServiceContext, input: MethodInput<'portfolio.overview'>): MethodOutput<'portfolio.overview'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const day = dayNumber(asOf);
  const trendDays = input.trendDays ?? DEFAULT_TREND_DAYS;
  const settings = readMetricsSettings(ctx);
  const zone = timeZoneOf(ctx);
  const terms = renewalTerms(ctx);
  const stored = portfolioAccountRows(ctx, asOf, isoFromDayNumber(day - DELTA_DAYS));
  const behaviour = behaviourOf(ctx, asOf, stored, terms);
  // Open tasks are today's queue (reconciled first, incrementally). The queue keeps no history, so a past
  // as-of date shows no count rather than today's.
  const today = todayOf(ctx);
  const openTasks = asOf >= today ? (reconcileIfStale(ctx, today), openTaskCounts(ctx, today)) : null;
  const accounts = stored.map((a) => rowAsOf(a, terms.get(a.id), asOf));
  fillMissingHealth(ctx, accounts, asOf);
  const trendOf = scoreTrends(ctx, day - trendDays + 1, day);
  const lastQbr = lastQbrDates(ctx, asOf);
  const milestones = milestonesByAccount(ctx);
  const churned = churnedAccounts(ctx, asOf);
  const renewed = renewedOn(ctx, asOf); // where each account's current term began
  const decided = lastOutcomeDates(ctx, asOf);
  /** A renewal date before the as-of date that no outcome (at most EARLY_RENEWAL_DAYS before it) decided. */
  const passedDays = (id: number, renewalDate: string | null): number | null => {
    if (renewalDate === null || renewalDate >= asOf || churned.has(id)) return null;
    const last = decided.get(id);
    return last !== undefined && last >= addDays(renewalDate, -EARLY_RENEWAL_DAYS) ? null : daysBetween(renewalDate, asOf);
  };

  const supportCases = datesByAccount(supportCaseDates(ctx, asOf).map((c) => ({ id: c.accountId, date: c.date })));

  const rows: (PortfolioRow & { ttvBasicDays: number | null; onboardedDate: string | null })[] = accounts.map((a) => {
    const own = milestonesAsOf(milestones.get(a.id) ?? [], asOf);
    const onboarding = own.find((m) => m.kind === 'onboarding_complete') ?? null;
    const journey = { contractStart: a.contractStart, renewalDate: a.renewalDate, onboardingMilestone: onboarding };
    const computed = churned.has(a.id) ? null : journeyStage({ ...journey, renewedOn: renewed.get(a.id) ?? null, asOf }, settings.stageLengths);
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
      renewalPassedDays: passedDays(a.id, a.renewalDate),
      health: { score: a.score, status: a.status, scoreStatus: statusOf(a.score, settings.thresholds) },
      trend,
      previous30: a.previous,
      delta30: changeBetween(a.previous, a.score, 1),
      licenseUtilization: a.utilization,
      lastQbrDate: qbr,
      qbrOverdue: qbrOverdue(qbr === null ? null : daysBetween(qbr, asOf), a.contractStart, asOf, settings.qbrOverdueDays),
      overdueMilestones: own.filter((m) => isOverdue(m, asOf)).length,
      isDemo: a.isDemo !== 0,
      earlyWarnings: churned.has(a.id)
        ? []
        : earlyWarnings(
            {
              contractStart: a.contractStart,
              touchpoints: (supportCases.get(a.id) ?? []).map((date) => ({ kind: 'support_case' as const, date })),
              stage,
              licenseUtilization: a.utilization,
              asOf,
            },
            settings,
          ),
      renewalPassedWithoutOutcome: passedDays(a.id, a.renewalDate) !== null,
      ...(behaviour.get(a.id) ?? NO_BEHAVIOUR),
      openTasks: openTasks === null ? null : (openTasks.get(a.id) ?? 0),
      ttvBasicDays: timeToValueDays(a.contractStart, own, 'basic_value', asOf),
      onboardedDate: onboarding?.achievedDate ?? null,
    };
  });
  const { kpis, primaryCurrency } = portfolioKpis(rows);
  // A cohort is every account that started in the quarter, churned ones included, as metrics.portfolio counts it.
  const timeToOnboard = {
    expectedDays: settings.timeToOnboardExpectedDays,
    cohorts: timeToOnboardKpi(rows, settings.timeToOnboardExpectedDays, asOf),
  };
  return {
    asOf,
    trendDays,
    primaryCurrency,
    kpis: { ...kpis, timeToOnboard },
    rows: rows.map(({ ttvBasicDays: _, onboardedDate: __, ...row }) => row),
  };
}

export function portfolioHandlers(
  ctx: ServiceContext,
): HandlerGroup<'portfolio.overview'> {
  return {
    'portfolio.overview': (input) => portfolioOverview(ctx, input),
  };
}
