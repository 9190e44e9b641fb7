// Reads of the daily usage rollups (usage_daily: per account, user, feature and day), which every usage metric and
// health read. Each reader asks by account first, the primary key's first column (account_id, day, user_id,
// feature_id), so a range of days is one index seek.
import { count } from 'drizzle-orm';
import type { EngagementRaw } from '../../shared/metrics/breadth';
import type { UsageRow } from '../../shared/metrics/inputs';
import type { DayActivity } from '../../shared/metrics/usage-window';
import type { Store } from './open';
import { usageDaily } from './schema';
import { prepared } from './statements';

/** An account's rollup rows with day in [fromDay, toDay]. */
export function loadUsageRows(store: Store, accountId: number, fromDay: number, toDay: number): UsageRow[] {
  return prepared(
    store.sqlite,
    'SELECT user_id AS userId, feature_id AS featureId, day, events, minutes FROM usage_daily WHERE account_id = ? AND day BETWEEN ? AND ?',
  ).all(accountId, fromDay, toDay) as UsageRow[];
}

// loadDayActivity reads each rollup row as one number, not a row object: a year of history for 2,000 accounts is
// 3.3M rows, and building an array per row took longer than SQLite's read (measured: 2.3 s for the arrays, 1.0 s
// for the numbers, 0.4 s for SQLite alone). The number is ((day − fromDay) × 2^16 + feature) × 2^27 + user, exact
// in a double while the day is within 1,024 days of fromDay, the feature id under 2^16 and the user id under 2^27;
// a row outside those bounds comes as the text "day user feature" instead. A row without events is negated
// (−number − 1, or "-" before the text).
const USER_SPAN = 2 ** 27;
const FEATURE_SPAN = 2 ** 16;
const DAY_SPAN = 2 ** 10;
const PACKED = `CASE WHEN user_id BETWEEN 0 AND ${USER_SPAN - 1} AND feature_id BETWEEN 0 AND ${FEATURE_SPAN - 1} AND day - :from < ${DAY_SPAN}
    THEN ((day - :from) * ${FEATURE_SPAN} + feature_id) * ${USER_SPAN} + user_id ELSE day || ' ' || user_id || ' ' || feature_id END`;

/**
 * An account's days of activity in [fromDay, toDay], ascending, straight from the primary key order
 * (account_id, day, user_id, feature_id): no sort, no row objects.
 */
export function loadDayActivity(
  store: Store,
  accountId: number,
  fromDay: number,
  toDay: number,
  /** When given, the users of rows without events (not activity) go here with their first such day. */
  seenWithoutEvents?: Map<number, number>,
): DayActivity[] {
  const rows = (
    seenWithoutEvents
      ? prepared(
          store.sqlite,
          `SELECT CASE WHEN events > 0 THEN ${PACKED} ELSE CASE WHEN day - :from < ${DAY_SPAN} AND user_id BETWEEN 0 AND ${USER_SPAN - 1}
             AND feature_id BETWEEN 0 AND ${FEATURE_SPAN - 1} THEN -(${PACKED}) - 1 ELSE '-' || ${PACKED} END END
           FROM usage_daily WHERE account_id = :account AND day BETWEEN :from AND :to ORDER BY day, user_id`,
        )
      : prepared(store.sqlite, `SELECT ${PACKED} FROM usage_daily WHERE account_id = :account AND day BETWEEN :from AND :to AND events > 0 ORDER BY day, user_id`)
  )
    .pluck()
    .all({ account: accountId, from: fromDay, to: toDay }) as (number | string)[];
  const out: DayActivity[] = [];
  let current: DayActivity | null = null;
  let lastUser = -1;
  for (const row of rows) {
    let day: number;
    let user: number;
    let feature: number;
    let active: boolean;
    if (typeof row === 'number') {
      active = row >= 0;
      let x = active ? row : -row - 1;
      user = x % USER_SPAN;
      x = (x - user) / USER_SPAN;
      feature = x % FEATURE_SPAN;
      day = fromDay + (x - feature) / FEATURE_SPAN;
    } else {
      active = !row.startsWith('-');
      const parts = (active ? row : row.slice(1)).split(' ');
      day = Number(parts[0]);
      user = Number(parts[1]);
      feature = Number(parts[2]);
    }
    if (!active) {
      if (seenWithoutEvents && !seenWithoutEvents.has(user)) seenWithoutEvents.set(user, day);
      continue;
    }
    if (current === null || current.day !== day) {
      current = { day, users: [], features: [] };
      out.push(current);
      lastUser = -1;
    }
    // Rows of a day come in user order, so a user is new exactly when it differs from the previous row's.
    if (user !== lastUser) current.users.push(user);
    lastUser = user;
    if (feature !== 0 && !current.features.includes(feature)) current.features.push(feature);
  }
  return out;
}

