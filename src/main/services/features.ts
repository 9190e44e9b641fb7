// The feature catalogue (Settings › Features, `cli features`): features, the event names that count as each, and
// the key and paid flags. Every change runs in one transaction with the re-derivation of the stored usage (no
// re-import), is recorded for undo with the whole catalogue as it was, and then rescores the health history of
// the accounts whose usage moved (all of them when a key flag changed), reporting progress as it goes.
import type { CatalogueChange, CatalogueEvent, Feature, Inspection, MethodInput } from '../../shared/contract';
import { eventKey, isPattern, suggestFeature } from '../../shared/catalogue';
import { AppError } from '../../shared/errors';
import {
  catalogueImage,
  deleteRule,
  insertCatalogueFeature,
  loadCatalogue,
  loadCatalogueFeatures,
  loadEventNames,
  loadRules,
  rederiveUsage,
  repointMerged,
  updateCatalogueFeature,
  upsertRule,
  type Rederived,
  type StoredFeature,
} from '../db/feature-catalogue';
import type { EventScan } from '../import/event-scan';
import type { HandlerGroup, ServiceContext } from './context';
import { countAccounts } from '../db/accounts';
import { markHealthStale } from '../db/health-stale';
import { markMilestonesFromUsage } from '../db/onboarding';
import { scheduleHealthRepair } from './health-repair';
import { deleteWithUndo } from './undo';

