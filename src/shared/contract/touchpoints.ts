// The account's timeline: logged touchpoints (calls, emails, meetings, support cases, campaigns) and survey
// responses (NPS, CSAT, proficiency) merged, newest first, with quick entry of each.
import { z } from 'zod';
import { id, isoDate, method } from './define';
import { SurveyItem, SurveyKind } from './surveys';
import { UndoTicket } from './undo';

export const TouchpointKind = z.enum(['call', 'email', 'meeting', 'support_case', 'campaign']);
export type TouchpointKind = z.infer<typeof TouchpointKind>;

export const TouchpointItem = z.object({
  source: z.literal('touchpoint'),
  /** Unique across the merged timeline ("touchpoint:12"): a stable React key. */
  key: z.string(),
  id,
  accountId: id,
  kind: TouchpointKind,
  date: isoDate,
  title: z.string(),
  notes: z.string().nullable(),
  /** Support cases only. withinSla null = no SLA set. */
  caseStatus: z.enum(['open', 'closed']).nullable(),
  closedDate: isoDate.nullable(),
  resolved: z.boolean().nullable(),
  withinSla: z.boolean().nullable(),
  /** Support cases: days open so far (open) or until closed; null for other kinds. */
  daysOpen: z.number().int().nullable(),
  /** Campaigns: the feature promoted and whether the customer responded. */
  featureKey: z.string().nullable(),
  featureName: z.string().nullable(),
  responded: z.boolean().nullable(),
});
export type TouchpointItem = z.infer<typeof TouchpointItem>;

/**
 * A record brought in from a file rather than logged by hand: a help-desk ticket (one entry per ticket) or an
 * e-mail campaign (one entry per campaign, its recipients at this account counted). Read-only here: it is changed
 * by importing again and removed with its import.
 */
export const ImportedItem = z.object({
  source: z.literal('imported'),
  key: z.string(),
  /** The ticket's row, or the first recipient row of the campaign. */
  id,
  accountId: id,
  kind: z.enum(['support_case', 'campaign']),
  date: isoDate,
  title: z.string(),
  /** The tool the file came from: zendesk, freshdesk, intercom, hubspot, marketo, … */
  vendor: z.string(),
  importId: id.nullable(),
  /** Tickets: the help desk's id, status, solved date, days open so far or until solved, priority, SLA. */
  ticketId: z.string().nullable(),
  caseStatus: z.enum(['open', 'closed']).nullable(),
  closedDate: isoDate.nullable(),
  daysOpen: z.number().int().nullable(),
  priority: z.string().nullable(),
  withinSla: z.boolean().nullable(),
  requesterEmail: z.string().nullable(),
  /** Campaigns: recipients at this account and how many opened, clicked and replied; the feature promoted. */
  recipients: z.number().int().nullable(),
  opened: z.number().int().nullable(),
  clicked: z.number().int().nullable(),
  replied: z.number().int().nullable(),
  featureName: z.string().nullable(),
});
export type ImportedItem = z.infer<typeof ImportedItem>;

export const TimelineItem = z.discriminatedUnion('source', [TouchpointItem, SurveyItem, ImportedItem]);
export type TimelineItem = z.infer<typeof TimelineItem>;

const title = z.string().trim().min(1).max(300);
const notes = z.string().max(8000);
const touchpointFields = {
  kind: TouchpointKind,
  date: isoDate,
  title,
  notes: notes.nullable().optional(),
  caseStatus: z.enum(['open', 'closed']).nullable().optional(),
  closedDate: isoDate.nullable().optional(),
  resolved: z.boolean().nullable().optional(),
  withinSla: z.boolean().nullable().optional(),
  /** A feature's key (features.key); campaigns only. */
  featureKey: z.string().max(200).nullable().optional(),
  responded: z.boolean().nullable().optional(),
};

export const touchpointMethods = {
  'touchpoints.list': method({
    input: z
      .object({
        accountId: id,
        /** Only these kinds (touchpoint or survey kinds); all by default. */
        kinds: z.array(z.union([TouchpointKind, SurveyKind])).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
        asOf: isoDate.optional(),
      })
      .strict(),
    output: z.object({ accountId: id, items: z.array(TimelineItem), total: z.number().int() }),
  }),
  'touchpoints.create': method({
    input: z.object({ accountId: id, ...touchpointFields }).strict(),
    output: TouchpointItem,
    writes: ['touchpoints', 'health'],
  }),
  'touchpoints.update': method({
    input: z
      .object({
        id,
        kind: touchpointFields.kind.optional(),
        date: touchpointFields.date.optional(),
        title: title.optional(),
        notes: touchpointFields.notes,
        caseStatus: touchpointFields.caseStatus,
        closedDate: touchpointFields.closedDate,
        resolved: touchpointFields.resolved,
        withinSla: touchpointFields.withinSla,
        featureKey: touchpointFields.featureKey,
        responded: touchpointFields.responded,
      })
      .strict(),
    output: TouchpointItem,
    writes: ['touchpoints', 'health'],
  }),
  'touchpoints.delete': method({ input: z.object({ id }).strict(), output: UndoTicket, writes: ['touchpoints', 'health'] }),
};
