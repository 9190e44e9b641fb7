// Issue #6, point 2: the deck's company name, colour and logo are set in Settings and reach the built deck.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => app?.close());

describe('deck branding in Settings', () => {
  it('saves the company name and colour, refuses a logo that is not there, and the next deck uses them', async () => {
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
    const saved = await app.backend.api.invoke('deck.settings.get', {});
    expect(saved).toMatchObject({ ok: true, value: { settings: { companyName: 'Northwind Success', color: '#0b7285', logoPath: null } } });

    await page.getByTestId('deck-logo').fill('/no/such/logo.png');
    await page.getByTestId('deck-save').click();
    await page.getByText('Could not save the deck settings').waitFor();
    await page.getByTestId('settings-deck').scrollIntoViewIfNeeded();
    await app.screenshot('settings-deck-branding');

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
