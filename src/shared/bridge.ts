// What the desktop preload puts on `window.bearing`: the contract's methods and events, plus the few things only
// the desktop host can do (the native file and folder pickers, handing main a dropped file, menu commands). The
// page never sees or sends a path: main answers each chosen or dropped file with a handle (issue #13). The renderer's typed
// client is written against this type; the preload object is checked with `satisfies BearingBridge`.
import type { ChosenFile, EventName, EventPayload, MethodInput, MethodName, MethodOutput, Result } from './contract';

/** The global the preload exposes; one name so the renderer and the preload cannot drift apart. */
export const BRIDGE_KEY = 'bearing';

/** IPC channel names shared by the preload and main (plain strings, so they cost nothing in either bundle). */
export const IPC_CHANNELS = {
  /** renderer -> main, invoke(method, input) -> Result */
  call: 'bearing:call',
  /** main -> renderer, (event, payload) */
  event: 'bearing:event',
  /** renderer -> main, invoke(purpose) -> PickedFile[] for the files chosen in the OS open dialog */
  pickFiles: 'bearing:pick-files',
  /** renderer -> main, invoke() -> PickedFile | null for the folder chosen in the OS folder dialog */
  pickFolder: 'bearing:pick-folder',
  /** renderer (preload) -> main, invoke(path of a dropped File) -> PickedFile */
  dropFile: 'bearing:drop-file',
  /** renderer -> main, invoke(fileName of a built deck) -> Result<{ fileName }> | null: main's Save dialog, then a copy */
  saveDeck: 'bearing:save-deck',
  /** renderer -> main, invoke(path) -> boolean: opens a built deck in the OS's default app */
  openDeck: 'bearing:open-deck',
  /** main -> renderer, (command) from the application menu */
  menuCommand: 'bearing:menu-command',
} as const;

/** What the application menu asks the page to do; the page decides how (open the import flow, settings...). */
export const MENU_COMMANDS = ['import', 'settings', 'help'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export type Unsubscribe = () => void;

/** What the OS dialog is for: CSVs to import, or the deck's logo (a PNG or JPEG). */
export type PickPurpose = 'import' | 'logo';

/** One file or folder the CSM chose: its handle, or why main refused it (a symbolic link, not a file...). */
export interface PickedFile {
  name: string;
  result: Result<ChosenFile>;
}

export interface BearingBridge {
  /** Calls a contract method in main; never rejects: failures come back as `{ ok: false, error }`. */
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>>;
  /** Listens to one of the contract's events. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe;
  /** Opens the OS open dialog (CSVs, or one image for the logo); resolves to the chosen files, empty when cancelled. */
  pickFiles(purpose?: PickPurpose): Promise<PickedFile[]>;
  /** Opens the OS folder dialog (a watched folder); null when cancelled. */
  pickFolder(): Promise<PickedFile | null>;
  /** Hands main a file dropped on the window; main reads it where it is (big data never crosses IPC). */
  dropFile(file: File): Promise<PickedFile>;
  /**
   * Saves a copy of a built deck (by its file name in the decks folder) where the CSM chooses in main's own Save
   * dialog; resolves to the name it was saved under, or null when the dialog was cancelled.
   */
  saveDeck(fileName: string): Promise<Result<{ fileName: string }> | null>;
  /** Opens a deck Bearing built (only files in its decks folder) in PowerPoint, Keynote or the PDF viewer. */
  openDeck(path: string): Promise<boolean>;
  /** Commands chosen in the application menu (File > Import…, Settings…, Help). */
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
}
