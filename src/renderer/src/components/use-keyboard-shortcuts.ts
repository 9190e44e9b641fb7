// The page's keyboard shortcuts (see shortcuts.ts). Plain keys are ignored while the CSM types in a field, so
// "/" or "g" in a search box is just a character; chords with ⌘/Ctrl work everywhere. Ctrl/⌘+K belongs to the
// command palette (Mantine Spotlight listens for it itself).
import { useEffect, useRef } from 'react';
import type { Route } from '../hooks/use-hash-route';
import { GO_TO, NUMBERED, SEARCH_BOX_ATTRIBUTE } from './shortcuts';

const SEQUENCE_MS = 1500;

// Inputs that take no text: after clicking a checkbox, a chip or a segmented control, the shortcuts still work.
const NOT_TEXT = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Focuses the screen's search box; on another screen, goes to the portfolio first and focuses it once shown. */
function focusSearch(navigate: (route: Route) => void) {
  const find = () => document.querySelector<HTMLInputElement>(`[${SEARCH_BOX_ATTRIBUTE}]`);
  const box = find();
  if (box) {
    box.focus();
    box.select();
    return;
  }
  navigate('portfolio');
  let tries = 0;
  const retry = () => {
    const next = find();
    if (next) next.focus();
    else if (++tries < 60) requestAnimationFrame(retry);
  };
  requestAnimationFrame(retry);
}

interface Handlers {
  navigate: (route: Route) => void;
  openHelp: () => void;
}

export function useKeyboardShortcuts({ navigate, openHelp }: Handlers) {
  // The latest handlers, read at key time: the listener is added once.
  const handlers = useRef({ navigate, openHelp });
  useEffect(() => {
    handlers.current = { navigate, openHelp };
  });

  useEffect(() => {
    let pendingG = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      const { navigate: go, openHelp: help } = handlers.current;
      const mod = event.metaKey || event.ctrlKey;
      if (mod && !event.altKey && !event.shiftKey && NUMBERED[event.key]) {
        event.preventDefault();
        go(NUMBERED[event.key]);
        return;
      }
      if (mod || event.altKey || isTyping(event.target)) return;
      // A modal (the palette, a confirmation) owns the keyboard while it is open.
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const key = event.key.toLowerCase();
      if (pendingG && Date.now() - pendingG < SEQUENCE_MS && GO_TO[key]) {
        pendingG = 0;
        event.preventDefault();
        go(GO_TO[key]);
        return;
      }
      pendingG = key === 'g' && !event.shiftKey ? Date.now() : 0;
      if (event.key === '/') {
        event.preventDefault();
        focusSearch(go);
      } else if (event.key === '?') {
        event.preventDefault();
        help();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
