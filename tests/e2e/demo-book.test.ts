// First start of the app on an empty store: the demo book's export files are imported, it is marked as demo, goes in
// one action, and comes back from the empty portfolio with its progress shown while the importer runs.
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

  it('loads again from the empty portfolio, showing its progress while its files go through the importer', async () => {
    const { page } = app;
    await page.getByTestId('load-demo').click();
    await page.getByTestId('demo-progress').waitFor();
    expect(await page.getByTestId('demo-progress').innerText()).toMatch(/of \d+\)/);
    await app.screenshot('demo-loading');
    await page.setViewportSize({ width: 1024, height: 700 });
    await app.screenshot('demo-loading-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    // The accounts arrive first; the banner says what is still loading until the last file is in.
    await page.getByTestId('account-row').first().waitFor({ timeout: 90_000 });
    await page.getByTestId('demo-banner-progress').waitFor();
    await app.screenshot('demo-loading-banner');
    await page.getByTestId('demo-banner-progress').waitFor({ state: 'detached', timeout: 90_000 });
    const imports = await app.backend.api.invoke('imports.list', {});
    if (!imports.ok) throw new Error(imports.error.message);
    const records = imports.value as { origin: string; kind: string; status: string }[];
    expect(records.map((r) => [r.kind, r.origin, r.status]).reverse()).toEqual([
      ['features', 'demo', 'imported'],
      ['accounts', 'demo', 'imported'],
      ['users', 'demo', 'imported'],
      ['daily_usage', 'demo', 'imported'],
      ['events', 'demo', 'imported'],
    ]);
    await page.getByText('Demo book.').waitFor();
  }, 120_000);

  it('makes no request outside the local web host and logs no errors', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
