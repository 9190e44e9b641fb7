// Issue #11, point 3, in Chromium through the web host: a company-wide Pendo export names accounts the CSM does not
// own. With the book open the result screen lists the accounts the file created and removes them with their rows;
// with Settings › Importing keeping the book to the CSM's accounts the same file skips them, lists them with their
// row counts, and "Add these 2 accounts" imports the file again adding them. Expected numbers are counted by hand
// from tests/fixtures/book/pendo-company-wide.csv: 7 rows; 3 at book accounts (Northwind 2, Contoso 1); Initech
// (0015g00000InItAAAZ) 3 rows by 3 people, Umbrella (0015g00000UmBrAAAZ) 1 row by 1 person.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './a11y';
import { launchApp, type App, call } from './harness';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
const WIDE = 'pendo-company-wide.csv';
let app: App;

async function accountNames(): Promise<string[]> {
  return (await call(app, 'accounts.list', {})).items.map((a) => a.name).sort();
}

function newestCard(page: Page, fileName: string) {
  return page.locator(`[data-testid=file-card][data-file="${fileName}"]`).first();
}

async function importFile(page: Page, name: string) {
  await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles(path.join(BOOK, name));
  await page.locator(`[data-testid=file-card][data-file="${name}"][data-stage=ready]`).waitFor();
  await newestCard(page, name).getByTestId('start-import').click();
  await newestCard(page, name).getByTestId('import-summary').waitFor({ timeout: 30_000 });
}

async function settle(page: Page) {
  await page.mouse.move(5, 5);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false });
  await app.page.getByTestId('empty-book').waitFor();
  await app.page.goto(`${app.host.url}#/import`);
  await importFile(app.page, 'salesforce-accounts.csv');
});

afterAll(async () => {
  await app?.close();
});

describe('accounts a usage file names that are not in the book', () => {
  it('lists the accounts a company-wide export created and removes them with their rows', async () => {
    const { page } = app;
    await importFile(page, WIDE);
    const summary = newestCard(page, WIDE).getByTestId('import-summary');
    const created = summary.getByTestId('accounts-created');
    expect(await created.getByTestId('created-accounts-row').allTextContents()).toEqual([
      '0015g00000InItAAAZ0015g00000InItAAAZ3',
      '0015g00000UmBrAAAZ0015g00000UmBrAAAZ1',
    ]);
    expect(await accountNames()).toEqual(['0015g00000InItAAAZ', '0015g00000UmBrAAAZ', 'Contoso Ltd', 'Fabrikam, Inc.', 'Northwind Traders']);
    const remove = created.getByTestId('remove-created-accounts');
    expect(await remove.textContent()).toBe('Remove these 2 accounts and their rows');
    await settle(page);
    await created.scrollIntoViewIfNeeded();
    await app.screenshots('import-accounts-created');

    await remove.click();
    await page.getByTestId('confirm-remove-created').click();
    const done = summary.getByTestId('accounts-removed');
    await done.waitFor();
    expect(await done.textContent()).toBe('Removed 2 accounts, 4 users and 4 usage rows this file had added. The rest of the import stays.');
    expect(await accountNames()).toEqual(['Contoso Ltd', 'Fabrikam, Inc.', 'Northwind Traders']);
    // The book's own accounts keep the file's rows.
    const northwind = (await call(app, 'accounts.list', { search: 'Northwind' })).items[0];
    expect(northwind).toBeDefined();
    expect(app.consoleErrors).toEqual([]);
  });

  it('keeps the book to the CSM’s accounts when Settings says so, and adds the left-out accounts on request', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    const toggle = page.getByTestId('only-book-accounts');
    // Centred: scrolled only "into view", the sticky header covers it.
    await page.getByTestId('settings-importing').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await expect.poll(async () => (await call(app, 'settings.get', {})).onlyBookAccounts).toBe(true);
    await expect.poll(() => toggle.isChecked()).toBe(true); // the switch follows the saved setting when the page hears of it
    await settle(page);
    await page.getByTestId('settings-importing').scrollIntoViewIfNeeded();
    await app.screenshots('settings-importing');
    await expectAccessible(page, 'settings with the importing section');

    await page.goto(`${app.host.url}#/import`);
    await importFile(page, WIDE);
    const summary = newestCard(page, WIDE).getByTestId('import-summary');
    // The 3 rows at book accounts were stored by the first import: duplicates now; the other 4 are skipped.
    expect(await summary.getByTestId('count-duplicates').textContent()).toBe('Duplicates3');
    expect(await summary.getByTestId('count-skipped').textContent()).toBe('Skipped4');
    const left = summary.getByTestId('accounts-not-in-book');
    expect(await left.getByTestId('not-in-book-accounts-row').allTextContents()).toEqual([
      '0015g00000InItAAAZ0015g00000InItAAAZ3',
      '0015g00000UmBrAAAZ0015g00000UmBrAAAZ1',
    ]);
    expect(await summary.getByTestId('accounts-created').count()).toBe(0);
    expect(await accountNames()).toEqual(['Contoso Ltd', 'Fabrikam, Inc.', 'Northwind Traders']);
    await settle(page);
    await left.scrollIntoViewIfNeeded();
    await app.screenshots('import-accounts-not-in-book');

    const add = left.getByTestId('add-not-in-book');
    expect(await add.textContent()).toBe('Add these 2 accounts');
    await add.click();
    // The same card now shows the new import: the 4 rows added with their 2 accounts, listed for removal.
    const again = newestCard(page, WIDE).getByTestId('accounts-created');
    await again.waitFor({ timeout: 30_000 });
    expect(await again.getByTestId('created-accounts-row').allTextContents()).toEqual([
      '0015g00000InItAAAZ0015g00000InItAAAZ3',
      '0015g00000UmBrAAAZ0015g00000UmBrAAAZ1',
    ]);
    expect(await newestCard(page, WIDE).getByTestId('count-accepted').textContent()).toBe('Accepted4');
    expect(await accountNames()).toEqual(['0015g00000InItAAAZ', '0015g00000UmBrAAAZ', 'Contoso Ltd', 'Fabrikam, Inc.', 'Northwind Traders']);
    // The setting is unchanged: adding these accounts was for this file only.
    expect((await call(app, 'settings.get', {})).onlyBookAccounts).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });
});
