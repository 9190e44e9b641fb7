// Issue #12, point 6, in Chromium: the CSM's name and title in Settings sign the deck, and "Prepare QBR" offers
// the account's quarters from its contract start, defaults to its last full quarter and keeps the chosen quarter
// for "Build another". The book comes only from the vendor-shaped exports in tests/fixtures/book.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App, call } from './harness';

let app: App;
const book = (name: string) => path.resolve(import.meta.dirname, '../fixtures/book', name);

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  for (const file of ['customer-deck-accounts.csv', 'features.csv', 'customer-deck-events.csv']) {
    await runJob(app.backend, { path: book(file), timeZone: 'UTC' });
  }
}, 60_000);
afterAll(async () => app?.close());

describe('a deck signed by the CSM, for the quarter they chose', () => {
  it('saves the CSM’s name and title in Settings', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    await page.getByTestId('deck-csm-name').fill('Jane Doe');
    await page.getByTestId('deck-csm-title').fill('Customer Success Manager');
    await page.getByTestId('deck-company').fill('Harborlight Partners');
    await page.getByTestId('deck-save').click();
    await page.getByText('The next QBR deck will use these.').waitFor();
    const saved = await call<MethodOutput<'deck.settings.get'>>(app, 'deck.settings.get', {});
    expect(saved.settings).toMatchObject({ csmName: 'Jane Doe', csmTitle: 'Customer Success Manager', companyName: 'Harborlight Partners' });
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
    await page.getByTestId('settings-deck').scrollIntoViewIfNeeded();
    await app.screenshots('settings-deck-csm');
  });

  it('offers the quarters since the contract, builds the chosen one signed, and "Build another" keeps it', async () => {
    const { page } = app;
    const list = await call<MethodOutput<'accounts.list'>>(app, 'accounts.list', { search: 'Harbor Analytics' });
    await page.goto(`${app.host.url}#/account/${list.items[0].id}`);
    await page.getByTestId('prepare-qbr').click();
    const select = page.getByTestId('deck-quarter');
    // Customer since Apr 1, 2025: Q3 2026 is its last full quarter.
    await expect.poll(() => select.inputValue()).toBe('Q3 2026');
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(400);
    await app.screenshots('account-deck-modal-customer');
    await select.click();
    const options = await page.getByRole('option').allTextContents();
    expect(options).toEqual(['Q4 2026 (to date)', 'Q3 2026', 'Q2 2026', 'Q1 2026', 'Q4 2025', 'Q3 2025', 'Q2 2025']);
    await page.getByRole('option', { name: 'Q1 2026' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-build').click()]);
    expect(download.suggestedFilename()).toBe('Harbor Analytics QBR 2026Q1.pptx');
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path()) as string));
    const title = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(title).toContain('<a:t>Jane Doe</a:t>');
    expect(title).toContain('Customer Success Manager, Harborlight Partners · Nov 24, 2026');
    await page.getByTestId('deck-build-another').click();
    await expect.poll(() => select.inputValue()).toBe('Q1 2026');
  });
});
