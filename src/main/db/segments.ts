// Behaviour segments for the portfolio (issue #14, point 4): per account, what it did up to a day D, read in a few set
// queries over every account at once. Each per-account figure is a correlated subquery that seeks the account's
// range of the key it reads (usage_daily's (account_id, day, …), touchpoints_account, qbrs by account), so 2,000
// accounts cost 2,000 short index seeks, not a scan of the whole usage history per account.
import type { Store } from './open';
import { prepared } from './statements';

export interface BehaviourRow {
  id: number;
  /** Latest touchpoint or QBR dated on or before D (ISO date); null = none. */
  lastTouchpoint: string | null;
  /** Latest day (day number) with an event on or before D; null = none. */
  lastActiveDay: number | null;
  /** Distinct users with an event in D−6 … D, and in D−13 … D−7. */
  activeUsers7: number;
  activeUsersPrev7: number;
  /** Events in D−6 … D. */
  events7: number;
  /** Names of the key features available to the account and never used on or before D, '\u001f'-separated. */
  unusedKeys: string | null;
  unusedKeyCount: number;
}

/** Per account, its behaviour as of the day `day` (a day number) whose ISO date is `asOf`. */
export function behaviourByAccount(store: Store, asOf: string, day: number): BehaviourRow[] {
  // Key features available to the account (breadth's denominator, shared/metrics/breadth.ts availableFeatures):
  // every one when it has no entitlements on record, else those it is entitled to plus the unpaid ones.
  return prepared(
    store.sqlite,
    `WITH keys AS (SELECT id, name, is_paid FROM features WHERE is_key = 1 AND merged_into IS NULL),
     unused AS (
       SELECT a.id AS account_id, group_concat(k.name, char(31)) AS names, count(*) AS n
       FROM accounts a JOIN keys k
       WHERE (k.is_paid = 0
              OR NOT EXISTS (SELECT 1 FROM entitlements x WHERE x.account_id = a.id)
              OR EXISTS (SELECT 1 FROM entitlements x WHERE x.account_id = a.id AND x.feature_id = k.id))
         AND NOT EXISTS (SELECT 1 FROM usage_daily u WHERE u.account_id = a.id AND u.day <= @day AND u.feature_id = k.id AND u.events > 0)
       GROUP BY a.id)
     SELECT a.id,
       (SELECT max(d) FROM (SELECT max(t.date) AS d FROM touchpoints t WHERE t.account_id = a.id AND t.date <= @asOf
                            UNION ALL SELECT max(q.date) FROM qbrs q WHERE q.account_id = a.id AND q.date <= @asOf)) AS lastTouchpoint,
       (SELECT max(u.day) FROM usage_daily u WHERE u.account_id = a.id AND u.day <= @day AND u.events > 0) AS lastActiveDay,
       w.activeUsers7, w.activeUsersPrev7, w.events7,
       un.names AS unusedKeys, ifnull(un.n, 0) AS unusedKeyCount
     FROM accounts a
     LEFT JOIN (
       SELECT u.account_id,
              count(DISTINCT CASE WHEN u.day > @day - 7 THEN u.user_id END) AS activeUsers7,
              count(DISTINCT CASE WHEN u.day <= @day - 7 THEN u.user_id END) AS activeUsersPrev7,
              sum(CASE WHEN u.day > @day - 7 THEN u.events ELSE 0 END) AS events7
       FROM accounts a2 JOIN usage_daily u ON u.account_id = a2.id AND u.day BETWEEN @day - 13 AND @day AND u.events > 0
       GROUP BY u.account_id) w ON w.account_id = a.id
     LEFT JOIN unused un ON un.account_id = a.id`,
  )
    .all({ asOf, day })
    .map((r) => {
      const row = r as BehaviourRow;
      return { ...row, activeUsers7: row.activeUsers7 ?? 0, activeUsersPrev7: row.activeUsersPrev7 ?? 0, events7: row.events7 ?? 0 };
    });
}
