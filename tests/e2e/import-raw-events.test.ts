// A Mixpanel raw export (JSON lines) dropped on the Import screen (issue #15, point 6): recognised as Mixpanel
// events, its nested properties offered as columns on the mapping screen, imported with its bad line listed and
// its repeated $insert_id counted once. Checked against the real store; screenshots at 1440x900 and 1024x700.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';

const FILE = path.resolve(import.meta.dirname, '../fixtures/import/mixpanel-raw-export.jsonl');
const NAME = 'mixpanel-raw-export.jsonl';
let app: App;

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false });
  await app.page.getByTestId('empty-book').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('a Mixpanel raw export on the Import screen', () => {
  it('shows the nested properties as columns, imports, and lists the bad line', async () => {
    const { page } = app;
    const bytes = fs.readFileSync(FILE).toString('base64');
    const dataTransfer = await page.evaluateHandle(`(() => {
      const data = Uint8Array.from(atob(${JSON.stringify(bytes)}), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], ${JSON.stringify(NAME)}, { type: '' }));
      return transfer;
    })()`);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer });
    const overlay = page.getByTestId('drop-anywhere');
    await overlay.dispatchEvent('dragenter', { dataTransfer });
    await overlay.dispatchEvent('dragover', { dataTransfer });
    await overlay.dispatchEvent('drop', { dataTransfer });
    await dataTransfer.dispose();

    const card = page.locator(`[data-testid=file-card][data-file="${NAME}"]`).first();
    await page.locator(`[data-testid=file-card][data-file="${NAME}"][data-stage=ready]`).waitFor();
    expect(await card.getByTestId('detected-source').textContent()).toBe('Mixpanel');
    expect(await card.getByTestId('map-timestamp').inputValue()).toBe('properties.time');
    expect(await card.getByTestId('map-accountId').inputValue()).toBe('properties.company_id');
    expect(await card.getByTestId('map-userId').inputValue()).toBe('properties.$user_id');
    // The nested properties are offered for any field: open the account field's list.
    await card.getByTestId('map-accountName').click();
    await page.getByRole('option', { name: 'properties.plan', exact: true }).waitFor();
    await page.keyboard.press('Escape');
    const preview = card.getByTestId('import-preview');
    expect(await preview.textContent()).toContain('Viewed Dashboard');
    await app.screenshot('import-raw-01-mapping');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('import-raw-01-mapping-1024x700');
    await page.setViewportSize({ width: 1440, height: 900 });

    await card.getByTestId('start-import').click();
    const summary = card.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.getAttribute('data-status')).toBe('imported_with_rejections');
    expect(await summary.getByTestId('count-accepted').textContent()).toContain('8');
    expect(await summary.getByTestId('count-rejected').textContent()).toContain('2');
    expect(await summary.textContent()).toContain('not valid JSON');
    const stored = app.backend.database.sqlite.prepare('SELECT COUNT(*) FROM usage_events').pluck().get();
    expect(stored).toBe(8);
    await app.screenshot('import-raw-02-summary');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('import-raw-02-summary-1024x700');
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
