// The feature catalogue in the store: features, the rules that count event names as them, the event names seen,
// and the re-derivation that makes every stored event and rollup follow the catalogue after it changes.
import { Catalogue, eventKey, type CatalogueFeature, type CatalogueRule } from '../../shared/catalogue';
import type { Store } from './open';

/** What these functions need of a store: the importer's writer has its connection only. */
type SqliteStore = Pick<Store, 'sqlite'>;
import { prepared } from './statements';
import { markTasksDirty } from './tasks';

export interface StoredFeature extends CatalogueFeature {
  key: string;
  isKey: boolean;
  isPaid: boolean;
}

export interface StoredRule extends CatalogueRule {
  id: number;
  key: string;
}

export function loadCatalogueFeatures(store: SqliteStore): StoredFeature[] {
  const rows = prepared(store.sqlite, 'SELECT id, key, name, is_key AS isKey, is_paid AS isPaid, merged_into AS mergedInto FROM features ORDER BY id').all() as {
    id: number;
    key: string;
    name: string;
    isKey: number;
    isPaid: number;
    mergedInto: number | null;
  }[];
  return rows.map((r) => ({ ...r, isKey: r.isKey !== 0, isPaid: r.isPaid !== 0 }));
}

export function loadRules(store: SqliteStore): StoredRule[] {
  const rows = prepared(store.sqlite, 'SELECT id, feature_id AS featureId, pattern, key, auto FROM feature_events ORDER BY id').all() as {
    id: number;
    featureId: number;
    pattern: string;
    key: string;
    auto: number;
  }[];
  return rows.map((r) => ({ ...r, auto: r.auto !== 0 }));
}

export function loadCatalogue(store: SqliteStore): Catalogue {
  return new Catalogue(loadRules(store), loadCatalogueFeatures(store));
}

/** Event names the store has seen, with how many stored events carry each. */
export function loadEventNames(store: SqliteStore): { id: number; name: string; events: number }[] {
  return prepared(
    store.sqlite,
    `SELECT n.id, n.name, (SELECT count(*) FROM usage_events e WHERE e.event_id = n.id) AS events FROM event_names n ORDER BY n.id`,
  ).all() as { id: number; name: string; events: number }[];
}

export function insertCatalogueFeature(store: SqliteStore, name: string, flags: { isKey?: boolean; isPaid?: boolean } = {}): number {
  return Number(
    prepared(store.sqlite, 'INSERT INTO features (key, name, is_key, is_paid) VALUES (?, ?, ?, ?)').run(eventKey(name), name.trim(), flags.isKey ? 1 : 0, flags.isPaid ? 1 : 0)
      .lastInsertRowid,
  );
}

export function featureRowByKey(store: SqliteStore, name: string): StoredFeature | undefined {
  return loadCatalogueFeatures(store).find((f) => f.key === eventKey(name));
}

export function updateCatalogueFeature(store: SqliteStore, f: Pick<StoredFeature, 'id' | 'name' | 'isKey' | 'isPaid' | 'mergedInto'>): void {
  prepared(store.sqlite, 'UPDATE features SET key = ?, name = ?, is_key = ?, is_paid = ?, merged_into = ? WHERE id = ?').run(
    eventKey(f.name),
    f.name,
    f.isKey ? 1 : 0,
    f.isPaid ? 1 : 0,
    f.mergedInto,
    f.id,
  );
}

/** Features merged into `from` now count as `to` as well: merges stay one hop deep. */
export function repointMerged(store: SqliteStore, from: number, to: number): void {
  prepared(store.sqlite, 'UPDATE features SET merged_into = ? WHERE merged_into = ?').run(to, from);
}

/** A rule: inserted, or the same pattern moved to another feature (and made the CSM's own). Returns its id. */
export function upsertRule(store: SqliteStore, featureId: number, pattern: string, auto = false): number {
  const key = eventKey(pattern);
  prepared(
    store.sqlite,
    `INSERT INTO feature_events (feature_id, pattern, key, auto) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET feature_id = excluded.feature_id, pattern = excluded.pattern, auto = excluded.auto`,
  ).run(featureId, pattern.trim(), key, auto ? 1 : 0);
  return (prepared(store.sqlite, 'SELECT id FROM feature_events WHERE key = ?').get(key) as { id: number }).id;
}

export function deleteRule(store: SqliteStore, id: number): void {
  prepared(store.sqlite, 'DELETE FROM feature_events WHERE id = ?').run(id);
}

/** The catalogue's rows as stored, for undo: put back exactly with restoreCatalogue. */
export interface CatalogueImage {
  features: { id: number; key: string; name: string; is_key: number; is_paid: number; merged_into: number | null; created_at: number }[];
  rules: { id: number; feature_id: number; pattern: string; key: string; auto: number }[];
}

