// Issue #14, point 3, in Chromium: Settings › Reminders and the web host's in-app reminder. The book comes only from
// vendor-shaped exports (tests/fixtures/book/tasks-*.csv: Salesforce accounts, HubSpot contacts, Mixpanel events).
// The backend's clock is 2026-11-24 12:00 UTC and the page's clock is installed at the same instant, then moved on.
// Worked out by hand from the files (as in monday-triage.test.ts): 12 open tasks overdue or due today over 3
// accounts. Overdue (due before 2026-11-24): Alder Health no touchpoint (2026-01-31) and QBR (2026-04-02); Cedar Bank
// no touchpoint (2026-11-15); Birch Logistics no touchpoint (2025-12-11), QBR (2026-02-10), renewal outcome
// (2026-11-10) = 6. Due today: Alder's renewal conversation, health drop, downgrade risk and Olga Berg dormant;
// Cedar's and Birch's downgrade risk = 6. Renewals 2026-11-24..30: none (Alder 2027-01-20, Birch 2026-11-10 passed,
// Cedar 2027-10-31).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../src/shared/contract';
import { runJob } from '../helpers/import-jobs';
import { expectAccessible } from './a11y';
import { launchApp, type App, call } from './harness';

let app: App;
const book = (name: string) => path.resolve(import.meta.dirname, '../fixtures/book', name);
const NOON = new Date('2026-11-24T12:00:00Z');

beforeAll(async () => {
  // Off while the harness's first page load runs on the real clock (it would record today's real date as shown).
  app = await launchApp({ demoOnFirstStart: false, now: () => NOON });
  app.backend.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  for (const file of ['tasks-salesforce-accounts.csv', 'tasks-hubspot-contacts.csv', 'tasks-mixpanel-events.csv']) {
    await runJob(app.backend, { path: book(file), timeZone: 'UTC' });
  }
  await app.page.goto('about:blank');
  await app.page.clock.install({ time: NOON });
  // On, at a time still to come: nothing is owed when the page opens.
  expect(await call<ReminderSettings>(app, 'reminders.update', { enabled: true, time: '18:00' })).toEqual({ enabled: true, time: '18:00', lastShownOn: null });
}, 60_000);
afterAll(async () => app?.close());

describe('reminders in the web host', () => {
  it('sets the time in Settings (refusing 25:00, saying why), shows the digest when it passes, opens Home, not again after a reload, and turns off', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    const section = page.getByTestId('settings-reminders');
    await section.scrollIntoViewIfNeeded();
    const next = section.getByTestId('reminders-next');
    await expect.poll(() => next.textContent()).toBe('Next reminder: today at 18:00 (UTC).');

    // 25:00 is refused in the form, with the reason; the saved time stays 18:00.
    const time = section.getByTestId('reminders-time');
    await time.fill('25:00');
    await section.getByTestId('reminders-save').click();
    await expect.poll(() => section.getByTestId('reminders-time-error').textContent()).toBe(
      '25:00 is not a time of day: hours go from 00 to 23 (midnight is 00:00). Write such as 08:30 or 17:45.',
    );
    expect(await time.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'Settings › Reminders with a refused time');
    expect((await call<ReminderSettings>(app, 'reminders.get', {})).time).toBe('18:00');
    await page.waitForTimeout(300);
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await section.scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await app.screenshot(`settings-reminders-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // 12:01, a minute after the page's now.
    await time.fill('12:01');
    await section.getByTestId('reminders-save').click();
    await expect.poll(() => next.textContent()).toBe('Next reminder: today at 12:01 (UTC).');
    expect(await call<ReminderSettings>(app, 'reminders.get', {})).toEqual({ enabled: true, time: '12:01', lastShownOn: null });
    const notification = page.getByTestId('reminder-notification');
    expect(await notification.count()).toBe(0);

    // The page's clock passes 12:01: the digest shows, once, and the day is recorded.
    await page.clock.fastForward('01:30');
    await notification.waitFor();
    expect(await notification.getByTestId('reminder-summary').textContent()).toBe('6 overdue, 6 due today across 3 accounts; no renewal this week.');
    expect(await notification.getByTestId('reminder-account').allTextContents()).toEqual([
      'Alder Health: 2 overdue, 4 due today',
      'Cedar Bank: 1 overdue, 1 due today',
      'Birch Logistics: 3 overdue, 1 due today',
    ]);
    await expect.poll(async () => (await call<ReminderSettings>(app, 'reminders.get', {})).lastShownOn).toBe('2026-11-24');
    await expect.poll(() => next.textContent()).toBe('Next reminder: tomorrow at 12:01 (UTC). Last shown for Nov 24, 2026.');
    await page.waitForTimeout(500);
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await app.screenshot(`reminder-notification-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await notification.count()).toBe(1);
    await expectAccessible(page, 'the reminder notification');

    // Its button opens Home.
    await notification.getByTestId('reminder-open-home').click();
    await page.getByTestId('home').waitFor();
    expect(new URL(page.url()).hash).toBe('#/home');
    await notification.waitFor({ state: 'detached' });

    // A reload the same day does not show it again, however long the page then stays open (past the 15-minute wake).
    await page.reload();
    await page.getByTestId('home-summary').waitFor();
    await page.clock.fastForward('20:00');
    await page.waitForTimeout(1000);
    expect(await notification.count()).toBe(0);

    // Turned off in Settings: saved, and said so.
    await page.goto(`${app.host.url}#/settings`);
    await section.scrollIntoViewIfNeeded();
    await section.getByTestId('reminders-enabled').click();
    await section.getByTestId('reminders-save').click();
    await expect.poll(() => next.textContent()).toBe('Reminders are off: no digest is shown. Last shown for Nov 24, 2026.');
    expect(await call<ReminderSettings>(app, 'reminders.get', {})).toEqual({ enabled: false, time: '12:01', lastShownOn: '2026-11-24' });
    expect(app.consoleErrors).toEqual([]);
  });
});
