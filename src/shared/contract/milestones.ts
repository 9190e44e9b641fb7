// TTV milestones (docs/METRICS.md, seed 003): per account, kickoff, onboarding complete, first key action, basic value,
// exceeded value and custom ones, each with a target and an achieved date. TTV = achieved − contract start.
import { z } from 'zod';
import { id, isoDate, method } from './define';
import { UndoTicket } from './undo';

export const MilestoneKind = z.enum(['kickoff', 'onboarding_complete', 'first_key_action', 'basic_value', 'exceeded_value', 'custom']);
export type MilestoneKind = z.infer<typeof MilestoneKind>;

/** As of the as-of date: achieved by its target (or with none), achieved after it, past its target, or not yet due. */
export const MilestoneStatus = z.enum(['achieved_on_time', 'achieved_late', 'overdue', 'upcoming']);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

export const Milestone = z.object({
  id,
  accountId: id,
  kind: MilestoneKind,
  name: z.string(),
  targetDate: isoDate.nullable(),
  achievedDate: isoDate.nullable(),
  notes: z.string().nullable(),
  /** Who set achievedDate: 'usage' (marked from the usage data, shown "from usage") or 'csm'; null while not achieved. */
  achievedSource: z.enum(['usage', 'csm']).nullable(),
  status: MilestoneStatus,
  /** achieved_late: achieved − target; overdue: as-of − target; otherwise null. */
  daysLate: z.number().int().nullable(),
  /** upcoming with a target: target − as-of (0 = due today); otherwise null. */
  daysUntilDue: z.number().int().nullable(),
  /** This milestone's TTV: achieved − contract start, in days; null until achieved or without a contract start. */
  daysFromContractStart: z.number().int().nullable(),
});
export type Milestone = z.infer<typeof Milestone>;

/** What the CSM enters for a milestone: create needs the kind, update may change any of these. */
const MilestoneFields = z.object({
  kind: MilestoneKind,
  /** Defaults to the kind's name ("Basic value"); required for custom milestones. */
  name: z.string().trim().min(1).max(200).optional(),
  targetDate: isoDate.nullable().optional(),
  achievedDate: isoDate.nullable().optional(),
  notes: z.string().max(4000).nullable().optional(),
});

export const milestoneMethods = {
  'milestones.list': method({
    input: z.object({ accountId: id, asOf: isoDate.optional() }).strict(),
    output: z.object({
      accountId: id,
      asOf: isoDate,
      contractStart: isoDate.nullable(),
      /** Timeline order: by achieved date, else target date (undated last), then the usual order of the kinds. */
      items: z.array(Milestone),
      overdue: z.number().int(),
      /** The same figures as metrics.account's ttv* (days from contract start; null until achieved). */
      ttv: z.object({
        basicValueDays: z.number().int().nullable(),
        exceededValueDays: z.number().int().nullable(),
        onboardingDays: z.number().int().nullable(),
        firstKeyActionDays: z.number().int().nullable(),
      }),
    }),
  }),
  'milestones.create': method({
    input: z.object({ accountId: id, ...MilestoneFields.shape }).strict(),
    output: Milestone,
    writes: ['milestones', 'health'],
  }),
  'milestones.update': method({
    input: z.object({ id, ...MilestoneFields.partial().shape }).strict(),
    output: Milestone,
    writes: ['milestones', 'health'],
  }),
  'milestones.complete': method({
    input: z.object({ id, achievedDate: isoDate.optional() }).strict(),
    output: Milestone,
    writes: ['milestones', 'health'],
  }),
  'milestones.delete': method({
    input: z.object({ id }).strict(),
    output: UndoTicket,
    writes: ['milestones', 'health', 'success_plans'],
  }),
};
