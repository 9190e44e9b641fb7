// The desktop shell's wiring, driven with fakes: no Electron runtime exists on the build machines, and importing
// the real 'electron' package there starts a download that fails. vi.mock('electron', factory) below never
// loads the real package; only the preload test needs it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend, type Backend } from '../../src/main/app/backend';
import { openApp } from '../../src/main/app/recovery';
import type { Api } from '../../src/main/api/api';
import {
  answerCall,
  bindContract,
  bindHostCapabilities,
  isInside,
  forwardEvents,
  sendMenuCommand,
  trustedFrame,
  type FrameLike,
  type InvokeEventLike,
  type IpcMainLike,
  type MessageTarget,
} from '../../src/main/electron/ipc';
import { menuTemplate, type MenuItemTemplate } from '../../src/main/electron/menu';
import {
  appUrlMatcher,
  applyContentSecurityPolicy,
  denyPermissions,
  secureWebPreferences,
  type SessionLike,
} from '../../src/main/electron/security';
import { IPC_CHANNELS, type BearingBridge, type MenuCommand, type PickedFile } from '../../src/shared/bridge';
import { FileHandles } from '../../src/main/services/file-handles';
import { eventNames, methodNames, type MethodName, type Result } from '../../src/shared/contract';
import { CONTENT_SECURITY_POLICY_HEADER as CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { tempDir } from '../helpers/backend';

const fakeElectron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return { exposed };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const renderer = new Emitter();
  return {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => fakeElectron.exposed.set(key, value) },
    ipcRenderer: Object.assign(renderer, {
      invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
    }),
    webUtils: { getPathForFile: (file: { name: string }) => `/home/csm/Downloads/${file.name}` },
  };
});

const APP_URL = 'file:///opt/Bearing/resources/app/out/renderer/index.html';
const isAppUrl = appUrlMatcher(APP_URL);
const isTrusted = trustedFrame(isAppUrl);
const appFrame: FrameLike = { url: `${APP_URL}#/accounts/3`, parent: null };
const fromApp: InvokeEventLike = { senderFrame: appFrame };

type Listener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipc, handlers };
}

function fakeApi(): Pick<Api, 'invoke'> & { calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  return {
    calls,
    invoke: async (method, input) => {
      calls.push([method, input]);
      return { ok: true, value: null };
    },
  };
}

function fakeTarget(): MessageTarget & { sent: unknown[][]; destroyed: boolean } {
  const target = {
    sent: [] as unknown[][],
    destroyed: false,
    send: (channel: string, ...args: unknown[]) => void target.sent.push([channel, ...args]),
    isDestroyed: () => target.destroyed,
  };
  return target;
}

let backend: Backend | undefined;
afterEach(() => {
  backend?.close();
  backend = undefined;
});

