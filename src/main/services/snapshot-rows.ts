// One account's daily health snapshots as the rows health_snapshots stores (db/health-snapshots.ts SNAPSHOT_COLUMNS),
// computed by the thread that refreshes the history and by its helper threads alike (services/health-threads.ts,
// workers/health-worker.ts): one function, so that a snapshot never depends on which thread computed it.
import { isoFromDayNumber } from '../../shared/dates';
import type { HealthScores } from '../../shared/metrics/health';
import type { HealthFacts } from '../../shared/metrics/health-components';
import { COMPONENT_NAMES } from '../../shared/metrics/settings';
import type { AccountBundle } from '../db/account-bundles';
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

/**
 * Appends one snapshot row's values (SNAPSHOT_COLUMNS' order) to `values`: the backfill stores hundreds of thousands
 * of them, so no object is built per day.
 */
export function pushSnapshotRow(values: unknown[], accountId: number, day: number, scores: SnapshotSource, facts: SnapshotFacts): void {
  const at = values.length;
  values.push(accountId, isoFromDayNumber(day), scores.score, scores.status);
  for (let i = 0; i < COMPONENT_NAMES.length; i++) values.push(null);
  for (const c of scores.components) {
    const slot = COMPONENT_SLOT.get(c.name);
    if (slot !== undefined) values[at + 4 + slot] = c.score;
  }
  values.push(snapshotUtilization(facts));
  let rules: string | null = null;
  for (const r of scores.rules) rules = `${rules === null ? '{' : `${rules},`}${JSON.stringify(`rule.${r.id}`)}:1`;
  values.push(rules === null ? null : `${rules}}`);
}

/** One account's share of a history refresh: its records and the first day to compute (through the job's today). */
export interface HistoryTask {
  bundle: AccountBundle;
  from: number;
}

/** What every account of a history refresh shares. */
export interface HistoryJob {
  today: number;
  inputs: HealthInputs;
  /** The users' first-seen days are taken from the rollups the series reads (healthSeries firstSeenFromRollups). */
  fromRollups: boolean;
}

/** Appends the task's snapshot rows, from its first day through today, to `rows`. */
export function historyRows(ctx: StoreContext, task: HistoryTask, job: HistoryJob, rows: unknown[]): void {
  const id = task.bundle.account.id;
  healthSeries(ctx, task.bundle, task.from, job.today, job.inputs, (day, scores, facts) => pushSnapshotRow(rows, id, day, scores, facts), {
    firstSeenFromRollups: job.fromRollups,
  });
}
