// search.notes (issue #14, point 7): the notes, QBR outcomes and action items that hold every word typed.
import type { MethodInput, MethodOutput, NoteHit, NoteSource } from '../../shared/contract';
import { allNotes, notesContaining, type NoteRow } from '../db/notes';
import type { HandlerGroup, ServiceContext } from './context';

const TAB: Record<NoteSource, NoteHit['tab']> = { touchpoint: 'touchpoints', qbr: 'qbrs', action_item: 'qbrs', milestone: 'milestones' };
const SNIPPET = 160;

const fold = (text: string) => text.toLocaleLowerCase();

/** The text around the first of the words it holds (its start otherwise), on one line, with an ellipsis where cut. */
export function snippetAround(body: string, words: readonly string[]): string {
  const text = body.replace(/\s+/g, ' ').trim();
  const folded = fold(text);
  const found = words.map((w) => folded.indexOf(w)).filter((i) => i >= 0);
  const at = found.length > 0 ? Math.min(...found) : 0;
  const start = Math.max(0, Math.min(at - 40, text.length - SNIPPET));
  const cut = text.slice(start, start + SNIPPET);
  return `${start > 0 ? '…' : ''}${cut}${start + SNIPPET < text.length ? '…' : ''}`;
}

export function searchNotes(ctx: ServiceContext, input: MethodInput<'search.notes'>): MethodOutput<'search.notes'> {
  const words = [...new Set(fold(input.query).split(/\s+/).filter(Boolean))];
  const limit = input.limit ?? 20;
  if (words.length === 0) return { items: [], more: false };
  // SQLite narrows by the longest word when LIKE folds it the way we do (ASCII); every word is checked here.
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  const candidates: NoteRow[] = /^[\x20-\x7e]+$/.test(longest) ? notesContaining(ctx, longest) : allNotes(ctx);
  const found = candidates.filter((n) => {
    const text = fold(`${n.title}\n${n.body}`);
    return words.every((w) => text.includes(w));
  });
  const items = found.slice(0, limit).map(
    (n): NoteHit => ({
      source: n.source,
      id: n.id,
      accountId: n.accountId,
      accountName: n.accountName,
      date: n.date,
      title: n.title.replace(/\s+/g, ' ').trim(),
      snippet: snippetAround(n.body, words),
      tab: TAB[n.source],
    }),
  );
  return { items, more: found.length > limit };
}

export function searchHandlers(ctx: ServiceContext): HandlerGroup<'search.notes'> {
  return { 'search.notes': (input) => searchNotes(ctx, input) };
}