/** The catalogue as the CSM sees it: features not merged away, each with its rules and the names merged into it. */
export function listFeatures(ctx: ServiceContext): Feature[] {
  const all = loadCatalogueFeatures(ctx);
  const catalogue = loadCatalogue(ctx);
  const rules = loadRules(ctx);
  return all
    .filter((f) => f.mergedInto === null)
    .map((f) => ({
      id: f.id,
      key: f.key,
      name: f.name,
      isKey: f.isKey,
      isPaid: f.isPaid,
      events: rules.filter((r) => catalogue.root(r.featureId) === f.id).map((r) => r.pattern),
      merged: all.filter((m) => m.mergedInto !== null && catalogue.root(m.id) === f.id).map((m) => m.name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

/** Every event name stored, what it counts as and by which rule; the unreviewed ones (kept as their own) first. */
export function listEventNames(ctx: ServiceContext): CatalogueEvent[] {
  const catalogue = loadCatalogue(ctx);
  const features = new Map(loadCatalogueFeatures(ctx).map((f) => [f.id, f]));
  const rules = loadRules(ctx);
  return loadEventNames(ctx)
    .map((n) => {
      const featureId = catalogue.resolve(n.name) ?? catalogue.featureNamed(n.name) ?? null;
      const key = eventKey(n.name);
      const exact = rules.find((r) => r.key === key && !r.auto);
      const pattern = exact ? undefined : rules.find((r) => isPattern(r.key) && catalogue.covers(n.name) && catalogue.root(r.featureId) === featureId);
      return {
        name: n.name,
        events: n.events,
        featureId,
        featureName: featureId === null ? null : (features.get(featureId)?.name ?? null),
        rule: exact?.pattern ?? pattern?.pattern ?? null,
        unreviewed: !catalogue.covers(n.name),
      };
    })
    .sort((a, b) => Number(b.unreviewed) - Number(a.unreviewed) || b.events - a.events || a.name.localeCompare(b.name));
}

/** Of a file's event names, the ones no rule the CSM wrote covers: what each counts as now, and a suggestion. */
export function unknownEvents(ctx: ServiceContext, scan: EventScan | null): Inspection['unknownEvents'] {
  if (scan === null) return null;
  const catalogue = loadCatalogue(ctx);
  const features = listFeatures(ctx).map((f) => f.name);
  const byId = new Map(loadCatalogueFeatures(ctx).map((f) => [f.id, f.name]));
  const names = scan.names
    .filter((n) => !catalogue.covers(n.name))
    .map((n) => {
      const current = catalogue.resolve(n.name) ?? catalogue.featureNamed(n.name);
      const countsAs = current === undefined ? n.name : (byId.get(current) ?? n.name);
      const others = features.filter((f) => f.toLowerCase() !== n.name.toLowerCase());
      return { name: n.name, rows: n.rows, countsAs, suggestion: suggestFeature(n.name, others) };
    });
  return { names, complete: scan.complete, features };
}

function featureOf(ctx: ServiceContext, id: number): StoredFeature {
  const f = loadCatalogueFeatures(ctx).find((x) => x.id === id);
  if (!f) throw new AppError('not_found', `There is no feature with id ${id}.`);
  if (f.mergedInto !== null) throw new AppError('conflict', `“${f.name}” was merged into another feature: change that one instead.`);
  return f;
}

/** A name no other feature has (case aside), or a conflict that says what to do instead. */
function checkName(ctx: ServiceContext, name: string, self: number | null): void {
  const other = loadCatalogueFeatures(ctx).find((f) => f.key === eventKey(name) && f.id !== self);
  if (other) throw new AppError('conflict', `A feature named “${other.name}” exists already: merge the two instead of giving them one name.`);
}

/**
 * Runs one change to the catalogue with the re-derivation, in one transaction, recorded for undo, which also
 * marks the health history of the accounts whose usage moved (all of them when a key or paid flag changed) stale;
 * then waits for the background recompute, which reports its progress ('health.progress') as it goes and keeps
 * the app answering meanwhile.
 */
async function changeCatalogue(ctx: ServiceContext, label: string, change: () => number | null, rescoreAll: boolean): Promise<CatalogueChange> {
  const image = catalogueImage(ctx);
  let featureId: number | null = null;
  let rederived: Rederived = { features: [], accountIds: [], events: 0 };
  let marked = 0;
  const undo = deleteWithUndo(ctx, { kind: 'catalogue', name: label, accountId: null, deleted: [], catalogue: image }, () => {
    featureId = change();
    rederived = rederiveUsage(ctx, loadCatalogue(ctx));
    const accounts = rescoreAll ? 'all' : rederived.accountIds;
    markHealthStale(ctx.sqlite, accounts, null);
    // A key flag or a moved event changes the first key action the usage data shows.
    markMilestonesFromUsage(ctx.sqlite, accounts);
    marked = accounts === 'all' ? countAccounts(ctx) : accounts.length;
  });
  if (marked > 0) await scheduleHealthRepair(ctx);
  const id = featureId as number | null;
  const feature = id === null ? null : (listFeatures(ctx).find((f) => f.id === id) ?? null);
  return { feature, movedEvents: rederived.events, accounts: rederived.accountIds.length, rescored: marked, undo };
}

export async function updateFeature(ctx: ServiceContext, input: MethodInput<'features.update'>): Promise<CatalogueChange> {
  const current = featureOf(ctx, input.id);
  const name = input.name ?? current.name;
  if (input.name !== undefined) checkName(ctx, name, current.id);
  const next = { ...current, name, isKey: input.isKey ?? current.isKey, isPaid: input.isPaid ?? current.isPaid };
  const label = name !== current.name ? `Renamed “${current.name}” to “${name}”` : `Changed “${current.name}”`;
  return changeCatalogue(ctx, label, () => (updateCatalogueFeature(ctx, next), current.id), next.isKey !== current.isKey || next.isPaid !== current.isPaid);
}

export async function createFeature(ctx: ServiceContext, input: MethodInput<'features.create'>): Promise<CatalogueChange> {
  checkName(ctx, input.name, null);
  return changeCatalogue(ctx, `Added “${input.name}”`, () => insertCatalogueFeature(ctx, input.name, input), input.isKey === true);
}

export async function mergeFeatures(ctx: ServiceContext, input: MethodInput<'features.merge'>): Promise<CatalogueChange> {
  if (input.id === input.into) throw new AppError('invalid_input', 'A feature cannot be merged into itself.');
  const from = featureOf(ctx, input.id);
  const into = featureOf(ctx, input.into);
  return changeCatalogue(
    ctx,
    `Merged “${from.name}” into “${into.name}”`,
    () => {
      updateCatalogueFeature(ctx, { ...from, mergedInto: into.id });
      repointMerged(ctx, from.id, into.id);
      return into.id;
    },
    from.isKey || into.isKey,
  );
}

export async function assignEvent(ctx: ServiceContext, input: MethodInput<'features.assignEvent'>): Promise<CatalogueChange> {
  const feature = featureOf(ctx, input.featureId);
  return changeCatalogue(ctx, `“${input.event}” counted as “${feature.name}”`, () => (upsertRule(ctx, feature.id, input.event), feature.id), false);
}

export async function removeEvent(ctx: ServiceContext, input: MethodInput<'features.removeEvent'>): Promise<CatalogueChange> {
  const rule = loadRules(ctx).find((r) => r.key === eventKey(input.event));
  if (!rule) throw new AppError('not_found', `No feature counts “${input.event}”: there is nothing to remove.`);
  return changeCatalogue(ctx, `Removed “${rule.pattern}”`, () => (deleteRule(ctx, rule.id), null), false);
}

export function featureHandlers(
  ctx: ServiceContext,
): HandlerGroup<'features.list' | 'features.eventNames' | 'features.update' | 'features.create' | 'features.merge' | 'features.assignEvent' | 'features.removeEvent'> {
  return {
    'features.list': () => listFeatures(ctx),
    'features.eventNames': () => listEventNames(ctx),
    'features.update': (input) => updateFeature(ctx, input),
    'features.create': (input) => createFeature(ctx, input),
    'features.merge': (input) => mergeFeatures(ctx, input),
    'features.assignEvent': (input) => assignEvent(ctx, input),
    'features.removeEvent': (input) => removeEvent(ctx, input),
  };
}
