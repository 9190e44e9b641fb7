// A Salesforce account report Excel on Windows saved (Windows-1252), whose first accented name comes after row
// 2,000: the Import screen's preview reads the first 64 KB, all ASCII, and can only guess UTF-8; the import reads the
// whole file, finds the first accented byte is not UTF-8 and reads the file as Windows-1252. The file card then says
// so, and the names are stored as written (tests/helpers/excel-report.ts writes them; the expected ones are those).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelAccountReport } from '../helpers/excel-report';
import { launchApp, type App, call } from './harness';

let app: App;

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false });
  await app.page.getByTestId('empty-book').waitFor();
  await app.page.goto(`${app.host.url}#/import`);
});

afterAll(async () => {
  await app?.close();
});

function card(page: Page, fileName: string) {
  return page.locator(`[data-testid=file-card][data-file="${fileName}"]`).first();
}

/** Drops the file, reads the card's encoding at the preview, imports it, and reads the card's encoding again. */
async function importShowingEncoding(page: Page, file: string): Promise<{ preview: string | null; imported: string | null }> {
  const name = path.basename(file);
  await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles(file);
  await page.locator(`[data-testid=file-card][data-file="${name}"][data-stage=ready]`).waitFor();
  const preview = await card(page, name).getByTestId('file-encoding').textContent();
  await card(page, name).getByTestId('start-import').click();
  await card(page, name).getByTestId('import-summary').waitFor({ timeout: 30_000 });
  return { preview, imported: await card(page, name).getByTestId('file-encoding').textContent() };
}

describe('the file card’s encoding', () => {
  it('says Windows-1252 once the import has read past the ASCII the preview saw', async () => {
    const { page } = app;
    const report = excelAccountReport('latin1', false);
    const { preview, imported } = await importShowingEncoding(page, report.file);
    // The preview's guess: the first 64 KB are plain ASCII.
    expect(preview).toBe('UTF-8');
    expect(imported).toBe('Windows-1252');
    await app.screenshots('import-encoding-windows-1252');

    const stored = await call(app, 'accounts.list', { search: 'ller Holzbau' });
    expect(stored.items.map((a) => a.name).sort()).toEqual(report.names.filter((n) => n.startsWith('Müller Holzbau GmbH')).sort());
    expect(stored.items.length).toBeGreaterThan(0);
    expect(app.consoleErrors).toEqual([]);
  });

  it('says UTF-8 for the same report saved as UTF-8', async () => {
    const report = excelAccountReport('utf8', false);
    expect(await importShowingEncoding(app.page, report.file)).toEqual({ preview: 'UTF-8', imported: 'UTF-8' });
  });
});
