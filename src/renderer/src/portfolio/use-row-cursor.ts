// The keyboard's place in the portfolio table: ↓/↑ move a highlighted row (the first press lands on the first row),
// Enter opens its account, Escape lets go. Plain keys only, and never while the CSM types in a field, works a
// widget that takes arrows itself (tabs, the layout switch), or has a dialog or menu open. The table is virtualized,
// so the highlighted row is scrolled into view by its offset (every row is ROW_HEIGHT tall), clear of the sticky header.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { isActionable, isTyping, ownsArrows, somethingOpen } from '../components/key-guards';
import { openAccount } from './account-link';
import { ROW_HEIGHT } from './AccountRow';

function scrollRowIntoView(scroller: HTMLElement, index: number) {
  const head = scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  const top = head + index * ROW_HEIGHT;
  if (top - head < scroller.scrollTop) scroller.scrollTop = top - head;
  else if (top + ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
}

/** The highlighted row's index (null: none), for rows in screen order; a new resetKey (filters, sort) lets go of it. */
export function useRowCursor(rows: readonly { id: number }[], resetKey: string, scrollRef: RefObject<HTMLElement | null>): number | null {
  const [cursor, setCursor] = useState<number | null>(null);
  // A new filter or sort is another list: the old position would point at some other account.
  const [key, setKey] = useState(resetKey);
  if (key !== resetKey) {
    setKey(resetKey);
    setCursor(null);
  }
  const shown = cursor !== null && cursor < rows.length ? cursor : null;

  const latest = useRef({ rows, shown });
  useEffect(() => {
    latest.current = { rows, shown };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || event.shiftKey) return;
      if (isTyping(event.target) || somethingOpen()) return;
      const { rows: list, shown: at } = latest.current;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (list.length === 0 || ownsArrows(event.target)) return;
        event.preventDefault();
        const next = at === null ? 0 : Math.max(0, Math.min(list.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1)));
        setCursor(next);
        if (scrollRef.current) scrollRowIntoView(scrollRef.current, next);
      } else if (event.key === 'Enter' && at !== null && !isActionable(event.target)) {
        event.preventDefault();
        openAccount(list[at].id);
      } else if (event.key === 'Escape' && at !== null) {
        setCursor(null);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [scrollRef]);

  return shown;
}
