// Issue #14, point 9, in Chromium: the Stakeholders card on the account overview lists the account's people with
// their last touch, and the CSM flags one sponsor. The book comes only from the vendor-shaped exports in
// tests/fixtures/book, plus a QBR entered as a CSM would. Today is 2026-11-24.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App, call } from './harness';

let app: App;
let harbor = 0;
const book = (name: string) => path.resolve(import.meta.dirname, '../fixtures/book', name);

async function screenshots(page: Page, name: string) {
  await app.screenshots(name, () => page.getByTestId('stakeholders-card').scrollIntoViewIfNeeded());
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  for (const file of ['customer-deck-accounts.csv', 'features.csv', 'customer-deck-events.csv']) {
    await runJob(app.backend, { path: book(file), timeZone: 'UTC' });
  }
  harbor = (await call<MethodOutput<'accounts.list'>>(app, 'accounts.list', { search: 'Harbor Analytics' })).items[0].id;
  await call(app, 'qbrs.create', { accountId: harbor, date: '2026-10-15', attendees: ['omar@harbor.example'] });
}, 60_000);
afterAll(async () => app?.close());

describe('the Stakeholders card', () => {
  it('shows each person’s last touch and keeps the flag the CSM sets', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/account/${harbor}`);
    const card = page.getByTestId('stakeholders-card');
    await card.getByTestId('stakeholder-row').first().waitFor();
    // The export's people are known by e-mail. Omar attended the QBR on 2026-10-15; Rosa's last event was 2026-09-20,
    // Lea's 2026-09-19 (the Mixpanel export).
    expect(await card.getByTestId('stakeholder-row').allInnerTexts()).toEqual([
      expect.stringMatching(/^omar@harbor\.example[\s\S]*Oct 15, 2026[\s\S]*at a QBR/),
      expect.stringMatching(/^rosa@harbor\.example[\s\S]*Sep 20, 2026[\s\S]*used the product/),
      expect.stringMatching(/^lea@harbor\.example[\s\S]*Sep 19, 2026[\s\S]*used the product/),
    ]);
    await card.getByLabel('Stakeholder flag of lea@harbor.example').click();
    await page.getByRole('option', { name: 'Sponsor' }).click();
    // Flagged people come first.
    await expect.poll(() => card.getByTestId('stakeholder-row').first().innerText()).toMatch(/^lea@harbor\.example/);
    await card.getByText('1 sponsor').waitFor();
    const saved = await call<MethodOutput<'stakeholders.list'>>(app, 'stakeholders.list', { accountId: harbor });
    expect(saved.items.map((p) => [p.name, p.flag])).toEqual([
      ['lea@harbor.example', 'sponsor'],
      ['omar@harbor.example', null],
      ['rosa@harbor.example', null],
    ]);
    await screenshots(page, 'stakeholders-card');
    expect(app.consoleErrors).toEqual([]);
  });
});
