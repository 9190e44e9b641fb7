// Daily health snapshots (docs/METRICS.md, Trend): one row per account and day, backfilled over the imported history
// so that the trend is there right after an import, and refreshed after every write to what health reads.
// The snapshot's `components` JSON holds the component scores under their names, the benchmarked metrics under
// "metric.<name>" and the rules that fired under "rule.<id>" (the table has one JSON column for all three).
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import { explain, type FiredRule, type HealthResult, type HealthScores } from '../../shared/metrics/health';
import type { ComponentScore, HealthFacts } from '../../shared/metrics/health-components';
import { COMPONENT_NAMES, type HealthRule, type MetricsSettings } from '../../shared/metrics/settings';
import { type AccountBundle, loadBundles } from '../db/account-bundles';
import { deleteSnapshots, deleteSnapshotsBefore, SNAPSHOT_BATCH, writeSnapshotRow, writeSnapshotRows } from '../db/health-snapshots';
import { clearStaleMark, staleMarks, staleMarksOf } from '../db/health-stale';
import { firstEventDay } from '../db/usage';
import { todayOf } from './clock';
import type { StoreContext } from './context';
import { healthInputs, healthSeries, type HealthInputs } from './health-compute';

/** Backfill reaches at most this far back: two contract years is all a trend or a benchmark needs. */
export const HISTORY_CAP_DAYS = 730;

/** From how many days of history a refresh reads the users' first-seen days from the rollups (refreshHealthSnapshots). */
const FIRST_SEEN_FROM_ROLLUPS_DAYS = 90;

export type SnapshotJson = Record<string, number | null>;

/** What a snapshot stores of a result: a live HealthResult or the backfill's HealthScores. */
type SnapshotSource = Pick<HealthScores, 'components' | 'rules'>;
type SnapshotFacts = Pick<HealthFacts, 'mau' | 'licenses' | 'lastEventDay'>;

/** The snapshot's entries, in order: the component scores, the license utilization, a 1 per rule that fired. */
function snapshotEntries(result: SnapshotSource, facts: SnapshotFacts, put: (key: string, value: number | null) => void): void {
  for (const c of result.components) put(c.name, c.score);
  const licensed = facts.licenses !== null && facts.licenses > 0 && facts.lastEventDay !== null;
  put('metric.licenseUtilization', licensed && facts.licenses !== null ? facts.mau / facts.licenses : null);
  for (const r of result.rules) put(`rule.${r.id}`, 1);
}

export function encodeSnapshot(result: SnapshotSource, facts: SnapshotFacts): SnapshotJson {
  const json: SnapshotJson = {};
  snapshotEntries(result, facts, (key, value) => {
    json[key] = value;
  });
  return json;
}

const quotedKeys = new Map<string, string>();

/**
 * JSON.stringify(encodeSnapshot(result, facts)), the text stored, written directly: the backfill stores hundreds of
 * thousands of them, and building an object per day only to stringify it was a tenth of its time.
 */
