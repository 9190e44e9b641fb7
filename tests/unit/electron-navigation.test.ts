// The desktop shell's guards that need no Electron runtime to check (none exists on the build machines): where
// the window may navigate, what a packaged app takes from the environment, and which files "open deck" reaches.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { devOverrides } from '../../src/main/electron/dev-overrides';
import { bindHostCapabilities, realFileInside, trustedFrame, type InvokeEventLike, type IpcMainLike } from '../../src/main/electron/ipc';
import {
  appUrlMatcher,
  hardenWebContents,
  type FrameNavigationEventLike,
  type NavigationEventLike,
  type WebContentsLike,
} from '../../src/main/electron/security';
import { FileHandles } from '../../src/main/services/file-handles';
import { IPC_CHANNELS } from '../../src/shared/bridge';
import { tempDir } from '../helpers/backend';

const APP_URL = 'file:///opt/Bearing/resources/app.asar/out/renderer/index.html';
const isAppUrl = appUrlMatcher(APP_URL);

/** Emits navigations the way Electron's navigation throttle does: will-frame-navigate for every frame first,
 * then will-navigate for the main frame only, and only if the first was not refused. */
function fakeWebContents() {
  type Listener = (event: NavigationEventLike, url: string) => void;
  const listeners = new Map<string, Listener>();
  let frameListener: ((event: FrameNavigationEventLike) => void) | undefined;
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(event: string, listener: Listener | ((event: FrameNavigationEventLike) => void)) {
      if (event === 'will-frame-navigate') frameListener = listener as (event: FrameNavigationEventLike) => void;
      else listeners.set(event, listener as Listener);
    },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: 'deny' }) => void (openHandler = handler),
  } satisfies WebContentsLike;
  const emit = (name: string, url = '') => {
    const event = { preventDefault: vi.fn() };
    listeners.get(name)?.(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  /** One renderer-initiated navigation; true when it was refused. */
  const navigateFrame = (url: string, isMainFrame: boolean) => {
    const event = { url, isMainFrame, isSameDocument: false, preventDefault: vi.fn() };
    frameListener?.(event);
    if (event.preventDefault.mock.calls.length > 0) return true;
    return isMainFrame ? emit('will-navigate', url) : false;
  };
  return {
    contents,
    /** will-navigate alone, as if will-frame-navigate had let the navigation through. */
    navigate: (url: string) => emit('will-navigate', url),
    navigateFrame,
    attachWebview: () => emit('will-attach-webview'),
    open: (url: string) => openHandler!({ url }),
  };
}

describe('navigation', () => {
  it('prevents navigation away from the app, opening only https links in the OS browser', () => {
    const { contents, navigate } = fakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, { isAppUrl, openExternal });
    expect(navigate(`${APP_URL}#/settings`)).toBe(false);
    expect(navigate('https://crm.example.com/account/7')).toBe(true);
    expect(navigate('http://crm.example.com/')).toBe(true);
    expect(navigate('file:///home/csm/usage.csv')).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://crm.example.com/account/7']]);
  });

  it('guards every frame with will-frame-navigate: only the app page, never anywhere else', () => {
    const { contents, navigateFrame } = fakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, { isAppUrl, openExternal });
    expect(navigateFrame(`${APP_URL}#/accounts/3`, true)).toBe(false);
    for (const url of ['http://crm.example.com/', 'file:///home/csm/.ssh/id_rsa', 'javascript:alert(1)', 'not a url']) {
      expect(navigateFrame(url, true)).toBe(true);
      expect(navigateFrame(url, false)).toBe(true);
    }
    // A sub-frame (which will-navigate never sees) cannot load a web page either, nor send it to the browser.
    expect(navigateFrame('https://evil.example/phish.html', false)).toBe(true);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('hands a clicked https link to the browser exactly once, though two guards see it', () => {
    const { contents, navigateFrame } = fakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, { isAppUrl, openExternal });
    expect(navigateFrame('https://crm.example.com/account/7', true)).toBe(true);
    expect(openExternal.mock.calls).toEqual([['https://crm.example.com/account/7']]);
  });

  // Issue #14, point 6: "Open in mail app" is a mailto: link; the page cannot open it itself, the shell hands it to
  // the OS. Other custom schemes stay refused (openExternal on them can launch programs).
  it('hands a clicked mailto: draft to the mail app, and still no other custom scheme', () => {
    const { contents, navigate, navigateFrame, open } = fakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, { isAppUrl, openExternal });
    const draft = 'mailto:lea@harbor.example?subject=Alerts&body=Hi%20Lea';
    // The app's link opens in a new window (target=_blank): denied as a window, handed to the mail app.
    expect(open(draft)).toEqual({ action: 'deny' });
    expect(navigateFrame(draft, true)).toBe(true);
    expect(navigateFrame(draft, false)).toBe(true);
    expect(navigate('ms-msdt:/id PCWDiagnostic')).toBe(true);
    expect(navigate('smb://share/x')).toBe(true);
    expect(openExternal.mock.calls).toEqual([[draft], [draft]]);
  });

  it('denies every new window and webview', () => {
    const { contents, open, attachWebview } = fakeWebContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, { isAppUrl, openExternal });
    for (const url of [APP_URL, 'https://example.com/', 'javascript:alert(1)', 'smb://share/x']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
    expect(attachWebview()).toBe(true);
  });
});

