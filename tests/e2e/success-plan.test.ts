// Issue #14, point 5, in Chromium: the CSM writes the success plan (handoff facts and a desired outcome with a KPI),
// the form refuses a KPI target that is not a number and says why, a QBR records the KPI's value and a note, and
// the plan shows baseline → latest → target. The book comes only from the vendor-shaped exports in
// tests/fixtures/book. Today is 2026-11-24.
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
  // The confirmations of earlier steps would cover the screen being looked at.
  const close = page.locator('.mantine-Notification-closeButton');
  for (const button of await close.all()) await button.click({ force: true }).catch(() => undefined);
  await expect.poll(() => close.count()).toBe(0);
  await app.screenshots(name);
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  for (const file of ['customer-deck-accounts.csv', 'features.csv', 'customer-deck-events.csv']) {
    await runJob(app.backend, { path: book(file), timeZone: 'UTC' });
  }
  harbor = (await call<MethodOutput<'accounts.list'>>(app, 'accounts.list', { search: 'Harbor Analytics' })).items[0].id;
  await call(app, 'milestones.create', { accountId: harbor, kind: 'basic_value', targetDate: '2026-12-15' });
}, 60_000);
afterAll(async () => app?.close());

describe('the success plan', () => {
  it('is written on its tab, refuses a KPI target that is not a number, and shows what a QBR recorded', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/account/${harbor}/plan`);
    await page.getByTestId('success-plan-empty').waitFor();
    await screenshots(page, 'success-plan-empty');

    // Handoff facts.
    await page.getByTestId('handoff-edit').click();
    await page.getByTestId('handoff-why').fill('Route reports took the ops team two days a week');
    await page.getByTestId('handoff-buyer').fill('Head of Operations');
    await page.getByTestId('handoff-users').fill('Dispatch leads');
    await page.getByTestId('handoff-complexity').click();
    await page.getByRole('option', { name: 'Medium' }).click();
    await page.getByTestId('handoff-save').click();
    await page.getByTestId('handoff-card').getByText('Head of Operations · Dispatch leads').waitFor();

    // An outcome; a target in words is refused with the reason, and nothing is stored.
    await page.getByTestId('outcome-add').click();
    await page.getByTestId('outcome-title').fill('Route reports in an hour');
    await page.getByTestId('outcome-kpi').fill('Weekly reporting time');
    await page.getByTestId('outcome-unit').fill('hours');
    await page.getByTestId('outcome-baseline').fill('16');
    await page.getByTestId('outcome-target').fill('one');
    await page.getByTestId('outcome-date').fill('2027-03-31');
    await page.getByTestId('outcome-save').click();
    await page.getByText('“one” is not a number: write e.g. 1 or 2.5.').waitFor();
    await page.getByTestId('outcome-refused').waitFor();
    expect((await call<MethodOutput<'successPlan.get'>>(app, 'successPlan.get', { accountId: harbor })).outcomes).toEqual([]);
    await page.getByTestId('outcome-target').fill('1');
    await page.getByTestId('outcome-milestones').click({ force: true });
    await page.getByRole('option', { name: 'Basic value' }).click();
    await page.getByTestId('outcome-title').click();
    await page.getByTestId('outcome-save').click();
    const row = page.getByTestId('outcome-row');
    await row.waitFor();
    expect(await page.getByTestId('outcome-kpi-path').innerText()).toMatch(/^16 hours → — → 1 hour\s+no QBR has measured it yet$/);
    expect(await row.innerText()).toContain('milestones: Basic value');

    // A QBR records the KPI's value and a note.
    await page.getByTestId('tab-qbrs').click();
    await page.getByTestId('log-qbr').click();
    await page.getByTestId('qbr-date').fill('2026-11-20');
    await page.getByTestId('qbr-progress-value').fill('6,5');
    await page.getByTestId('qbr-progress-note').fill('two depots automated');
    await page.getByTestId('qbr-save').click();
    await page.getByTestId('qbr').first().waitFor();

    await page.getByTestId('tab-plan').click();
    await expect
      .poll(() => page.getByTestId('outcome-kpi-path').innerText())
      .toMatch(/^16 hours → 6\.5 hours → 1 hour\s+latest from the QBR of Nov 20, 2026: two depots automated$/);
    const plan = await call<MethodOutput<'successPlan.get'>>(app, 'successPlan.get', { accountId: harbor });
    expect(plan.handoff).toMatchObject({ whyBought: 'Route reports took the ops team two days a week', buyer: 'Head of Operations', users: 'Dispatch leads', complexity: 'medium' });
    expect(plan.outcomes[0]).toMatchObject({ baseline: 16, target: 1, targetDate: '2027-03-31', latest: { qbrDate: '2026-11-20', value: 6.5, note: 'two depots automated' } });
    await screenshots(page, 'success-plan');

    await page.getByTestId('tab-qbrs').click();
    await page.getByLabel(/^Edit/).first().click();
    await page.getByTestId('qbr-outcome-progress').waitFor();
    await screenshots(page, 'success-plan-qbr-form');
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
