// Issue #15: a Zendesk ticket export dropped on the Import screen is read as support tickets (never as usage
// events), imported with its unmatched lines listed, and the account's support success rate then comes from it.
// A file that looks like nothing Bearing reads is asked about instead of imported. Screenshots at 1440x900 and
// 1024x700 go to test-results/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App } from './harness';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/relationship');
let app: App;

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-12-05T12:00:00Z') });
  // The book: four HubSpot companies and their people (imported as the CLI or a watched folder would).
  for (const name of ['hubspot-companies.csv', 'hubspot-contacts.csv']) {
    const job = await runJob(app.backend, { path: path.join(FIXTURES, name), timeZone: 'UTC' });
    expect(job.summary.status).toBe('imported');
  }
});

afterAll(async () => {
  await app?.close();
});

const cardOf = (name: string) => app.page.locator(`[data-testid=file-card][data-file="${name}"]`).first();

describe('support tickets on the Import screen', () => {
  it('reads a Zendesk export as tickets, imports it, and the account’s support success rate comes from it', async () => {
    const { page } = app;
    const northwind = (app.backend.database.sqlite.prepare("SELECT id FROM accounts WHERE name = 'Northwind Traders'").get() as { id: number }).id;
    const relationship = page.locator('[data-testid=health-driver][data-component=relationship]');

    // Before: no support case, no relationship component.
    await page.goto(`${app.host.url}#/account/${northwind}`);
    await page.getByTestId('account-facts').waitFor();
    expect(await relationship.count()).toBe(0);

    await page.goto(`${app.host.url}#/import`);
    await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'zendesk-tickets.csv'));
    await page.locator('[data-testid=file-card][data-file="zendesk-tickets.csv"][data-stage=ready]').waitFor();
    const card = cardOf('zendesk-tickets.csv');
    expect(await card.getByTestId('detected-source').textContent()).toBe('Zendesk');
    expect(await card.getByTestId('kind-select').inputValue()).toBe('Support tickets (Zendesk, Freshdesk, Intercom, HubSpot)');
    await app.screenshot('import-tickets-mapping-1440');
    await card.getByTestId('start-import').click();
    const summary = card.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('imported_with_rejections');
    // 9 tickets: 6 matched (5 by organization, 1 by the e-mail domain); Wingtip Partners, a gmail.com requester
    // and a date that is no date are rejected on lines 8, 9 and 11.
    expect(await summary.getByTestId('import-message').textContent()).toMatch(/^6 rows imported, 3 rows rejected/);
    expect(await summary.getByTestId('reject-row').allTextContents()).toEqual([
      expect.stringMatching(/^8unknown_account.*Wingtip Partners/),
      expect.stringMatching(/^9unknown_account.*gmail\.com/),
      expect.stringMatching(/^11invalid_date/),
    ]);
    await page.locator('.mantine-Notification-root button').first().click();
    await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
    await summary.scrollIntoViewIfNeeded();
    await app.screenshot('import-tickets-summary-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await summary.scrollIntoViewIfNeeded();
    await app.screenshot('import-tickets-summary-1024');
    await page.setViewportSize({ width: 1440, height: 900 });

    // After: Northwind's tickets 4101 and 4102 were solved in the last 90 days: 2 of 2 resolved.
    await page.goto(`${app.host.url}#/account/${northwind}`);
    await relationship.waitFor();
    expect(await relationship.textContent()).toContain('2 of 2 support cases closed in the last 90 days resolved');
    expect(await relationship.locator('[data-cell=score]').textContent()).toBe('100');
    await relationship.scrollIntoViewIfNeeded();
    await app.screenshot('account-support-from-tickets-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await relationship.scrollIntoViewIfNeeded();
    await app.screenshot('account-support-from-tickets-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.consoleErrors).toEqual([]);
  });

  it('asks what a file holds when it looks like nothing Bearing reads, and imports nothing until told', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/import`);
    await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles({
      name: 'invoices.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Invoice Number,Amount,Currency\nINV-1001,1200.00,EUR\nINV-1002,80.50,EUR\n'),
    });
    await page.locator('[data-testid=file-card][data-file="invoices.csv"][data-stage=ready]').waitFor();
    const card = cardOf('invoices.csv');
    await card.getByTestId('kind-unknown').waitFor();
    expect(await card.getByTestId('kind-select').inputValue()).toBe('');
    expect(await card.getByTestId('start-import').count()).toBe(0);
    await app.screenshot('import-kind-unknown-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('import-kind-unknown-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.backend.database.sqlite.prepare('SELECT count(*) AS n FROM usage_events').get()).toEqual({ n: 0 });
    expect(app.consoleErrors).toEqual([]);
  });
});
