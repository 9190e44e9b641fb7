// Issue #11, point 4: the import result screen shows what the import did to rows it kept. A HubSpot companies export
// with nameless companies and two companies of one name is imported in Chromium; the summary lists each warning
// with its line, beside the rejected line, at a desktop and a small laptop size.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
let app: App;

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false });
  await app.page.getByTestId('empty-book').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('import warnings on the result screen', () => {
  it('lists the nameless and same-name companies with their lines, and the rejected record apart', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/import`);
    await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles(path.join(FIXTURES, 'hubspot-companies-nameless.csv'));
    const card = page.locator('[data-testid=file-card][data-file="hubspot-companies-nameless.csv"]').first();
    await page.locator('[data-testid=file-card][data-file="hubspot-companies-nameless.csv"][data-stage=ready]').waitFor();
    await card.getByTestId('start-import').click();
    const summary = card.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('imported_with_rejections');
    expect(await summary.getByTestId('import-message').textContent()).toBe('5 rows imported, 1 row rejected (see the lines listed), 3 warnings.');
    const warnings = summary.getByTestId('warnings-table');
    const rows = await warnings.getByTestId('warning-row').allTextContents();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^3nameless_account.*"northwind\.example", named by its domain/);
    expect(rows[1]).toMatch(/^4nameless_account.*"9876543230", named by its id/);
    expect(rows[2]).toMatch(/^6same_name_account.*Acme Corporation/);
    expect(await summary.getByTestId('reject-row').allTextContents()).toEqual([expect.stringMatching(/^5missing_value/)]);
    // The "Imported" notification said it too; closed so the screenshots show the table it would cover.
    await page.locator('.mantine-Notification-root button').first().click();
    await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
    await summary.getByTestId('import-warnings').scrollIntoViewIfNeeded();
    await app.screenshot('import-warnings-1440');
    await page.setViewportSize({ width: 1024, height: 700 });
    await summary.getByTestId('import-warnings').scrollIntoViewIfNeeded();
    await app.screenshot('import-warnings-1024');
    expect(app.consoleErrors).toEqual([]);
  });
});
