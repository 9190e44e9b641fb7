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

/** The account's snapshots, all of them or those from `fromDay` on. */
export function deleteSnapshots(store: Store, accountId: number, fromDay?: string): void {
  if (fromDay === undefined) prepared(store.sqlite, 'DELETE FROM health_snapshots WHERE account_id = ?').run(accountId);
  else prepared(store.sqlite, 'DELETE FROM health_snapshots WHERE account_id = ? AND day >= ?').run(accountId, fromDay);
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
