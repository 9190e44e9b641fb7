// Issue #15, point 4: a HubSpot marketing e-mail recipients export dropped on the Import screen is read as
// campaign recipients (never as usage), imported with its unmatched lines listed, and the account's campaign
// response then comes from it. Screenshots at 1440x900 and 1024x700 go to test-results/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App } from './harness';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/relationship');
const CAMPAIGNS = path.resolve(import.meta.dirname, '../fixtures/campaigns');
let app: App;

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-12-05T12:00:00Z') });
  for (const name of ['hubspot-companies.csv', 'hubspot-contacts.csv']) {
    const job = await runJob(app.backend, { path: path.join(BOOK, name), timeZone: 'UTC' });
    expect(job.summary.status).toBe('imported');
  }
});

afterAll(async () => {
  await app?.close();
});

describe('e-mail campaigns on the Import screen', () => {
  it('reads a HubSpot recipients export as campaigns, imports it, and the account’s campaign response comes from it', async () => {
    const { page } = app;
    const northwind = (app.backend.database.sqlite.prepare("SELECT id FROM accounts WHERE name = 'Northwind Traders'").get() as { id: number }).id;
    const relationship = page.locator('[data-testid=health-driver][data-component=relationship]');

    await page.goto(`${app.host.url}#/import`);
    await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles(path.join(CAMPAIGNS, 'hubspot-email-recipients.csv'));
    await page.locator('[data-testid=file-card][data-file="hubspot-email-recipients.csv"][data-stage=ready]').waitFor();
    const card = page.locator('[data-testid=file-card][data-file="hubspot-email-recipients.csv"]').first();
    expect(await card.getByTestId('detected-source').textContent()).toBe('HubSpot');
    expect(await card.getByTestId('kind-select').inputValue()).toBe('E-mail campaign recipients (HubSpot, Marketo)');
    await app.screenshot('import-campaigns-mapping-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('import-campaigns-mapping-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await card.getByTestId('start-import').click();
    const summary = card.getByTestId('import-summary');
    await summary.waitFor();
    // 10 contact lines: 7 matched; a gmail.com Chris Miller, a company not in the book and an empty e-mail rejected.
    expect(await summary.getByTestId('import-message').textContent()).toMatch(/^7 rows imported, 3 rows rejected/);
    expect(await summary.getByTestId('reject-row').allTextContents()).toEqual([
      expect.stringMatching(/^7unknown_account.*gmail\.com/),
      expect.stringMatching(/^8unknown_account.*wingtippartners\.com/),
      expect.stringMatching(/^11missing_value/),
    ]);
    await page.locator('.mantine-Notification-root button').first().click();
    await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
    await summary.scrollIntoViewIfNeeded();
    await app.screenshot('import-campaigns-summary-1440');

    // Northwind: Aiko opened only, Rafael did nothing, the new hire (matched by domain) clicked: 1 of 3.
    await page.goto(`${app.host.url}#/account/${northwind}`);
    await relationship.waitFor();
    expect(await relationship.textContent()).toContain('1 of 3 QBR invitations and campaigns got a response in the last 365 days');
    await relationship.scrollIntoViewIfNeeded();
    await app.screenshot('account-campaigns-from-file-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await relationship.scrollIntoViewIfNeeded();
    await app.screenshot('account-campaigns-from-file-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.backend.database.sqlite.prepare('SELECT count(*) AS n FROM usage_events').get()).toEqual({ n: 0 });
    expect(app.consoleErrors).toEqual([]);
  });
});
