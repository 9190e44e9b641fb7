// Issue #14, point 8: the onboarding template in Settings — switched on, an offset changed and saved; the section
// looked at in the two window sizes.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../helpers/import-jobs';
import { call, launchApp, type App } from './harness';

const fixture = (dir: string, name: string) => path.join(import.meta.dirname, '..', 'fixtures', dir, name);

let app: App;
beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false });
});
afterAll(async () => app?.close());

const saved = async () => (await call(app, 'settings.get', {})).onboardingTemplate;

describe('the onboarding template in Settings', () => {
  it('switches on, saves a changed offset, and fits both window sizes', async () => {
    const { page } = app;
    await page.goto(`http://127.0.0.1:${app.host.port}/#/settings`);
    const section = page.getByTestId('settings-onboarding');
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();
    await page.getByTestId('onboarding-template-enabled').click({ force: true });
    // An offset typed while the switch's save is on its way stays in the form: the section is not drawn anew
    // under the CSM's hands when the saved settings come back.
    await page.getByTestId('onboarding-offset-kickoff').fill('10');
    await expect.poll(async () => (await saved()).enabled).toBe(true);
    expect((await saved()).offsets.kickoff).not.toBe(10);
    await page.getByTestId('onboarding-save').waitFor();
    expect(await page.getByTestId('onboarding-offset-kickoff').inputValue()).toBe('10 d');
    await page.getByTestId('onboarding-save').click();
    await expect.poll(async () => (await saved()).offsets.kickoff).toBe(10);
    expect((await saved()).offsets.exceeded_value).toBe(90);
    // Save goes once the saved template holds the edit.
    await page.getByTestId('onboarding-save').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('onboarding-offset-kickoff').inputValue()).toBe('10 d');
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await section.waitFor();
      await section.scrollIntoViewIfNeeded();
      await app.screenshot(`settings-onboarding-${w}x${h}`);
    }
    // The switch saves only itself: an offset being edited waits for Save, and stays in the form meanwhile.
    await page.getByTestId('onboarding-offset-kickoff').fill('12');
    await page.getByTestId('onboarding-template-enabled').click({ force: true });
    await expect.poll(async () => (await saved()).enabled).toBe(false);
    expect((await saved()).offsets.kickoff).toBe(10);
    expect(await page.getByTestId('onboarding-offset-kickoff').inputValue()).toBe('12 d');
    // Discard puts the saved offset back; switched on again for the next case.
    await section.getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => page.getByTestId('onboarding-offset-kickoff').inputValue()).toBe('10 d');
    await page.getByTestId('onboarding-save').waitFor({ state: 'detached' });
    await page.getByTestId('onboarding-template-enabled').click({ force: true });
    await expect.poll(async () => (await saved()).enabled).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows "from usage" beside a milestone the usage data marked (template on from the case above)', async () => {
    const { page, backend } = app;
    for (const file of [fixture('book', 'features.csv'), fixture('onboarding', 'harbor-accounts.csv'), fixture('onboarding', 'harbor-events.csv')]) {
      await runJob(backend, { path: file, timeZone: 'UTC' });
    }
    const id = backend.database.sqlite.prepare("SELECT id FROM accounts WHERE name = 'Harbor Foods'").pluck().get() as number;
    await page.goto(`http://127.0.0.1:${app.host.port}/#/account/${id}`);
    await page.getByTestId('tab-milestones').click();
    await page.getByTestId('milestone-timeline').waitFor();
    await expect.poll(() => page.getByTestId('milestone-from-usage').count()).toBe(2);
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await app.screenshot(`milestones-from-usage-${w}x${h}`);
    }
  });
});
