// The stage lengths and QBR cadence in Settings: saved together with Save; a number typed while that save is on
// its way stays in the form (the section is not drawn anew when the settings come back); a save from elsewhere
// shows in the fields the CSM has not touched and leaves the ones they have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, launchApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false });
});
afterAll(async () => app?.close());

const saved = () => call(app, 'settings.get', {});

describe('journey stages and QBR cadence in Settings', () => {
  it('saves, keeps what is typed during the save, and follows a save from elsewhere in untouched fields', async () => {
    const { page } = app;
    await page.goto(`http://127.0.0.1:${app.host.port}/#/settings`);
    const section = page.getByTestId('settings-journey');
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();
    const before = await saved();
    const field = (id: string) => page.getByTestId(id);

    await field('stage-onboarding').fill('45');
    await field('journey-save').click();
    // The cadence is typed while the save is on its way: it is not part of it, and it stays.
    await field('qbr-cadence').fill('120');
    await expect.poll(async () => (await saved()).stageLengths.onboardingDays).toBe(45);
    expect((await saved()).qbrCadenceDays).toBe(before.qbrCadenceDays);
    await field('journey-save').waitFor();
    expect(await field('qbr-cadence').inputValue()).toBe('120');
    expect(await field('stage-onboarding').inputValue()).toBe('45');

    // A save from elsewhere (another window, the CLI): the untouched renewal field shows it, the edited cadence stays.
    await call(app, 'settings.update', { stageLengths: { onboardingDays: 45, renewalDays: 75 } });
    await expect.poll(() => field('stage-renewal').inputValue()).toBe('75');
    expect(await field('qbr-cadence').inputValue()).toBe('120');

    await field('journey-save').click();
    await expect.poll(async () => (await saved()).qbrCadenceDays).toBe(120);
    expect((await saved()).stageLengths).toMatchObject({ onboardingDays: 45, renewalDays: 75 });
    await field('journey-save').waitFor({ state: 'detached' });

    // Discard puts the saved value back.
    await field('qbr-cadence').fill('30');
    await section.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => field('qbr-cadence').inputValue()).toBe('120');
    await field('journey-save').waitFor({ state: 'detached' });
    expect((await saved()).qbrCadenceDays).toBe(120);

    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await section.scrollIntoViewIfNeeded();
      await app.screenshot(`settings-journey-${w}x${h}`);
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
