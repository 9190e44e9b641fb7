// Pure helpers of Settings › Features: what a catalogue change did in words, which features a feature can be merged
// into, and whether an event name or pattern typed by the CSM can be added. Tested without a browser.
import type { CatalogueChange, CatalogueEvent, Feature } from '../../../shared/contract';
import { eventKey, isPattern, patternRegExp } from '../../../shared/catalogue';
import { plural } from '../../../shared/format';

/** "2 events moved at 2 accounts · health rescored for 3 accounts", or what did not move. */
export function describeChange(change: Pick<CatalogueChange, 'movedEvents' | 'accounts' | 'rescored'>): string {
  const moved = change.movedEvents === 0 ? 'no stored event moved' : `${plural(change.movedEvents, 'event', 'events')} moved at ${plural(change.accounts, 'account', 'accounts')}`;
  const rescored = change.rescored === 0 ? 'no health score changed' : `health rescored for ${plural(change.rescored, 'account', 'accounts')}`;
  return `${moved} · ${rescored}`;
}

/** The features another one can be merged into: every other feature, by name. */
export function mergeTargets(features: readonly Feature[], id: number): { value: string; label: string }[] {
  return features.filter((f) => f.id !== id).map((f) => ({ value: String(f.id), label: f.name }));
}

/** How many stored events count as each feature, by feature id. */
export function eventsPerFeature(events: readonly CatalogueEvent[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const e of events) if (e.featureId !== null) counts.set(e.featureId, (counts.get(e.featureId) ?? 0) + e.events);
  return counts;
}

/**
 * Why a typed event name or pattern cannot be added to `feature` (null: it can). A name another feature has
 * is fine: adding it moves it here.
 */
export function eventInputError(text: string, feature: Feature): string | null {
  const key = eventKey(text);
  if (key === '') return 'Type an event name, or a pattern with * (e.g. “Exported *”).';
  if (key.length > 500) return 'That is too long for an event name (500 characters at most).';
  if (feature.events.some((e) => eventKey(e) === key)) return `“${text.trim()}” already counts as ${feature.name}.`;
  if (isPattern(key) && key.replace(/\*/g, '').trim() === '') return 'A pattern needs some text besides *: “*” alone would match every event.';
  return null;
}

/** The stored event names a pattern (or exact name) would catch: shown before it is added. */
export function matchingEvents(text: string, events: readonly CatalogueEvent[]): CatalogueEvent[] {
  const key = eventKey(text);
  if (key === '') return [];
  const re = patternRegExp(key);
  return events.filter((e) => re.test(eventKey(e.name)));
}
