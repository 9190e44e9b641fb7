// Issue #15 in Chromium: tickets and a campaign imported from Zendesk and HubSpot exports show on the account's
// Touchpoints tab, each with what the file said (status, days open, priority; recipients, opens, clicks, replies),
// and without edit or delete buttons (they change by importing again and leave with their import).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App } from './harness';

let app: App;
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-12-05T12:00:00Z') });
  for (const file of ['relationship/hubspot-companies.csv', 'relationship/hubspot-contacts.csv', 'relationship/zendesk-tickets.csv', 'campaigns/hubspot-email-recipients.csv']) {
    await runJob(app.backend, { path: path.join(FIXTURES, file), timeZone: 'UTC' });
  }
}, 60_000);
afterAll(async () => app?.close());

describe('imported records on the timeline', () => {
  it('shows Northwind’s Zendesk tickets and the HubSpot campaign, read-only', async () => {
    const { page } = app;
    const id = app.backend.database.sqlite.prepare("SELECT id FROM accounts WHERE name = 'Northwind Traders'").pluck().get() as number;
    await page.goto(`${app.host.url}#/account/${id}/touchpoints`);
    const entries = page.getByTestId('timeline-entry');
    await expect.poll(() => entries.count()).toBe(4);
    const open = entries.filter({ hasText: 'close period' });
    expect(await open.getByTestId('case-status').textContent()).toBe('Open · 15 days open');
    expect(await open.getByTestId('imported-from').textContent()).toBe('Imported from Zendesk: ticket 4103, opened by rafael.souza@northwindtraders.com');
    const campaign = entries.filter({ hasText: 'Q4 Dashboards launch' });
    expect(await campaign.getByTestId('campaign-reach').textContent()).toBe('3 contacts · 2 opened · 1 clicked · 0 replied');
    expect(await page.getByTestId('timeline-edit').count()).toBe(0);
    expect(await page.getByTestId('timeline-delete').count()).toBe(0);
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await entries.first().scrollIntoViewIfNeeded();
      await app.screenshot(`imported-timeline-${w}x${h}`);
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
