// Issue #16 point 4 in Chromium: the Ctrl/⌘+K palette opens empty and lists names in natural order. The book is a
// Salesforce-shaped accounts export written for this test (numbered entities of one group, as CRMs export them).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App } from './harness';

let app: App;
const HEADER = '"Account Name","Account ID","Account Owner","Industry","Type","Annual Revenue","Licenses","Contract Start Date","Renewal Date","Products"';
const ROWS = [
  '"Summit Capital 10","0015g00000SmCpAAA1","Priya Raman","Financial Services","Customer - Direct","$90,000.00","12","2/1/2026","1/31/2027","Dashboards"',
  '"Summit Capital 2","0015g00000SmCpAAA2","Priya Raman","Financial Services","Customer - Direct","$60,000.00","8","4/1/2026","3/31/2027","Dashboards"',
  '"Summit Capital 1","0015g00000SmCpAAA3","Priya Raman","Financial Services","Customer - Direct","$30,000.00","5","5/1/2026","4/30/2027","Alerts"',
];

async function screenshots(page: Page, name: string) {
  for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.waitForTimeout(300);
    await app.screenshot(`${name}-${w}x${h}`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bearing-small-')), 'salesforce-accounts.csv');
  writeFileSync(file, `${[HEADER, ...ROWS].join('\r\n')}\r\n`);
  await runJob(app.backend, { path: file, timeZone: 'UTC' });
}, 60_000);
afterAll(async () => app?.close());

describe('the palette', () => {
  it('sorts numbered names naturally and opens empty after a search', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/portfolio`);
    await page.getByText('Summit Capital 10').first().waitFor();
    const search = page.getByPlaceholder('Jump to an account, or type a command…');
    await page.keyboard.press('Control+K');
    await search.fill('summit');
    const accounts = page.getByTestId('command-account');
    await expect.poll(() => accounts.count(), { timeout: 10_000 }).toBe(3);
    const names = (await accounts.allInnerTexts()).map((t) => t.split('\n')[0]);
    expect(names).toEqual(['Summit Capital 1', 'Summit Capital 2', 'Summit Capital 10']);
    await screenshots(page, 'palette-natural');

    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+K');
    await search.waitFor();
    expect(await search.inputValue()).toBe('');
  });
});
