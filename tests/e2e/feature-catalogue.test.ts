// Issue #11, point 1, in Chromium through the web host: a book built only from vendor-shaped exports (no demo
// data). A Salesforce account report and a Mixpanel export with product event names are imported; on the mapping
// screen the event names are mapped to the CSM's features; in Settings › Features three are marked key; the
// account then shows the right breadth, adoption and recommendations. A catalogue change is undone from its
// notification. Expected numbers are counted by hand from tests/fixtures/book (see the comments).
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/shared/contract';
import { expectAccessible, expectNoOverlap } from './a11y';
import { emulateColorScheme, launchApp, type App, call } from './harness';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
// The Mixpanel rows are 2–8 November 2026: "today" is the end of that month, so all of them are in the 30 days.
const TODAY = new Date('2026-11-30T12:00:00Z');
let app: App;

async function catalogue(): Promise<[string, boolean, string[], string[]][]> {
  return ((await call(app, 'features.list', {})) as Feature[]).map((f) => [f.name, f.isKey, f.events, f.merged]);
}

function card(page: Page, fileName: string) {
  return page.locator(`[data-testid=file-card][data-file="${fileName}"]`).first();
}

async function importFile(page: Page, name: string, beforeStart?: () => Promise<void>) {
  await page.getByTestId('drop-panel').locator('input[type=file]').setInputFiles(path.join(BOOK, name));
  await page.locator(`[data-testid=file-card][data-file="${name}"][data-stage=ready]`).waitFor();
  await beforeStart?.();
  await card(page, name).getByTestId('start-import').click();
  await card(page, name).getByTestId('import-summary').waitFor({ timeout: 30_000 });
}

function feature(page: Page, name: string) {
  return page.locator(`[data-testid=feature-item][data-feature="${name}"]`);
}

/** Waits for a catalogue change to finish: the busy state shows, then goes. */
async function changeApplied(page: Page) {
  await page.getByTestId('catalogue-busy').waitFor({ state: 'hidden', timeout: 30_000 });
  await page.getByTestId('catalogue-last-change').waitFor();
}

async function settle(page: Page) {
  await page.mouse.move(5, 5);
  await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
}

async function inLightAndDark(page: Page, where: string) {
  for (const scheme of ['dark', 'light'] as const) {
    await emulateColorScheme(page, scheme);
    await expectAccessible(page, `${where} (${scheme})`);
  }
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => TODAY });
  await app.page.getByTestId('empty-book').waitFor();
});

afterAll(async () => app?.close());

