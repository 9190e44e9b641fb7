// The QBR deck's settings form while saves come and go: what the CSM types, or a logo they choose, while a save is
// on its way stays in the form (the section is not drawn anew when the settings come back), and a save from
// elsewhere (another window, the CLI) shows in the fields they have not touched and leaves the ones they have.
// The save is held back on its way to the host, so the typing always lands before it does.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { call, holdNextCall, launchApp, type App } from './harness';

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let app: App;
beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false });
});
afterAll(async () => app?.close());

const saved = async () => (await call(app, 'deck.settings.get', {})).settings;

describe('deck settings while saves come and go', () => {
  it('keeps what is typed and the logo chosen during a save, and follows a save from elsewhere in untouched fields', async () => {
    const { page } = app;
    await page.goto(`http://127.0.0.1:${app.host.port}/#/settings`);
    const section = page.getByTestId('settings-deck');
    await section.waitFor();
    await section.scrollIntoViewIfNeeded();
    const field = (id: string) => page.getByTestId(id);
    const save = field('deck-save');

    // The company is saved; the title is typed while that save is on its way.
    await field('deck-company').fill('Northwind Success ');
    const first = await holdNextCall(page, 'deck.settings.set');
    await save.click();
    await first.sent;
    await field('deck-csm-title').fill('Head of Customer Success');
    first.release();
    await expect.poll(async () => (await saved()).companyName).toBe('Northwind Success');
    // The saved company shows as stored (trimmed), and the title typed during the save is still there, unsaved.
    await expect.poll(() => field('deck-company').inputValue()).toBe('Northwind Success');
    expect(await field('deck-csm-title').inputValue()).toBe('Head of Customer Success');
    expect((await saved()).csmTitle).toBe('');
    expect(await save.isEnabled()).toBe(true);

    // A save from elsewhere: the untouched name shows it, the edited title stays.
    await call(app, 'deck.settings.set', { csmName: 'Jane Doe', csmTitle: 'CSM' });
    await expect.poll(() => field('deck-csm-name').inputValue()).toBe('Jane Doe');
    expect(await field('deck-csm-title').inputValue()).toBe('Head of Customer Success');

    // A logo chosen and saved; the colour is typed while that save is on its way.
    const dir = tempDir('bearing-e2e-deck-edits-');
    const logo = path.join(dir, 'northwind-logo.png');
    fs.writeFileSync(logo, ONE_PIXEL_PNG);
    await section.locator('input[type=file]').setInputFiles(logo);
    await field('deck-logo').filter({ hasText: 'northwind-logo.png' }).waitFor();
    const second = await holdNextCall(page, 'deck.settings.set');
    await save.click();
    await second.sent;
    await field('deck-color').fill('#2B8A3E');
    await field('deck-color').press('Tab');
    second.release();
    await expect.poll(async () => (await saved()).logoName).toBe('northwind-logo.png');
    expect(await saved()).toMatchObject({ csmTitle: 'Head of Customer Success', csmName: 'Jane Doe', companyName: 'Northwind Success' });
    expect(await field('deck-color').inputValue()).toBe('#2B8A3E');
    await expect.poll(() => field('deck-logo').textContent()).toBe('northwind-logo.png');

    // Saving the colour leaves nothing to save; Remove then puts the logo edit back, and saving it removes the logo.
    await save.click();
    await expect.poll(async () => (await saved()).color).toBe('#2b8a3e');
    await expect.poll(() => save.isDisabled()).toBe(true);
    expect(await field('deck-color').inputValue()).toBe('#2b8a3e');
    await field('deck-logo-remove').click();
    expect(await field('deck-logo').textContent()).toBe('No logo');
    await save.click();
    await expect.poll(async () => (await saved()).logoName).toBe(null);
    await expect.poll(() => save.isDisabled()).toBe(true);
    expect(await field('deck-logo').textContent()).toBe('No logo');

    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await section.scrollIntoViewIfNeeded();
      await app.screenshot(`settings-deck-edits-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.consoleErrors).toEqual([]);
  });
});
