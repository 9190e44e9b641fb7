// Health from the store: the facts of each account built from a sliding 30-day usage window, then the pure model
// (src/shared/metrics/health.ts). One code path serves the live score of one day and the backfill of a year of
// daily snapshots, so the two always agree.
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import { recordChangeDays, recordsAsOf } from '../../shared/metrics/as-of';
import { enabledKeyFeatures } from '../../shared/metrics/breadth';
import { computeHealth, healthScores, type HealthResult, type HealthScores } from '../../shared/metrics/health';
import type { HealthFacts } from '../../shared/metrics/health-components';
import type { FeatureInfo } from '../../shared/metrics/inputs';
import type { MetricsSettings } from '../../shared/metrics/settings';
import { UsageWindow, type DayActivity } from '../../shared/metrics/usage-window';
import type { AccountBundle } from '../db/account-bundles';
import { loadFeatures } from '../db/features';
import { firstSeenOutside, lastEventDay, loadDayActivity } from '../db/usage';
import type { StoreContext } from './context';
import { readMetricsSettings } from './metrics-settings';

export interface HealthInputs {
  settings: MetricsSettings;
  features: FeatureInfo[];
}

export function healthInputs(ctx: StoreContext, settings = readMetricsSettings(ctx)): HealthInputs {
  return { settings, features: loadFeatures(ctx) };
}

/** The facts of health on asOfDay: the window's usage and the account's records as they stood that day. */
export function factsFromWindow(
  bundle: AccountBundle,
  features: readonly FeatureInfo[],
  w: UsageWindow,
  asOfDay: number,
  keyFeatures = enabledKeyFeatures(features, bundle.entitlements).map((f) => ({ id: f.id, name: f.name })),
): HealthFacts {
  return factsOf(recordsAsOf(bundle, asOfDay), w, asOfDay, keyFeatures);
}

/** The facts from records already taken as of asOfDay. */
function factsOf(
  bundle: AccountBundle,
  w: UsageWindow,
  asOfDay: number,
  keyFeatures: HealthFacts['keyFeatures'],
  keyIds: readonly number[] = keyFeatures.map((k) => k.id),
): HealthFacts {
  return {
    asOf: isoFromDayNumber(asOfDay),
    contractStart: bundle.account.contractStart,
    licenses: bundle.account.licenses,
    users: bundle.users,
    activeDays: w.userDays,
    mau: w.activeUsers,
    lastEventDay: w.lastEventDay,
    keyFeatures,
    usedKeyFeatureIds: w.usedFeatures(keyIds),
    qbrs: bundle.qbrs,
    touchpoints: bundle.touchpoints,
    surveys: bundle.surveys,
    milestones: bundle.milestones,
  };
}

/** The 30-day window ending on asOfDay, read from the rollups, with the account's latest event before it. */
export function windowAt(ctx: StoreContext, accountId: number, asOfDay: number): UsageWindow {
  const w = new UsageWindow(30);
  for (const day of loadDayActivity(ctx, accountId, asOfDay - 29, asOfDay)) w.add(day);
  if (w.lastEventDay === null) w.lastEventDay = lastEventDay(ctx, accountId, asOfDay);
  return w;
}

/**
 * The bundle with each user's first day at the account as records-as-of reads it from fromDay on (a user seen before
 * fromDay gets a day before it): the rows outside [fromDay, toDay], those inside without events (seenWithoutEvents)
 * and the days of activity read.
 */
function withFirstSeenDays(
  ctx: StoreContext,
  bundle: AccountBundle,
  days: readonly DayActivity[],
  seenWithoutEvents: ReadonlyMap<number, number>,
  fromDay: number,
  toDay: number,
): AccountBundle {
  const first = firstSeenOutside(ctx, bundle.account.id, fromDay, toDay);
  for (const [u, day] of seenWithoutEvents) if (!((first.get(u) ?? Infinity) <= day)) first.set(u, day);
  for (const d of days) {
    for (const u of d.users) {
      const seen = first.get(u);
      if (seen === undefined || seen > d.day) first.set(u, d.day);
    }
  }
  return { ...bundle, users: bundle.users.map((u) => ({ ...u, firstSeenDay: first.get(u.id) ?? null })) };
}

export function liveHealth(ctx: StoreContext, bundle: AccountBundle, asOfDay: number, inputs: HealthInputs): HealthResult {
  const w = windowAt(ctx, bundle.account.id, asOfDay);
  return computeHealth(factsFromWindow(bundle, inputs.features, w, asOfDay), inputs.settings);
}

/**
 * Health's numbers for every day in [fromDay, toDay] (healthScores: computeHealth without the explanation): one read
 * of the account's rollups from fromDay − 29, one pass of the window. `each` gets the day, its scores and facts
 * (they are not kept, so a long history costs no memory). A bundle loaded without first-seen days (loadBundles with
 * asOfFrom null) gets them here from the rows this reads anyway.
 */
export function healthSeries(
  ctx: StoreContext,
  loaded: AccountBundle,
  fromDay: number,
  toDay: number,
  inputs: HealthInputs,
  each: (day: number, scores: HealthScores, facts: HealthFacts) => void,
  options: { firstSeenFromRollups?: boolean } = {},
): void {
  const seenWithoutEvents = options.firstSeenFromRollups ? new Map<number, number>() : undefined;
  const days = loadDayActivity(ctx, loaded.account.id, fromDay - 29, toDay, seenWithoutEvents);
  const bundle = seenWithoutEvents ? withFirstSeenDays(ctx, loaded, days, seenWithoutEvents, fromDay - 29, toDay) : loaded;
  const w = new UsageWindow(30);
  // Events older than the window still tell the no-usage rule when the account last did anything.
  w.lastEventDay = lastEventDay(ctx, bundle.account.id, fromDay - 30);
  const keyFeatures = enabledKeyFeatures(inputs.features, bundle.entitlements).map((f) => ({ id: f.id, name: f.name }));
  const keyIds = keyFeatures.map((k) => k.id);
  // The records change only on a few days (a QBR, a new user…): they are taken as of a day again only then.
  const changes = recordChangeDays(bundle, dayNumber);
  let c = 0;
  while (c < changes.length && changes[c] <= fromDay) c++;
  let records = recordsAsOf(bundle, fromDay);
  let i = 0;
  for (let d = fromDay; d <= toDay; d++) {
    while (i < days.length && days[i].day <= d) w.add(days[i++]);
    w.advanceTo(d);
    if (c < changes.length && changes[c] <= d) {
      while (c < changes.length && changes[c] <= d) c++;
      const next = recordsAsOf(bundle, d);
      // Users once known stay known, so a list that did not grow holds the same users: keeping the array keeps what
      // is cached by it (the users' groups of exposureShare) instead of building it again on every QBR or touchpoint.
      records = next.users.length === records.users.length ? { ...next, users: records.users } : next;
    }
    const facts = factsOf(records, w, d, keyFeatures, keyIds);
    each(d, healthScores(facts, inputs.settings), facts);
  }
}
