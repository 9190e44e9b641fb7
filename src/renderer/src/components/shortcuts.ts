// The keyboard shortcuts, listed once: the help modal ("?") shows this list and the key handler follows it, so
// what the CSM reads is what the keys do. "mod" is ⌘ on macOS and Ctrl elsewhere, as each OS expects.
import type { Route } from '../hooks/use-hash-route';

export interface Shortcut {
  /** Key chords as shown, each chord's keys separated by "+", alternatives as separate entries. */
  keys: string[][];
  description: string;
  /** The desktop app's menu handles these (File › Import…, Settings…); the page only lists them. */
  desktopOnly?: boolean;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = IS_MAC ? '⌘' : 'Ctrl';

export const SHORTCUTS: Shortcut[] = [
  { keys: [[MOD, 'K']], description: 'Jump to an account or run a command' },
  { keys: [['G', 'H'], [MOD, '1']], description: 'Go to Today (Home)' },
  { keys: [['G', 'P'], [MOD, '2']], description: 'Go to the portfolio' },
  { keys: [['G', 'I'], [MOD, '3']], description: 'Go to Import' },
  { keys: [['G', 'S'], [MOD, '4']], description: 'Go to Settings' },
  { keys: [['/']], description: 'Search the portfolio' },
  { keys: [['↓'], ['↑']], description: 'Move through the portfolio table; Enter opens the highlighted account' },
  { keys: [['1–5']], description: 'Switch an account’s tabs (1 Overview … 5 Success plan)' },
  { keys: [['?']], description: 'Show these shortcuts' },
  { keys: [['Esc']], description: 'Close a dialog or leave the search box' },
  { keys: [[MOD, 'O']], description: 'Import… (desktop app menu)', desktopOnly: true },
  { keys: [[MOD, ',']], description: 'Settings (desktop app menu)', desktopOnly: true },
];

/** Marks the screen's search box, the one "/" focuses. */
export const SEARCH_BOX_ATTRIBUTE = 'data-search-box';

/** "g" then a letter: a sequence, as in Gmail or GitHub, so single letters stay free for typing. */
export const GO_TO: Record<string, Route> = { h: 'home', p: 'portfolio', i: 'import', s: 'settings' };
/** mod+1…4, in the navbar's order (Today, Portfolio, Import, Settings). */
export const NUMBERED: Record<string, Route> = { '1': 'home', '2': 'portfolio', '3': 'import', '4': 'settings' };
