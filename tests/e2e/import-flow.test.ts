// The Import screen end to end, as a CSM uses it: drop exports on the window, check the detected source, kind,
// mapping and preview, import, read the summary and the rejected lines (and save them as CSV), undo an import,
// see files Bearing refuses explained with their line, and watch a folder. Checked against the real store.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { chooseFolder } from '../helpers/import-jobs';
import { expectAccessible, expectNoOverlap } from './a11y';
import { ARTIFACTS, emulateColorScheme, launchApp, type App } from './harness';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
let app: App;

/** Drags a fixture onto the window the way a file manager does: dragenter on the page, then drop on the overlay. */
async function dropFile(page: Page, name: string, options: { screenshot?: string } = {}) {
  const bytes = fs.readFileSync(path.join(FIXTURES, name)).toString('base64');
  const type = name.endsWith('.csv') ? 'text/csv' : '';
  // Built in the page (a DataTransfer cannot cross from Node); a string because this tsconfig has no DOM types.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const data = Uint8Array.from(atob(${JSON.stringify(bytes)}), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], ${JSON.stringify(name)}, { type: ${JSON.stringify(type)} }));
    return transfer;
  })()`);
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  const overlay = page.getByTestId('drop-anywhere');
  await overlay.dispatchEvent('dragenter', { dataTransfer });
  await overlay.dispatchEvent('dragover', { dataTransfer });
  if (options.screenshot) {
    await page.getByText('Drop to import').waitFor();
    await app.screenshot(options.screenshot);
  }
  await overlay.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** Picks files with the "Choose files…" button's hidden input (the web host's file dialog). */
async function chooseFiles(page: Page, ...names: string[]) {
  await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles(names.map((n) => path.join(FIXTURES, n)));
}

function card(page: Page, fileName: string) {
  return page.locator(`[data-testid=file-card][data-file="${fileName}"]`).first();
}

async function choose(page: Page, testId: string, option: string, scope = page.locator('body')) {
  await scope.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as T;
}

async function accountNames(): Promise<string[]> {
  const { items } = await value<{ items: { name: string }[] }>(app.backend.api.invoke('accounts.list', {}));
  return items.map((a) => a.name);
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, watchFolders: true });
  await app.page.getByTestId('empty-book').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('import, in Chromium against the web host', () => {
  it('takes a file dropped anywhere on the window and shows its detected source, kind, mapping and preview', async () => {
    const { page } = app;
    await dropFile(page, 'pendo-events.csv', { screenshot: 'import-01-drag-over' });
    const pendo = card(page, 'pendo-events.csv');
    await page.locator('[data-testid=file-card][data-file="pendo-events.csv"][data-stage=ready]').waitFor();
    expect(page.url()).toContain('#/import');
    expect(await pendo.getByTestId('detected-source').textContent()).toBe('Pendo');
    expect(await pendo.getByTestId('kind-select').inputValue()).toBe('Usage events (one row per event)');
    expect(await pendo.getByTestId('map-timestamp').inputValue()).toBe('Timestamp');
    expect(await pendo.getByTestId('map-accountId').inputValue()).toBe('Account ID');
    const preview = pendo.getByTestId('import-preview');
    expect(await preview.locator('[data-outcome=accepted]').count()).toBeGreaterThan(2);
    expect(await preview.textContent()).toContain('Report Exported');
    expect(await preview.textContent()).toContain('UTC');
    await app.screenshot('import-02-inspected');
  });

  it('imports it and shows the summary, and the store has the import and its accounts', async () => {
    const { page } = app;
    const pendo = card(page, 'pendo-events.csv');
    await pendo.getByTestId('start-import').click();
    const summary = pendo.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('imported');
    const imports = await value<{ fileName: string; status: string; rowsAccepted: number; origin: string; source: string }[]>(
      app.backend.api.invoke('imports.list', {}),
    );
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ fileName: 'pendo-events.csv', status: 'imported', origin: 'manual', source: 'pendo' });
    expect(await summary.getByTestId('count-accepted').textContent()).toContain(String(imports[0].rowsAccepted));
    expect(await summary.getByTestId('count-rejected').textContent()).toContain('0');
    expect(await summary.getByTestId('count-accounts').textContent()).toContain('2');
    expect(await accountNames()).toEqual(expect.arrayContaining(['acme', 'globex']));
    // Announced as a notification too, so a CSM who moved on to another screen still learns it finished.
    await page.getByText('Imported: pendo-events.csv').waitFor();
    await app.screenshot('import-03-summary');
    // Issue #13: the host's copy of the upload is deleted once its rows are in.
    await expect.poll(() => fs.readdirSync(path.join(app.dataDir, 'uploads'))).toEqual([]);
  });

  it('remembers the mapping for the next file with the same columns, and blocks Import while a required field has no column', async () => {
    const { page } = app;
    await page.getByTestId('choose-files').waitFor();
    await chooseFiles(page, 'pendo-events.csv');
    const again = page.locator('[data-testid=file-card][data-stage=ready]').first();
    await again.waitFor();
    await again.getByTestId('mapping-remembered').waitFor();
    await choose(page, 'map-timestamp', '— not in this file —', again);
    await again.getByTestId('mapping-missing').waitFor();
    expect(await again.getByTestId('mapping-missing').textContent()).toContain('Time');
    expect(await again.getByTestId('start-import').isDisabled()).toBe(true);
    await app.screenshot('import-04-mapping-missing');
    // Map the account to the email column: the preview re-reads the rows with the edited mapping.
    await choose(page, 'map-timestamp', 'Timestamp', again);
    await choose(page, 'map-accountId', 'Visitor Email', again);
    await expect.poll(async () => again.getByTestId('import-preview').textContent()).toContain('ana.silva@acme.example');
    // The two choices each re-inspect the file: the button follows the last answer, not the first.
    await expect.poll(() => again.getByTestId('start-import').isDisabled()).toBe(false);
    expect(await again.getByTestId('mapping-remembered').count()).toBe(0);
    await again.getByRole('button', { name: 'Remove pendo-events.csv' }).click();
    await expect.poll(() => page.locator('[data-testid=file-card][data-stage=ready]').count()).toBe(0);
  });

  it('imports a file with bad rows and lists each rejected line with its code; the rejects save as CSV', async () => {
    const { page } = app;
    await dropFile(page, 'bad-rows.csv');
    const bad = card(page, 'bad-rows.csv');
    await bad.getByTestId('import-preview').waitFor();
    expect(await bad.getByTestId('import-preview').locator('[data-outcome=rejected]').count()).toBeGreaterThan(0);
    expect(await bad.getByTestId('detected-source').textContent()).toBe('Generic CSV');
    await app.screenshot('import-05-bad-preview');
    await bad.getByTestId('start-import').click();
    const summary = bad.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('imported_with_rejections');
    const rows = summary.getByTestId('reject-row');
    expect(await rows.count()).toBe(9);
    const text = (await summary.getByTestId('rejects-table').textContent()) ?? '';
    for (const code of ['field_count', 'invalid_date', 'future_date', 'negative_duration', 'not_a_number', 'anonymous_no_account']) {
      expect(text).toContain(code);
    }
    expect(await rows.first().textContent()).toMatch(/^3field_count/);
    await app.screenshot('import-06-bad-summary');

    const [download] = await Promise.all([page.waitForEvent('download'), summary.getByTestId('save-rejects').click()]);
    expect(download.suggestedFilename()).toBe('bad-rows-rejected-rows.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('"line","code","reason"');
    expect(lines).toHaveLength(10);
    expect(csv).toContain('invalid_date');
    expect(csv).toContain('2025-02-30 09:00:00');
  });

  it('explains files it cannot read: the line of an unterminated quote, an empty file, a binary file', async () => {
    const { page } = app;
    await chooseFiles(page, 'unterminated-quote.csv', 'empty.csv', 'binary.bin');
    const quote = card(page, 'unterminated-quote.csv').getByTestId('import-error');
    await quote.waitFor();
    expect(await quote.getAttribute('data-code')).toBe('unterminated_quote');
    expect(await quote.textContent()).toContain('line 4');
    const empty = card(page, 'empty.csv').getByTestId('import-error');
    await empty.waitFor();
    expect(await empty.textContent()).toMatch(/empty/i);
    const binary = card(page, 'binary.bin').getByTestId('import-error');
    await binary.waitFor();
    expect(await binary.textContent()).toMatch(/not a CSV/i);
    await quote.scrollIntoViewIfNeeded();
    await app.screenshot('import-07-unreadable');
    for (const name of ['unterminated-quote.csv', 'empty.csv', 'binary.bin']) {
      await card(page, name).getByRole('button', { name: 'Remove this file' }).click();
    }
  });

  it('lists every import in the history and undoes one, taking its accounts out of the book', async () => {
    const { page } = app;
    await chooseFiles(page, 'salesforce-accounts.csv');
    const sf = card(page, 'salesforce-accounts.csv');
    await sf.getByTestId('detected-source').waitFor();
    expect(await sf.getByTestId('detected-source').textContent()).toBe('Salesforce');
    expect(await sf.getByTestId('kind-select').inputValue()).toBe('Accounts');
    await sf.getByTestId('start-import').click();
    await sf.getByTestId('import-summary').waitFor();
    expect(await accountNames()).toEqual(expect.arrayContaining(['Acme Corporation', 'Initech']));

    await page.getByTestId('tab-history').click();
    const history = page.getByTestId('import-history');
    await history.waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(3);
    const row = page.getByTestId('history-row').filter({ hasText: 'salesforce-accounts.csv' });
    expect(await row.textContent()).toContain('Salesforce');
    expect(await row.textContent()).toContain('Manual');
    await page.getByTestId('history-row').filter({ hasText: 'bad-rows.csv' }).click();
    await page.getByTestId('history-details').getByTestId('rejects-table').waitFor();
    await app.screenshot('import-08-history');
    await page.getByTestId('history-row').filter({ hasText: 'bad-rows.csv' }).click();

    await row.click();
    await page.getByTestId('undo-import').click();
    await page.getByRole('dialog').getByTestId('confirm-undo').click();
    await row.and(page.locator('[data-undone=true]')).waitFor();
    expect(await row.getByTestId('history-status').textContent()).toBe('Undone');
    const names = await accountNames();
    expect(names).not.toContain('Initech');
    expect(names).not.toContain('Acme Corporation');
    expect(names).toEqual(expect.arrayContaining(['acme', 'globex']));
    await page.getByTestId('undone-note').waitFor();
    await app.screenshot('import-09-undone');
  });

  it('watches a folder: a CSV saved there is imported and announced', async () => {
    const { page } = app;
    const folder = tempDir('bearing-e2e-watch-');
    await page.getByTestId('tab-watch').click();
    await page.getByTestId('watch-empty').waitFor();
    // Issue #13: a browser cannot give Bearing a folder, and the page never names one: the desktop app's folder
    // dialog adds it (main registers the choice and the page sends its handle). Here main registers it the same way.
    await page.getByTestId('watch-desktop-only').waitFor();
    expect(await page.getByTestId('watch-add').count()).toBe(0);
    await value(app.backend.api.invoke('watch.add', { folder: chooseFolder(app.backend, folder) }));
    await page.getByTestId('watched-folder').filter({ hasText: folder }).waitFor();
    fs.copyFileSync(path.join(FIXTURES, 'daily-usage.csv'), path.join(folder, 'daily-usage.csv'));
    await page.getByText('New file from a watched folder imported: daily-usage.csv').waitFor({ timeout: 20_000 });
    const imports = await value<{ fileName: string; origin: string }[]>(app.backend.api.invoke('imports.list', {}));
    expect(imports[0]).toMatchObject({ fileName: 'daily-usage.csv', origin: 'watch' });
    await app.screenshot('import-10-watched');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('import-10-watched-1024x700');
    await page.setViewportSize({ width: 1440, height: 900 });

    const gone = tempDir('bearing-e2e-gone-');
    await value(app.backend.api.invoke('watch.add', { folder: chooseFolder(app.backend, gone) }));
    await page.getByTestId('watched-folder').filter({ hasText: gone }).waitFor();
    fs.rmSync(gone, { recursive: true });
    await page.getByTestId('tab-files').click();
    await page.getByTestId('tab-watch').click();
    await page.getByTestId('watched-folder').filter({ hasText: gone }).getByTestId('folder-missing').waitFor();
    await page.getByRole('button', { name: `Stop watching ${gone}` }).click();
    await expect.poll(() => page.getByTestId('watched-folder').count()).toBe(1);

    await page.getByTestId('tab-history').click();
    const watched = page.getByTestId('history-row').filter({ hasText: 'daily-usage.csv' });
    expect(await watched.textContent()).toContain('Watched folder');
  });

  it('shows a running import’s progress, queues the next file behind it, and cancels without changing the book', async () => {
    const { page } = app;
    await page.getByTestId('tab-files').click();
    const big = path.join(tempDir('bearing-e2e-big-'), 'big-events.csv');
    const rows = ['account_id,user_id,event,timestamp'];
    for (let i = 0; i < 600_000; i++) rows.push(`big-${i % 50},u-${i % 3000},Feature ${i % 40},2025-03-0${1 + (i % 9)} 10:${String(i % 60).padStart(2, '0')}:00`);
    fs.writeFileSync(big, `${rows.join('\n')}\n`);
    const before = (await accountNames()).length;

    await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles([big, path.join(FIXTURES, 'hubspot-contacts.csv')]);
    const bigCard = card(page, 'big-events.csv');
    const contacts = card(page, 'hubspot-contacts.csv');
    await page.locator('[data-testid=file-card][data-file="big-events.csv"][data-stage=ready]').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid=file-card][data-file="hubspot-contacts.csv"][data-stage=ready]').waitFor();
    expect(await contacts.getByTestId('detected-source').textContent()).toBe('HubSpot');
    expect(await contacts.getByTestId('kind-select').inputValue()).toBe('Users and contacts');
    await bigCard.getByTestId('start-import').click();
    await contacts.getByTestId('start-import').click();
    // The worker thread can take seconds to start on a busy machine: wait for rows, not for a fixed time.
    await bigCard.locator('[data-testid=import-progress][data-phase=reading]').waitFor({ timeout: 30_000 });
    await contacts.locator('[data-testid=import-progress][data-phase=queued]').waitFor();
    expect(await contacts.getByTestId('import-progress').textContent()).toContain('Waiting for the previous import');
    await expect.poll(async () => bigCard.getByTestId('import-progress').textContent(), { timeout: 30_000 }).toMatch(/[\d,]+ rows · [\d,]+ rows\/s/);
    await page.getByTestId('drop-panel').scrollIntoViewIfNeeded();
    await app.screenshot('import-11-progress');
    await bigCard.getByTestId('import-cancel').click();
    await bigCard.locator('[data-testid=import-summary][data-status=cancelled]').waitFor({ timeout: 30_000 });
    await contacts.getByTestId('import-summary').waitFor({ timeout: 30_000 });
    // The contacts file adds its companies; the cancelled file added nothing.
    const after = await accountNames();
    expect(after.some((n) => n.startsWith('big-'))).toBe(false);
    expect(after.length).toBeGreaterThanOrEqual(before);
    await app.screenshot('import-12-cancelled');
    await page.getByRole('button', { name: /^Clear \d+ finished files$/ }).click();
    await expect.poll(() => page.getByTestId('file-card').count()).toBe(0);
  });

  it('passes axe’s contrast and name checks in light and dark on the empty screen, a preview, a summary and the history, with no card or count overlapping another', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    const shot = (name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
    /** Each screen in both schemes, ending in dark for its screenshot. */
    const inLightAndDark = async (where: string) => {
      for (const scheme of ['light', 'dark'] as const) {
        await emulateColorScheme(page, scheme);
        await expectAccessible(page, `${where} (${scheme})`);
      }
    };
    await page.goto(`${app.host.url}#/import`);
    await page.getByTestId('drop-panel').waitFor();
    await inLightAndDark('the empty Import screen');
    await shot('import-13-dark-empty');
    await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles([path.join(FIXTURES, 'bad-rows.csv'), path.join(FIXTURES, 'unterminated-quote.csv')]);
    const bad = page.locator('[data-testid=file-card][data-file="bad-rows.csv"]');
    await bad.getByTestId('import-preview').waitFor();
    await page.locator('[data-testid=file-card][data-file="unterminated-quote.csv"]').getByTestId('import-error').waitFor();
    await inLightAndDark('a preview beside a file it cannot read');
    await expectNoOverlap(page.getByTestId('file-card'), 'the file cards');
    await shot('import-14-dark-preview');
    await bad.getByTestId('start-import').click();
    await bad.getByTestId('import-summary').waitFor();
    await bad.getByTestId('import-summary').scrollIntoViewIfNeeded();
    await inLightAndDark('an import summary with rejected lines');
    await expectNoOverlap(bad.getByTestId('import-summary').locator('[data-testid^="count-"]'), 'the summary’s counts', { atLeast: 6 });
    await shot('import-15-dark-summary');
    await page.getByTestId('tab-history').click();
    await page.getByTestId('history-row').first().click();
    await page.getByTestId('history-details').waitFor();
    await inLightAndDark('the history with an import opened');
    await shot('import-16-dark-history');
    await context.close();
  });

  it('made no request off this machine and logged no errors', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
