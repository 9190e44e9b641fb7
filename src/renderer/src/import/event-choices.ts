// The CSM's choices for the event names the catalogue does not know yet (the mapping screen's "Event names
// Bearing does not know yet"): event name -> feature name. Only what the CSM chose or confirmed is sent with the
// import; a name left alone counts as the inspection says. Pure, so it is tested without a browser.
import type { Inspection } from '../../../shared/contract';
import { eventKey } from '../../../shared/catalogue';

export type UnknownEvents = NonNullable<Inspection['unknownEvents']>;
export type UnknownEvent = UnknownEvents['names'][number];
/** Event name (as the file writes it) -> the feature it will count as (an existing name, a new one, or its own). */
export type EventChoices = Readonly<Record<string, string>>;

/** Sets (or, for a blank or null feature, clears) the choice for one event name. */
export function chooseEvent(choices: EventChoices, name: string, feature: string | null): EventChoices {
  const next = { ...choices };
  const trimmed = feature?.trim() ?? '';
  if (trimmed === '') delete next[name];
  else next[name] = trimmed;
  return next;
}

/** Every name with a suggestion takes it, unless the CSM already chose something else for it. */
export function applySuggestions(unknown: UnknownEvents, choices: EventChoices): EventChoices {
  const next = { ...choices };
  for (const n of unknown.names) if (n.suggestion !== null && next[n.name] === undefined) next[n.name] = n.suggestion;
  return next;
}

/** How many names "Apply all suggestions" would change. */
export function pendingSuggestions(unknown: UnknownEvents, choices: EventChoices): number {
  return unknown.names.filter((n) => n.suggestion !== null && choices[n.name] === undefined).length;
}

/** After a re-inspection (another kind or mapping), the choices for names the file still has. */
export function keepChoices(unknown: UnknownEvents | null, choices: EventChoices): EventChoices {
  if (!unknown) return {};
  const names = new Set(unknown.names.map((n) => n.name));
  return Object.fromEntries(Object.entries(choices).filter(([name]) => names.has(name)));
}

/** `import.start`'s eventFeatures: the choices, or undefined when the CSM chose nothing. */
export function eventFeaturesInput(choices: EventChoices): Record<string, string> | undefined {
  return Object.keys(choices).length > 0 ? { ...choices } : undefined;
}

export type Outcome =
  /** Counts as a feature the catalogue has. */
  | 'existing'
  /** A feature of that name is created by the import. */
  | 'new'
  /** Stays a feature of its own name. */
  | 'own';

/** What one event name will count as once imported, and whether that is the CSM's choice or the default. */
export function outcomeOf(event: UnknownEvent, choices: EventChoices, features: readonly string[]): { feature: string; outcome: Outcome; chosen: boolean } {
  const chosen = choices[event.name];
  const feature = chosen ?? event.countsAs;
  const existing = features.find((f) => eventKey(f) === eventKey(feature));
  if (existing) return { feature: existing, outcome: 'existing', chosen: chosen !== undefined };
  return { feature, outcome: eventKey(feature) === eventKey(event.name) ? 'own' : 'new', chosen: chosen !== undefined };
}
