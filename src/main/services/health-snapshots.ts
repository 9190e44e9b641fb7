// Daily health snapshots (docs/METRICS.md, Trend): one row per account and day, backfilled over the imported history
// so that the trend is there right after an import, and refreshed after every write to what health reads.
// A snapshot row keeps each component score in a column, the license utilization and the rules that fired; readers
// get them back as one JSON object (db/health-snapshots.ts SNAPSHOT_JSON, decodeSnapshot here): the component scores
// under their names, the benchmarked metrics under "metric.<name>" and the rules that fired under "rule.<id>".
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import { applyRules, combinedScoreTenths, explain, statusOf, type FiredRule, type HealthResult } from '../../shared/metrics/health';
import type { ComponentScore, HealthFacts } from '../../shared/metrics/health-components';
import { COMPONENT_NAMES, type HealthRule, type MetricsSettings } from '../../shared/metrics/settings';
import { accountIds } from '../db/accounts';
import { deleteSnapshotsOutside, packScoreStatus, rescoreSnapshots, SNAPSHOT_COLUMNS, writeSnapshotRows } from '../db/health-snapshots';
import { clearStaleMark, staleMarks, staleMarksOf } from '../db/health-stale';
import { todayOf } from './clock';
import type { StoreContext } from './context';
import { healthInputs, type HealthInputs } from './health-compute';
import { checkpointAside, helpersFor, holdCheckpoint, runHistoryTasks } from './health-threads';
import { historyChunkRows, pushSnapshotRow, type HistoryTask } from './snapshot-rows';

export { snapshotUtilization } from './snapshot-rows';

/** From how many days of history a refresh reads the users' first-seen days from the rollups (refreshHealthSnapshots). */
const FIRST_SEEN_FROM_ROLLUPS_DAYS = 90;

export type SnapshotJson = Record<string, number | null>;

type SnapshotFacts = Pick<HealthFacts, 'mau' | 'licenses' | 'lastEventDay'>;

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

/** The rules of the settings that a stored snapshot says fired, with their generic reasons. */
function firedRules(json: SnapshotJson, settings: MetricsSettings): FiredRule[] {
  return settings.rules
    .filter((r) => json[`rule.${r.id}`] === 1)
    .map((r) => ({ id: r.id, kind: r.kind, effect: r.effect, reason: describeRule(r) }));
}

/** Re-explains a stored snapshot under the settings in force (they were in force when it was written). */
export function decodeSnapshot(json: SnapshotJson, settings: MetricsSettings): HealthResult {
  const components: ComponentScore[] = COMPONENT_NAMES.map((name) => {
    const score = json[name] ?? null;
    return { name, score, facts: [], noDataReason: score === null ? 'No data on this day.' : null };
  });
  return explain(components, settings, firedRules(json, settings));
}

/**
 * Re-scores the whole stored history under `settings` from the stored component scores, with the model's own
 * arithmetic (combinedScoreTenths, which combine shares), statusOf and applyRules: valid when only the scoring
 * changed (services/health.ts scoringOnly), so no component or rule needs its day's facts again. Returns the number of snapshots.
 */
export function rescoreHistory(ctx: StoreContext, settings: MetricsSettings): number {
  const fired = new Map<string, FiredRule[]>();
  const components = COMPONENT_NAMES.map((name) => ({ name, score: null as number | null }));
  return rescoreSnapshots(ctx, (scores, rules) => {
    for (let i = 0; i < components.length; i++) components[i].score = scores[i];
    const tenths = combinedScoreTenths(components, settings.weights);
    let rulesFired = rules === null ? [] : fired.get(rules);
    if (rulesFired === undefined) fired.set(rules as string, (rulesFired = firedRules(JSON.parse(rules as string) as SnapshotJson, settings)));
    return packScoreStatus(tenths, applyRules(statusOf(tenths === null ? null : tenths / 10, settings.thresholds), rulesFired));
  });
}

/** Stores one day's snapshot of an account (replacing the one there). */
export function writeSnapshot(ctx: StoreContext, accountId: number, day: number, result: HealthResult, facts: SnapshotFacts): void {
  const values: unknown[] = [];
  pushSnapshotRow(values, accountId, day, result, facts);
  writeSnapshotRows(ctx, values);
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
 * A long refresh is shared with helper threads (health-threads.ts helpersFor; `helpers` sets how many, 0 none;
 * `helpersOnly` leaves the accounts to them, for tests); `helped` says how many accounts they computed.
 */
export function refreshHealthSnapshots(
  ctx: StoreContext,
  options: { accountIds?: readonly number[]; fromDay?: number | 'marks'; inputs?: HealthInputs; helpers?: number; helpersOnly?: boolean } = {},
): { accounts: number; snapshots: number; helped: number } {
  const pending = deferred.get(ctx);
  if (pending !== undefined) {
    if (options.accountIds && pending.ids !== 'all') for (const id of options.accountIds) pending.ids.add(id);
    else pending.ids = 'all';
    return { accounts: 0, snapshots: 0, helped: 0 };
  }
  const today = dayNumber(todayOf(ctx));
  // Helper threads cannot see the writes of a transaction this refresh would run inside.
  const insideOther = ctx.sqlite.inTransaction;
  // A shared refresh's checkpoint is left to a helper after the commit (health-threads.ts holdCheckpoint).
  let held: number | null = null;
  const refresh = ctx.sqlite.transaction(() => {
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
    // The accounts there are (an id asked for may be gone), in id order: the rollups are clustered by account.
    const existing = accountIds(ctx);
    const tasks: HistoryTask[] = [];
    for (const id of ids === null ? existing : existing.filter((i) => ids.has(i))) {
      const requested = firstDay(id);
      if (requested === null) continue;
      tasks.push(requested === undefined ? { accountId: id } : { accountId: id, requested });
      const mark = marks.get(id);
      if (mark) clearStaleMark(ctx.sqlite, id, mark.generation);
    }
    let snapshots = 0;
    let accounts = 0;
    const job = { today, inputs, fromRollups, bundleFrom };
    const todayIso = isoFromDayNumber(today);
    // Every day from the task's first day through today is written again (replacing the row there); the days
    // before the history's start (it may have moved later: the first event now precedes the old start from the
    // contract) and after today go. A long refresh is shared with helper threads (health-threads.ts), which read
    // each account's records and start themselves; rows are written SNAPSHOT_BATCH at a time.
    const helpers = options.helpers ?? helpersFor(ctx, tasks, today, insideOther);
    if (helpers > 0 && !insideOther) held = holdCheckpoint(ctx);
    const helped = runHistoryTasks(
      ctx,
      tasks,
      job,
      helpers,
      (first, end, rows, started, taskDone) => historyChunkRows(ctx, tasks, first, end, job, rows, started, taskDone),
      (rows) => {
        snapshots += rows.length / SNAPSHOT_COLUMNS.length;
        writeSnapshotRows(ctx, rows);
      },
      (task, start) => {
        if (start === null) return;
        accounts += 1;
        deleteSnapshotsOutside(ctx, tasks[task].accountId, isoFromDayNumber(start), todayIso);
      },
      options.helpersOnly,
    );
    return { accounts, snapshots, helped };
  });
  try {
    // IMMEDIATE: the write lock from the first read, so the inputs read are the ones the snapshots are stored for.
    return refresh.immediate();
  } finally {
    if (held !== null) checkpointAside(ctx, held);
  }
}
