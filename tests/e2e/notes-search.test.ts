// Issue #14, point 7, in Chromium: a touchpoint's notes are edited on the account's timeline, then found from
// Ctrl/⌘+K with QBR outcomes and action items; choosing a note opens the account on the tab that shows it. The
// book comes only from the Salesforce-shaped accounts export in tests/fixtures/book.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App, call } from './harness';

let app: App;
let northwind = 0;
let contoso = 0;

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  await runJob(app.backend, { path: path.resolve(import.meta.dirname, '../fixtures/book/salesforce-accounts.csv'), timeZone: 'UTC' });
  const list = await call<MethodOutput<'accounts.list'>>(app, 'accounts.list', {});
  northwind = list.items.find((a) => a.name === 'Northwind Traders')!.id;
  contoso = list.items.find((a) => a.name === 'Contoso Ltd')!.id;
  await call(app, 'touchpoints.create', { accountId: northwind, kind: 'call', date: '2026-11-02', title: 'Check-in with the sponsor' });
  await call(app, 'qbrs.create', {
    accountId: contoso,
    date: '2026-10-15',
    outcomes: 'Procurement wants a three-year term at the renewal.',
    actionItems: [{ text: 'Draft the three-year procurement proposal', dueDate: '2026-12-01' }],
  });
}, 60_000);
afterAll(async () => app?.close());

describe('notes that are found', () => {
  it('edits a touchpoint’s notes on the timeline, then finds them from Ctrl+K and opens the tab that shows them', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/account/${northwind}/touchpoints`);
    await page.getByTestId('timeline-edit').first().click();
    await page.getByTestId('edit-touchpoint-notes').fill('Procurement asked for SOC 2 papers before the renewal.');
    await app.screenshots('touchpoint-edit');
    await page.getByTestId('edit-touchpoint-save').click();
    await page.getByTestId('edit-touchpoint').waitFor({ state: 'detached' });
    await page.getByText('Procurement asked for SOC 2 papers before the renewal.').waitFor();
    const stored = app.backend.database.sqlite.prepare('SELECT notes FROM touchpoints WHERE account_id = ?').pluck().get(northwind);
    expect(stored).toBe('Procurement asked for SOC 2 papers before the renewal.');

    await page.goto(`${app.host.url}#/portfolio`);
    await page.getByText('Northwind Traders').first().waitFor();
    await page.keyboard.press('Control+K');
    await page.getByPlaceholder('Jump to an account, or type a command…').fill('procurement');
    const notes = page.getByTestId('command-note');
    await expect.poll(() => notes.count(), { timeout: 10_000 }).toBe(3);
    // Newest first: the touchpoint (Nov 2), then the Oct 15 QBR's action item and outcomes.
    const texts = await notes.allInnerTexts();
    expect(texts[0]).toContain('Northwind Traders · Check-in with the sponsor');
    expect(texts[1]).toContain('Contoso Ltd · Draft the three-year procurement proposal');
    expect(texts[2]).toContain('Contoso Ltd · QBR');
    await app.screenshots('palette-notes');

    await page.getByPlaceholder('Jump to an account, or type a command…').fill('procurement three-year');
    await expect.poll(() => notes.count(), { timeout: 10_000 }).toBe(2);
    await notes.nth(1).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/account/${contoso}/qbrs`);
    await expect.poll(() => page.getByTestId('tab-qbrs').getAttribute('aria-selected')).toBe('true');
    await page.getByTestId('command-palette').waitFor({ state: 'hidden' }).catch(() => undefined);
    await page.getByText('Procurement wants a three-year term at the renewal.').first().waitFor();
    await app.screenshots('note-opens-qbrs');
  });
});
