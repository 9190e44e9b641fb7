// Keyboard triage on the Home screen: j/k move the selection, d marks it done, s snoozes it until tomorrow, e drafts
// its e-mail, Enter opens its account. Plain keys only, and never while the CSM types in a field or a dialog,
// menu or the command palette is open (there the keys belong to what is open).
import { useEffect, useRef } from 'react';
import { isActionable, isTyping, somethingOpen } from '../components/key-guards';

export interface TriageHandlers {
  move: (by: 1 | -1) => void;
  done: () => void;
  snooze: () => void;
  draft: () => void;
  open: () => void;
}

export function useTriageKeys(handlers: TriageHandlers, enabled: boolean) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTyping(event.target) || somethingOpen()) return;
      const h = latest.current;
      const action: Record<string, () => void> = {
        j: () => h.move(1),
        k: () => h.move(-1),
        d: h.done,
        s: h.snooze,
        e: h.draft,
        Enter: h.open,
      };
      const run = action[event.key];
      // Enter on a focused link or button does what it says, not what the selection does.
      if (!run || (event.key === 'Enter' && isActionable(event.target))) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
