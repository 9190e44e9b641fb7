// Behaviour segments end to end (issue #14, point 4): on the segments book (Salesforce accounts + Mixpanel events of
// tests/fixtures/segments, counted by hand in tests/unit/portfolio-segments.test.ts), the CSM sets the seed's outreach
// list in the Behaviour filter (30–90 days old, active in the last 7 days, at least 11 events, no touchpoint in 30
// days), saves it as a view, reloads, picks the view and sees Alder Works only.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/app/backend';
import { call, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App } from './harness';

const fixture = (dir: string, name: string) => path.resolve(import.meta.dirname, '..', 'fixtures', dir, name);
const now = () => new Date('2026-11-20T12:00:00Z');
let app: App;

async function seed(dataDir: string) {
  const backend = openBackend({ host: 'cli', dataDir, now });
  backend.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  for (const f of [fixture('segments', 'salesforce-accounts.csv'), fixture('book', 'features.csv'), fixture('segments', 'mixpanel-events.csv')]) {
    await runJob(backend, { path: f, timeZone: 'UTC' });
  }
  const id = (name: string) => (backend.database.sqlite.prepare('SELECT id FROM accounts WHERE name = ?').get(name) as { id: number }).id;
  await call(backend, 'touchpoints.create', { accountId: id('Alder Works'), kind: 'call', date: '2026-09-20', title: 'Kickoff' });
  await call(backend, 'touchpoints.create', { accountId: id('Birch Labs'), kind: 'meeting', date: '2026-11-05', title: 'Check-in' });
  backend.close();
}

const shownNames = async () => (await app.page.getByTestId('account-row').locator('a').allTextContents()).sort();

beforeAll(async () => {
  const dataDir = tempDir('bearing-e2e-segments-');
  await seed(dataDir);
  app = await launchApp({ dataDir, demoOnFirstStart: false, now });
  await app.page.getByTestId('portfolio-table').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('behaviour segments', () => {
  it('sets the outreach list in the Behaviour filter, saves it as a view and gets it back after a reload', async () => {
    const { page } = app;
    await expect.poll(shownNames).toHaveLength(6);
    await page.getByTestId('filter-behaviour').click();
    for (const [field, value] of [
      ['ageMinDays', '30'],
      ['ageMaxDays', '90'],
      ['activeWithinDays', '7'],
      ['minEvents7', '11'],
      ['noTouchpointDays', '30'],
    ]) {
      await page.getByTestId(`behaviour-${field}`).fill(value);
    }
    await expect.poll(shownNames).toEqual(['Alder Works']);
    await app.screenshot('segments-01-behaviour-filter-1440');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('filter-behaviour').textContent()).toContain('Behaviour: 4');

    await page.getByTestId('views-button').click();
    await page.getByTestId('view-name').fill('Outreach: new and active');
    await page.getByTestId('view-save').click();
    await expect.poll(() => page.getByTestId('views-button').textContent()).toContain('Outreach: new and active');
    const { items } = await call<{ items: { name: string; filters: Record<string, unknown> }[] }>(app.backend, 'views.list');
    expect(items).toMatchObject([
      { name: 'Outreach: new and active', filters: { ageMinDays: 30, ageMaxDays: 90, activeWithinDays: 7, minEvents7: 11, noTouchpointDays: 30, activeTrend: null } },
    ]);

    // Clear everything, reload, and pick the view.
    await page.getByTestId('clear-filters').click();
    await expect.poll(shownNames).toHaveLength(6);
    await page.reload();
    await page.getByTestId('portfolio-table').waitFor();
    await expect.poll(shownNames).toHaveLength(6);
    await page.getByTestId('views-button').click();
    await page.getByTestId('view-item').filter({ hasText: 'Outreach: new and active' }).click();
    await expect.poll(shownNames).toEqual(['Alder Works']);
    await page.mouse.move(0, 0);
    await app.screenshot('segments-02-outreach-view-1440');

    // The behaviour columns: shown at 1440 px as far as they fit; the row says what the filter chose on.
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect.poll(shownNames).toEqual(['Alder Works']);
    await app.screenshot('segments-03-outreach-view-1024');
    await page.getByTestId('filter-behaviour').click();
    await page.getByTestId('behaviour-popover').waitFor();
    await app.screenshot('segments-04-behaviour-filter-1024');
    await page.keyboard.press('Escape');
    expect(app.consoleErrors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
  });

  it('filters on the active-user trend and on unused key features', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('clear-filters').click();
    await expect.poll(shownNames).toHaveLength(6);
    await page.getByTestId('filter-behaviour').click();
    await page.getByTestId('behaviour-trend').getByText('Down').click();
    await expect.poll(shownNames).toEqual(['Birch Labs', 'Elm Ltd']);
    await page.getByTestId('behaviour-unused').click();
    await expect.poll(shownNames).toEqual(['Elm Ltd']);
    await page.getByTestId('behaviour-clear').click();
    await expect.poll(shownNames).toHaveLength(6);
  });
});