describe('binding the contract to ipcMain', () => {
  it('serves every contract method on the one call channel', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const api = fakeApi();
    const unbind = bindContract(ipc, api, isTrusted);
    expect([...handlers.keys()]).toEqual([IPC_CHANNELS.call]);
    const handler = handlers.get(IPC_CHANNELS.call)!;
    for (const method of methodNames) await handler(fromApp, method, {});
    expect(api.calls.map(([method]) => method)).toEqual(methodNames);
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('refuses a call from a frame that is not the app page, as an error value', async () => {
    const api = fakeApi();
    const foreign: FrameLike[] = [
      { url: 'https://evil.example/index.html', parent: null },
      { url: 'file:///tmp/downloaded.html', parent: null },
      // The app's URL inside an iframe is still not the app's own frame.
      { url: APP_URL, parent: appFrame },
    ];
    for (const senderFrame of foreign) {
      expect(await answerCall(api, isTrusted, { senderFrame }, ['app.info', {}])).toMatchObject({
        ok: false,
        error: { code: 'forbidden_sender' },
      });
    }
    expect(await answerCall(api, isTrusted, { senderFrame: null }, ['app.info', {}])).toMatchObject({ ok: false });
    expect(api.calls).toEqual([]);
  });

  it('refuses unknown methods and malformed calls without throwing', async () => {
    const api = fakeApi();
    const refused = async (args: unknown[]) => (await answerCall(api, isTrusted, fromApp, args)) as Result<unknown>;
    expect(await refused(['accounts.drop', {}])).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await refused(['__proto__', {}])).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await refused([42, {}])).toMatchObject({ ok: false, error: { code: 'invalid_call' } });
    expect(await refused([])).toMatchObject({ ok: false, error: { code: 'invalid_call' } });
    expect(await refused(['app.info', {}, 'extra'])).toMatchObject({ ok: false, error: { code: 'invalid_call' } });
    expect(api.calls).toEqual([]);
  });

  it('turns an API that throws into an error value', async () => {
    const api: Pick<Api, 'invoke'> = { invoke: () => Promise.reject(new Error('boom')) };
    expect(await answerCall(api, isTrusted, fromApp, ['app.info', {}])).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('reaches a real backend, which validates the input', async () => {
    backend = openBackend({ host: 'electron', dataDir: tempDir('bearing-electron-') });
    const { ipc, handlers } = fakeIpcMain();
    bindContract(ipc, backend.api, isTrusted);
    const call = handlers.get(IPC_CHANNELS.call)!;
    expect(await call(fromApp, 'app.info', {})).toMatchObject({ ok: true, value: { host: 'electron' } });
    expect(await call(fromApp, 'accounts.get', { id: 'seven' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('binds the app in recovery as the shell does (openApp): app.status answers, the rest says why, and a restore switches to the book', async () => {
    // The shell binds openApp's stable API once; a database that cannot be opened must not stop the window.
    const dataDir = tempDir('bearing-electron-');
    openBackend({ host: 'electron', dataDir }).close();
    const backupsDir = path.join(dataDir, 'backups');
    const first = openBackend({ host: 'electron', dataDir });
    const backup = await first.api.invoke('backup.create', {});
    first.close();
    fs.writeFileSync(path.join(dataDir, 'bearing.sqlite'), 'not a database at all, but more than a hundred bytes long '.repeat(4));
    const handle = openApp({ host: 'electron', dataDir });
    const { ipc, handlers } = fakeIpcMain();
    bindContract(ipc, handle.api, isTrusted);
    const target = fakeTarget();
    const stop = forwardEvents(handle.api, target);
    const call = handlers.get(IPC_CHANNELS.call)!;
    expect(await call(fromApp, 'app.status', {})).toMatchObject({ ok: true, value: { state: 'recovery', problem: { code: 'not_a_database' } } });
    expect(await call(fromApp, 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'not_a_database' } });
    const file = (backup as { value: { file: string } }).value.file;
    expect(fs.readdirSync(backupsDir)).toContain(file);
    expect(await call(fromApp, 'app.recover', { file })).toMatchObject({ ok: true });
    expect(await call(fromApp, 'app.status', {})).toEqual({ ok: true, value: { state: 'ready' } });
    expect(await call(fromApp, 'app.info', {})).toMatchObject({ ok: true, value: { host: 'electron' } });
    // The window hears the change that makes it refetch everything.
    expect(target.sent.some(([, event]) => event === 'changed')).toBe(true);
    stop();
    handle.close();
  });

  it('forwards API events to the window until it closes', () => {
    backend = openBackend({ host: 'electron', dataDir: tempDir('bearing-electron-') });
    const target = fakeTarget();
    const stop = forwardEvents(backend.api, target);
    backend.api.emit('changed', { tables: ['accounts'] });
    expect(target.sent).toEqual([[IPC_CHANNELS.event, 'changed', { tables: ['accounts'] }]]);
    target.destroyed = true;
    backend.api.emit('changed', { tables: ['usage'] });
    expect(target.sent).toHaveLength(1);
    stop();
  });

  it('serves the file and folder pickers only to the app frame, answering handles, never paths', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const dir = tempDir('bearing-picked-');
    const usage = path.join(dir, 'usage.csv');
    fs.writeFileSync(usage, 'a,b\n1,2\n');
    fs.symlinkSync('/etc/passwd', path.join(dir, 'passwd.csv'));
    const files = new FileHandles();
    const pickFiles = vi.fn(async () => [usage, path.join(dir, 'passwd.csv')]);
    bindHostCapabilities(ipc, isTrusted, { pickFiles, pickFolder: async () => dir, openDeck: async () => false, saveDeck: async () => null, files });
    const pick = handlers.get(IPC_CHANNELS.pickFiles)!;
    expect(await pick({ senderFrame: { url: 'https://evil.example/', parent: null } })).toEqual([]);
    expect(pickFiles).not.toHaveBeenCalled();
    const picked = (await pick(fromApp, 'import')) as PickedFile[];
    expect(picked).toEqual([
      { name: 'usage.csv', result: { ok: true, value: { file: expect.stringMatching(/^fh_/), name: 'usage.csv', sizeBytes: 8 } } },
      { name: 'passwd.csv', result: { ok: false, error: expect.objectContaining({ code: 'symlink_refused' }) } },
    ]);
    expect(JSON.stringify(picked)).not.toContain(dir);
    const chosen = picked[0].result;
    expect(chosen.ok && files.resolve(chosen.value.file).path).toBe(fs.realpathSync(usage));
    const folder = (await handlers.get(IPC_CHANNELS.pickFolder)!(fromApp)) as PickedFile;
    expect(folder.result.ok && files.resolve(folder.result.value.file, 'folder').path).toBe(fs.realpathSync(dir));
    expect(await handlers.get(IPC_CHANNELS.pickFolder)!({ senderFrame: { url: 'https://evil.example/', parent: null } })).toBeNull();
  });

  it('registers a dropped file only from the app frame, and never a link', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const dir = tempDir('bearing-dropped-');
    fs.writeFileSync(path.join(dir, 'usage.csv'), 'a\n1\n');
    fs.symlinkSync('/etc/passwd', path.join(dir, 'link.csv'));
    bindHostCapabilities(ipc, isTrusted, { pickFiles: async () => [], pickFolder: async () => null, openDeck: async () => false, saveDeck: async () => null, files: new FileHandles() });
    const drop = handlers.get(IPC_CHANNELS.dropFile)!;
    expect(await drop(fromApp, path.join(dir, 'usage.csv'))).toMatchObject({ name: 'usage.csv', result: { ok: true } });
    expect(await drop(fromApp, path.join(dir, 'link.csv'))).toMatchObject({ result: { ok: false, error: { code: 'symlink_refused' } } });
    expect(await drop(fromApp, 'relative.csv')).toMatchObject({ result: { ok: false } });
    expect(await drop(fromApp, 42)).toMatchObject({ result: { ok: false, error: { code: 'forbidden_sender' } } });
    expect(await drop({ senderFrame: { url: 'https://evil.example/', parent: null } }, path.join(dir, 'usage.csv'))).toMatchObject({
      result: { ok: false, error: { code: 'forbidden_sender' } },
    });
  });

  it('saves a copy of a built deck through main’s Save dialog, taking only a deck’s file name from the page', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const asked: string[] = [];
    bindHostCapabilities(ipc, isTrusted, {
      pickFiles: async () => [],
      pickFolder: async () => null,
      openDeck: async () => false,
      files: new FileHandles(),
      saveDeck: async (_event, name) => (asked.push(name), name.startsWith('Cancel') ? null : `/home/csm/Documents/${name}`),
    });
    const save = handlers.get(IPC_CHANNELS.saveDeck)!;
    expect(await save(fromApp, 'Acme QBR 2026Q3.pptx')).toEqual({ ok: true, value: { fileName: 'Acme QBR 2026Q3.pptx' } });
    expect(await save(fromApp, 'Cancelled QBR 2026Q3.pdf')).toBeNull();
    for (const bad of ['/etc/passwd', '../bearing.sqlite', 'sub/Acme.pptx', 'notes.txt', '.hidden.pdf', 42]) {
      expect(await save(fromApp, bad), String(bad)).toMatchObject({ ok: false, error: { code: 'invalid_deck' } });
    }
    expect(await save({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'Acme QBR 2026Q3.pptx')).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
    expect(asked).toEqual(['Acme QBR 2026Q3.pptx', 'Cancelled QBR 2026Q3.pdf']);
  });

  it('opens built decks only for the app frame, and only inside the decks folder (symlinks: electron-navigation.test)', async () => {
    const { ipc, handlers } = fakeIpcMain();
    const opened: string[] = [];
    const decks = '/data/Bearing/decks';
    bindHostCapabilities(ipc, isTrusted, {
      pickFiles: async () => [],
      pickFolder: async () => null,
      saveDeck: async () => null,
      files: new FileHandles(),
      openDeck: async (file) => isInside(decks, file) && opened.push(file) > 0,
    });
    const open = handlers.get(IPC_CHANNELS.openDeck)!;
    expect(await open({ senderFrame: { url: 'https://evil.example/', parent: null } }, `${decks}/a.pptx`)).toBe(false);
    expect(await open(fromApp, 42)).toBe(false);
    expect(await open(fromApp, `${decks}/../bearing.sqlite`)).toBe(false);
    expect(await open(fromApp, '/etc/passwd')).toBe(false);
    expect(await open(fromApp, `${decks}/Acme QBR 2026Q3.pptx`)).toBe(true);
    expect(opened).toEqual([`${decks}/Acme QBR 2026Q3.pptx`]);
  });

  it('sends menu commands only to a live window', () => {
    const target = fakeTarget();
    sendMenuCommand(target, 'import');
    target.destroyed = true;
    sendMenuCommand(target, 'settings');
    sendMenuCommand(null, 'help');
    expect(target.sent).toEqual([[IPC_CHANNELS.menuCommand, 'import']]);
  });
});

describe('window security', () => {
  it('isolates and sandboxes the page, without Node', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('recognises the app page by file, or by origin for the dev server', () => {
    expect(isAppUrl(`${APP_URL}?x=1#/import`)).toBe(true);
    expect(isAppUrl('file:///opt/Bearing/other.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    const dev = appUrlMatcher('http://localhost:5173/');
    expect(dev('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
  });

  function fakeSession() {
    const recorded: {
      headers?: SessionLike['webRequest']['onHeadersReceived'] extends (l: infer L) => void ? L : never;
      request?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
      check?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
    } = {};
    const session: SessionLike = {
      webRequest: { onHeadersReceived: (listener) => void (recorded.headers = listener) },
      setPermissionRequestHandler: (handler) => void (recorded.request = handler),
      setPermissionCheckHandler: (handler) => void (recorded.check = handler),
    };
    return { session, recorded };
  }

  it('sets the CSP header on every response, replacing any other', () => {
    const { session, recorded } = fakeSession();
    applyContentSecurityPolicy(session);
    const callback = vi.fn();
    recorded.headers!({ responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('denies permission requests (camera, location, notifications...)', () => {
    const { session, recorded } = fakeSession();
    denyPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const granted = vi.fn();
      recorded.request!(null, permission, granted);
      expect(granted).toHaveBeenCalledWith(false);
      expect(recorded.check!(null, permission)).toBe(false);
    }
  });
});

describe('the application menu', () => {
  const roles = (items: MenuItemTemplate[]): string[] =>
    items.flatMap((item) => [...(item.role ? [item.role] : []), ...roles(item.submenu ?? [])]);
  const find = (items: MenuItemTemplate[], label: string) => items.find((item) => item.label === label);

  it('follows macOS conventions: app menu first, Window with Bring All to Front', () => {
    const send = vi.fn<(command: MenuCommand) => void>();
    const menu = menuTemplate('darwin', send);
    expect(menu.map((m) => m.label)).toEqual(['Bearing', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles([menu[0]])).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles([find(menu, 'Window')!])).toContain('front');
    expect(roles([find(menu, 'Edit')!])).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll']),
    );
    find(menu, 'File')!.submenu!.find((item) => item.label === 'Import…')!.click!();
    expect(send).toHaveBeenCalledWith('import');
  });

  it('follows Linux and Windows conventions: Quit in File, About in Help, no app menu', () => {
    const menu = menuTemplate('linux', vi.fn());
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles([find(menu, 'File')!])).toContain('quit');
    expect(roles([find(menu, 'Help')!])).toContain('about');
    expect(roles(menu)).not.toContain('services');
    expect(roles(menu)).not.toContain('pasteAndMatchStyle');
  });

  it('offers reload and developer tools only in development', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      expect(roles(menuTemplate(platform, vi.fn()))).not.toContain('toggleDevTools');
      expect(roles(menuTemplate(platform, vi.fn()))).toContain('togglefullscreen');
      expect(roles(menuTemplate(platform, vi.fn(), { dev: true }))).toEqual(
        expect.arrayContaining(['reload', 'toggleDevTools', 'togglefullscreen']),
      );
    }
  });
});

describe('the preload bridge', () => {
  async function loadBridge() {
    await import('../../src/preload/index');
    const electron = await import('electron');
    const bridge = fakeElectron.exposed.get('bearing') as BearingBridge;
    return { bridge, ipcRenderer: vi.mocked(electron.ipcRenderer) };
  }

  it('exposes exactly the contract and the host capabilities, under window.bearing', async () => {
    const { bridge } = await loadBridge();
    expect([...fakeElectron.exposed.keys()]).toEqual(['bearing']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'dropFile', 'on', 'onMenuCommand', 'openDeck', 'pickFiles', 'pickFolder', 'saveDeck']);
  });

  it('forwards contract method calls, and refuses other names before they reach IPC', async () => {
    const { bridge, ipcRenderer } = await loadBridge();
    ipcRenderer.invoke.mockClear();
    for (const method of methodNames) await bridge.call(method, {} as never);
    expect(ipcRenderer.invoke.mock.calls).toEqual(methodNames.map((m) => [IPC_CHANNELS.call, m, {}]));
    ipcRenderer.invoke.mockClear();
    expect(await bridge.call('fs.readFile' as MethodName, {} as never)).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
    ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    expect(await bridge.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'ipc_failed' } });
  });

  it('subscribes only to contract events, and unsubscribes', async () => {
    const { bridge, ipcRenderer } = await loadBridge();
    expect(eventNames).toContain('changed');
    const listener = vi.fn();
    const off = bridge.on('changed', listener);
    ipcRenderer.emit(IPC_CHANNELS.event, {}, 'changed', { tables: ['accounts'] });
    off();
    ipcRenderer.emit(IPC_CHANNELS.event, {}, 'changed', { tables: ['usage'] });
    expect(listener.mock.calls).toEqual([[{ tables: ['accounts'] }]]);
    expect(() => bridge.on('secrets' as 'changed', vi.fn())).toThrow(/Unknown event/);
  });

  it('gives menu commands, dropped and picked files (as main answers them) to the page', async () => {
    const { bridge, ipcRenderer } = await loadBridge();
    const commands = vi.fn();
    const off = bridge.onMenuCommand(commands);
    ipcRenderer.emit(IPC_CHANNELS.menuCommand, {}, 'import');
    ipcRenderer.emit(IPC_CHANNELS.menuCommand, {}, 'format-disk');
    off();
    expect(commands.mock.calls).toEqual([['import']]);
    const handle = { name: 'usage.csv', result: { ok: true, value: { file: `fh_${'x'.repeat(32)}`, name: 'usage.csv', sizeBytes: 3 } } };
    ipcRenderer.invoke.mockClear();
    ipcRenderer.invoke.mockResolvedValueOnce(handle);
    // The path is read in the preload and goes to main only; the page gets the handle back.
    expect(await bridge.dropFile(new File(['a,b'], 'usage.csv'))).toEqual(handle);
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNELS.dropFile, '/home/csm/Downloads/usage.csv');
    ipcRenderer.invoke.mockResolvedValueOnce([handle, '/home/csm/a.csv', 42]);
    expect(await bridge.pickFiles()).toEqual([handle]);
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith(IPC_CHANNELS.pickFiles, 'import');
    ipcRenderer.invoke.mockResolvedValueOnce('/home/csm');
    expect(await bridge.pickFolder()).toBeNull();
  });
});
