// Daily health snapshots (docs/METRICS.md, Trend): one row per account and day, backfilled over the imported history
// so that the trend is there right after an import, and refreshed after every write to what health reads.
// The snapshot's `components` JSON holds the component scores under their names, the benchmarked metrics under
// "metric.<name>" and the rules that fired under "rule.<id>" (the table has one JSON column for all three).
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import { explain, type FiredRule, type HealthResult } from '../../shared/metrics/health';
import type { ComponentScore, HealthFacts } from '../../shared/metrics/health-components';
import { COMPONENT_NAMES, type HealthRule, type MetricsSettings } from '../../shared/metrics/settings';
import { type AccountBundle, loadBundles } from '../db/account-bundles';
import { deleteSnapshots, writeSnapshotRow } from '../db/health-snapshots';
import { firstEventDay } from '../db/usage';
import { todayOf } from './clock';
import type { StoreContext } from './context';
import { healthInputs, healthSeries, type HealthInputs } from './health-compute';

/** Backfill reaches at most this far back: two contract years is all a trend or a benchmark needs. */
export const HISTORY_CAP_DAYS = 730;

export type SnapshotJson = Record<string, number | null>;

export function encodeSnapshot(result: HealthResult, facts: Pick<HealthFacts, 'mau' | 'licenses' | 'lastEventDay'>): SnapshotJson {
  const json: SnapshotJson = {};
  for (const c of result.components) json[c.name] = c.score;
  const licensed = facts.licenses !== null && facts.licenses > 0 && facts.lastEventDay !== null;
  json['metric.licenseUtilization'] = licensed && facts.licenses !== null ? facts.mau / facts.licenses : null;
  for (const r of result.rules) json[`rule.${r.id}`] = 1;
  return json;
}

/** A generic reason for a rule read back from a snapshot (the day's facts are not stored). */
export function describeRule(rule: HealthRule): string {
  const effect = rule.effect === 'force_red' ? 'red' : rule.effect === 'force_yellow' ? 'yellow' : 'at most yellow';
  switch (rule.kind) {
    case 'no_usage':
      return `No event in ${rule.days} days → ${effect}.`;
    case 'open_support_case':
      return `Support case open more than ${rule.days} days → ${effect}.`;
    case 'qbr_overdue':
      return `QBR overdue → ${effect}.`;
    case 'onboarding_late':
      return `Onboarding milestone late → ${effect}.`;
  }
}

/** Re-explains a stored snapshot under the settings in force (they were in force when it was written). */
export function decodeSnapshot(json: SnapshotJson, settings: MetricsSettings): HealthResult {
  const components: ComponentScore[] = COMPONENT_NAMES.map((name) => {
    const score = json[name] ?? null;
    return { name, score, facts: [], noDataReason: score === null ? 'No data on this day.' : null };
  });
  const rules: FiredRule[] = settings.rules
    .filter((r) => json[`rule.${r.id}`] === 1)
    .map((r) => ({ id: r.id, kind: r.kind, effect: r.effect, reason: describeRule(r) }));
  return explain(components, settings, rules);
}

/**
 * The first day worth a snapshot: the first event when usage has been imported (before it, a score would rest on
 * the relationship alone and draw a misleading start of the trend), else the contract start; within the cap.
 */
function historyStart(ctx: StoreContext, bundle: AccountBundle, today: number): number {
  const first = firstEventDay(ctx, bundle.account.id) ?? (bundle.account.contractStart ? dayNumber(bundle.account.contractStart) : today);
  return Math.min(today, Math.max(first, today - HISTORY_CAP_DAYS));
}

export function writeSnapshot(ctx: StoreContext, accountId: number, day: number, result: HealthResult, json: SnapshotJson): void {
  writeSnapshotRow(ctx, accountId, isoFromDayNumber(day), result.score, result.status, JSON.stringify(json));
}

/** Refreshes asked for while bulk work runs through the services (deferHealthRefresh): the accounts, or all. */
const deferred = new WeakMap<StoreContext, { ids: Set<number> | 'all' }>();

/**
 * Runs fn, a run of writes through the services (each of which refreshes its account's health history), and
 * refreshes the accounts they asked for once at the end instead of once per write.
 */
export function deferHealthRefresh<T>(ctx: StoreContext, fn: () => T): T {
  if (deferred.has(ctx)) return fn();
  const pending: { ids: Set<number> | 'all' } = { ids: new Set() };
  deferred.set(ctx, pending);
  let result: T;
  try {
    result = fn();
  } finally {
    deferred.delete(ctx);
  }
  if (pending.ids === 'all') refreshHealthSnapshots(ctx);
  else if (pending.ids.size > 0) refreshHealthSnapshots(ctx, { accountIds: [...pending.ids] });
  return result;
}

/**
 * Recomputes the daily snapshots of the given accounts (all by default) from fromDay (default: each account's
 * history start) through today. Call it after any write that changes what health reads: an import, the demo
 * loader, an edit, a settings change. One transaction; one pass of the rollups per account.
 */
export function refreshHealthSnapshots(
  ctx: StoreContext,
  options: { accountIds?: number[]; fromDay?: number; inputs?: HealthInputs } = {},
): { accounts: number; snapshots: number } {
  const pending = deferred.get(ctx);
  if (pending !== undefined) {
    if (options.accountIds && pending.ids !== 'all') for (const id of options.accountIds) pending.ids.add(id);
    else pending.ids = 'all';
    return { accounts: 0, snapshots: 0 };
  }
  const today = dayNumber(todayOf(ctx));
  const inputs = options.inputs ?? healthInputs(ctx);
  const wanted = options.accountIds ? new Set(options.accountIds) : null;
  // Every day written is on or after this one, so users first seen before it need no scan of the rollups.
  const asOfFrom = options.fromDay === undefined ? undefined : Math.min(options.fromDay, today);
  const bundles = (wanted && wanted.size === 1 ? loadBundles(ctx, [...wanted][0], asOfFrom) : loadBundles(ctx, undefined, asOfFrom)).filter(
    (b) => wanted === null || wanted.has(b.account.id),
  );
  let snapshots = 0;
  ctx.sqlite.transaction(() => {
    for (const bundle of bundles) {
      const start = historyStart(ctx, bundle, today);
      const from = options.fromDay === undefined ? start : Math.min(today, Math.max(options.fromDay, start));
      deleteSnapshots(ctx, bundle.account.id, options.fromDay === undefined ? undefined : isoFromDayNumber(from));
      healthSeries(ctx, bundle, from, today, inputs, (day, result, facts) => {
        writeSnapshot(ctx, bundle.account.id, day, result, encodeSnapshot(result, facts));
        snapshots += 1;
      });
    }
  })();
  return { accounts: bundles.length, snapshots };
}