export function catalogueImage(store: SqliteStore): CatalogueImage {
  return {
    features: prepared(store.sqlite, 'SELECT id, key, name, is_key, is_paid, merged_into, created_at FROM features ORDER BY id').all() as CatalogueImage['features'],
    rules: prepared(store.sqlite, 'SELECT id, feature_id, pattern, key, auto FROM feature_events ORDER BY id').all() as CatalogueImage['rules'],
  };
}

/**
 * Puts the catalogue back as an image recorded it. Features created since are removed only when nothing but the
 * catalogue refers to them (no stored event is pinned to them); every row of the image is written back in place.
 */
export function restoreCatalogue(store: SqliteStore, image: CatalogueImage): void {
  const s = store.sqlite;
  s.prepare('DELETE FROM feature_events').run();
  const known = new Set(image.features.map((f) => f.id));
  for (const row of prepared(s, 'SELECT id FROM features').all() as { id: number }[]) {
    if (known.has(row.id)) continue;
    const pinned = prepared(s, 'SELECT 1 FROM usage_events WHERE pinned_feature_id = ? LIMIT 1').get(row.id);
    if (!pinned) prepared(s, 'DELETE FROM features WHERE id = ?').run(row.id);
  }
  // Keys are unique: clear them first so that two features swapping names can both be written back.
  s.prepare(`UPDATE features SET key = '#' || id`).run();
  const upsert = prepared(
    s,
    `INSERT INTO features (id, key, name, is_key, is_paid, merged_into, created_at) VALUES (@id, @key, @name, @is_key, @is_paid, @merged_into, @created_at)
     ON CONFLICT (id) DO UPDATE SET key = excluded.key, name = excluded.name, is_key = excluded.is_key, is_paid = excluded.is_paid, merged_into = excluded.merged_into`,
  );
  for (const f of image.features) upsert.run(f);
  s.prepare(`UPDATE features SET key = lower(name) || '#' || id WHERE key LIKE '#%'`).run();
  const rule = prepared(s, 'INSERT INTO feature_events (id, feature_id, pattern, key, auto) VALUES (@id, @feature_id, @pattern, @key, @auto)');
  for (const r of image.rules) rule.run(r);
}

export interface Rederived {
  /** Feature ids whose rollups were rebuilt (the ones events left and the ones they joined). */
  features: number[];
  /** Accounts whose usage moved between features: their health history is stale. */
  accountIds: number[];
  /** Stored events that now count as another feature. */
  events: number;
}

/**
 * Makes every stored event count as the catalogue says today (its pinned feature when the file named one, else
 * the rule its event name matches) and rebuilds the rollups of the features events left or joined, from the
 * stored events. Rollups with no stored events behind them (none today) are left alone. Runs in the caller's
 * transaction; set-based throughout, so a million events cost a few passes, not a million statements.
 */
