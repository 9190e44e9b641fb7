// The health_snapshots table: one row per account and day (ISO date) with the score, the status and a JSON of the
// component scores, the benchmarked metrics and the rules that fired (services/health-snapshots.ts writes it).
// Readers look up by the (account_id, day) key or range over it; the portfolio's sparklines read the covering
// index health_snapshots_trend instead of the wide rows.
import { isoFromDayNumber } from '../../shared/dates';
import type { Stage } from '../../shared/contract';
import type { HealthStatus } from '../../shared/metrics/health';
import type { Store } from './open';
import { prepared } from './statements';

export function writeSnapshotRow(
  store: Store,
  accountId: number,
  day: string,
  score: number | null,
  status: HealthStatus | null,
  components: string,
): void {
  prepared(store.sqlite, 'INSERT OR REPLACE INTO health_snapshots (account_id, day, score, status, components) VALUES (?, ?, ?, ?, ?)').run(
    accountId,
    day,
    score,
    status,
    components,
  );
}

/** Rows per INSERT of writeSnapshotRows: 5 values a row, well under SQLite's limit of 32,766 parameters. */
export const SNAPSHOT_BATCH = 128;

const insertRows = (n: number) =>
  `INSERT OR REPLACE INTO health_snapshots (account_id, day, score, status, components) VALUES ${Array.from({ length: n }, () => '(?, ?, ?, ?, ?)').join(', ')}`;

/**
 * Snapshot rows given flat, five values a row (account id, ISO day, score, status, components JSON), written
 * SNAPSHOT_BATCH rows per statement: a year of history is a few statements per account instead of 365 (the
 * per-row call into SQLite was most of a backfill's time). The array is emptied.
 */
export function writeSnapshotRows(store: Store, values: unknown[]): void {
  const full = SNAPSHOT_BATCH * 5;
  let i = 0;
  if (values.length >= full) {
    const batch = prepared(store.sqlite, insertRows(SNAPSHOT_BATCH));
    for (; i + full <= values.length; i += full) batch.run(values.slice(i, i + full));
  }
  if (i < values.length) prepared(store.sqlite, insertRows((values.length - i) / 5)).run(values.slice(i));
  values.length = 0;
}

/** The account's snapshots, all of them or those from `fromDay` on. */
export function deleteSnapshots(store: Store, accountId: number, fromDay?: string): void {
  if (fromDay === undefined) prepared(store.sqlite, 'DELETE FROM health_snapshots WHERE account_id = ?').run(accountId);
  else prepared(store.sqlite, 'DELETE FROM health_snapshots WHERE account_id = ? AND day >= ?').run(accountId, fromDay);
}

