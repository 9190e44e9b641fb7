// The daily reminder in Settings while saves come and go: a time typed while a save is on its way stays in the
// form (it is not drawn anew when the reminder comes back saved), and a save from elsewhere shows in the field the
// CSM has not touched and leaves the one they have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, holdNextCall, launchApp, type App } from './harness';

let app: App;
const NOON = new Date('2026-11-24T12:00:00Z');

beforeAll(async () => {
  // As reminders.test.ts does: the backend's and the page's clocks at noon, the reminder on at times still to come,
  // so no digest is owed while the test runs, whatever the real time.
  app = await launchApp({ demoOnFirstStart: false, now: () => NOON });
  app.backend.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  await app.page.goto('about:blank');
  await app.page.clock.install({ time: NOON });
  await call(app, 'reminders.update', { enabled: true, time: '18:00' });
});
afterAll(async () => app?.close());

const saved = () => call(app, 'reminders.get', {});

describe('reminder edits', () => {
  it('keeps a time typed during a save, and follows a save from elsewhere in the untouched switch', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    const section = page.getByTestId('settings-reminders');
    await section.scrollIntoViewIfNeeded();
    const time = section.getByTestId('reminders-time');
    const enabled = section.getByTestId('reminders-enabled');
    const save = section.getByTestId('reminders-save');
    await expect.poll(() => time.inputValue()).toBe('18:00');

    // 19:30 is saved; 20:15 is typed while that save is on its way, and stays, unsaved.
    await time.fill('19:30');
    const held = await holdNextCall(page, 'reminders.update');
    await save.click();
    await held.sent;
    await time.fill('20:15');
    held.release();
    await expect.poll(async () => (await saved()).time).toBe('19:30');
    await expect.poll(() => section.getByTestId('reminders-next').textContent()).toBe('Next reminder: today at 19:30 (UTC).');
    expect(await time.inputValue()).toBe('20:15');
    expect(await save.isEnabled()).toBe(true);

    // Turned off from elsewhere (another window, the CLI): the untouched switch shows it; the typed time stays.
    await call(app, 'reminders.update', { enabled: false });
    await expect.poll(() => enabled.isChecked()).toBe(false);
    expect(await time.inputValue()).toBe('20:15');

    // On again here, and saved with the typed time; nothing is left to save.
    await enabled.check({ force: true });
    await save.click();
    await expect.poll(async () => await saved()).toMatchObject({ enabled: true, time: '20:15' });
    await expect.poll(() => save.isDisabled()).toBe(true);
    expect(await time.inputValue()).toBe('20:15');

    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await section.scrollIntoViewIfNeeded();
      await app.screenshot(`settings-reminder-edits-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.consoleErrors).toEqual([]);
  });
});
