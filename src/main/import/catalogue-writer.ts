// The import's side of the feature catalogue, inside the import's transaction: which event name and feature
// each usage row counts as (the file's feature column wins; else the CSM's choice on the mapping screen; else the
// catalogue's rules; else a feature of the event's own name, made on the spot), the lines of a catalogue file,
// and the features each account pays for. Everything it creates or changes is recorded so that undoing the
// import puts the catalogue back; when it changed rules that stored events already follow, those events and
// their rollups are re-derived before the commit.
import type Database from 'better-sqlite3';
import { Catalogue, eventKey, isPattern } from '../../shared/catalogue';
import { loadCatalogueFeatures, loadRules, orphanAutoFeatures, rederiveUsage, type Rederived } from '../db/feature-catalogue';
import { ownCopy } from './own-copy';
import type { WriteOutcome } from './store-facts';

const INSERTED: WriteOutcome = Object.freeze({ kind: 'inserted' });
const UNCHANGED: WriteOutcome = Object.freeze({ kind: 'duplicate', duplicateOf: null, importId: null });

/** What a usage row counts as: its event name's id, its feature today, and the feature its file pinned (0: none). */
export interface UsageFeature {
  eventId: number;
  featureId: number;
  pinnedFeatureId: number;
}

const NONE: UsageFeature = Object.freeze({ eventId: 0, featureId: 0, pinnedFeatureId: 0 });

type ChangeTable = 'features' | 'feature_events' | 'event_names' | 'entitlements';

