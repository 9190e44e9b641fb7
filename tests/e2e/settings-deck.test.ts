// Issue #6, point 2: the deck's company name, colour and logo are set in Settings and reach the built deck.
// Issue #13: the logo is chosen as a file (uploaded here, main's dialog on the desktop), never typed as a path.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/backend';
import { ARTIFACTS, launchApp, type App } from './harness';

const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => app?.close());

describe('deck branding in Settings', () => {
  it('saves the company name and colour, refuses a logo that is not an image, keeps one that is, and the next deck uses them', async () => {
    const { page } = app;
    await page.goto(`http://127.0.0.1:${app.host.port}/#/settings`);
    const company = page.getByTestId('deck-company');
    await company.waitFor();
    await company.fill('Northwind Success');
    await page.getByTestId('deck-color').fill('#0b7285');
    // The colour picker's dropdown stays open while the field has focus (its saturation panel then covers Save):
    // the CSM tabs away, and the dropdown must close before Save is clicked (a swallowed wait made this flaky).
    await page.getByTestId('deck-color').press('Tab');
    await page.locator('.mantine-ColorInput-dropdown').waitFor({ state: 'hidden' });
    await page.getByTestId('deck-save').click();
    await page.getByText('The next QBR deck will use these.').waitFor();
    // Save goes grey again once main's change event has brought back settings that hold what was typed. (Until
    // stop 34 the form was drawn anew then, and a logo chosen before it was lost: CI lost notes.png once;
    // settings-deck-edits.test.ts now checks that edits made during a save stay.)
    await expect.poll(() => page.getByTestId('deck-save').isDisabled()).toBe(true);
    const saved = await app.backend.api.invoke('deck.settings.get', {});
    expect(saved).toMatchObject({ ok: true, value: { settings: { companyName: 'Northwind Success', color: '#0b7285', logoPath: null } } });

    const dir = tempDir('bearing-e2e-logo-');
    const notImage = path.join(dir, 'notes.png');
    fs.writeFileSync(notImage, 'not an image');
    const logoInput = page.getByTestId('settings-deck').locator('input[type=file]');
    await logoInput.setInputFiles(notImage);
    await page.getByTestId('deck-logo').filter({ hasText: 'notes.png' }).waitFor();
    await page.getByTestId('deck-save').click();
    await page.getByText('Could not save the deck settings').waitFor();
    await page.getByText('notes.png is not a PNG or JPEG image').waitFor();

    const logo = path.join(dir, 'northwind-logo.png');
    fs.writeFileSync(logo, ONE_PIXEL_PNG);
    await logoInput.setInputFiles(logo);
    await page.getByTestId('deck-logo').filter({ hasText: 'northwind-logo.png' }).waitFor();
    await page.getByTestId('deck-save').click();
    await expect
      .poll(async () => {
        const now = await app.backend.api.invoke('deck.settings.get', {});
        return now.ok ? (now.value as { settings: { logoName: string | null } }).settings.logoName : null;
      })
      .toBe('northwind-logo.png');
    // The uploads are gone: Bearing keeps its own copy of the logo, and the refused file was set aside.
    await expect.poll(() => fs.readdirSync(path.join(app.dataDir, 'uploads'))).toEqual([]);
    // Retried until the section holds still: a scroll that raced a redraw after a save found its element detached
    // once in CI (when the form was still drawn anew on each save).
    await vi.waitFor(() => page.getByTestId('settings-deck').scrollIntoViewIfNeeded({ timeout: 2000 }), { timeout: 15_000 });
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await vi.waitFor(() => page.getByTestId('settings-deck').scrollIntoViewIfNeeded({ timeout: 2000 }), { timeout: 15_000 });
      await page.screenshot({ path: path.join(ARTIFACTS, `settings-deck-branding-${w}x${h}.png`) });
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    const accounts = await app.backend.api.invoke('accounts.list', {});
    if (!accounts.ok) throw new Error(accounts.error.message);
    const id = (accounts.value as { items: { id: number }[] }).items[0].id;
    const built = await app.backend.api.invoke('deck.build', { accountId: id, format: 'pdf' });
    if (!built.ok) throw new Error(built.error.message);
    const file = (built.value as { path: string }).path;
    expect(fs.existsSync(file)).toBe(true);
    expect(path.extname(file)).toBe('.pdf');
  });
});
