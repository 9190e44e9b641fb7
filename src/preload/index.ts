// The sandboxed preload: puts exactly the contract (its methods and events) and the desktop host's few
// capabilities on `window.bearing`, and nothing of Electron or Node itself. Names are checked here as well as
// in main so a typo fails at the caller, and so the page can never use the bridge as a generic IPC pipe.
// A sandboxed preload can require only 'electron'; electron-vite bundles everything else into index.cjs.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_CHANNELS, MENU_COMMANDS, type BearingBridge, type MenuCommand, type PickedFile, type PickPurpose } from '../shared/bridge';
import {
  eventNames,
  isMethodName,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
} from '../shared/contract';

function refused(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function isEventName(value: unknown): value is EventName {
  return eventNames.some((name) => name === value);
}

function isPickedFile(value: unknown): value is PickedFile {
  if (typeof value !== 'object' || value === null) return false;
  const { name, result } = value as { name?: unknown; result?: unknown };
  return typeof name === 'string' && typeof result === 'object' && result !== null && typeof (result as { ok?: unknown }).ok === 'boolean';
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return MENU_COMMANDS.some((command) => command === value);
}

const bridge = {
  call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
    if (!isMethodName(method)) {
      return Promise.resolve(refused('unknown_method', `Unknown method "${String(method).slice(0, 80)}".`));
    }
    return ipcRenderer.invoke(IPC_CHANNELS.call, method, input).then(
      // Main validated this answer against the contract's output schema before sending it.
      (result: Result<MethodOutput<K>>) => result,
      (error: unknown) =>
        refused('ipc_failed', `The window lost contact with Bearing: ${error instanceof Error ? error.message : String(error)}`),
    );
  },

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!isEventName(event)) throw new TypeError(`Unknown event "${String(event)}".`);
    // The IPC event object is not passed on: it would hand the page a handle on Electron internals.
    const handler = (_event: IpcRendererEvent, name: unknown, payload: EventPayload<E>) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_CHANNELS.event, handler);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, handler);
    };
  },

  async pickFiles(purpose: PickPurpose = 'import'): Promise<PickedFile[]> {
    const picked: unknown = await ipcRenderer.invoke(IPC_CHANNELS.pickFiles, purpose === 'logo' ? 'logo' : 'import').catch(() => []);
    return Array.isArray(picked) ? picked.filter(isPickedFile) : [];
  },

  async pickFolder(): Promise<PickedFile | null> {
    const picked: unknown = await ipcRenderer.invoke(IPC_CHANNELS.pickFolder).catch(() => null);
    return isPickedFile(picked) ? picked : null;
  },

  async dropFile(file: File): Promise<PickedFile> {
    // The path stays in the preload: the page hands over the File it was given and gets a handle back.
    const path = file instanceof File ? webUtils.getPathForFile(file) : '';
    if (!path) return { name: String((file as { name?: unknown }).name ?? ''), result: refused('not_a_file', 'Only a file from this computer can be dropped here.') };
    const picked: unknown = await ipcRenderer
      .invoke(IPC_CHANNELS.dropFile, path)
      .catch((error: unknown) => ({ name: file.name, result: refused('ipc_failed', `The window lost contact with Bearing: ${String(error)}`) }));
    return isPickedFile(picked) ? picked : { name: file.name, result: refused('ipc_failed', 'Bearing gave no answer for this file.') };
  },

  async saveDeck(fileName: string): Promise<Result<{ fileName: string }> | null> {
    if (typeof fileName !== 'string') return refused('invalid_deck', 'Only a deck Bearing built can be saved from here.');
    const saved: unknown = await ipcRenderer
      .invoke(IPC_CHANNELS.saveDeck, fileName)
      .catch((error: unknown) => refused('ipc_failed', `The window lost contact with Bearing: ${String(error)}`));
    if (saved === null) return null;
    const ok = typeof saved === 'object' && typeof (saved as { ok?: unknown }).ok === 'boolean';
    return ok ? (saved as Result<{ fileName: string }>) : refused('ipc_failed', 'Bearing gave no answer for this deck.');
  },

  async openDeck(path: string): Promise<boolean> {
    if (typeof path !== 'string') return false;
    return (await ipcRenderer.invoke(IPC_CHANNELS.openDeck, path).catch(() => false)) === true;
  },

  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command);
    };
    ipcRenderer.on(IPC_CHANNELS.menuCommand, handler);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.menuCommand, handler);
    };
  },
} satisfies BearingBridge;

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
