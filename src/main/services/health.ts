// Health as the screens and the CLI see it: the portfolio list (from the daily snapshots when they exist, so it
// answers for 2,000 accounts in milliseconds), one account's full explanation with its history, and the settings
// with a preview of how many accounts would change status.
import { isDeepStrictEqual } from 'node:util';
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import type { AccountHealth, MethodInput, MethodOutput } from '../../shared/contract';
import { changeBetween } from '../../shared/change';
import { AppError } from '../../shared/errors';
import { computeHealth, type HealthResult, type HealthStatus } from '../../shared/metrics/health';
import { DEFAULT_SETTINGS, type MetricsSettings } from '../../shared/metrics/settings';
import { loadBundles } from '../db/account-bundles';
import { accountsWithSnapshots, scoresOn, snapshotHistory } from '../db/health-snapshots';
import { markHealthStale, staleMarks } from '../db/health-stale';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { factsFromWindow, healthInputs, liveHealth, windowAt } from './health-compute';
import { decodeSnapshot, refreshHealthSnapshots, rescoreHistory, writeSnapshot, type SnapshotJson } from './health-snapshots';
import { mergeMetricsSettings, readMetricsSettings, writeMetricsSettings } from './metrics-settings';

/** "−12 since last month": the trend compares with the snapshot this many days earlier. */
export const TREND_DAYS = 30;

function toAccountHealth(
  account: { id: number; name: string },
  asOf: string,
  result: HealthResult,
  previousScore: number | null,
  source: AccountHealth['source'],
): AccountHealth {
  return {
    id: account.id,
    name: account.name,
    asOf,
    score: result.score,
    status: result.status,
    scoreStatus: result.scoreStatus,
    components: result.components.map((c) => ({
      name: c.name,
      label: c.label,
      score: c.score,
      weight: c.weight,
      share: c.share,
      contribution: c.contribution,
      facts: c.facts,
      noDataReason: c.noDataReason,
    })),
    leftOut: result.leftOut,
    rules: result.rules,
    trend: {
      days: TREND_DAYS,
      previousScore,
      // The change of the scores as shown (tenths): 67.4 from 58.6 is +8.8, and no change at all without both.
      delta: changeBetween(previousScore, result.score, 1),
    },
    source,
  };
}

function countStatuses(items: readonly { status: HealthStatus | null }[]) {
  const counts = { green: 0, yellow: 0, red: 0, noData: 0 };
  for (const i of items) counts[i.status ?? 'noData'] += 1;
  return counts;
}

function previousScores(ctx: ServiceContext, day: number): Map<number, number | null> {
  return new Map(scoresOn(ctx, isoFromDayNumber(day)).map((r) => [r.id, r.score]));
}

/** Live health of every account (or the given ones) on a day, with facts. */
export function computeAllHealth(ctx: ServiceContext, asOfDay: number, settings: MetricsSettings, accountIds?: ReadonlySet<number>) {
  const inputs = healthInputs(ctx, settings);
  return loadBundles(ctx, undefined, asOfDay)
    .filter((b) => !accountIds || accountIds.has(b.account.id))
    .map((bundle) => {
      const w = windowAt(ctx, bundle.account.id, asOfDay);
      const facts = factsFromWindow(bundle, inputs.features, w, asOfDay);
      return { account: bundle.account, facts, result: computeHealth(facts, settings) };
    });
}

export function listHealth(ctx: ServiceContext, input: MethodInput<'health.list'>): MethodOutput<'health.list'> {
  const today = todayOf(ctx);
  const asOf = input.asOf ?? today;
  const day = dayNumber(asOf);
  const settings = readMetricsSettings(ctx);
  if (input.explain) {
    const previous = previousScores(ctx, day - TREND_DAYS);
    const items = computeAllHealth(ctx, day, settings).map(({ account, result }) =>
      toAccountHealth(account, asOf, result, previous.get(account.id) ?? null, 'live'),
    );
    return { asOf, items, counts: countStatuses(items) };
  }
  const rows = accountsWithSnapshots(ctx, asOf, isoFromDayNumber(day - TREND_DAYS));
  const missing = new Set(rows.filter((r) => r.json === null).map((r) => r.id));
  const live = new Map<number, HealthResult>();
  if (missing.size > 0) {
    for (const { account, facts, result } of computeAllHealth(ctx, day, settings, missing)) {
      live.set(account.id, result);
      // Today's snapshot, taken the first time it is asked for: a cache of derived data, so no change event.
      if (asOf === today) writeSnapshot(ctx, account.id, day, result, facts);
    }
  }
  const items = rows.map((r) => {
    const result = r.json === null ? live.get(r.id) : decodeSnapshot(JSON.parse(r.json) as SnapshotJson, settings);
    if (!result) throw new AppError('internal', `Health of account ${r.id} could not be computed.`);
    return toAccountHealth(r, asOf, result, r.previous, r.json === null ? 'live' : 'snapshot');
  });
  return { asOf, items, counts: countStatuses(items) };
}

/**
 * A score from before any usage was on record rests on the relationship alone: compared with one that has usage it
 * is new data, not a change (the snapshot history starts at the first event for the same reason).
 */
function comparablePrevious(previous: HealthResult, now: HealthResult): number | null {
  const hasUsage = (r: HealthResult) => r.components.some((c) => c.name === 'usage' && c.score !== null);
  return hasUsage(previous) || !hasUsage(now) ? previous.score : null;
}