/** The account's snapshots from before `day` (the history's start moved later). */
export function deleteSnapshotsBefore(store: Store, accountId: number, day: string): void {
  prepared(store.sqlite, 'DELETE FROM health_snapshots WHERE account_id = ? AND day < ?').run(accountId, day);
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
    `SELECT a.id, a.name, s.components AS json, p.score AS previous
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
  return prepared(store.sqlite, 'SELECT score, components FROM health_snapshots WHERE account_id = ? AND day = ?').get(accountId, day) as
    | { score: number | null; components: string | null }
    | undefined;
}

/** Only the JSON of the account's snapshot on a day (the renewal model reads nothing else). */
export function snapshotComponentsOn(store: Store, accountId: number, day: string): { components: string | null } | undefined {
  return prepared(store.sqlite, 'SELECT components FROM health_snapshots WHERE account_id = ? AND day = ?').get(accountId, day) as
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
  // Point lookups on the snapshots' (account_id, day) key; the utilization is stored in the snapshot's JSON.
  return prepared(
    store.sqlite,
    `SELECT a.id, a.name, a.owner, a.industry, a.arr_minor AS arrMinor, a.currency, a.licenses, a.contract_start AS contractStart,
            a.renewal_date AS renewalDate, a.stage_override AS stageOverride, a.stage_override_at AS stageOverrideAt,
            a.is_demo AS isDemo, s.score, s.status, json_extract(s.components, '$."metric.licenseUtilization"') AS utilization,
            s.account_id IS NOT NULL AS hasSnapshot, p.score AS previous
     FROM accounts a
     LEFT JOIN health_snapshots s ON s.account_id = a.id AND s.day = ?
     LEFT JOIN health_snapshots p ON p.account_id = a.id AND p.day = ?
     ORDER BY a.name, a.id`,
  ).all(day, previousDay) as PortfolioAccountRow[];
}

/**
 * Daily scores per account over [fromDay, toDay], rounded: the sparklines. Each account's days come from an
 * index-only range seek (health_snapshots_trend) folded into one string by SQLite, so JavaScript handles 2,000 rows
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

/**
 * Re-scores every stored snapshot from its stored component scores under new weights, thresholds and rule
 * effects, in one statement: the same arithmetic as the model's combine/statusOf/applyRules (the components are
 * added in the model's order, rounded to tenths half up; a flagged rule forces or caps the status). Valid only when
 * nothing that computes the components or fires the rules changed (services/health.ts decides).
 * Each row's JSON is read once into columns (MATERIALIZED: inlined, every use of the total and the score would
 * extract them all again, some 300 JSON reads a row). The whole book is marked for the work queue first, so the
 * per-row trigger's WHEN clause finds that mark and runs nothing (migration 0018).
 */
export function rescoreSnapshots(
  store: Store,
  components: readonly { name: string; weight: number }[],
  thresholds: { green: number; yellow: number },
  rules: readonly { id: string; effect: 'force_red' | 'force_yellow' | 'cap_yellow' }[],
): number {
  markBookDirty(store);
  const weighted = components.filter((c) => c.weight > 0);
  if (weighted.length === 0) return prepared(store.sqlite, 'UPDATE health_snapshots SET score = NULL, status = NULL').run().changes;
  const path = (key: string) => `'$."${key.replace(/'/g, "''").replace(/"/g, '')}"'`;
  const effects = ['force_red', 'force_yellow', 'cap_yellow'] as const;
  // Per effect, whether any rule with it fired: 1 when one did, else NULL or 0.
  const fired = effects.map((effect) => {
    const ids = rules.filter((r) => r.effect === effect).map((r) => `json_extract(components, ${path(`rule.${r.id}`)}) = 1`);
    return `${ids.length === 0 ? '0' : ids.join(' OR ')} AS ${effect}`;
  });
  const total = weighted.map((c, i) => `(CASE WHEN c${i} IS NOT NULL THEN ${c.weight} ELSE 0 END)`).join(' + ');
  const sum = weighted.map((c, i) => `coalesce((c${i} * ${c.weight} * 10.0) / t, 0)`).join(' + ');
  const scoreStatus = `CASE WHEN s IS NULL THEN NULL WHEN s >= ${thresholds.green} THEN 'green' WHEN s >= ${thresholds.yellow} THEN 'yellow' ELSE 'red' END`;
  const sql = `WITH c AS MATERIALIZED (
        SELECT rowid AS r, ${weighted.map((c, i) => `json_extract(components, ${path(c.name)}) AS c${i}`).join(', ')}, ${fired.join(', ')}
        FROM health_snapshots),
      t AS MATERIALIZED (SELECT *, ${total} AS t FROM c),
      n AS MATERIALIZED (SELECT r, force_red, force_yellow, cap_yellow, CASE WHEN t > 0 THEN round(${sum}) / 10.0 END AS s FROM t)
    UPDATE health_snapshots SET score = n.s, status = CASE WHEN force_red THEN 'red' WHEN force_yellow THEN 'yellow'
        WHEN cap_yellow AND ${scoreStatus} = 'green' THEN 'yellow' ELSE ${scoreStatus} END
    FROM n WHERE health_snapshots.rowid = n.r`;
  return store.sqlite.prepare(sql).run().changes;
}

/** Marks every account's work-queue inputs changed (task_dirty account 0). */
function markBookDirty(store: Store): void {
  prepared(store.sqlite, 'INSERT INTO task_dirty (account_id) VALUES (0) ON CONFLICT DO NOTHING').run();
}