describe('development-only environment variables', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/', BEARING_NATIVE_BINDING: '/repo/.electron-native/39.8.10/better_sqlite3.node' };

  it('are honoured in a development run', () => {
    expect(devOverrides(env, false)).toEqual({
      rendererUrl: 'http://localhost:5173/',
      nativeBinding: '/repo/.electron-native/39.8.10/better_sqlite3.node',
    });
    expect(devOverrides({}, false)).toEqual({ rendererUrl: undefined, nativeBinding: undefined });
    expect(devOverrides({ BEARING_NATIVE_BINDING: '' }, false).nativeBinding).toBeUndefined();
  });

  it('are ignored entirely by a packaged app', () => {
    expect(devOverrides(env, true)).toEqual({});
  });

  it('load the window only from a dev server on this machine', () => {
    for (const url of ['http://127.0.0.1:5173/', 'http://[::1]:5173/', 'https://localhost:5173/']) {
      expect(devOverrides({ ELECTRON_RENDERER_URL: url }, false).rendererUrl).toBe(url);
    }
    for (const url of ['https://evil.example/', 'file:///tmp/page.html', 'http://localhost.evil.example/', 'nonsense']) {
      expect(devOverrides({ ELECTRON_RENDERER_URL: url }, false).rendererUrl).toBeUndefined();
    }
  });
});

describe('opening a built deck', () => {
  function dataFolder() {
    const root = tempDir('bearing-decks-');
    const decks = path.join(root, 'decks');
    fs.mkdirSync(decks);
    const deck = path.join(decks, 'Acme QBR 2026Q3.pptx');
    fs.writeFileSync(deck, 'PK');
    const secret = path.join(root, 'bearing.sqlite');
    fs.writeFileSync(secret, 'SQLite format 3');
    return { root, decks, deck, secret };
  }

  it('answers the real path of a deck inside the decks folder', () => {
    const { decks, deck } = dataFolder();
    expect(realFileInside(decks, deck)).toBe(fs.realpathSync(deck));
  });

  it('refuses a symlink in the decks folder that points outside it', () => {
    const { decks, secret } = dataFolder();
    const link = path.join(decks, 'Innocent QBR.pptx');
    fs.symlinkSync(secret, link);
    expect(realFileInside(decks, link)).toBeNull();
    const linkedFolder = path.join(decks, 'older');
    fs.symlinkSync(path.dirname(decks), linkedFolder);
    expect(realFileInside(decks, path.join(linkedFolder, 'bearing.sqlite'))).toBeNull();
  });

  it('accepts a deck when the data folder itself is reached through a symlink', () => {
    const { root, deck } = dataFolder();
    const alias = path.join(tempDir('bearing-alias-'), 'Bearing');
    fs.symlinkSync(root, alias);
    expect(realFileInside(path.join(alias, 'decks'), deck)).toBe(fs.realpathSync(deck));
    expect(realFileInside(path.join(root, 'decks'), path.join(alias, 'decks', path.basename(deck)))).toBe(fs.realpathSync(deck));
  });

  it('refuses escapes, missing files and folders', () => {
    const { decks, secret } = dataFolder();
    expect(realFileInside(decks, path.join(decks, '..', path.basename(secret)))).toBeNull();
    expect(realFileInside(decks, path.join(decks, 'never built.pptx'))).toBeNull();
    expect(realFileInside(decks, decks)).toBeNull();
    fs.mkdirSync(path.join(decks, 'folder.pptx'));
    expect(realFileInside(decks, path.join(decks, 'folder.pptx'))).toBeNull();
    expect(realFileInside(path.join(decks, 'missing'), secret)).toBeNull();
  });

  it('opens only the real file, through the IPC capability as the shell binds it', async () => {
    const { decks, deck, secret } = dataFolder();
    const link = path.join(decks, 'Innocent QBR.pptx');
    fs.symlinkSync(secret, link);
    const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
    const ipc: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener), removeHandler: () => undefined };
    const opened: string[] = [];
    bindHostCapabilities(ipc, trustedFrame(isAppUrl), {
      pickFiles: async () => [],
      pickFolder: async () => null,
      saveDeck: async () => null,
      files: new FileHandles(),
      openDeck: async (file) => {
        const real = realFileInside(decks, file);
        return real !== null && opened.push(real) > 0;
      },
    });
    const open = handlers.get(IPC_CHANNELS.openDeck)!;
    const fromApp: InvokeEventLike = { senderFrame: { url: APP_URL, parent: null } };
    expect(await open(fromApp, link)).toBe(false);
    expect(await open(fromApp, deck)).toBe(true);
    expect(opened).toEqual([fs.realpathSync(deck)]);
  });
});
