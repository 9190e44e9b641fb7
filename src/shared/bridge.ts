// What the desktop preload puts on `window.bearing`: the contract's methods and events, plus the few things only
// the desktop host can do (a native file picker, a dropped file's path, menu commands). The renderer's typed
// client is written against this type; the preload object is checked with `satisfies BearingBridge`.
import type { EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result } from './contract';

/** The global the preload exposes; one name so the renderer and the preload cannot drift apart. */
export const BRIDGE_KEY = 'bearing';

/** IPC channel names shared by the preload and main (plain strings, so they cost nothing in either bundle). */
export const IPC_CHANNELS = {
  /** renderer -> main, invoke(method, input) -> Result */
  call: 'bearing:call',
  /** main -> renderer, (event, payload) */
  event: 'bearing:event',
  /** renderer -> main, invoke() -> string[] of chosen file paths */
  pickFiles: 'bearing:pick-files',
  /** renderer -> main, invoke(path) -> boolean: opens a built deck in the OS's default app */
  openDeck: 'bearing:open-deck',
  /** main -> renderer, (command) from the application menu */
  menuCommand: 'bearing:menu-command',
} as const;

/** What the application menu asks the page to do; the page decides how (open the import flow, settings...). */
export const MENU_COMMANDS = ['import', 'settings', 'help'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type Unsubscribe = () => void;

export interface BearingBridge {
  /** Calls a contract method in main; never rejects: failures come back as `{ ok: false, error }`. */
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
  /** Listens to one of the contract's events. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
  /** Opens the OS file dialog for usage/account CSVs; resolves to the chosen paths, empty when cancelled. */
  pickFiles(): Promise<string[]>;
  /** The path on disk of a file dropped on the window, so main reads it itself (big data never crosses IPC). */
  pathForFile(file: File): string;
  /** Opens a deck Bearing built (only files in its decks folder) in PowerPoint, Keynote or the PDF viewer. */
  openDeck(path: string): Promise<boolean>;
  /** Commands chosen in the application menu (File > Import…, Settings…, Help). */
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
}
