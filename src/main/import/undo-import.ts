// Undoing one import (imports.undo; not the app-wide Undo of a delete, which is services/trash.ts): its events
// leave the rollups and the store; accounts, users, event names and features it created are removed unless
// something else now depends on them; the ones it updated (the catalogue's rules and flags, an account's
// entitlements included) go back to how they were, and the stored events follow the catalogue again. Runs inside
// the caller's transaction. Written for imports of millions of rows: every step is one set-based statement or an
// indexed probe, never a scan of usage_events per rollup row.
import type Database from 'better-sqlite3';
import { loadCatalogue, rederiveUsage } from '../db/feature-catalogue';
import { IMPORT_EVENTS } from '../db/imports';
import { deleteImportedRenewals } from '../db/renewals';
import { markTasksDirty } from '../db/tasks';

type Row = Record<string, unknown>;

const DAY_MS = 86_400_000;

/** Accounts that something other than imported usage refers to (a CSM's notes, QBRs, renewals…) are kept. */
const ACCOUNT_IN_USE = `
  SELECT 1 FROM usage_daily WHERE account_id = :id
  UNION ALL SELECT 1 FROM users WHERE account_id = :id
  UNION ALL SELECT 1 FROM touchpoints WHERE account_id = :id
  UNION ALL SELECT 1 FROM qbrs WHERE account_id = :id
  UNION ALL SELECT 1 FROM milestones WHERE account_id = :id
  UNION ALL SELECT 1 FROM renewals WHERE account_id = :id
  UNION ALL SELECT 1 FROM surveys WHERE account_id = :id
  UNION ALL SELECT 1 FROM support_cases WHERE account_id = :id
  UNION ALL SELECT 1 FROM campaign_touchpoints WHERE account_id = :id
  UNION ALL SELECT 1 FROM entitlements WHERE account_id = :id
  UNION ALL SELECT 1 FROM accounts WHERE id = :id AND stage_override IS NOT NULL
  LIMIT 1`;

// usage_events is keyed on (user_id, ts, event_id, account_id): a usage_daily key (day) is probed through a ts
// range around the day. The local day of an instant is within a day of its UTC day (offsets are -12 h..+14 h).
const EVENT_ON_KEY = `
  SELECT 1 FROM usage_events e
  WHERE e.user_id = d.user_id AND e.ts BETWEEN (d.day - 1) * ${DAY_MS} AND (d.day + 2) * ${DAY_MS}
    AND e.feature_id = d.feature_id AND e.day = d.day AND e.account_id = d.account_id`;