describe('the feature catalogue on a book from vendor exports, in Chromium', () => {
  it('Settings › Features on an empty book says how features come', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    await page.getByTestId('features-empty').waitFor();
    expect(await page.getByTestId('features-empty').getByRole('link', { name: 'import usage events' }).getAttribute('href')).toBe('#/import');
  });

  it('lists the Mixpanel export’s unknown event names with suggestions, and imports them as the CSM mapped them', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/import`);
    // The account report's Products column names Dashboards, Report export, Alerts and SSO.
    await importFile(page, 'salesforce-accounts.csv');
    await importFile(page, 'mixpanel-events.csv', async () => {
      const panel = card(page, 'mixpanel-events.csv').getByTestId('unknown-events');
      await panel.waitFor();
      const rows = panel.getByTestId('unknown-event');
      // Six event names, with their rows in the file, most rows first.
      expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-event')))).toEqual([
        'Signed In', 'Viewed Dashboard', 'Created Alert', 'Exported CSV', 'Exported Report', 'Shared Dashboard',
      ]);
      expect(await panel.getByTestId('unknown-events-partial').count()).toBe(0);
      const row = (name: string) => panel.locator(`[data-testid=unknown-event][data-event="${name}"]`);
      expect(await row('Viewed Dashboard').getByTestId('unknown-event-outcome').textContent()).toBe('Viewed Dashboard');
      expect(await row('Signed In').getByTestId('unknown-event-suggestion').count()).toBe(0);
      // One-click suggestion, a typed feature picked from the list, then the rest of the suggestions at once.
      await row('Viewed Dashboard').getByTestId('unknown-event-suggestion').click();
      await row('Shared Dashboard').getByTestId('unknown-event-feature').fill('Dash');
      await page.getByRole('option', { name: 'Dashboards', exact: true }).click();
      expect(await panel.getByTestId('apply-suggestions').textContent()).toContain('(3)');
      await app.screenshots('catalogue-01-mapping-events');
      await inLightAndDark(page, 'the mapping screen with unknown event names');
      await panel.getByTestId('apply-suggestions').click();
      const chosen = await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-event'), e.getAttribute('data-chosen')]));
      expect(chosen).toEqual([
        ['Signed In', ''],
        ['Viewed Dashboard', 'Dashboards'],
        ['Created Alert', 'Alerts'],
        ['Exported CSV', 'Report export'],
        ['Exported Report', 'Report export'],
        ['Shared Dashboard', 'Dashboards'],
      ]);
      expect(await row('Exported CSV').getByTestId('unknown-event-outcome').textContent()).toBe('Report export');
      await panel.scrollIntoViewIfNeeded();
      await app.screenshots('catalogue-02-mapping-applied');
    });
    // The choices became the catalogue's rules; "Signed In", left alone, stays a feature of its own, unreviewed.
    const list = await catalogue();
    expect(list.find(([n]) => n === 'Dashboards')?.[2]).toEqual(['Viewed Dashboard', 'Shared Dashboard']);
    expect(list.find(([n]) => n === 'Report export')?.[2].sort()).toEqual(['Exported CSV', 'Exported Report']);
    expect(list.find(([n]) => n === 'Alerts')?.[2]).toEqual(['Created Alert']);
    const stored = await call(app, 'features.eventNames', {});
    expect(stored.filter((e) => e.unreviewed).map((e) => e.name)).toEqual(['Signed In']);
  });

  it('marks Dashboards, Report export and Alerts as key in Settings › Features', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    await page.getByTestId('features-list').waitFor();
    for (const name of ['Dashboards', 'Report export', 'Alerts']) {
      await feature(page, name).getByTestId('feature-key').click({ force: true });
      await page.getByTestId('catalogue-busy').or(page.getByTestId('catalogue-last-change')).first().waitFor();
      await changeApplied(page);
      await expect.poll(() => feature(page, name).getByTestId('feature-key').isChecked()).toBe(true);
    }
    expect((await catalogue()).filter(([, key]) => key).map(([n]) => n)).toEqual(['Alerts', 'Dashboards', 'Report export']);
    // The unreviewed name is first and highlighted in the list of stored event names.
    const first = page.getByTestId('event-name-row').first();
    expect(await first.getAttribute('data-event')).toBe('Signed In');
    expect(await first.getAttribute('data-unreviewed')).toBe('true');
    await settle(page);
    await page.getByTestId('settings-features').scrollIntoViewIfNeeded();
    await app.screenshots('catalogue-03-settings-features');
    await inLightAndDark(page, 'Settings › Features');
    await page.getByTestId('event-name-row').last().scrollIntoViewIfNeeded();
    await app.screenshots('catalogue-04-settings-event-names');
  });

  it('Northwind Traders shows 3 of 3 key features and adoption by feature, and recommendations name features', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/portfolio`);
    await page.getByTestId('account-row').filter({ hasText: 'Northwind Traders' }).click();
    await page.getByTestId('account-screen').waitFor();
    const adoption = page.getByTestId('feature-adoption');
    await adoption.getByTestId('breadth').waitFor();
    // Northwind pays for Dashboards, Report export and Alerts (Products column); u-1 used all three.
    expect(await adoption.getByTestId('breadth').textContent()).toBe('3 of 3 key features used');
    // Active users u-1, u-2, u-3. Dashboards: u-1 viewed, u-2 shared = 2/3; Report export and Alerts: u-1 = 1/3.
    const share = async (name: string) => (await adoption.locator(`[data-testid=feature-row][data-feature="${name}"]`).textContent()) ?? '';
    expect(await share('Dashboards')).toMatch(/67\s?%$/);
    expect(await share('Report export')).toMatch(/33\s?%$/);
    expect(await share('Alerts')).toMatch(/33\s?%$/);
    for (const event of ['Viewed Dashboard', 'Shared Dashboard', 'Exported Report', 'Exported CSV', 'Created Alert']) {
      expect(await adoption.locator(`[data-feature="${event}"]`).count()).toBe(0);
    }
    const recs = page.getByTestId('recommendations');
    await recs.getByTestId('recommendation').first().waitFor();
    const text = (await recs.textContent()) ?? '';
    // u-2 used only Dashboards, u-3 no key feature: the reminders are about Report export, Alerts and Dashboards.
    expect(text).toContain('Report export');
    expect(text).toContain('Alerts');
    for (const raw of ['Viewed Dashboard', 'Shared Dashboard', 'Exported Report', 'Exported CSV', 'Created Alert', 'user #']) expect(text).not.toContain(raw);
    await app.screenshot('catalogue-05-account');
  });

  it('undoes a merge from the notification: the catalogue and the account’s adoption are as before', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    await page.getByTestId('features-list').waitFor();
    const before = await catalogue();
    await feature(page, 'Alerts').getByTestId('feature-merge').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('merge-target').click();
    await page.getByRole('option', { name: 'Dashboards', exact: true }).click();
    await page.waitForTimeout(300);
    await app.screenshots('catalogue-06-merge-dialog');
    await dialog.getByTestId('confirm-merge').click();
    await changeApplied(page);
    await feature(page, 'Alerts').waitFor({ state: 'detached' });
    expect(await feature(page, 'Dashboards').getByTestId('feature-merged').textContent()).toContain('Alerts');
    const merged = await catalogue();
    expect(merged.find(([n]) => n === 'Dashboards')?.[2].sort()).toEqual(['Created Alert', 'Shared Dashboard', 'Viewed Dashboard']);
    const northwind = (await call(app, 'accounts.list', {})).items.find((a) => a.name === 'Northwind Traders')?.id as number;
    expect((await call(app, 'metrics.account', { id: northwind })).featureAdoption.Alerts).toBeUndefined();

    const note = page.locator('.mantine-Notification-root').filter({ hasText: 'Feature catalogue changed' }).filter({ hasText: 'Merged' });
    await note.getByTestId('undo-delete').click();
    await page.getByText(/^Undone: Merged/).waitFor();
    await feature(page, 'Alerts').waitFor();
    expect(await catalogue()).toEqual(before);
    expect((await call(app, 'metrics.account', { id: northwind })).featureAdoption.Alerts).toBeCloseTo(1 / 3, 10);
  });

  it('a rename to another feature’s name is refused with what to do instead', async () => {
    const { page } = app;
    await feature(page, 'Signed In').getByTestId('feature-rename').click();
    await feature(page, 'Signed In').getByTestId('feature-rename-input').fill('dashboards');
    await feature(page, 'Signed In').getByTestId('feature-rename-save').click();
    await expect.poll(async () => (await feature(page, 'Signed In').textContent()) ?? '').toContain('merge the two');
    await expectNoOverlap(page.getByTestId('feature-item'), 'the feature cards');
  });

  it('confirms an unreviewed event name as it is: it leaves the top of the list and is no longer flagged', async () => {
    const { page } = app;
    await page.locator('[data-testid=event-name-row][data-event="Signed In"]').getByTestId('event-confirm').click();
    await changeApplied(page);
    await page.getByTestId('unreviewed-count').waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid=event-name-row][data-unreviewed=true]').count()).toBe(0);
    expect((await call(app, 'features.eventNames', {})).filter((e) => e.unreviewed)).toEqual([]);
  });

  it('adds a * pattern to a feature, showing the stored names it catches first, and removes it again', async () => {
    const { page } = app;
    const report = feature(page, 'Report export');
    await report.getByTestId('feature-add-event').click();
    await report.getByTestId('feature-add-event-input').fill('exported *');
    await expect.poll(async () => (await report.textContent()) ?? '').toContain('Matches Exported CSV, Exported Report.');
    await report.scrollIntoViewIfNeeded();
    await app.screenshots('catalogue-07-add-pattern');
    await report.getByTestId('feature-add-event-save').click();
    await changeApplied(page);
    await expect.poll(() => report.getByTestId('feature-event').allTextContents()).toEqual(['Exported Report', 'Exported CSV', 'exported *']);
    await report.getByRole('button', { name: 'Stop counting “exported *” as Report export' }).click();
    await changeApplied(page);
    await expect.poll(() => report.getByTestId('feature-event').allTextContents()).toEqual(['Exported Report', 'Exported CSV']);
  });

  it('made no request off this machine and logged no errors', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
