// The health snapshots: one row per account and day (ISO date) with the score, the status, a column per component
// score, the license utilization and the rules that fired (services/health-snapshots.ts decides what). They are
// stored in health_snapshots_tenths, the score and components in whole tenths (2 bytes where a REAL takes 8), and
// read through the view health_snapshots, which gives them in points. Readers that decode a snapshot get those as one
// JSON object (snapshotJson). Readers look up by the (account_id, day) key or range over it: the table is clustered
// on that key (WITHOUT ROWID), its rows narrow. This module is the table's only writer, and marks the work queue
// (task_dirty) for every account it writes.
import { isoFromDayNumber } from '../../shared/dates';
import type { Stage } from '../../shared/contract';
import type { HealthStatus } from '../../shared/metrics/health';
import { COMPONENT_NAMES } from '../../shared/metrics/settings';
import type { Store } from './open';
import { prepared } from './statements';
import { markTasksDirty } from './tasks';

/**
 * A snapshot row's columns, in the order its values are given: the key, the score (whole tenths) and status, each
 * component's score (whole tenths, COMPONENT_NAMES' order), the license utilization and the rules that fired
 * ({"rule.<id>": 1, …} or null).
 */
export const SNAPSHOT_COLUMNS = ['account_id', 'day', 'score', 'status', ...COMPONENT_NAMES, 'license_utilization', 'rules'] as const;
const WIDTH = SNAPSHOT_COLUMNS.length;

/**
 * SQL for a snapshot row (table alias `s`) as one JSON object: {"usage": …, …, "metric.licenseUtilization": …,
 * "rule.<id>": 1, …}, the components in COMPONENT_NAMES' order. What services/health-snapshots.ts decodes.
 */
export const SNAPSHOT_JSON = `json_patch(json_object(${COMPONENT_NAMES.map((c) => `'${c}', s."${c}"`).join(', ')}, 'metric.licenseUtilization', s.license_utilization), ifnull(s.rules, '{}'))`;

/** Rows per INSERT of writeSnapshotRows, well under SQLite's limit of 32,766 parameters. */
export const SNAPSHOT_BATCH = 128;

/** The columns a snapshot row's day is rewritten with: all but the key. */
const VALUE_COLUMNS = SNAPSHOT_COLUMNS.slice(2).map((c) => `"${c}"`);

// An upsert rather than INSERT OR REPLACE: a day already stored is updated in place instead of deleted and
// inserted again. A recompute over an existing year of 2,000 accounts: 2.80-2.86 s -> 2.66-2.75 s (three runs
// each, interleaved with backfills into an empty history, which stayed at 2.54-2.65 s either way).
const insertRows = (n: number) =>
  `INSERT INTO health_snapshots_tenths (${SNAPSHOT_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${Array.from(
    { length: n },
    () => `(${SNAPSHOT_COLUMNS.map(() => '?').join(', ')})`,
  ).join(', ')}
   ON CONFLICT (account_id, day) DO UPDATE SET (${VALUE_COLUMNS.join(', ')}) = (${VALUE_COLUMNS.map((c) => `excluded.${c}`).join(', ')})`;

/**
 * Snapshot rows given flat, SNAPSHOT_COLUMNS' values a row, written SNAPSHOT_BATCH rows per statement: a year of
 * history is a few statements per account instead of 365 (the per-row call into SQLite was most of a backfill's
 * time). The array is emptied.
 */
export function writeSnapshotRows(store: Store, values: unknown[]): void {
  const full = SNAPSHOT_BATCH * WIDTH;
  let i = 0;
  if (values.length >= full) {
    const batch = prepared(store.sqlite, insertRows(SNAPSHOT_BATCH));
    for (; i + full <= values.length; i += full) batch.run(values.slice(i, i + full));
  }
  if (i < values.length) prepared(store.sqlite, insertRows((values.length - i) / WIDTH)).run(i === 0 ? values : values.slice(i));
  let last: unknown = undefined;
  for (let r = 0; r < values.length; r += WIDTH) if (values[r] !== last) markTasksDirty(store.sqlite, [(last = values[r]) as number]);
  values.length = 0;
}

/**
 * The account's snapshots outside [firstDay, lastDay]: before its history's start, after today. A refresh writes
 * every day inside (an upsert), so those need no deleting first: deleting a year of rows to write them
 * again cost a backfill a third of its writing time.
 */
export function deleteSnapshotsOutside(store: Store, accountId: number, firstDay: string, lastDay: string): void {
  markTasksDirty(store.sqlite, [accountId]);
  // Two range deletes: with `day < ? OR day > ?` SQLite reads every row of the account (a search on account_id
  // alone), 2,000 accounts × a year of rows in a backfill that deletes nothing.
  prepared(store.sqlite, 'DELETE FROM health_snapshots_tenths WHERE account_id = ? AND day < ?').run(accountId, firstDay);
  prepared(store.sqlite, 'DELETE FROM health_snapshots_tenths WHERE account_id = ? AND day > ?').run(accountId, lastDay);
}

/** Every account's score on a day, for those with a snapshot then. */
export function scoresOn(store: Store, day: string): { id: number; score: number | null }[] {
  return prepared(store.sqlite, 'SELECT account_id AS id, score FROM health_snapshots WHERE day = ?').all(day) as {
    id: number;
    score: number | null;
  }[];
}

