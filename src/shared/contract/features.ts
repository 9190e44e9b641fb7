// The feature catalogue: features as the CSM names them, the product event names (exact, or `*` patterns) that
// count as each, and the key and paid flags breadth, adoption and downgrade risk read. Every change re-derives the
// stored usage and the health history, and answers with an undo ticket.
import { z } from 'zod';
import { empty, id, method } from './define';
import { UndoTicket } from './undo';

export const Feature = z.object({
  id,
  key: z.string(),
  name: z.string(),
  isKey: z.boolean(),
  isPaid: z.boolean(),
  /** The event names and patterns that count as this feature (those of features merged into it included). */
  events: z.array(z.string()),
  /** Features merged into this one, by name. */
  merged: z.array(z.string()),
});
export type Feature = z.infer<typeof Feature>;

/** A product event name the store holds, how many events carry it, and what it counts as today. */
export const CatalogueEvent = z.object({
  name: z.string(),
  events: z.number().int(),
  featureId: id.nullable(),
  featureName: z.string().nullable(),
  /** The rule that decides it: the name itself, a pattern, or null when the feature's name is the event's. */
  rule: z.string().nullable(),
  /** True when no rule the CSM wrote covers it: an import kept it as a feature of its own name. */
  unreviewed: z.boolean(),
});
export type CatalogueEvent = z.infer<typeof CatalogueEvent>;

/** What a catalogue change did: how much usage moved, and the ticket that undoes it. */
export const CatalogueChange = z.object({
  feature: Feature.nullable(),
  movedEvents: z.number().int(),
  /** Accounts whose usage moved between features. */
  accounts: z.number().int(),
  /** Accounts whose health history was rescored (all of them when a key or paid flag changed). */
  rescored: z.number().int(),
  undo: UndoTicket,
});
export type CatalogueChange = z.infer<typeof CatalogueChange>;

const featureName = z.string().trim().min(1).max(200);
const eventPattern = z.string().trim().min(1).max(500);
const writes = ['features', 'usage', 'health'] as const;

export const featureMethods = {
  'features.list': method({ input: empty, output: z.array(Feature) }),
  'features.eventNames': method({ input: empty, output: z.array(CatalogueEvent) }),
  'features.update': method({
    input: z.object({ id, isKey: z.boolean().optional(), isPaid: z.boolean().optional(), name: featureName.optional() }).strict(),
    output: CatalogueChange,
    writes: [...writes],
  }),
  'features.create': method({
    input: z.object({ name: featureName, isKey: z.boolean().optional(), isPaid: z.boolean().optional() }).strict(),
    output: CatalogueChange,
    writes: [...writes],
  }),
  /** `id` is merged into `into`: its events, entitlements and campaigns count as `into` from now on. */
  'features.merge': method({ input: z.object({ id, into: id }).strict(), output: CatalogueChange, writes: [...writes] }),
  /** An event name or pattern counts as this feature from now on (moved from wherever it counted before). */
  'features.assignEvent': method({
    input: z.object({ event: eventPattern, featureId: id }).strict(),
    output: CatalogueChange,
    writes: [...writes],
  }),
  /** Removes a pattern (or an exact name) from the catalogue. */
  'features.removeEvent': method({ input: z.object({ event: eventPattern }).strict(), output: CatalogueChange, writes: [...writes] }),
};
