// Binds the API contract to ipcMain on one channel, so adding a contract method needs no IPC code. Every call
// is answered with a Result value: a foreign frame, an unknown method or a malformed call is refused the same
// way a service error is reported, and nothing ever rejects into the renderer with a raw Error.
// Written against small structural interfaces so the tests drive it with fakes instead of Electron.
import fs from 'node:fs';
import path from 'node:path';
import { IPC_CHANNELS, type MenuCommand, type PickedFile, type PickPurpose } from '../../shared/bridge';
import { isMethodName, type EventName, type EventPayload, type Result } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Api } from '../api/api';
import type { ChosenKind, FileHandles } from '../services/file-handles';

/** The part of Electron's WebFrameMain we rely on. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The part of Electron's IpcMainInvokeEvent we rely on. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

export type FrameCheck = (frame: FrameLike | null) => boolean;

export interface IpcMainLike<E extends InvokeEventLike = InvokeEventLike> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** The part of Electron's WebContents that receives pushed messages. */
export interface MessageTarget {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

function refusal(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Trusts only the top frame of the app's own page. A sub-frame or a page the window was navigated to must not
 * reach the store, even if it somehow shares the window (VS Code checks the sender frame the same way).
 */
export function trustedFrame(isAppUrl: (url: string) => boolean): FrameCheck {
  return (frame) => frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** One contract call from the renderer: checks who asks and what, then lets the API validate the input. */
export async function answerCall(
  api: Pick<Api, 'invoke'>,
  isTrustedFrame: FrameCheck,
  event: InvokeEventLike,
  args: unknown[],
): Promise<Result<unknown>> {
  if (!isTrustedFrame(event.senderFrame)) {
    return refusal('forbidden_sender', 'Bearing answers only its own window.');
  }
  const [method, input] = args;
  if (typeof method !== 'string' || args.length > 2) {
    return refusal('invalid_call', 'A call carries a method name and at most one input object.');
  }
  if (!isMethodName(method)) {
    return refusal('unknown_method', `Unknown method "${method.slice(0, 80)}".`);
  }
  try {
    return await api.invoke(method, input);
  } catch (error) {
    // api.invoke already turns service errors into values; this guards the transport against a bug there.
    return { ok: false, error: AppError.from(error).toJSON() };
  }
}

/** Serves every contract method on the one call channel; returns the undo for tests and shutdown. */
export function bindContract(ipcMain: IpcMainLike, api: Pick<Api, 'invoke'>, isTrustedFrame: FrameCheck): () => void {
  ipcMain.handle(IPC_CHANNELS.call, (event, ...args) => answerCall(api, isTrustedFrame, event, args));
  return () => ipcMain.removeHandler(IPC_CHANNELS.call);
}

export interface HostCapabilities<E extends InvokeEventLike> {
  /** Shows the OS open dialog for the window that asked; resolves to the chosen paths. */
  pickFiles(event: E, purpose: PickPurpose): Promise<string[]>;
  /** Shows the OS folder dialog for the window that asked; resolves to the chosen folder, null when cancelled. */
  pickFolder(event: E): Promise<string | null>;
  /** Opens a built deck with the OS; refuses anything outside the decks folder. */
  openDeck(path: string): Promise<boolean>;
  /**
   * Shows main's Save dialog for a built deck (a plain file name in the decks folder) and copies it where the CSM
   * chose; resolves to the path written, null when cancelled. Throws an AppError for a deck that is not there.
   */
  saveDeck(event: E, fileName: string): Promise<string | null>;
  /** Where what the CSM chose is registered: the page gets a handle for each, never a path back or forth. */
  files: Pick<FileHandles, 'add'>;
}

function pickedFile(files: Pick<FileHandles, 'add'>, file: string, kind: ChosenKind): PickedFile {
  const name = path.basename(file);
  try {
    return { name, result: { ok: true, value: files.add(file, { kind }) } };
  } catch (error) {
    return { name, result: { ok: false, error: AppError.from(error).toJSON() } };
  }
}

/**
 * The desktop-only helpers that are not contract methods: they exist only where there is a native shell. The
 * dialogs are main's own, so what they return is what the CSM chose. A drop is the one path that comes from the
 * page's side: the sandboxed preload reads it from the dropped File (webUtils; a page cannot make up a File with
 * a path), and main still registers only an existing regular file that is not a symbolic link.
 */
export function bindHostCapabilities<E extends InvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  isTrustedFrame: FrameCheck,
  capabilities: HostCapabilities<E>,
): () => void {
  const { files } = capabilities;
  ipcMain.handle(IPC_CHANNELS.pickFiles, async (event, ...args) => {
    if (!isTrustedFrame(event.senderFrame)) return [];
    const purpose: PickPurpose = args[0] === 'logo' ? 'logo' : 'import';
    const paths = await capabilities.pickFiles(event, purpose);
    return paths.filter((p) => typeof p === 'string').map((p) => pickedFile(files, p, 'file'));
  });
  ipcMain.handle(IPC_CHANNELS.pickFolder, async (event) => {
    if (!isTrustedFrame(event.senderFrame)) return null;
    const folder = await capabilities.pickFolder(event);
    return typeof folder === 'string' ? pickedFile(files, folder, 'folder') : null;
  });
  ipcMain.handle(IPC_CHANNELS.dropFile, (event, ...args) => {
    const file = args[0];
    if (!isTrustedFrame(event.senderFrame) || typeof file !== 'string' || args.length !== 1) {
      return { name: '', result: refusal('forbidden_sender', 'Bearing takes dropped files only from its own window.') } satisfies PickedFile;
    }
    return pickedFile(files, file, 'file');
  });
  ipcMain.handle(IPC_CHANNELS.openDeck, async (event, ...args) => {
    if (!isTrustedFrame(event.senderFrame) || typeof args[0] !== 'string') return false;
    return capabilities.openDeck(args[0]);
  });
  ipcMain.handle(IPC_CHANNELS.saveDeck, async (event, ...args): Promise<Result<{ fileName: string }> | null> => {
    const name = args[0];
    if (!isTrustedFrame(event.senderFrame)) return refusal('forbidden_sender', 'Bearing answers only its own window.');
    // Only the name of a deck Bearing built: no folder, no way out of the decks folder.
    if (typeof name !== 'string' || args.length !== 1 || path.basename(name) !== name || !/\.(pptx|pdf)$/i.test(name) || name.startsWith('.')) {
      return refusal('invalid_deck', 'Only a deck Bearing built can be saved from here.');
    }
    try {
      const saved = await capabilities.saveDeck(event, name);
      return saved === null ? null : { ok: true, value: { fileName: path.basename(saved) } };
    } catch (error) {
      return { ok: false, error: AppError.from(error).toJSON() };
    }
  });
  return () => {
    for (const channel of [IPC_CHANNELS.pickFiles, IPC_CHANNELS.pickFolder, IPC_CHANNELS.dropFile, IPC_CHANNELS.openDeck, IPC_CHANNELS.saveDeck]) {
      ipcMain.removeHandler(channel);
    }
  };
}

/** True when `file` lies inside `folder` once both are resolved (no `..` escape). */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * The real path of `file` when it is a file that lies inside `folder` once symlinks are followed on both sides,
 * else null. A lexical check alone lets a link inside the folder (decks/x.pptx -> ~/.ssh/id_rsa) reach any file,
 * and a folder reached through a link (a data folder under a symlinked home) would refuse every real deck. The
 * caller opens the real path it gets back, not the name it was given.
 */
export function realFileInside(folder: string, file: string): string | null {
  try {
    const realFolder = fs.realpathSync(folder);
    const realFile = fs.realpathSync(file);
    return isInside(realFolder, realFile) && fs.statSync(realFile).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

/** Pushes the API's events (which tables changed) to one window until it closes or the returned undo runs. */
export function forwardEvents(api: Pick<Api, 'subscribe'>, target: MessageTarget): () => void {
  const unsubscribe = api.subscribe(<E extends EventName>(event: E, payload: EventPayload<E>) => {
    if (target.isDestroyed()) {
      unsubscribe();
      return;
    }
    target.send(IPC_CHANNELS.event, event, payload);
  });
  return unsubscribe;
}

export function sendMenuCommand(target: MessageTarget | null | undefined, command: MenuCommand): void {
  if (target && !target.isDestroyed()) target.send(IPC_CHANNELS.menuCommand, command);
}