/** Every account (name order) with its snapshot's JSON on `day` and its score on `previousDay`, null where none. */
export function accountsWithSnapshots(
  store: Store,
  day: string,
  previousDay: string,
): { id: number; name: string; json: string | null; previous: number | null }[] {
  // Point lookups on the (account_id, day) primary key: no scan of the snapshot history.
  return prepared(
    store.sqlite,
    `SELECT a.id, a.name, CASE WHEN s.account_id IS NOT NULL THEN ${SNAPSHOT_JSON} END AS json, p.score AS previous
     FROM accounts a
     LEFT JOIN health_snapshots s ON s.account_id = a.id AND s.day = ?
     LEFT JOIN health_snapshots p ON p.account_id = a.id AND p.day = ?
     ORDER BY a.name, a.id`,
  ).all(day, previousDay) as { id: number; name: string; json: string | null; previous: number | null }[];
}

/** The account's snapshots with day in [fromDay, toDay], in day order. */
export function snapshotHistory(
  store: Store,
  accountId: number,
  fromDay: string,
  toDay: string,
): { date: string; score: number | null; status: HealthStatus | null }[] {
  return prepared(
    store.sqlite,
    'SELECT day AS date, score, status FROM health_snapshots WHERE account_id = ? AND day BETWEEN ? AND ? ORDER BY day',
  ).all(accountId, fromDay, toDay) as { date: string; score: number | null; status: HealthStatus | null }[];
}

/** The account's snapshot on a day: its score and its JSON text; undefined when there is none. */
export function snapshotOn(store: Store, accountId: number, day: string): { score: number | null; components: string | null } | undefined {
  return prepared(store.sqlite, `SELECT score, ${SNAPSHOT_JSON} AS components FROM health_snapshots s WHERE account_id = ? AND day = ?`).get(accountId, day) as
    | { score: number | null; components: string | null }
    | undefined;
}

/** Only the JSON of the account's snapshot on a day (the renewal model reads nothing else). */
export function snapshotComponentsOn(store: Store, accountId: number, day: string): { components: string | null } | undefined {
  return prepared(store.sqlite, `SELECT ${SNAPSHOT_JSON} AS components FROM health_snapshots s WHERE account_id = ? AND day = ?`).get(accountId, day) as
    | { components: string | null }
    | undefined;
}

/** A portfolio row as stored: the account, its snapshot of the day (if any) and the score DELTA days before. */
export interface PortfolioAccountRow {
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

export function portfolioAccountRows(store: Store, day: string, previousDay: string): PortfolioAccountRow[] {
  // Point lookups on the snapshots' (account_id, day) key.
  return prepared(
    store.sqlite,
    `SELECT a.id, a.name, a.owner, a.industry, a.arr_minor AS arrMinor, a.currency, a.licenses, a.contract_start AS contractStart,
            a.renewal_date AS renewalDate, a.stage_override AS stageOverride, a.stage_override_at AS stageOverrideAt,
            a.is_demo AS isDemo, s.score, s.status, s.license_utilization AS utilization,
            s.account_id IS NOT NULL AS hasSnapshot, p.score AS previous
     FROM accounts a
     LEFT JOIN health_snapshots s ON s.account_id = a.id AND s.day = ?
     LEFT JOIN health_snapshots p ON p.account_id = a.id AND p.day = ?
     ORDER BY a.name, a.id`,
  ).all(day, previousDay) as PortfolioAccountRow[];
}

/**
 * Daily scores per account over [fromDay, toDay], rounded: the sparklines. Each account's days come from a range
 * seek on the clustered key folded into one string by SQLite, so JavaScript handles 2,000 rows
 * rather than 60,000: at this size, materializing row objects is what costs, not SQLite.
 */
export function scoreTrends(store: Store, fromDay: number, toDay: number): Map<number, (number | null)[]> {
  const rows = prepared(
    store.sqlite,
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

const STATUS_CODES: readonly (HealthStatus | null)[] = [null, 'red', 'yellow', 'green'];

/**
 * A re-scored row's score (in whole tenths, null for none) and status as one number, so that SQLite calls the model
 * once per row: (tenths + 1) × 4 + the status' code, 0 for a null score.
 */
export function packScoreStatus(tenths: number | null, status: HealthStatus | null): number {
  return (tenths === null ? 0 : (tenths + 1) * 4) + STATUS_CODES.indexOf(status);
}

/**
 * Re-scores every stored snapshot from its stored component scores, in one pass of the table: `rescore` is given a
 * day's component scores (COMPONENT_NAMES' order, null where no data) and the rules that fired (the rules column's
 * JSON, null when none did) and answers the new score and status through packScoreStatus. It is the model's own
 * code, called by SQLite row by row (services/health-snapshots.ts rescoreHistory), so the history is scored by the
 * same code as today. The whole book is marked for the work queue.
 */
export function rescoreSnapshots(store: Store, rescore: (components: readonly (number | null)[], rules: string | null) => number): number {
  markTasksDirty(store.sqlite, [0]);
  const sqlite = store.sqlite;
  const n = COMPONENT_NAMES.length;
  sqlite.function('bearing_rescore', { deterministic: true, varargs: true }, (...args: unknown[]) => rescore(args as (number | null)[], args[n] as string | null));
  // The model takes points: integer tenths divided by 10.0 in SQLite give the same double as in JavaScript.
  const columns = COMPONENT_NAMES.map((c) => `"${c}" / 10.0`).join(', ');
  const status = STATUS_CODES.map((s, i) => (s === null ? '' : ` WHEN ${i} THEN '${s}'`)).join('');
  // A JavaScript number comes back as a REAL: cast, so that / and % are integer arithmetic.
  return sqlite
    .prepare(
      `UPDATE health_snapshots_tenths SET (score, status) = (SELECT CASE WHEN v >= 4 THEN v / 4 - 1 END, CASE v % 4${status} END FROM (SELECT CAST(bearing_rescore(${columns}, rules) AS INTEGER) AS v))`,
    )
    .run().changes;
}