export function rederiveUsage(store: SqliteStore, given: Catalogue): Rederived {
  const s = store.sqlite;
  const catalogue = giveEveryNameAFeature(store, given);
  s.exec(`DROP TABLE IF EXISTS temp.event_map; CREATE TEMP TABLE event_map (event_id INTEGER PRIMARY KEY, feature_id INTEGER NOT NULL);
          DROP TABLE IF EXISTS temp.pin_map; CREATE TEMP TABLE pin_map (feature_id INTEGER PRIMARY KEY, root INTEGER NOT NULL);`);
  const addEvent = s.prepare('INSERT INTO temp.event_map (event_id, feature_id) VALUES (?, ?)');
  for (const n of s.prepare('SELECT id, name FROM event_names').all() as { id: number; name: string }[]) {
    addEvent.run(n.id, catalogue.resolve(n.name) ?? 0);
  }
  const addPin = s.prepare('INSERT INTO temp.pin_map (feature_id, root) VALUES (?, ?)');
  for (const f of s.prepare('SELECT id FROM features').all() as { id: number }[]) addPin.run(f.id, catalogue.root(f.id));
  const target = `CASE WHEN e.pinned_feature_id <> 0 THEN coalesce((SELECT root FROM temp.pin_map p WHERE p.feature_id = e.pinned_feature_id), e.pinned_feature_id)
                  ELSE coalesce((SELECT feature_id FROM temp.event_map m WHERE m.event_id = e.event_id), 0) END`;
  s.exec(`DROP TABLE IF EXISTS temp.moved;
          CREATE TEMP TABLE moved AS SELECT e.account_id, e.feature_id AS old, ${target} AS new, count(*) AS events FROM usage_events e
            WHERE e.event_id <> 0 OR e.pinned_feature_id <> 0 GROUP BY 1, 2, 3;
          DELETE FROM temp.moved WHERE old = new;`);
  const events = (s.prepare('SELECT ifnull(sum(events), 0) AS n FROM temp.moved').get() as { n: number }).n;
  const features = (s.prepare('SELECT old AS id FROM temp.moved UNION SELECT new FROM temp.moved').all() as { id: number }[]).map((r) => r.id);
  const accountIds = (s.prepare('SELECT DISTINCT account_id AS id FROM temp.moved').all() as { id: number }[]).map((r) => r.id);
  if (events > 0) {
    // The same expression as moved's, row by row (usage_events is clustered on its identity: no rowid to join on).
    s.exec(`UPDATE usage_events AS e SET feature_id = ${target} WHERE (e.event_id <> 0 OR e.pinned_feature_id <> 0) AND e.feature_id <> ${target};
            DROP TABLE IF EXISTS temp.rebuilt; CREATE TEMP TABLE rebuilt (feature_id INTEGER PRIMARY KEY);
            INSERT INTO temp.rebuilt SELECT old FROM temp.moved UNION SELECT new FROM temp.moved;`);
    // The rollups rebuilt below mark the work queue (usage_daily has no triggers since migration 0021): the accounts
    // that had rows of these features, and those whose events moved to them.
    const rebuiltAt = s.prepare('SELECT DISTINCT account_id FROM usage_daily WHERE feature_id IN (SELECT feature_id FROM temp.rebuilt)').pluck().all() as number[];
    s.exec(`DELETE FROM usage_daily WHERE feature_id IN (SELECT feature_id FROM temp.rebuilt)
              AND EXISTS (SELECT 1 FROM usage_events e WHERE e.user_id = usage_daily.user_id);
            INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes)
              SELECT account_id, user_id, feature_id, day, sum(count), sum(minutes) FROM usage_events
              WHERE feature_id IN (SELECT feature_id FROM temp.rebuilt)
              GROUP BY account_id, day, user_id, feature_id ORDER BY account_id, day, user_id, feature_id;
            DROP TABLE temp.rebuilt;`);
    markTasksDirty(s, new Set([...rebuiltAt, ...accountIds]));
  }
  s.exec('DROP TABLE temp.moved; DROP TABLE temp.event_map; DROP TABLE temp.pin_map;');
  return { features, accountIds, events };
}

/**
 * An event name no rule covers any more (its rule went with an undone catalogue file, or was removed) counts as a
 * feature of its own name again, as an import would have made it: the feature of that name, made if need be, and
 * an automatic rule. Answers the catalogue as it is after.
 */
function giveEveryNameAFeature(store: SqliteStore, catalogue: Catalogue): Catalogue {
  const orphans = (store.sqlite.prepare('SELECT name FROM event_names').all() as { name: string }[]).filter(
    (n) => catalogue.resolve(n.name) === undefined && catalogue.featureNamed(n.name) === undefined,
  );
  if (orphans.length === 0) return catalogue;
  for (const { name } of orphans) {
    const existing = featureRowByKey(store, name);
    upsertRule(store, existing?.id ?? insertCatalogueFeature(store, name), name, true);
  }
  return loadCatalogue(store);
}

/** Features nothing counts as any more: no flag, rule, merge, stored event, rollup, entitlement or campaign names them. */
export function orphanAutoFeatures(store: SqliteStore): Record<string, unknown>[] & { id: number }[] {
  return prepared(
    store.sqlite,
    `SELECT * FROM features WHERE is_key = 0 AND is_paid = 0 AND merged_into IS NULL
       AND NOT EXISTS (SELECT 1 FROM feature_events r WHERE r.feature_id = features.id)
       AND NOT EXISTS (SELECT 1 FROM features m WHERE m.merged_into = features.id)
       AND NOT EXISTS (SELECT 1 FROM usage_events e WHERE e.pinned_feature_id = features.id OR e.feature_id = features.id)
       AND NOT EXISTS (SELECT 1 FROM usage_daily d WHERE d.feature_id = features.id)
       AND NOT EXISTS (SELECT 1 FROM entitlements x WHERE x.feature_id = features.id)
       AND NOT EXISTS (SELECT 1 FROM touchpoints t WHERE t.feature_id = features.id)`,
  ).all() as Record<string, unknown>[] & { id: number }[];
}

export function deleteFeature(store: SqliteStore, id: number): void {
  prepared(store.sqlite, 'DELETE FROM features WHERE id = ?').run(id);
}