/**
 * The users of the account's rollup rows outside [fromDay, toDay], each with its first day there, or with fromDay − 1
 * when it was seen before fromDay (then it is known on every day of the range, and which earlier day does not matter).
 * With the first days read inside the range (loadDayActivity, with the rows without events), that is what
 * firstSeenDays gives for every day from fromDay on, without sorting the account's rows (range seeks, a DISTINCT).
 */
export function firstSeenOutside(store: Store, accountId: number, fromDay: number, toDay: number): Map<number, number> {
  const before = prepared(store.sqlite, 'SELECT DISTINCT user_id FROM usage_daily WHERE account_id = ? AND day < ?')
    .pluck()
    .all(accountId, fromDay) as number[];
  const after = prepared(store.sqlite, 'SELECT user_id, min(day) FROM usage_daily WHERE account_id = ? AND day > ? GROUP BY user_id')
    .raw()
    .all(accountId, toDay) as [number, number][];
  const first = new Map(after);
  for (const u of before) first.set(u, fromDay - 1);
  return first;
}

/** The day of the account's latest event on or before toDay; null when it has none (a backward index seek). */
export function lastEventDay(store: Store, accountId: number, toDay: number): number | null {
  const row = prepared(
    store.sqlite,
    'SELECT day FROM usage_daily WHERE account_id = ? AND day <= ? AND events > 0 ORDER BY day DESC LIMIT 1',
  ).get(accountId, toDay) as { day: number } | undefined;
  return row?.day ?? null;
}

/** The day of the account's first event; null when it has none. */
export function firstEventDay(store: Store, accountId: number): number | null {
  const row = prepared(store.sqlite, 'SELECT day FROM usage_daily WHERE account_id = ? AND events > 0 ORDER BY day LIMIT 1').get(accountId) as
    | { day: number }
    | undefined;
  return row?.day ?? null;
}

/** Whether the account has any event with day in [fromDay, toDay]. */
export function hasEventsBetween(store: Store, accountId: number, fromDay: number, toDay: number): boolean {
  return (
    prepared(store.sqlite, 'SELECT 1 FROM usage_daily WHERE account_id = ? AND day BETWEEN ? AND ? AND events > 0 LIMIT 1').get(
      accountId,
      fromDay,
      toDay,
    ) !== undefined
  );
}

/** Every active user's raw engagement with day in [fromDay, toDay], across all accounts. */
export function userEngagement(store: Store, fromDay: number, toDay: number): EngagementRaw[] {
  return prepared(
    store.sqlite,
    `SELECT user_id AS userId, count(DISTINCT day) AS activeDays, sum(minutes) AS minutes,
            count(DISTINCT CASE WHEN feature_id <> 0 THEN feature_id END) AS features
     FROM usage_daily WHERE day BETWEEN ? AND ? AND events > 0 GROUP BY user_id`,
  ).all(fromDay, toDay) as EngagementRaw[];
}

/** Every account's licenses and its distinct active users with day in [fromDay, toDay]. */
export function activeUsersByAccount(
  store: Store,
  fromDay: number,
  toDay: number,
  only: readonly number[] | null = null,
): { id: number; licenses: number | null; mau: number }[] {
  const filter = only === null ? '' : ' WHERE a.id IN (SELECT value FROM json_each(?))';
  return prepared(
    store.sqlite,
    `SELECT a.id, a.licenses, (SELECT count(DISTINCT u.user_id) FROM usage_daily u
        WHERE u.account_id = a.id AND u.day BETWEEN ? AND ? AND u.events > 0) AS mau
     FROM accounts a${filter}`,
  ).all(fromDay, toDay, ...(only === null ? [] : [JSON.stringify(only)])) as { id: number; licenses: number | null; mau: number }[];
}

export function countUsageRows(store: Store): number {
  return store.db.select({ n: count() }).from(usageDaily).get()?.n ?? 0;
}
