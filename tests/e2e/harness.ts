// The real app for end-to-end tests: a backend on a temp data folder, the web host serving the built renderer,
// and Debian's Chromium driven by playwright-core (never a downloaded browser).
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { openBackend, type Backend, type BackendOptions } from '../../src/main/app/backend';
import { fileHandles } from '../../src/main/services/file-handles';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { tempDir } from '../helpers/backend';

export const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-results');
const RENDERER = path.resolve(import.meta.dirname, '../../out/renderer');

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
  return {
    backend,
    host,
    browser,
    page,
    dataDir,
    foreignRequests,
    consoleErrors,
    async screenshot(name) {
      const file = path.join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: false });
      return file;
    },
    async close() {
      await browser.close();
      await host.close();
      backend.close();
    },
  };
}

/** Sets the OS colour scheme, which the app follows until the CSM picks one in the header, and waits for the switch. */
export async function emulateColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(scheme);
}