export function accountHealth(ctx: ServiceContext, input: MethodInput<'health.account'>): MethodOutput<'health.account'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const day = dayNumber(asOf);
  const [bundle] = loadBundles(ctx, input.id, day - TREND_DAYS);
  if (!bundle) throw new AppError('not_found', `There is no account with id ${input.id}.`);
  const inputs = healthInputs(ctx);
  const result = liveHealth(ctx, bundle, day, inputs);
  const history = snapshotHistory(ctx, input.id, isoFromDayNumber(day - 365), asOf);
  const previousDate = isoFromDayNumber(day - TREND_DAYS);
  const stored = history.find((h) => h.date === previousDate);
  const previous = stored ? stored.score : comparablePrevious(liveHealth(ctx, bundle, day - TREND_DAYS, inputs), result);
  return { ...toAccountHealth(bundle.account, asOf, result, previous, 'live'), history };
}

/**
 * Whether two settings differ only in the weights, the thresholds and the rules' effects. Compared as values, not
 * as JSON text: the stored settings and a merged change can hold the same rule with its keys in another order
 * (zod hands a default back as written, and a parsed one in the schema's order).
 */
export function scoringOnly(a: MetricsSettings, b: MetricsSettings): boolean {
  const rest = (s: MetricsSettings) => ({ ...s, weights: null, thresholds: null, rules: s.rules.map((r) => ({ ...r, effect: null })) });
  return isDeepStrictEqual(rest(a), rest(b));
}

/**
 * Today's health of every account under the settings in force and under a change of scoring only (scoringOnly):
 * from today's snapshots where they are fresh (no stale mark), re-explained under each, as the portfolio reads
 * them; live for the others. The components and the rules that fire are the same under both, so nothing is
 * recomputed for an account with a snapshot: 2,000 accounts are re-scored in milliseconds instead of twice live.
 */
function scoringPreview(ctx: ServiceContext, day: number, current: MetricsSettings, next: MetricsSettings) {
  const rows = accountsWithSnapshots(ctx, isoFromDayNumber(day), isoFromDayNumber(day - TREND_DAYS));
  const stale = new Set(staleMarks(ctx.sqlite).map((m) => m.accountId));
  const live = new Set(rows.filter((r) => r.json === null || stale.has(r.id)).map((r) => r.id));
  const liveBefore = new Map(live.size === 0 ? [] : computeAllHealth(ctx, day, current, live).map((h) => [h.account.id, h.result]));
  const liveAfter = new Map(live.size === 0 ? [] : computeAllHealth(ctx, day, next, live).map((h) => [h.account.id, h.result]));
  const before = new Map<number, HealthResult | undefined>();
  const after = rows.map((r) => {
    const json = live.has(r.id) || r.json === null ? null : (JSON.parse(r.json) as SnapshotJson);
    before.set(r.id, json === null ? liveBefore.get(r.id) : decodeSnapshot(json, current));
    const result = json === null ? liveAfter.get(r.id) : decodeSnapshot(json, next);
    if (!result) throw new AppError('internal', `Health of account ${r.id} could not be computed.`);
    return { account: { id: r.id, name: r.name }, result };
  });
  return { before, after };
}

/** How a settings change would move each account's status today. */
export function previewSettings(ctx: ServiceContext, next: MetricsSettings, asOf = todayOf(ctx)): MethodOutput<'health.settings.preview'> {
  const day = dayNumber(asOf);
  const current = readMetricsSettings(ctx);
  const { before, after } =
    asOf === todayOf(ctx) && scoringOnly(current, next)
      ? scoringPreview(ctx, day, current, next)
      : {
          before: new Map(computeAllHealth(ctx, day, current).map((h) => [h.account.id, h.result])),
          after: computeAllHealth(ctx, day, next),
        };
  const changes = after
    .filter(({ account, result }) => before.get(account.id)?.status !== result.status)
    .map(({ account, result }) => ({
      id: account.id,
      name: account.name,
      from: before.get(account.id)?.status ?? null,
      to: result.status,
      scoreFrom: before.get(account.id)?.score ?? null,
      scoreTo: result.score,
    }));
  return { changed: changes.length, counts: countStatuses(after.map((a) => a.result)), changes };
}

export function healthHandlers(
  ctx: ServiceContext,
): HandlerGroup<'health.list' | 'health.account' | 'health.refresh' | 'health.settings.get' | 'health.settings.preview' | 'health.settings.set'> {
  return {
    'health.list': (input) => listHealth(ctx, input),
    'health.account': (input) => accountHealth(ctx, input),
    'health.refresh': (input) =>
      refreshHealthSnapshots(ctx, {
        accountIds: input.accountIds,
        fromDay: input.fromDate === undefined ? undefined : dayNumber(input.fromDate),
      }),
    'health.settings.get': () => ({ settings: readMetricsSettings(ctx), defaults: DEFAULT_SETTINGS }),
    'health.settings.preview': (input) => previewSettings(ctx, mergeMetricsSettings(readMetricsSettings(ctx), input.settings), input.asOf),
    'health.settings.set': (input) => {
      const next = mergeMetricsSettings(readMetricsSettings(ctx), input.settings);
      const preview = previewSettings(ctx, next);
      const previous = readMetricsSettings(ctx);
      if (scoringOnly(previous, next)) {
        // Only how the stored components combine changed: every snapshot is re-scored in place, in the settings'
        // own transaction (no component or rule is recomputed, so none needs its facts again).
        ctx.sqlite.transaction(() => {
          writeMetricsSettings(ctx, next);
          rescoreHistory(ctx, next);
        })();
        return { settings: next, preview };
      }
      // Anything else changes the components or the rules of every past day: the whole history is marked stale
      // with the write, then recomputed.
      ctx.sqlite.transaction(() => {
        writeMetricsSettings(ctx, next);
        markHealthStale(ctx.sqlite, 'all', null);
      })();
      refreshHealthSnapshots(ctx);
      return { settings: next, preview };
    },
  };
}
