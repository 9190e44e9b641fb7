// Issue #13 point 6 in the page: a damaged database starts the web host in recovery; the screen names the file
// and the newest good backup, and its Restore button brings the book back without restarting the host.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type AppHandle } from '../../src/main/app/recovery';
import { DB_FILE_NAME } from '../../src/main/db/open';
import { fileHandles } from '../../src/main/services/file-handles';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';
import { ARTIFACTS } from './harness';

const RENDERER = path.resolve(import.meta.dirname, '../../out/renderer');
const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');

let browser: Browser;
const opened: { app: AppHandle; host: WebHost }[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the renderer first: npm run build:web');
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser.close();
  for (const { app, host } of opened) {
    await host.close();
    app.close();
  }
});

async function serve(dataDir: string): Promise<WebHost> {
  const app = openApp({ host: 'web', dataDir });
  const host = await startWebHost({ api: app.api, rendererDir: RENDERER, uploadDir: path.join(dataDir, 'uploads'), files: fileHandles(app) });
  opened.push({ app, host });
  return host;
}

/** A book from the fixture exports with one backup, then its database file cut in half. */
async function damagedBook(): Promise<{ dataDir: string; backup: string }> {
  const b = tempBackend();
  await runJob(b, { path: path.join(BOOK, 'salesforce-accounts.csv'), timeZone: 'UTC' });
  const backup = (await call<{ file: string }>(b, 'backup.create')).file;
  b.close();
  const file = path.join(b.dataDir, DB_FILE_NAME);
  const whole = fs.readFileSync(file);
  fs.writeFileSync(file, whole.subarray(0, whole.length >> 1));
  return { dataDir: b.dataDir, backup };
}

describe('the recovery screen', () => {
  it('names the file and the newest good backup, and Restore opens the book', async () => {
    const { dataDir, backup } = await damagedBook();
    const host = await serve(dataDir);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    const screen = page.getByTestId('recovery-screen');
    await expect.poll(() => screen.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('recovery-message').textContent()).toContain(path.join(dataDir, DB_FILE_NAME));
    expect(await page.getByTestId('recovery-backup').textContent()).toContain(backup);
    await page.screenshot({ path: path.join(ARTIFACTS, 'recovery-1440x900.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'recovery-1024x700.png') });
    await page.getByTestId('recovery-restore').click();
    await expect.poll(() => page.getByText('Northwind Traders').first().isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await screen.count()).toBe(0);
    const kept = fs.readdirSync(dataDir).filter((f) => f.startsWith(`${DB_FILE_NAME}.set-aside-`));
    expect(kept).toHaveLength(1);
    await page.close();
  }, 60_000);

  it('a 0-byte file with no backup offers a new book, and only starts one when asked', async () => {
    const dataDir = tempDir('bearing-e2e-');
    fs.writeFileSync(path.join(dataDir, DB_FILE_NAME), '');
    const host = await serve(dataDir);
    const page = await browser.newPage({ viewport: { width: 1024, height: 700 } });
    await page.goto(host.url);
    await expect.poll(() => page.getByTestId('recovery-no-backup').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'recovery-empty-1024x700.png') });
    expect(fs.statSync(path.join(dataDir, DB_FILE_NAME)).size).toBe(0);
    await page.close();
  }, 60_000);
});
