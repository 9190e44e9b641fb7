// Issue #14, point 10, in Chromium: the Story card at the top of the account overview tells the account in
// sentences, every number links to where it is shown (a card scrolled to, or another tab opened), and "Copy" puts
// the story on the clipboard. The book comes only from the vendor-shaped exports in tests/fixtures/book, plus a
// call, a QBR with action items and a support case entered as a CSM would. Today is 2026-11-24.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App, call } from './harness';

let app: App;
let harbor = 0;
const book = (name: string) => path.resolve(import.meta.dirname, '../fixtures/book', name);

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  for (const file of ['customer-deck-accounts.csv', 'features.csv', 'customer-deck-events.csv']) {
    await runJob(app.backend, { path: book(file), timeZone: 'UTC' });
  }
  harbor = (await call<MethodOutput<'accounts.list'>>(app, 'accounts.list', { search: 'Harbor Analytics' })).items[0].id;
  await call(app, 'touchpoints.create', { accountId: harbor, kind: 'call', date: '2026-11-20', title: 'Check-in' });
  await call(app, 'touchpoints.create', { accountId: harbor, kind: 'support_case', date: '2026-11-02', title: 'Export fails', caseStatus: 'open' });
  await call(app, 'qbrs.create', {
    accountId: harbor,
    date: '2026-10-15',
    actionItems: [{ text: 'Roll out alerts', dueDate: '2026-11-01' }, { text: 'Train the new analysts', dueDate: '2026-12-15' }],
  });
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url.replace(/\/[^/]*$/, '') });
}, 60_000);
afterAll(async () => app?.close());

describe('the Story card', () => {
  it('tells the account in sentences whose numbers link to the sections behind them', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/account/${harbor}`);
    const card = page.getByTestId('story-card');
    await card.getByTestId('story-sentence').first().waitFor();
    const sentences = await card.getByTestId('story-sentence').allInnerTexts();
    expect(sentences[0]).toMatch(/^Health \d+, down from \d+ a quarter ago/);
    expect(sentences.slice(1)).toEqual([
      'No weekly active users, down from 1 a quarter ago; 0 of 10 licenses used in the last 30 days.',
      '0 of 3 key features used in the last 30 days.',
      '1 support case is open.',
      'Last touchpoint: a call, 4 days ago.',
      'Last QBR 40 days ago, with 2 action items open (1 overdue).',
      'Renewal in 127 days (Mar 31, 2027).',
    ]);
    await app.screenshots('story-card');

    // A renewal number scrolls to the renewal card.
    await card.getByRole('button', { name: '127 days' }).click();
    await expect
      .poll(() => page.evaluate(`(() => { const r = document.getElementById('account-section-renewal').getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; })()`))
      .toBe(true);

    // A QBR number opens the QBRs tab.
    await page.evaluate('window.scrollTo(0, 0)');
    await card.getByRole('button', { name: '40 days ago' }).click();
    await expect.poll(() => page.getByTestId('tab-qbrs').getAttribute('aria-selected')).toBe('true');
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('copies the story as plain text', async () => {
    const { page } = app;
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('story-copy').click();
    await page.getByTestId('story-copy').getByText('Copied').waitFor();
    const copied = await page.evaluate('navigator.clipboard.readText()');
    const expected = await call<MethodOutput<'story.account'>>(app, 'story.account', { id: harbor });
    expect(copied).toBe(expected.text);
    expect(copied).toContain('Renewal in 127 days (Mar 31, 2027).');
  });

  it('is the deck’s executive summary, which the CSM edits before building', async () => {
    const { page } = app;
    await page.getByTestId('prepare-qbr').click();
    await page.getByRole('dialog').waitFor();
    const field = page.getByTestId('deck-summary');
    // Q3 2026 (the last full quarter) is told as of Sep 30, 2026, for the customer: no QBR cadence, no estimate.
    await expect.poll(() => field.inputValue()).toContain('Renewal in 182 days (Mar 31, 2027).');
    expect(await field.inputValue()).not.toMatch(/overdue|likely/);
    await page.waitForTimeout(300);
    await app.screenshots('story-deck-summary');
    await field.fill('');
    await page.getByText('Write a sentence or two').waitFor();
    expect(await page.getByTestId('deck-build').isDisabled()).toBe(true);
    await field.fill('Usage dipped over the summer. The new analysts start in October.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-build').click()]);
    const zip = await JSZip.loadAsync(fs.readFileSync((await download.path()) as string));
    const summary = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(summary).toContain('<a:t>Usage dipped over the summer.</a:t>');
    expect(summary).toContain('<a:t>The new analysts start in October.</a:t>');
    expect(app.consoleErrors).toEqual([]);
  });
});
