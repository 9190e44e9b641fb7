// Everything a QBR deck shows for one account and one quarter, gathered from the SAME service functions the
// screens call (metrics.account, health.account, recommendations.account, accounts.get) with asOf = the quarter's
// last day ("this quarter") and the previous quarter's last day ("last quarter"), so every number on a slide is
// the number the account view shows for that date. What no service answers yet (the last QBR's action items,
// quarter counts of cases and touchpoints, the monthly active-user series) is read here, read-only, with the
// services' own loaders and the shared metric functions.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AccountMetrics, AccountSummary, MethodOutput, Outcome } from '../../shared/contract';
import { addDays, dayNumber, isoFromDayNumber } from '../../shared/dates';
import { recordsAsOf } from '../../shared/metrics/as-of';
import { openSupportCases, supportCaseSuccessRate } from '../../shared/metrics/relationship';
import { meanDau, mau, wau } from '../../shared/metrics/usage';
import { getAccount } from '../services/accounts';
import { accountStoryOf } from '../services/story';
import { getSuccessPlan } from '../services/success-plan';
import { todayOf } from '../services/clock';
import type { ServiceContext } from '../services/context';
import { accountHealth } from '../services/health';
import { loadBundles } from '../db/account-bundles';
import { loadFeatures } from '../db/features';
import { actionItemsOfQbr } from '../db/qbr-action-items';
import { lastQbrOnOrBefore } from '../db/qbrs';
import { hasEventsBetween, lastEventDay, loadUsageRows } from '../db/usage';
import { accountMetrics, accountRecommendations } from '../services/metrics';
import { readMetricsSettings } from '../services/metrics-settings';
import type { MetricsSettings } from '../../shared/metrics/settings';
import { readBranding, type Branding } from './branding';
import { accountAsOf, customerPeriod, type AccountAsOf } from './account-as-of';
import { previousQuarter, resolveDeckQuarter, type Quarter } from './quarter';

export type HealthComponentView = MethodOutput<'health.account'>['components'][number];
export type RecommendationView = MethodOutput<'recommendations.account'>['items'][number];

export interface UsagePoint {
  /** "Jul 2026" */
  label: string;
  asOf: string;
  /** Mean daily active users over the 30 days to asOf (the numerator of stickiness); null = no usage yet. */
  meanDau: number | null;
  wau: number | null;
  mau: number | null;
}

export interface ActionItem {
  text: string;
  owner: string | null;
  dueDate: string | null;
  status: 'open' | 'done' | 'dropped';
  /** Open and past its due date today. */
  overdue: boolean;
}

export interface DeckData {
  account: AccountSummary;
  /** The executive summary in sentences (the CSM's edit, or the account's story); empty when there is nothing to tell. */
  summary: string;
  /** The stage and renewal date on asOf, and when the account was a customer. */
  standing: AccountAsOf;
  quarter: Quarter;
  previous: Quarter;
  /** The quarter's last day, or today when the quarter is still running. */
  asOf: string;
  previousAsOf: string;
  today: string;
  branding: Branding;
  /** The health and adoption definitions in force: the appendix quotes their knobs. */
  settings: MetricsSettings;
  current: AccountMetrics;
  last: AccountMetrics;
  health: MethodOutput<'health.account'>;
  /** Components with data, largest contribution first: the top drivers. */
  drivers: HealthComponentView[];
  features: Map<string, { name: string; isKey: boolean }>;
  /** Whether any usage was imported inside each quarter (up to its as-of date). */
  usage: { thisQuarter: boolean; lastQuarter: boolean; lastEvent: string | null };
  /** Month ends of last quarter and this one (up to asOf). */
  series: UsagePoint[];
  lastQbr: { date: string; items: ActionItem[] } | null;
  support: { opened: number; closed: number; succeeded: number; rate: number | null; openAtEnd: number };
  touchpoints: { current: number; previous: number };
  recommendations: RecommendationView[];
  /** The success plan's outcomes, with only the progress QBRs up to asOf recorded (latest as of asOf). */
  outcomes: Outcome[];
}

