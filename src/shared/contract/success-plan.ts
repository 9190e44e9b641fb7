// The success plan (issue #14, point 5): per account, the sales handoff (why they bought, who bought vs who uses,
// how complex the implementation is) and the desired outcomes, each with a measurable KPI (baseline → target) and
// a target date, linked to the account's milestones; each QBR records the KPI's value on each outcome.
import { z } from 'zod';
import { id, isoDate, method } from './define';
import { UndoTicket } from './undo';

export const Complexity = z.enum(['low', 'medium', 'high'], {
  error: (issue) => `Complexity "${String(issue.input)}" is not one Bearing knows: choose low, medium or high.`,
});
export type Complexity = z.infer<typeof Complexity>;

export const OutcomeStatus = z.enum(['not_started', 'on_track', 'at_risk', 'achieved', 'missed'], {
  error: (issue) => `Status "${String(issue.input)}" is not one Bearing knows: choose not_started, on_track, at_risk, achieved or missed.`,
});
export type OutcomeStatus = z.infer<typeof OutcomeStatus>;

/** A KPI figure: a finite number, refused with a message that says which field it was. */
const kpiNumber = (field: string) =>
  z.number({ error: (issue) => `The ${field} must be a number (e.g. 16 or 2.5), not ${JSON.stringify(issue.input) ?? 'nothing'}.` }).finite({
    error: `The ${field} must be a finite number.`,
  });
const text = (field: string, max: number) => z.string().trim().max(max, { error: `The ${field} is too long: at most ${max} characters.` });
const required = (field: string, max: number) => text(field, max).min(1, { error: `The ${field} is empty: write one.` });
/** Free text that may be left out; empty text is stored as nothing. */
const optionalText = (field: string, max: number) =>
  text(field, max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const Handoff = z.object({
  accountId: id,
  whyBought: z.string().nullable(),
  buyer: z.string().nullable(),
  users: z.string().nullable(),
  complexity: Complexity.nullable(),
  complexityNote: z.string().nullable(),
  /** Epoch ms of the last save; null while nothing was entered. */
  updatedAt: z.number().nullable(),
});
export type Handoff = z.infer<typeof Handoff>;

export const OutcomeProgress = z.object({ qbrId: id, qbrDate: isoDate, value: z.number().nullable(), note: z.string().nullable() });
export type OutcomeProgress = z.infer<typeof OutcomeProgress>;

export const Outcome = z.object({
  id,
  accountId: id,
  title: z.string(),
  kpiName: z.string(),
  kpiUnit: z.string(),
  baseline: z.number().nullable(),
  target: z.number(),
  targetDate: isoDate,
  status: OutcomeStatus,
  milestoneIds: z.array(id),
  /** What each QBR recorded, oldest QBR first. */
  progress: z.array(OutcomeProgress),
  /** The most recent QBR entry that has a value; null before any QBR measured the KPI. */
  latest: OutcomeProgress.nullable(),
});
export type Outcome = z.infer<typeof Outcome>;

const OutcomeFields = z.object({
  title: required('outcome', 200),
  kpiName: required('KPI name', 200),
  /** "hours", "%", "users"…; may be empty for a plain count. */
  kpiUnit: text('KPI unit', 40).optional(),
  baseline: kpiNumber('KPI baseline').nullable().optional(),
  target: kpiNumber('KPI target'),
  targetDate: isoDate,
  status: OutcomeStatus.optional(),
  /** The account's own milestones this outcome depends on; replaced as a whole. */
  milestoneIds: z.array(id).max(50).optional(),
});

export const successPlanMethods = {
  'successPlan.get': method({
    input: z.object({ accountId: id }).strict(),
    output: z.object({ accountId: id, handoff: Handoff, outcomes: z.array(Outcome) }),
  }),
  'successPlan.setHandoff': method({
    input: z
      .object({
        accountId: id,
        whyBought: optionalText('reason they bought', 4000),
        buyer: optionalText('buyer', 400),
        users: optionalText('users', 400),
        complexity: Complexity.nullable().optional(),
        complexityNote: optionalText('complexity note', 4000),
      })
      .strict(),
    output: Handoff,
    writes: ['success_plans'],
  }),
  'successPlan.outcomes.create': method({
    input: z.object({ accountId: id, ...OutcomeFields.shape }).strict(),
    output: Outcome,
    writes: ['success_plans'],
  }),
  'successPlan.outcomes.update': method({
    input: z.object({ id, ...OutcomeFields.partial().shape }).strict(),
    output: Outcome,
    writes: ['success_plans'],
  }),
  'successPlan.outcomes.delete': method({
    input: z.object({ id }).strict(),
    output: UndoTicket,
    writes: ['success_plans'],
  }),
  /** What a QBR says about one outcome: the KPI's value then and a note; both empty removes the entry. */
  'successPlan.progress.record': method({
    input: z
      .object({ qbrId: id, outcomeId: id, value: kpiNumber('KPI value').nullable(), note: optionalText('progress note', 2000) })
      .strict(),
    output: Outcome,
    writes: ['success_plans'],
  }),
};