export function undoImportRows(sqlite: Database.Database, importId: number): { catalogueChanged: boolean } {
  // 1. What this import added to each rollup row, aggregated once.
  sqlite.exec('DROP TABLE IF EXISTS temp.undo_keys');
  sqlite
    .prepare(
      `CREATE TEMP TABLE undo_keys AS
       SELECT account_id, day, user_id, feature_id, sum(count) AS events, sum(minutes) AS minutes
       FROM ${IMPORT_EVENTS} GROUP BY account_id, day, user_id, feature_id`,
    )
    .run({ importId });
  markTasksDirty(sqlite, sqlite.prepare('SELECT DISTINCT account_id FROM temp.undo_keys').pluck().all() as number[]);
  // 2. Subtract it. Minutes are rounded so that 0.1 + 0.2 - 0.2 - 0.1 does not leave 1e-17 behind.
  sqlite.exec(
    `UPDATE usage_daily SET events = usage_daily.events - k.events, minutes = max(0, round(usage_daily.minutes - k.minutes, 6))
     FROM temp.undo_keys AS k
     WHERE usage_daily.account_id = k.account_id AND usage_daily.day = k.day
       AND usage_daily.user_id = k.user_id AND usage_daily.feature_id = k.feature_id`,
  );
  sqlite.prepare(`DELETE FROM ${IMPORT_EVENTS}`).run({ importId });
  sqlite.prepare('DELETE FROM import_users WHERE import_id = ?').run(importId);
  // 3. Rollup rows now backed by nothing are removed. Only this import's keys are looked at: a zero-event day
  //    that another import stored (a daily export's "0 events" line) is data and stays.
  sqlite.exec(
    `DELETE FROM usage_daily WHERE (account_id, day, user_id, feature_id) IN (
       SELECT d.account_id, d.day, d.user_id, d.feature_id FROM temp.undo_keys AS k
       JOIN usage_daily AS d ON d.account_id = k.account_id AND d.day = k.day AND d.user_id = k.user_id AND d.feature_id = k.feature_id
       WHERE d.events <= 0 AND NOT EXISTS (${EVENT_ON_KEY}))`,
  );
  sqlite.exec('DROP TABLE temp.undo_keys');
  // 3b. A person no longer seen at an account other than their home (their rows there were this import's) is no
  //     longer counted there. Few rows by nature; each probe reads one user's events through their index.
  sqlite.exec(
    `DELETE FROM user_accounts WHERE NOT EXISTS (
       SELECT 1 FROM usage_events e WHERE e.user_id = user_accounts.user_id AND e.account_id = user_accounts.account_id)`,
  );

  // 3c. The renewal outcomes it recorded (the account terms they rolled forward come back with step 4).
  deleteImportedRenewals({ sqlite }, importId);
  // 3d. The tickets and survey answers it brought in (tickets it updated come back with step 4).
  sqlite.prepare('DELETE FROM support_cases WHERE import_id = ?').run(importId);
  sqlite.prepare('DELETE FROM surveys WHERE import_id = ?').run(importId);
  sqlite.prepare('DELETE FROM touchpoints WHERE import_id = ?').run(importId);
  // 3e. The campaign recipients it brought in (those it updated, a later click, come back with step 4).
  sqlite.prepare('DELETE FROM campaign_touchpoints WHERE import_id = ?').run(importId);

  // 4. Accounts, users, event names and the catalogue, newest change first (a user is removed before the account
  //    it was in, a rule before the feature it counted as).
  const kind = (sqlite.prepare('SELECT kind FROM imports WHERE id = ?').get(importId) as { kind: string } | undefined)?.kind;
  const changes = sqlite
    .prepare('SELECT table_name, row_id, before FROM import_changes WHERE import_id = ? ORDER BY id DESC')
    .all(importId) as { table_name: ChangeTable; row_id: number; before: string | null }[];
  // Rows it changed are written back first, features before the rules that name them; then the rows it created
  // go, rules first (a feature is in use while a rule counts an event name as it).
  const rank = (c: { table_name: ChangeTable; before: string | null }) =>
    c.before !== null ? (c.table_name === 'features' ? 0 : c.table_name === 'feature_events' ? 1 : 2) : c.table_name === 'feature_events' ? 3 : 4;
  changes.sort((a, b) => rank(a) - rank(b));
  const inUse = usageProbes(sqlite);
  let catalogueChanged = false;
  for (const change of changes) {
    const table = change.table_name;
    if (change.before === null) {
      // Created by this import: remove it unless later data now depends on it. A rule a catalogue file wrote goes
      // with the file; a rule a usage file made stays while events of that name are stored.
      const keep = table === 'feature_events' ? kind !== 'features' && inUse.rule(change.row_id) : inUse[table](change.row_id);
      if (keep) continue;
      sqlite.prepare(`DELETE FROM ${table} WHERE id = ?`).run(change.row_id);
      if (table === 'feature_events') catalogueChanged = true;
      continue;
    }
    const before = JSON.parse(change.before) as Row;
    if (table === 'entitlements') {
      restoreEntitlements(sqlite, change.row_id, before);
      catalogueChanged = true;
    } else if (table === 'features' || table === 'feature_events') {
      // Written back whole: finishing the import may have deleted it (a rule superseded, a feature left empty).
      const columns = Object.keys(before);
      sqlite.prepare(`INSERT OR REPLACE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(before);
      catalogueChanged = true;
    } else {
      const columns = Object.keys(before).filter((c) => c !== 'id');
      sqlite
        .prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
        .run({ ...before, id: change.row_id });
    }
  }
  if (catalogueChanged) rederiveUsage({ sqlite }, loadCatalogue({ sqlite }));
  return { catalogueChanged };
}

type ChangeTable = 'accounts' | 'users' | 'features' | 'feature_events' | 'event_names' | 'entitlements' | 'milestones' | 'support_cases' | 'campaign_touchpoints';

function restoreEntitlements(sqlite: Database.Database, accountId: number, before: Row): void {
  sqlite.prepare('DELETE FROM entitlements WHERE account_id = ?').run(accountId);
  const insert = sqlite.prepare('INSERT INTO entitlements (account_id, feature_id, paid) VALUES (?, ?, ?)');
  for (const e of (before.rows ?? []) as { feature_id: number; paid: number }[]) insert.run(accountId, e.feature_id, e.paid);
}

/** Whether something other than this import's own rows still refers to a row it created, per table. */
function usageProbes(sqlite: Database.Database): Record<Exclude<ChangeTable, 'feature_events'>, (id: number) => boolean> & { rule(id: number): boolean } {
  const accountInUse = sqlite.prepare(ACCOUNT_IN_USE);
  const userProbe = sqlite.prepare('SELECT 1 FROM usage_events WHERE user_id = :id UNION ALL SELECT 1 FROM surveys WHERE user_id = :id LIMIT 1');
  // usage_daily has no index by user (imports would pay for it): the users it still holds are read in one pass,
  // only if this import created a user at all.
  let usersWithRollups: Set<number> | null = null;
  // Features and event names have no index usage can be probed by: the ones still used are found in one pass each.
  let featuresInUse: Set<number> | null = null;
  let eventsInUse: Set<number> | null = null;
  const ids = (sql: string) => new Set((sqlite.prepare(sql).raw().all() as [number][]).map((r) => r[0]));
  const eventInUse = (id: number) => (eventsInUse ??= ids('SELECT DISTINCT event_id FROM usage_events')).has(id);
  return {
    accounts: (id) => accountInUse.get({ id }) !== undefined,
    users: (id) => {
      if (userProbe.get({ id }) !== undefined) return true;
      usersWithRollups ??= ids('SELECT DISTINCT user_id FROM usage_daily');
      return usersWithRollups.has(id);
    },
    features: (id) =>
      (featuresInUse ??= ids(
        `SELECT feature_id FROM usage_events UNION SELECT pinned_feature_id FROM usage_events UNION SELECT feature_id FROM usage_daily
         UNION SELECT feature_id FROM entitlements UNION SELECT feature_id FROM touchpoints WHERE feature_id IS NOT NULL
         UNION SELECT feature_id FROM campaign_touchpoints WHERE feature_id IS NOT NULL
         UNION SELECT feature_id FROM feature_events UNION SELECT merged_into FROM features WHERE merged_into IS NOT NULL
         UNION SELECT id FROM features WHERE is_key = 1 OR is_paid = 1`,
      )).has(id),
    event_names: eventInUse,
    entitlements: () => true,
    support_cases: () => true,
    campaign_touchpoints: () => true,
    // The template's milestones go with the import, unless the CSM has since dated one by hand.
    milestones: (id) => sqlite.prepare("SELECT 1 FROM milestones WHERE id = ? AND achieved_source = 'csm'").get(id) !== undefined,
    rule: (id) => {
      const rule = sqlite.prepare('SELECT n.id FROM feature_events r JOIN event_names n ON n.key = r.key WHERE r.id = ?').get(id) as { id: number } | undefined;
      return rule !== undefined && eventInUse(rule.id);
    },
  };
}
