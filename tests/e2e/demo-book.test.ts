// First start of the app on an empty store: the demo book loads, is marked as demo, and goes in one action.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(async () => app?.close());

describe('the demo book, in Chromium against the web host', () => {
  it('shows the demo accounts on first start, marked as demo', async () => {
    const { page } = app;
    await page.getByTestId('account-row').first().waitFor();
    expect(await page.getByTestId('account-row').count()).toBeGreaterThan(10);
    const result = await app.backend.api.invoke('accounts.list', {});
    if (!result.ok) throw new Error(result.error.message);
    const { items } = result.value as { items: { name: string; isDemo: boolean }[] };
    expect(items.length).toBeGreaterThanOrEqual(50);
    expect(items.every((a) => a.isDemo)).toBe(true);
    const shown = await page.getByTestId('account-row').allInnerTexts();
    expect(shown.some((text) => text.includes(items[0].name))).toBe(true);
    await expect(page.getByText('Demo book.').isVisible()).resolves.toBe(true);
    await app.screenshot('demo-portfolio');
  });

  it('removes the demo book in one action, leaving an empty state that says what to do next', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /remove demo data/i }).click();
    await page.getByRole('dialog').getByRole('button', { name: /remove/i }).click();
    await page.getByText(/load the demo book/i).first().waitFor();
    const result = await app.backend.api.invoke('app.info', {});
    expect(result).toMatchObject({ ok: true, value: { demo: { loaded: false }, counts: { accounts: 0 } } });
    await app.screenshot('demo-removed-empty');
  });

  it('makes no request outside the local web host and logs no errors', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
