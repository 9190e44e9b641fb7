// Undo for deletes (issue #5, "everywhere"): every delete answers with a ticket, and `undo.apply` with its token
// puts back exactly what the delete removed (with the original ids) and what it changed, until the ticket expires.
import { z } from 'zod';
import { id, method } from './define';

export const UndoKind = z.enum(['milestone', 'qbr', 'action_item', 'touchpoint', 'survey', 'view', 'catalogue', 'outcome']);
export type UndoKind = z.infer<typeof UndoKind>;

export const UndoTicket = z.object({
  token: z.string(),
  kind: UndoKind,
  /** The deleted thing's own words (milestone name, QBR date, touchpoint title…), for "… deleted · Undo". */
  name: z.string(),
  accountId: id.nullable(),
  /** Epoch ms after which the token no longer works. */
  expiresAt: z.number(),
});
export type UndoTicket = z.infer<typeof UndoTicket>;

export const undoMethods = {
  'undo.apply': method({
    input: z.object({ token: z.string().min(1).max(100) }).strict(),
    output: z.object({ kind: UndoKind, name: z.string(), accountId: id.nullable(), restoredRows: z.number().int() }),
    writes: ['milestones', 'qbrs', 'qbr_action_items', 'touchpoints', 'surveys', 'views', 'features', 'usage', 'health', 'success_plans'],
  }),
};
