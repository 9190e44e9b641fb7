// The notes the CSM wrote, across every account, as one list to search: touchpoint titles and notes, QBR goals and
// outcomes, action items, milestone notes (rows in the trash are not in these tables, so are never found). A note's
// date is when it was written down: an action item's is its QBR's, not its due date.
import type { NoteSource } from '../../shared/contract';
import type { Store } from './open';
import { prepared } from './statements';

export interface NoteRow {
  source: NoteSource;
  id: number;
  accountId: number;
  accountName: string;
  date: string | null;
  title: string;
  /** Everything searchable of the row beyond its title, one piece per line ('' when there is nothing more). */
  body: string;
}

const NOTES = `
  SELECT 'touchpoint' AS source, t.id, t.account_id AS accountId, t.date, t.title,
         coalesce(t.notes, '') AS body
  FROM touchpoints t
  UNION ALL
  SELECT 'qbr', q.id, q.account_id, q.date, 'QBR',
         coalesce(q.goals_reviewed, '') || char(10) || coalesce(q.outcomes, '')
  FROM qbrs q WHERE q.goals_reviewed IS NOT NULL OR q.outcomes IS NOT NULL
  UNION ALL
  SELECT 'action_item', i.id, i.account_id, q.date, i.text,
         coalesce('Owner: ' || i.owner, '')
  FROM qbr_action_items i JOIN qbrs q ON q.id = i.qbr_id
  UNION ALL
  SELECT 'milestone', m.id, m.account_id, coalesce(m.achieved_date, m.target_date), m.name, m.notes
  FROM milestones m WHERE m.notes IS NOT NULL AND m.notes <> ''`;

/**
 * Notes containing `word` (SQLite's LIKE: ASCII letters in any case, other characters as typed; % _ and \ taken
 * literally), newest first. The caller checks every word of the query on what comes back, in any script.
 */
export function notesContaining(store: Store, word: string): NoteRow[] {
  const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return prepared(
    store.sqlite,
    `SELECT n.source, n.id, n.accountId, a.name AS accountName, n.date, n.title, n.body
     FROM (${NOTES}) n JOIN accounts a ON a.id = n.accountId
     WHERE n.title || char(10) || n.body LIKE ? ESCAPE '\\'
     ORDER BY n.date IS NULL, n.date DESC, n.source, n.id DESC`,
  ).all(pattern) as NoteRow[];
}

/** Every note (for a word SQLite's LIKE would not fold: the caller filters), newest first. */
export function allNotes(store: Store): NoteRow[] {
  return prepared(
    store.sqlite,
    `SELECT n.source, n.id, n.accountId, a.name AS accountName, n.date, n.title, n.body
     FROM (${NOTES}) n JOIN accounts a ON a.id = n.accountId
     ORDER BY n.date IS NULL, n.date DESC, n.source, n.id DESC`,
  ).all() as NoteRow[];
}