function outcomesAsOf(ctx: ServiceContext, accountId: number, asOf: string): Outcome[] {
  return getSuccessPlan(ctx, accountId).outcomes.map((o) => {
    const progress = o.progress.filter((p) => p.qbrDate <= asOf);
    return { ...o, progress, latest: progress.findLast((p) => p.value !== null) ?? null };
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month ends within a quarter, the last one clipped to asOf (a quarter in progress ends today). */
function monthEnds(quarter: Quarter, asOf: string): string[] {
  const out: string[] = [];
  for (let m = 0; m < 3; m++) {
    const month = 3 * quarter.q - 2 + m;
    const next = month === 12 ? `${quarter.year + 1}-01-01` : `${quarter.year}-${String(month + 1).padStart(2, '0')}-01`;
    const end = addDays(next, -1);
    if (end <= asOf) out.push(end);
    else if (`${quarter.year}-${String(month).padStart(2, '0')}-01` <= asOf) out.push(asOf);
  }
  return out;
}

/**
 * DAU / WAU / MAU at each month end with the shared usage functions, as `metrics.account` computes them for that
 * date: null (no data) when the account had no event on or before it, never 0.
 */
function usageSeries(ctx: ServiceContext, accountId: number, dates: string[]): UsagePoint[] {
  if (dates.length === 0) return [];
  const first = dayNumber(dates[0]);
  const rows = loadUsageRows(ctx, accountId, first - 29, dayNumber(dates[dates.length - 1]));
  return dates.map((date) => {
    const d = dayNumber(date);
    const label = `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
    if (lastEventDay(ctx, accountId, d) === null) return { label, asOf: date, meanDau: null, wau: null, mau: null };
    return { label, asOf: date, meanDau: meanDau(rows, d), wau: wau(rows, d), mau: mau(rows, d) };
  });
}

function usedBetween(ctx: ServiceContext, accountId: number, from: string, to: string): boolean {
  return hasEventsBetween(ctx, accountId, dayNumber(from), dayNumber(to));
}

/**
 * The latest QBR held on or before asOf and its action items. Their status is today's (the store keeps no history
 * of it), so "overdue" is judged against today too.
 */
function lastQbr(ctx: ServiceContext, accountId: number, asOf: string, today: string): DeckData['lastQbr'] {
  const qbr = lastQbrOnOrBefore(ctx, accountId, asOf);
  if (!qbr) return null;
  const rows = actionItemsOfQbr(ctx, qbr.id);
  return {
    date: qbr.date,
    items: rows.map((r) => ({ ...r, overdue: r.status === 'open' && r.dueDate !== null && r.dueDate < today })),
  };
}

export interface DeckRequest {
  accountId: number;
  quarter?: string;
  /** The executive summary as the CSM edited it; default: the account's story as of the deck's date. */
  summary?: string;
}

/**
 * Gathers a deck's data. The service calls are synchronous SQLite reads (tens of ms each on a demo account); the
 * awaits between them hand the event loop back, so the window keeps answering while a deck is prepared.
 */
export async function gatherDeckData(ctx: ServiceContext, request: DeckRequest): Promise<DeckData> {
  const today = todayOf(ctx);
  const period = customerPeriod(ctx, request.accountId, today);
  const quarter = resolveDeckQuarter(request.quarter, period, today);
  const previous = previousQuarter(quarter, today);
  const asOf = quarter.complete ? quarter.end : today;
  const previousAsOf = previous.end;
  const id = request.accountId;

  const account = getAccount(ctx, { id, asOf });
  const branding = readBranding(ctx);
  await nextTurn();
  const current = accountMetrics(ctx, { id, asOf });
  await nextTurn();
  const last = accountMetrics(ctx, { id, asOf: previousAsOf });
  await nextTurn();
  const health = accountHealth(ctx, { id, asOf });
  const recommendations = accountRecommendations(ctx, { id, asOf }).items;
  await nextTurn();
  const summary = request.summary ?? accountStoryOf(ctx, { id, asOf }, { forCustomer: true }).text;
  await nextTurn();

  const settings = readMetricsSettings(ctx);
  const onboarding = current.milestones.find((m) => m.kind === 'onboarding_complete');
  const standing = accountAsOf(ctx, { accountId: id, period, asOf, onboardingAchieved: onboarding ? onboarding.achievedDate : undefined, lengths: settings.stageLengths });
  const [all] = loadBundles(ctx, id, dayNumber(asOf));
  const bundle = recordsAsOf(all, dayNumber(asOf));
  const window = { from: dayNumber(quarter.start), to: dayNumber(asOf) };
  const cases = bundle.touchpoints.filter((t) => t.kind === 'support_case');
  const success = supportCaseSuccessRate(cases, window);
  // Touchpoints are the CSM's own (calls, emails, meetings, campaigns); support cases are the customer's.
  const logged = bundle.touchpoints.filter((t) => t.kind !== 'support_case');
  const countIn = (from: string, to: string) => logged.filter((t) => t.date >= from && t.date <= to).length;
  const lastEvent = lastEventDay(ctx, id, dayNumber(asOf));

  return {
    account,
    summary,
    standing,
    quarter,
    previous,
    asOf,
    previousAsOf,
    today,
    branding,
    settings,
    current,
    last,
    health,
    drivers: health.components
      .filter((c) => c.contribution !== null)
      .sort((a, b) => (b.contribution ?? 0) - (a.contribution ?? 0)),
    features: new Map(loadFeatures(ctx).map((f) => [f.name, { name: f.name, isKey: f.isKey }])),
    usage: {
      thisQuarter: usedBetween(ctx, id, quarter.start, asOf),
      lastQuarter: usedBetween(ctx, id, previous.start, previousAsOf),
      lastEvent: lastEvent === null ? null : isoFromDayNumber(lastEvent),
    },
    series: usageSeries(ctx, id, [...monthEnds(previous, previousAsOf), ...monthEnds(quarter, asOf)]),
    lastQbr: lastQbr(ctx, id, asOf, today),
    support: {
      opened: cases.filter((t) => t.date >= quarter.start && t.date <= asOf).length,
      closed: success.closed,
      succeeded: success.succeeded,
      rate: success.rate,
      openAtEnd: openSupportCases(cases, asOf).length,
    },
    touchpoints: { current: countIn(quarter.start, asOf), previous: countIn(previous.start, previousAsOf) },
    recommendations,
    outcomes: outcomesAsOf(ctx, id, asOf),
  };
}
