// Stakeholders (issue #14, point 9): the people of an account with the CSM's flag (sponsor, champion, detractor)
// and each one's last touch: the latest of their last day of usage, a survey answer and a QBR they attended.
import { z } from 'zod';
import { id, isoDate, method } from './define';

export const STAKEHOLDER_FLAGS = ['sponsor', 'champion', 'detractor'] as const;
export const StakeholderFlag = z.enum(STAKEHOLDER_FLAGS);
export type StakeholderFlag = z.infer<typeof StakeholderFlag>;
export const STAKEHOLDER_LABELS: Record<StakeholderFlag, string> = { sponsor: 'Sponsor', champion: 'Champion', detractor: 'Detractor' };

export const Stakeholder = z.object({
  id,
  name: z.string(),
  email: z.string().nullable(),
  role: z.string(),
  department: z.string().nullable(),
  flag: StakeholderFlag.nullable(),
  /** The latest touch on or before the as-of date, and what it was; null when none is on record. */
  lastTouch: z.object({ date: isoDate, via: z.enum(['usage', 'survey', 'qbr']) }).nullable(),
});
export type Stakeholder = z.infer<typeof Stakeholder>;

export const stakeholderMethods = {
  /** The account's people known by the as-of date: flagged ones first (sponsor, champion, detractor), then by last touch. */
  'stakeholders.list': method({
    input: z.object({ accountId: id, asOf: isoDate.optional() }).strict(),
    output: z.object({ accountId: id, asOf: isoDate, items: z.array(Stakeholder) }),
  }),
  /** Flags a person (or clears the flag with null). */
  'stakeholders.set': method({
    input: z.object({ userId: id, flag: StakeholderFlag.nullable() }).strict(),
    output: z.object({ userId: id, flag: StakeholderFlag.nullable() }),
    writes: ['stakeholders'],
  }),
};
