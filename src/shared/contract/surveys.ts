// Survey responses (NPS, CSAT, proficiency): entered by hand on the account's timeline.
import { z } from 'zod';
import { id, isoDate, method } from './define';
import { UndoTicket } from './undo';

export const SurveyKind = z.enum(['nps', 'csat', 'proficiency']);
export type SurveyKind = z.infer<typeof SurveyKind>;

export const SurveyItem = z.object({
  source: z.literal('survey'),
  key: z.string(),
  id,
  accountId: id,
  kind: SurveyKind,
  date: isoDate,
  /** NPS: one answer 0–10; CSAT and proficiency: 1–5. */
  score: z.number(),
  userId: id.nullable(),
  /** The respondent's name, else email; null for an account-level answer. */
  userName: z.string().nullable(),
});
export type SurveyItem = z.infer<typeof SurveyItem>;

export const surveyMethods = {
  'surveys.create': method({
    input: z
      .object({
        accountId: id,
        kind: SurveyKind,
        score: z.number(),
        date: isoDate,
        /** The respondent, one of the account's known users; omitted for an account-level answer. */
        userEmail: z.string().trim().min(1).max(320).optional(),
      })
      .strict(),
    output: SurveyItem,
    writes: ['surveys', 'health'],
  }),
  'surveys.delete': method({ input: z.object({ id }).strict(), output: UndoTicket, writes: ['surveys', 'health'] }),
};