export class CatalogueWriter {
  private catalogue: Catalogue;
  private readonly eventIds = new Map<string, number>();
  private readonly resolved = new Map<string, UsageFeature>();
  private readonly choices: Map<string, string>;
  private readonly entitlementsSeen = new Set<number>();
  /** Names of features this import made because a file named them and the catalogue did not know them. */
  readonly featuresCreated: string[] = [];
  /** A rule that stored events already followed was written: they are re-derived at the end. */
  private rulesChanged = false;
  /** Features an automatic rule counted as, until a rule the CSM wrote took the name: gone if nothing else uses them. */
  private readonly superseded = new Set<number>();
  /** A key flag changed: every account's breadth and health may change. */
  keyFlagsChanged = false;
  private readonly statements;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly importId: number,
    /** The CSM's choices on the mapping screen: event name -> feature name (its own name keeps it as its own). */
    eventChoices: Record<string, string> = {},
  ) {
    this.catalogue = this.load();
    this.choices = new Map(Object.entries(eventChoices).map(([event, feature]) => [eventKey(event), feature.trim()]));
    for (const r of sqlite.prepare('SELECT id, key FROM event_names').all() as { id: number; key: string }[]) this.eventIds.set(r.key, r.id);
    this.statements = {
      insertEvent: sqlite.prepare('INSERT INTO event_names (name, key) VALUES (?, ?)'),
      insertFeature: sqlite.prepare('INSERT INTO features (key, name, is_key, is_paid) VALUES (?, ?, 0, 0)'),
      featureRow: sqlite.prepare('SELECT * FROM features WHERE id = ?'),
      setFlags: sqlite.prepare('UPDATE features SET is_key = ?, is_paid = ? WHERE id = ?'),
      ruleByKey: sqlite.prepare('SELECT * FROM feature_events WHERE key = ?'),
      insertRule: sqlite.prepare('INSERT INTO feature_events (feature_id, pattern, key, auto) VALUES (?, ?, ?, ?)'),
      updateRule: sqlite.prepare('UPDATE feature_events SET feature_id = ?, pattern = ?, auto = 0 WHERE id = ?'),
      change: sqlite.prepare('INSERT INTO import_changes (import_id, table_name, row_id, before) VALUES (?, ?, ?, ?)'),
      entitlements: sqlite.prepare('SELECT feature_id, paid FROM entitlements WHERE account_id = ? ORDER BY feature_id'),
      clearEntitlements: sqlite.prepare('DELETE FROM entitlements WHERE account_id = ?'),
      entitle: sqlite.prepare(
        'INSERT INTO entitlements (account_id, feature_id, paid) VALUES (?, ?, ?) ON CONFLICT (account_id, feature_id) DO UPDATE SET paid = excluded.paid',
      ),
    };
  }

  private load(): Catalogue {
    const store = { sqlite: this.sqlite };
    return new Catalogue(loadRules(store), loadCatalogueFeatures(store));
  }

  private record(table: ChangeTable, id: number, before: unknown): void {
    this.statements.change.run(this.importId, table, id, before === null ? null : JSON.stringify(before));
  }

  private eventId(name: string): number {
    const key = eventKey(name);
    let id = this.eventIds.get(key);
    if (id === undefined) {
      id = Number(this.statements.insertEvent.run(name.trim(), key).lastInsertRowid);
      this.record('event_names', id, null);
      this.eventIds.set(ownCopy(key), id);
    }
    return id;
  }

  /** The feature of this name (merged ones answer as the feature they became), made when the catalogue lacks it. */
  featureNamed(name: string): number {
    const known = this.catalogue.featureNamed(name);
    if (known !== undefined) return known;
    const id = Number(this.statements.insertFeature.run(eventKey(name), name.trim()).lastInsertRowid);
    this.record('features', id, null);
    this.featuresCreated.push(name.trim());
    this.catalogue = this.load();
    return id;
  }

  /** Writes a rule (event name or pattern -> feature); answers whether anything changed. */
  private writeRule(pattern: string, featureId: number, auto: boolean): boolean {
    const key = eventKey(pattern);
    const existing = this.statements.ruleByKey.get(key) as { id: number; feature_id: number; pattern: string; auto: number } | undefined;
    if (existing === undefined) {
      const id = Number(this.statements.insertRule.run(featureId, pattern.trim(), key, auto ? 1 : 0).lastInsertRowid);
      this.record('feature_events', id, null);
      // A rule the CSM wrote may catch event names stored before (a pattern, or a name kept as its own so far).
      if (!auto && (isPattern(key) || this.eventIds.has(key))) this.rulesChanged = true;
    } else {
      // An automatic rule never overrides one the CSM wrote; any written rule replaces an automatic one.
      if (auto || (existing.feature_id === featureId && existing.auto === 0)) return false;
      if (existing.auto === 1) this.superseded.add(existing.feature_id);
      this.record('feature_events', existing.id, existing);
      this.statements.updateRule.run(featureId, pattern.trim(), existing.id);
      this.rulesChanged = true;
    }
    this.catalogue = this.load();
    return true;
  }

  /** What a usage row with this event name and feature cell counts as. Cached per distinct pair. */
  usageFeature(event: string | null, feature: string | null): UsageFeature {
    if (event === null && feature === null) return NONE;
    const cacheKey = feature === null ? (event as string) : `${event ?? ''}\u0000${feature}`;
    const cached = this.resolved.get(cacheKey);
    if (cached !== undefined) return cached;
    const result = feature === null ? this.eventOnly(event as string) : this.withFeatureColumn(event, feature);
    this.resolved.set(ownCopy(cacheKey), result);
    return result;
  }

  private eventOnly(event: string): UsageFeature {
    const eventId = this.eventId(event);
    const choice = this.choices.get(eventKey(event));
    if (choice !== undefined) {
      const featureId = this.featureNamed(choice);
      this.writeRule(event, featureId, false);
      return { eventId, featureId: this.catalogue.root(featureId), pinnedFeatureId: 0 };
    }
    const known = this.catalogue.resolve(event) ?? this.catalogue.featureNamed(event);
    if (known !== undefined) return { eventId, featureId: known, pinnedFeatureId: 0 };
    // Never seen, never named: it counts as a feature of its own name until the CSM says otherwise.
    const featureId = this.featureNamed(event);
    this.writeRule(event, featureId, true);
    return { eventId, featureId, pinnedFeatureId: 0 };
  }

  /** The file names the feature: it is the feature. The event name (or, without one, the feature's) is kept. */
  private withFeatureColumn(event: string | null, feature: string): UsageFeature {
    const featureId = this.featureNamed(feature);
    const eventId = this.eventId(event ?? feature);
    if (event === null) return { eventId, featureId, pinnedFeatureId: 0 };
    const byRule = this.catalogue.resolve(event);
    if (byRule === undefined) {
      // The file tells what the event is: the catalogue learns it.
      this.writeRule(event, featureId, false);
      return { eventId, featureId, pinnedFeatureId: 0 };
    }
    return { eventId, featureId, pinnedFeatureId: byRule === featureId ? 0 : featureId };
  }

  /** One line of a catalogue file: the feature (made if new), its flags when given, and its rule when given. */
  writeFeatureLine(pattern: string | null, feature: string, isKey: boolean | null, isPaid: boolean | null): WriteOutcome {
    const featureId = this.featureNamed(feature);
    const row = this.statements.featureRow.get(featureId) as { is_key: number; is_paid: number } & Record<string, unknown>;
    const key = isKey === null ? row.is_key : isKey ? 1 : 0;
    const paid = isPaid === null ? row.is_paid : isPaid ? 1 : 0;
    let changed = false;
    if (key !== row.is_key || paid !== row.is_paid) {
      this.record('features', featureId, row);
      this.statements.setFlags.run(key, paid, featureId);
      if (key !== row.is_key) this.keyFlagsChanged = true;
      changed = true;
    }
    if (pattern !== null && this.writeRule(pattern, featureId, false)) changed = true;
    return changed ? INSERTED : UNCHANGED;
  }

  /**
   * The features an account pays for. `replace`: the account's list is exactly these (an accounts file's Features
   * column); else each is added or updated (an entitlements file, one feature a line).
   */
  writeEntitlements(accountId: number, names: readonly string[], paid: boolean, replace: boolean): WriteOutcome {
    const before = this.statements.entitlements.all(accountId) as { feature_id: number; paid: number }[];
    const wanted = new Map<number, number>();
    if (!replace) for (const e of before) wanted.set(e.feature_id, e.paid);
    for (const name of names) wanted.set(this.featureNamed(name), paid ? 1 : 0);
    const same = before.length === wanted.size && before.every((e) => wanted.get(e.feature_id) === e.paid);
    if (same) return UNCHANGED;
    if (!this.entitlementsSeen.has(accountId)) {
      this.entitlementsSeen.add(accountId);
      this.record('entitlements', accountId, { rows: before });
    }
    this.statements.clearEntitlements.run(accountId);
    for (const [featureId, p] of wanted) this.statements.entitle.run(accountId, featureId, p);
    return INSERTED;
  }

  /**
   * After the last row, when this import wrote rules that stored events follow: names kept as their own until
   * now that a written rule covers lose their automatic rule, the stored events and their rollups follow the
   * catalogue, and the features nothing counts as any more go (all of it recorded for undo).
   */
  finish(): Rederived | null {
    if (!this.rulesChanged) return null;
    const store = { sqlite: this.sqlite };
    const superseded = this.superseded;
    for (const rule of this.sqlite.prepare('SELECT * FROM feature_events WHERE auto = 1').all() as { id: number; pattern: string; feature_id: number }[]) {
      if (!this.catalogue.covers(rule.pattern)) continue;
      superseded.add(rule.feature_id);
      this.record('feature_events', rule.id, rule);
      this.sqlite.prepare('DELETE FROM feature_events WHERE id = ?').run(rule.id);
    }
    this.catalogue = this.load();
    const rederived = rederiveUsage(store, this.catalogue);
    for (const feature of orphanAutoFeatures(store)) {
      if (!superseded.has(feature.id)) continue;
      this.record('features', feature.id, feature);
      this.sqlite.prepare('DELETE FROM features WHERE id = ?').run(feature.id);
    }
    return rederived;
  }
}
