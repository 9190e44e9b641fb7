// The desktop shell's security settings (Electron's security checklist): an isolated, sandboxed page with no
// Node, a strict Content-Security-Policy, no navigation away from the app, no new windows, no permissions.
// Written against small structural interfaces so the tests check them with fakes instead of Electron.
import { CONTENT_SECURITY_POLICY_HEADER } from '../../shared/csp';

export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
}

export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // A file dropped outside the page's drop zone must not replace the app with the file's contents.
    navigateOnDragDrop: false,
  };
}

/**
 * Whether a URL is the app's own page: the same file (any hash route) when loaded from disk, the same origin
 * when loaded from the dev server.
 */
export function appUrlMatcher(appUrl: string): (url: string) => boolean {
  const app = new URL(appUrl);
  return (candidate) => {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      return false;
    }
    if (app.protocol === 'file:') {
      return url.protocol === 'file:' && url.host === app.host && url.pathname === app.pathname;
    }
    return url.origin === app.origin;
  };
}

/**
 * What the OS may open for the page: an https link (in the browser) and a mailto: draft (in the mail app, issue
 * #14 point 6: "Open in mail app"). A mail app only ever opens a draft the CSM still has to send.
 */
const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['https:', 'mailto:']);

export function isExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

type HeadersCallback = (response: { responseHeaders?: Record<string, string | string[]> }) => void;

export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (details: { responseHeaders?: Record<string, string[]> }, callback: HeadersCallback) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/**
 * Adds the app's CSP to every response. The renderer's index.html carries the same policy in a meta tag,
 * which is what applies to file:// pages; the header covers anything served over a protocol.
 */
export function applyContentSecurityPolicy(session: SessionLike, policy = CONTENT_SECURITY_POLICY_HEADER): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

/** Writing to the clipboard (copy buttons) is the only web permission the app uses. */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function denyPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_webContents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

export interface NavigationEventLike {
  preventDefault(): void;
}

/** Electron's will-frame-navigate event: the details ride on the event itself. */
export interface FrameNavigationEventLike extends NavigationEventLike {
  readonly url: string;
  readonly isMainFrame: boolean;
}

export interface WebContentsLike {
  on(event: 'will-frame-navigate', listener: (event: FrameNavigationEventLike) => void): unknown;
  on(event: 'will-navigate', listener: (event: NavigationEventLike, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenOptions {
  isAppUrl: (url: string) => boolean;
  /** Opens a link in the OS browser (Electron's shell.openExternal). */
  openExternal: (url: string) => unknown;
}

/**
 * The page may only ever show the app: navigation elsewhere and new windows are refused. An https link the CSM
 * clicks (a CRM record, say) opens in their browser, a mailto: link in their mail app; any other scheme (file:, javascript:, custom handlers) is
 * dropped, because openExternal on an arbitrary URL can launch programs.
 *
 * will-frame-navigate covers every frame, sub-frames included, which will-navigate does not see; Electron emits
 * it first and skips will-navigate once it is refused, so it is the one that hands a top-level https link to
 * the browser. A sub-frame is never sent to the browser: the app has no frames, so such a navigation is not a
 * click by the CSM. will-navigate stays as a second lock should the first ever not fire.
 */
export function hardenWebContents(contents: WebContentsLike, options: HardenOptions): void {
  const openIfExternal = (url: string) => {
    if (isExternalUrl(url)) void Promise.resolve(options.openExternal(url)).catch(() => undefined);
  };
  contents.on('will-frame-navigate', (event) => {
    if (options.isAppUrl(event.url)) return;
    event.preventDefault();
    if (event.isMainFrame) openIfExternal(event.url);
  });
  contents.on('will-navigate', (event, url) => {
    if (options.isAppUrl(url)) return;
    event.preventDefault();
    openIfExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openIfExternal(url);
    return { action: 'deny' };
  });
}
