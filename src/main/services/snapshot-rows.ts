// One account's daily health snapshots as the rows health_snapshots_tenths stores (db/health-snapshots.ts SNAPSHOT_COLUMNS),
// computed by the thread that refreshes the history and by its helper threads alike (services/health-threads.ts,
// workers/health-worker.ts): one function, so that a snapshot never depends on which thread computed it.
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import type { HealthScores } from '../../shared/metrics/health';
import type { HealthFacts } from '../../shared/metrics/health-components';
import { COMPONENT_NAMES } from '../../shared/metrics/settings';
import { loadBundles, type AccountBundle } from '../db/account-bundles';
import { firstEventDay } from '../db/usage';
import type { StoreContext } from './context';
import { healthSeries, type HealthInputs } from './health-compute';

type SnapshotSource = Pick<HealthScores, 'score' | 'status' | 'components' | 'rules'>;
type SnapshotFacts = Pick<HealthFacts, 'mau' | 'licenses' | 'lastEventDay'>;

/** License utilization (active users ÷ licenses), stored with the day's snapshot; null without licenses or usage. */
export function snapshotUtilization(facts: SnapshotFacts): number | null {
  const licensed = facts.licenses !== null && facts.licenses > 0 && facts.lastEventDay !== null;
  return licensed && facts.licenses !== null ? facts.mau / facts.licenses : null;
}

/** A snapshot row's columns in the component order of the table (SNAPSHOT_COLUMNS), by component name. */
const COMPONENT_SLOT = new Map<string, number>(COMPONENT_NAMES.map((name, i) => [name, i]));

/** A score the model rounded to tenths, as the whole tenths the table stores (72.5 -> 725). */
const tenthsOf = (points: number | null): number | null => (points === null ? null : Math.round(points * 10));

/**
 * Appends one snapshot row's values (SNAPSHOT_COLUMNS' order) to `values`: the backfill stores hundreds of thousands
 * of them, so no object is built per day.
 */
export function pushSnapshotRow(values: unknown[], accountId: number, day: number, scores: SnapshotSource, facts: SnapshotFacts): void {
  const at = values.length;
  values.push(accountId, isoFromDayNumber(day), tenthsOf(scores.score), scores.status);
  for (let i = 0; i < COMPONENT_NAMES.length; i++) values.push(null);
  for (const c of scores.components) {
    const slot = COMPONENT_SLOT.get(c.name);
    if (slot !== undefined) values[at + 4 + slot] = tenthsOf(c.score);
  }
  values.push(snapshotUtilization(facts));
  let rules: string | null = null;
  for (const r of scores.rules) rules = `${rules === null ? '{' : `${rules},`}${JSON.stringify(`rule.${r.id}`)}:1`;
  values.push(rules === null ? null : `${rules}}`);
}

/** Backfill reaches at most this far back: two contract years is all a trend or a benchmark needs. */
export const HISTORY_CAP_DAYS = 730;

/**
 * The first day worth a snapshot: the first event when usage has been imported (before it, a score would rest on
 * the relationship alone and draw a misleading start of the trend), else the contract start; within the cap.
 */
export function historyStart(ctx: StoreContext, bundle: AccountBundle, today: number): number {
  const first = firstEventDay(ctx, bundle.account.id) ?? (bundle.account.contractStart ? dayNumber(bundle.account.contractStart) : today);
  return Math.min(today, Math.max(first, today - HISTORY_CAP_DAYS));
}

/** One account of a history refresh: the first day asked for (absent: its whole history, from historyStart). */
export interface HistoryTask {
  accountId: number;
  requested?: number;
}

/** What every account of a history refresh shares. */
export interface HistoryJob {
  today: number;
  inputs: HealthInputs;
  /** The users' first-seen days are taken from the rollups the series reads (healthSeries firstSeenFromRollups). */
  fromRollups: boolean;
  /** loadBundles' asOfFrom for the tasks' records (null when fromRollups). */
  bundleFrom: number | null;
}

/**
 * Tasks a thread takes at once from a refresh: their records are read in one loadBundles (a query per kind of
 * record), by whichever thread computes them, so the refresher does not read 2,000 accounts' records before its
 * helpers can start, nor copy them to each.
 */
export const TASKS_PER_CHUNK = 8;

/** How many chunks `tasks` tasks make. */
export function chunkCount(tasks: number): number {
  return Math.ceil(tasks / TASKS_PER_CHUNK);
}

/** Chunk c's tasks, [first, end), of `tasks` in all. */
export function chunkBounds(c: number, tasks: number): [first: number, end: number] {
  return [c * TASKS_PER_CHUNK, Math.min(tasks, (c + 1) * TASKS_PER_CHUNK)];
}

/**
 * Appends the rows of tasks [first, end) to `rows`, each account from its first day through today, and tells
 * `started` each task's history start (null: the account is gone), which the refresher needs to delete the days
 * before it. `taskDone` is called after each account's rows, for the caller to flush them: a buffer the size of a
 * whole chunk's rows (about 35,000 values) lands in V8's large-object space, and appending to it cost a backfill
 * 0.5 s more than buffers flushed every few accounts.
 */
export function historyChunkRows(
  ctx: StoreContext,
  tasks: readonly HistoryTask[],
  first: number,
  end: number,
  job: HistoryJob,
  rows: unknown[],
  started: (task: number, start: number | null) => void,
  taskDone: () => void,
): void {
  const ids: number[] = [];
  for (let i = first; i < end; i++) ids.push(tasks[i].accountId);
  const bundles = new Map(loadBundles(ctx, ids, job.bundleFrom).map((b) => [b.account.id, b]));
  for (let i = first; i < end; i++) {
    const { accountId, requested } = tasks[i];
    const bundle = bundles.get(accountId);
    if (bundle === undefined) {
      started(i, null);
      continue;
    }
    const start = historyStart(ctx, bundle, job.today);
    const from = requested === undefined ? start : Math.min(job.today, Math.max(requested, start));
    started(i, start);
    healthSeries(ctx, bundle, from, job.today, job.inputs, (day, scores, facts) => pushSnapshotRow(rows, accountId, day, scores, facts), {
      firstSeenFromRollups: job.fromRollups,
    });
    taskDone();
  }
}
