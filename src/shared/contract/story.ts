// The account's story in sentences (issue #14, point 10): src/shared/story.ts writes it from the facts the other
// methods answer; each sentence carries its facts, the method behind each and where the screen shows it.
import { z } from 'zod';
import { accountAsOfInput, isoDate, method } from './define';

export const StoryLink = z.object({
  tab: z.enum(['overview', 'milestones', 'qbrs', 'touchpoints']),
  section: z.enum(['health', 'usage', 'adoption', 'renewal', 'stakeholders']).nullable(),
});

export const StoryFact = z.object({ label: z.string(), value: z.string(), method: z.string(), link: StoryLink });

export const StorySentence = z.object({
  text: z.string(),
  /** The text in runs; a run with `fact` set is that fact's value (an index into facts). */
  parts: z.array(z.object({ text: z.string(), fact: z.number().int().nonnegative().nullable() })),
  facts: z.array(StoryFact),
});
export type StorySentence = z.infer<typeof StorySentence>;

export const storyMethods = {
  'story.account': method({
    input: accountAsOfInput.extend({
      /** csm (default): everything; customer: for the QBR deck, without the CSM's renewal estimate and QBR cadence. */
      audience: z.enum(['csm', 'customer']).optional(),
    }),
    output: z.object({
      id: z.number().int(),
      name: z.string(),
      asOf: isoDate,
      /** The day the "a quarter ago" figures are from. */
      quarterAgo: isoDate,
      sentences: z.array(StorySentence),
      /** The sentences as one paragraph: for the clipboard and the deck's executive summary. */
      text: z.string(),
    }),
  }),
};
