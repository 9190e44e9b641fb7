// What a development run may change from the environment, and nothing a packaged app honours: in an installed
// copy, any program that can set an environment variable for the CSM's session could otherwise point the window
// at another page (ELECTRON_RENDERER_URL) or make the app load a native library of its choosing
// (BEARING_NATIVE_BINDING). A pure function of (environment, packaged?) so the tests check it without Electron.

export interface DevOverrides {
  /** electron-vite's dev server, loaded instead of the built page; only an http(s) address on this machine. */
  readonly rendererUrl?: string;
  /** A better-sqlite3 addon built for Electron's ABI (scripts/start.mjs builds it for `npm start`). */
  readonly nativeBinding?: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function loopbackHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function devOverrides(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): DevOverrides {
  if (isPackaged) return {};
  return {
    rendererUrl: loopbackHttpUrl(env.ELECTRON_RENDERER_URL),
    nativeBinding: env.BEARING_NATIVE_BINDING || undefined,
  };
}
