// The real app for end-to-end tests: a backend on a temp data folder, the web host serving the built renderer,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { openBackend, type Backend, type BackendOptions } from '../../src/main/app/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract';
import { fileHandles } from '../../src/main/services/file-handles';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { tempDir } from '../helpers/backend';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
const RENDERER = path.resolve(import.meta.dirname, '../../out/renderer');

/** The window sizes every changed screen is looked at in: a desktop and a small laptop. */
export const SCREENSHOT_SIZES = [
  [1440, 900],
  [1024, 700],
] as const;

export interface App {
  backend: Backend;
  host: WebHost;
  browser: Browser;
  page: Page;
  dataDir: string;
  /** Network requests the page made anywhere but the web host: must stay empty (offline app). */
  foreignRequests: string[];
  consoleErrors: string[];
  screenshot(name: string): Promise<string>;
  /** Screenshots at both sizes looked at (1440×900, 1024×700) as `${name}-WxH.png`, `prepare` run at each; back to 1440×900 after. */
  screenshots(name: string, prepare?: () => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function launchApp(
  {
    maxUploadBytes,
    reminders = false,
    ...options
  }: Partial<BackendOptions> & { colorScheme?: 'light' | 'dark'; maxUploadBytes?: number; reminders?: boolean } = {},
): Promise<App> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the renderer first: npm run build:web');
  const dataDir = options.dataDir ?? tempDir('bearing-e2e-');
  const backend = openBackend({ host: 'web', dataDir, demoOnFirstStart: true, ...options });
  // The first start imports the demo's files in the background; tests start from the loaded book.
  await backend.demoLoaded;
  // The daily reminder would pop its digest over every screen under test: off unless a test is about it.
  if (!reminders) {
    const off = await backend.api.invoke('reminders.update', { enabled: false });
    if (!off.ok) throw new Error(off.error.message);
  }
  const host = await startWebHost({ api: backend.api, rendererDir: RENDERER, uploadDir: path.join(dataDir, 'uploads'), files: fileHandles(backend.context), maxUploadBytes });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(`http://127.0.0.1:${host.port}/`) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // The tests written before Home start on the portfolio; the app itself opens on Home (#/home) once there is a book.
  await page.goto(`${host.url}#/portfolio`);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  async function screenshot(name: string): Promise<string> {
    const file = path.join(ARTIFACTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: false });
    return file;
  }
  return {
    backend,
    host,
    browser,
    page,
    dataDir,
    foreignRequests,
    consoleErrors,
    screenshot,
    async screenshots(name, prepare) {
      for (const [width, height] of SCREENSHOT_SIZES) {
        await page.setViewportSize({ width, height });
        await page.waitForTimeout(300);
        await prepare?.();
        await screenshot(`${name}-${width}x${height}`);
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    },
    async close() {
      await browser.close();
      await host.close();
      backend.close();
    },
  };
}

/** Calls the API as the page would, typed by method; a refusal fails the test with its message. */
export async function call<K extends MethodName>(app: App, method: K, input: MethodInput<K>): Promise<MethodOutput<K>>;
export async function call<T>(app: App, method: string, input: unknown): Promise<T>;
export async function call(app: App, method: string, input: unknown): Promise<unknown> {
  const result = await app.backend.api.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/**
 * Holds the page's next call of `method` on its way to the host until `release()`: `sent` resolves once the page
 * has made it. What a test does in between happens, for sure, while the call is on its way.
 */
export async function holdNextCall(page: Page, method: MethodName): Promise<{ sent: Promise<void>; release: () => void }> {
  let release = () => {};
  let made = () => {};
  const sent = new Promise<void>((resolve) => (made = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    `**/api/call/${method}`,
    async (route) => {
      made();
      await gate;
      await route.continue();
    },
    { times: 1 },
  );
  return { sent, release };
}

/** Sets the OS colour scheme, which the app follows until the CSM picks one in the header, and waits for the switch. */
export async function emulateColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(scheme);
}
