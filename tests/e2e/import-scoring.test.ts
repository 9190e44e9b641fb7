// After the rows of a dropped file are saved, the Import screen shows the health history being recomputed as a
// count of accounts, done of those to do ('scoring' progress), on a book with no demo: a Pendo-shaped export whose
// accounts are all new. Every text the progress line took is recorded in the page (a MutationObserver), so a
// short phase is not missed between two looks.
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEventsCsv } from '../../bench/events-csv';
import { tempDir } from '../helpers/backend';
import { launchApp, type App } from './harness';

let app: App;
let work: string;

beforeAll(async () => {
  work = tempDir('bearing-e2e-scoring-');
  app = await launchApp({ demoOnFirstStart: false });
  await app.page.getByTestId('empty-book').waitFor();
  await app.page.goto(`${app.host.url}#/import`);
});

afterAll(async () => {
  await app?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the Import screen after the rows are saved', () => {
  it('counts the accounts whose health is being updated, up to all the file touched', async () => {
    const { page } = app;
    const file = path.join(work, 'pendo-events-export.csv');
    await writeEventsCsv(file, { rows: 8_000, users: 900, accounts: 150, shape: 'export' });
    // The accounts the file names, counted from the file itself.
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
    const accounts = new Set(rows.map((r) => r['Account ID'])).size;
    expect(accounts).toBeGreaterThan(100);

    await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles(file);
    const card = page.locator('[data-testid=file-card][data-file="pendo-events-export.csv"]').first();
    await card.and(page.locator('[data-stage=ready]')).waitFor();
    // Page code as a string: the tests are typechecked without the DOM's types.
    await page.evaluate(`(() => {
      const seen = [];
      window.progressSeen = seen;
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[data-testid=import-progress]')) {
          const bar = el.querySelector('[role=progressbar]');
          const text = el.getAttribute('data-phase') + '|' + (el.textContent ?? '') + '|' + (bar?.getAttribute('aria-label') ?? '');
          if (seen.at(-1) !== text) seen.push(text);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    })()`);
    await card.getByTestId('start-import').click();
    await card.getByTestId('import-summary').waitFor({ timeout: 60_000 });

    const seen = (await page.evaluate('window.progressSeen')) as string[];
    const scoring = seen.filter((s) => s.startsWith('scoring|'));
    const counted = scoring.map((s) => /updating health scores: ([\d,]+) of ([\d,]+) accounts/.exec(s)).filter((m) => m !== null);
    expect(counted.length).toBeGreaterThan(0);
    for (const m of counted) expect(Number(m[2].replace(/,/g, ''))).toBe(accounts);
    const done = counted.map((m) => Number(m[1].replace(/,/g, '')));
    expect(done.every((d, i) => i === 0 || d >= done[i - 1])).toBe(true);
    expect(done.some((d) => d < accounts)).toBe(true);
    // The bar says the same, as a share.
    expect(scoring.some((s) => /\|Updating health \d+%$/.test(s))).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });
});
