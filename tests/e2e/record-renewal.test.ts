// Issue #12, point 3 in Chromium: on a book with no demo data (Salesforce-shaped accounts and a renewal-opportunity
// report), an account past its renewal date is flagged in the portfolio; "Record renewal" records a churn with a
// reason from the list and the CSM's words, which the store then holds; the renewal card says how many outcomes the
// model still needs. Screenshots at 1440×900 and 1024×700 of the modal and the renewal card.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App } from './harness';

let app: App;
const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  const dir = tempDir('bearing-e2e-renewals-');
  const globex = path.join(dir, 'globex.csv');
  fs.writeFileSync(
    globex,
    '"Account Name","Account ID","Annual Revenue","Licenses","Contract Start Date","Renewal Date"\n' +
      '"Globex","0015g00000GlObAAAZ","$90,000.00","20","11/12/2025","11/12/2026"\n',
  );
  for (const file of [path.join(BOOK, 'salesforce-accounts.csv'), globex, path.join(BOOK, 'salesforce-renewal-opportunities.csv')]) {
    await runJob(app.backend, { path: file, timeZone: 'UTC' });
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const globexId = () => (app.backend.database.sqlite.prepare("SELECT id FROM accounts WHERE name = 'Globex'").pluck().get() as number);

describe('Record renewal', () => {
  it('flags the passed renewal in the portfolio', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/portfolio`);
    const flag = page.getByTestId('renewal-passed');
    await flag.waitFor();
    expect(await flag.getAttribute('title')).toContain('Renewal passed 12 days ago');
    await app.screenshot('renewal-passed-table-1440');
    await page.locator('label', { hasText: 'Lanes' }).click();
    await page.getByText('renewal passed 12 days ago: record the outcome').waitFor();
    await app.screenshot('renewal-passed-lanes-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('renewal-passed-lanes-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('label', { hasText: 'Table' }).click();
  });

  it('records a churn with its reason from the modal, and the store holds it', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/account/${globexId()}`);
    // The header counts from the machine's today (the portfolio from the as-of date): the number differs, the words do not.
    await page.getByText(/renewal passed \d+ days ago: record the outcome/).waitFor();
    await page.getByTestId('record-renewal').click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(400);
    expect(await page.getByTestId('renewal-date').inputValue()).toBe('2026-11-12');
    await app.screenshot('record-renewal-modal-1440');
    await page.getByRole('dialog').getByText('Churned', { exact: true }).click();
    await page.getByTestId('renewal-reason').click();
    await page.getByRole('option', { name: 'Moved to a competitor' }).click();
    await page.getByTestId('renewal-note').fill('Consolidated on their parent company’s CS platform');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('record-renewal-modal-churn-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('renewal-save').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    const stored = app.backend.database.sqlite.prepare('SELECT renewal_date, outcome, arr_minor, reason, note FROM renewals WHERE account_id = ?').raw().all(globexId());
    expect(stored).toEqual([['2026-11-12', 'churned', 0, 'competitor', 'Consolidated on their parent company’s CS platform']]);
    await page.getByText('churned', { exact: true }).first().waitFor();
  });

  it('the renewal card says how many outcomes the model still needs', async () => {
    const { page } = app;
    // Outcomes now: Northwind expanded and Fabrikam downsized (from the report), Contoso and Globex churned.
    const card = page.getByTestId('renewal-likelihood');
    await card.getByText('Not enough outcomes yet (2 churned and 2 renewed of 10 needed each).').waitFor();
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('renewal-card-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('renewal-card-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });
});