export function encodeSnapshotText(result: SnapshotSource, facts: SnapshotFacts): string {
  let text = '';
  snapshotEntries(result, facts, (key, value) => {
    let quoted = quotedKeys.get(key);
    if (quoted === undefined) quotedKeys.set(key, (quoted = JSON.stringify(key)));
    // JSON writes a finite number as String does (-0 as 0) and anything else as null.
    text += `${text === '' ? '{' : ','}${quoted}:${value !== null && Number.isFinite(value) ? String(value) : 'null'}`;
  });
  return text === '' ? '{}' : `${text}}`;
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
 * loader, an edit, a settings change. One transaction, which also reads the inputs (so no write can slip between
 * what was read and what is stored); one pass of the rollups per account. An account marked stale
 * (health_stale) is recomputed from its mark's day when that is earlier, and the mark is cleared in the same
 * transaction. fromDay 'marks': only the marked accounts, each from its own mark (the incremental path).
 */
export function refreshHealthSnapshots(
  ctx: StoreContext,
  options: { accountIds?: readonly number[]; fromDay?: number | 'marks'; inputs?: HealthInputs } = {},
): { accounts: number; snapshots: number } {
  const pending = deferred.get(ctx);
  if (pending !== undefined) {
    if (options.accountIds && pending.ids !== 'all') for (const id of options.accountIds) pending.ids.add(id);
    else pending.ids = 'all';
    return { accounts: 0, snapshots: 0 };
  }
  const today = dayNumber(todayOf(ctx));
  // IMMEDIATE: the write lock from the first read, so the inputs read are the ones the snapshots are stored for.
  return ctx.sqlite
    .transaction(() => {
      const inputs = options.inputs ?? healthInputs(ctx);
      const wanted = options.accountIds ? new Set(options.accountIds) : null;
      const marks = wanted ? staleMarksOf(ctx.sqlite, [...wanted]) : new Map(staleMarks(ctx.sqlite).map((m) => [m.accountId, m]));
      const onlyMarked = options.fromDay === 'marks';
      // Each account's first day to write: the requested day, or its mark's when earlier (undefined: its whole history).
      const firstDay = (id: number): number | undefined | null => {
        const mark = marks.get(id);
        if (onlyMarked) return mark === undefined ? null : (mark.fromDay ?? undefined);
        const requested = options.fromDay as number | undefined;
        if (mark === undefined || requested === undefined) return requested;
        return mark.fromDay === null ? undefined : Math.min(requested, mark.fromDay);
      };
      const ids = wanted ?? (onlyMarked ? new Set(marks.keys()) : null);
      const days = (ids ? [...ids] : []).map(firstDay).filter((d): d is number | undefined => d !== null);
      const whole = days.includes(undefined) || (ids === null && options.fromDay === undefined);
      // Every day written is on or after this one, so users first seen before it need no scan of the rollups.
      const asOfFrom = whole ? undefined : Math.min(today, ...(days as number[]), ...(ids === null ? [options.fromDay as number] : []));
      // A long history takes the users' first-seen days from the rollups each account's series reads anyway
      // (healthSeries) rather than one sort of every rollup row by user; a short one (today's snapshot after a
      // write) reads little of the rollups, and one query that skips the accounts without usage since is cheaper.
      const fromRollups = asOfFrom === undefined || today - asOfFrom >= FIRST_SEEN_FROM_ROLLUPS_DAYS;
      const bundleFrom = fromRollups ? null : asOfFrom;
      const bundles = (ids && ids.size === 1 ? loadBundles(ctx, [...ids][0], bundleFrom) : loadBundles(ctx, undefined, bundleFrom)).filter(
        (b) => (ids === null || ids.has(b.account.id)) && firstDay(b.account.id) !== null,
      );
      let snapshots = 0;
      // Rows are buffered and written SNAPSHOT_BATCH at a time (writeSnapshotRows), across accounts.
      const rows: unknown[] = [];
      for (const bundle of bundles) {
        const id = bundle.account.id;
        const start = historyStart(ctx, bundle, today);
        const requested = firstDay(id) ?? undefined;
        const from = requested === undefined ? start : Math.min(today, Math.max(requested, start));
        deleteSnapshots(ctx, id, requested === undefined ? undefined : isoFromDayNumber(from));
        // The history's start may have moved later (the first event now precedes the old start from the contract).
        if (requested !== undefined) deleteSnapshotsBefore(ctx, id, isoFromDayNumber(start));
        healthSeries(ctx, bundle, from, today, inputs, (day, scores, facts) => {
          rows.push(id, isoFromDayNumber(day), scores.score, scores.status, encodeSnapshotText(scores, facts));
          if (rows.length >= SNAPSHOT_BATCH * 5) writeSnapshotRows(ctx, rows);
          snapshots += 1;
        }, { firstSeenFromRollups: fromRollups });
        const mark = marks.get(id);
        if (mark) clearStaleMark(ctx.sqlite, id, mark.generation);
      }
      writeSnapshotRows(ctx, rows);
      return { accounts: bundles.length, snapshots };
    })
    .immediate();
}
