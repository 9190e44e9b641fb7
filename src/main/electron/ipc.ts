// Binds the API contract to ipcMain on one channel, so adding a contract method needs no IPC code. Every call
// is answered with a Result value: a foreign frame, an unknown method or a malformed call is refused the same
// way a service error is reported, and nothing ever rejects into the renderer with a raw Error.
// Written against small structural interfaces so the tests drive it with fakes instead of Electron.
import fs from 'node:fs';
import path from 'node:path';
import { IPC_CHANNELS, type MenuCommand } from '../../shared/bridge';
import { isMethodName, type EventName, type EventPayload, type Result } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Api } from '../api/api';

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
  pickFiles(event: E): Promise<string[]>;
  /** Opens a built deck with the OS; refuses anything outside the decks folder. */
  openDeck(path: string): Promise<boolean>;
}

/** The desktop-only helpers that are not contract methods: they exist only where there is a native shell. */
export function bindHostCapabilities<E extends InvokeEventLike>(
  ipcMain: IpcMainLike<E>,
  isTrustedFrame: FrameCheck,
  capabilities: HostCapabilities<E>,
): () => void {
  ipcMain.handle(IPC_CHANNELS.pickFiles, async (event) => {
    if (!isTrustedFrame(event.senderFrame)) return [];
    const paths = await capabilities.pickFiles(event);
    return paths.filter((p) => typeof p === 'string');
  });
  ipcMain.handle(IPC_CHANNELS.openDeck, async (event, ...args) => {
    if (!isTrustedFrame(event.senderFrame) || typeof args[0] !== 'string') return false;
    return capabilities.openDeck(args[0]);
  });
  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.pickFiles);
    ipcMain.removeHandler(IPC_CHANNELS.openDeck);
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
