// Notes that are found (issue #14, point 7): the words the CSM wrote down, across every account, from Ctrl/⌘+K.
import { z } from 'zod';
import { id, isoDate, method } from './define';

export const NoteSource = z.enum(['touchpoint', 'qbr', 'action_item', 'milestone']);
export type NoteSource = z.infer<typeof NoteSource>;

export const NoteHit = z.object({
  source: NoteSource,
  /** The row's id in its own table (touchpoints, qbrs, qbr_action_items, milestones). */
  id,
  accountId: id,
  accountName: z.string(),
  date: isoDate.nullable(),
  /** What the note is attached to: a touchpoint's title, "QBR", an action item's text, a milestone's name. */
  title: z.string(),
  /** Up to 160 characters of the note around the first word found in it, beyond the title ('' when none). */
  snippet: z.string(),
  /** The account tab that shows it. */
  tab: z.enum(['touchpoints', 'qbrs', 'milestones']),
});
export type NoteHit = z.infer<typeof NoteHit>;

export const searchMethods = {
  /**
   * Every word of `query` (case-insensitive, as typed: % and _ are plain characters) in the same note: touchpoint
   * titles and notes, QBR goals and outcomes, action items, milestone notes. Newest first.
   */
  'search.notes': method({
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({ items: z.array(NoteHit), more: z.boolean() }),
  }),
};
