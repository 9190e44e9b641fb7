// The QBR log: each QBR with its attendees, goals reviewed, outcomes, the customer's response and action items.
// Open action items carry over to the next QBR; the next QBR date is suggested from the cadence setting.
import { z } from 'zod';
import { id, isoDate, method } from './define';
import { UndoTicket } from './undo';

export const CustomerResponse = z.enum(['positive', 'neutral', 'negative', 'none']);
export const ActionItemStatus = z.enum(['open', 'done', 'dropped']);
export type ActionItemStatus = z.infer<typeof ActionItemStatus>;

export const ActionItem = z.object({
  id,
  qbrId: id,
  accountId: id,
  text: z.string(),
  owner: z.string().nullable(),
  dueDate: isoDate.nullable(),
  /** The stored status, except 'carried': still open when the next QBR took it over (see carriedToId). */
  status: z.enum(['open', 'done', 'dropped', 'carried']),
  /** Open and past its due date. */
  overdue: z.boolean(),
  /** The item of an earlier QBR this one continues. */
  carriedFromId: id.nullable(),
  /** The item of a later QBR that continues this one. */
  carriedToId: id.nullable(),
  /** Date of the QBR where the item was first raised, following carry-overs back. */
  raisedOn: isoDate,
});
export type ActionItem = z.infer<typeof ActionItem>;

export const Qbr = z.object({
  id,
  accountId: id,
  date: isoDate,
  attendees: z.array(z.string()),
  goalsReviewed: z.string().nullable(),
  outcomes: z.string().nullable(),
  customerResponse: CustomerResponse,
  actionItems: z.array(ActionItem),
});
export type Qbr = z.infer<typeof Qbr>;

const text = z.string().max(8000);
const owner = z.string().trim().max(200);

export const NewActionItem = z
  .object({
    text: z.string().trim().min(1).max(1000),
    owner: owner.nullable().optional(),
    dueDate: isoDate.nullable().optional(),
    status: ActionItemStatus.optional(),
  })
  .strict();

const qbrFields = {
  date: isoDate,
  attendees: z.array(z.string().trim().min(1).max(200)).max(100),
  goalsReviewed: text.nullable(),
  outcomes: text.nullable(),
  customerResponse: CustomerResponse,
};

export const qbrMethods = {
  'qbrs.list': method({
    input: z.object({ accountId: id, asOf: isoDate.optional() }).strict(),
    output: z.object({ accountId: id, items: z.array(Qbr) }),
  }),
  'qbrs.create': method({
    input: z
      .object({
        accountId: id,
        date: qbrFields.date,
        attendees: qbrFields.attendees.default([]),
        goalsReviewed: qbrFields.goalsReviewed.optional(),
        outcomes: qbrFields.outcomes.optional(),
        customerResponse: CustomerResponse.default('none'),
        actionItems: z.array(NewActionItem).max(200).default([]),
        /** Carry the account's open action items from earlier QBRs into this one (default true). */
        carryOver: z.boolean().default(true),
      })
      .strict(),
    output: z.object({ qbr: Qbr, carriedOver: z.number().int() }),
    writes: ['qbrs', 'qbr_action_items', 'health'],
  }),
  'qbrs.update': method({
    input: z
      .object({
        id,
        date: qbrFields.date.optional(),
        attendees: qbrFields.attendees.optional(),
        goalsReviewed: qbrFields.goalsReviewed.optional(),
        outcomes: qbrFields.outcomes.optional(),
        customerResponse: CustomerResponse.optional(),
      })
      .strict(),
    output: Qbr,
    writes: ['qbrs', 'health'],
  }),
  'qbrs.delete': method({
    input: z.object({ id }).strict(),
    output: UndoTicket,
    writes: ['qbrs', 'qbr_action_items', 'health', 'success_plans'],
  }),
  'qbrs.actionItem.create': method({
    input: NewActionItem.extend({ qbrId: id }),
    output: ActionItem,
    writes: ['qbr_action_items'],
  }),
  'qbrs.actionItem.update': method({
    input: z
      .object({
        id,
        status: ActionItemStatus.optional(),
        owner: owner.nullable().optional(),
        dueDate: isoDate.nullable().optional(),
        text: z.string().trim().min(1).max(1000).optional(),
      })
      .strict(),
    output: ActionItem,
    writes: ['qbr_action_items'],
  }),
  'qbrs.actionItem.delete': method({
    input: z.object({ id }).strict(),
    output: UndoTicket,
    writes: ['qbr_action_items'],
  }),
  'qbrs.nextSuggestion': method({
    input: z.object({ accountId: id, asOf: isoDate.optional() }).strict(),
    output: z.object({
      accountId: id,
      asOf: isoDate,
      /** The QBR cadence setting (docs/METRICS.md: overdue after 90 days). */
      cadenceDays: z.number().int(),
      lastQbrDate: isoDate.nullable(),
      suggestedDate: isoDate,
      /** scheduled = a QBR is already logged after the as-of date; otherwise what the suggestion counts from. */
      basis: z.enum(['scheduled', 'last_qbr', 'contract_start', 'today']),
      /** suggestedDate − as-of; negative when overdue. */
      daysUntil: z.number().int(),
      overdue: z.boolean(),
      /** What the next QBR will carry over. */
      openActionItems: z.array(ActionItem),
    }),
  }),
};
