// The renderer against the real web host and store: the portfolio lists the accounts through the contract,
// stays virtualized at 2,000 rows, refetches when main announces a change, and never leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/app/backend';
import { tempDir } from '../helpers/backend';
import { launchApp, type App } from './harness';

const ACCOUNTS = 2000;
let app: App;

function seed(dataDir: string) {
  const backend = openBackend({ host: 'cli', dataDir });
  const insert = backend.database.sqlite.prepare(
    'INSERT INTO accounts (name, arr_minor, currency, licenses, contract_start, renewal_date) VALUES (?, ?, ?, ?, ?, ?)',
  );
  backend.database.sqlite.transaction(() => {
    insert.run('Acme Logistics', 12_000_000, 'USD', 250, '2025-01-15', '2027-01-15');
    for (let i = 1; i < ACCOUNTS; i++) {
      insert.run(`Zeta Account ${String(i).padStart(4, '0')}`, (i % 97) * 100_000, 'USD', i % 300, '2025-06-01', '2026-06-01');
    }
  })();
  backend.close();
}

function realErrors(): string[] {
  return app.consoleErrors;
}

beforeAll(async () => {
  const dataDir = tempDir('bearing-e2e-portfolio-');
  seed(dataDir);
  app = await launchApp({ dataDir, demoOnFirstStart: false });
  await app.page.getByTestId('portfolio-table').waitFor();
});

afterAll(async () => {
  await app?.close();
});

describe('portfolio', () => {
  it('lists accounts with stage, ARR, licenses and renewal, and keeps the token out of the address bar', async () => {
    const first = app.page.getByTestId('account-row').first();
    await expect.poll(() => first.textContent()).toContain('Acme Logistics');
    const text = (await first.textContent()) ?? '';
    expect(text).toContain('$120,000');
    expect(text).toContain('250');
    expect(text).toContain('Jan 15, 2027');
    expect(text).toMatch(/Onboarding|Adoption|Renewal/);
    expect(app.page.url()).not.toContain('token=');
    expect(await app.page.getByTestId('portfolio-count').textContent()).toContain('2,000 accounts');
    await app.screenshot('portfolio-light');
  });

  it('renders only the rows in view of 2,000 and reaches the last one by scrolling', async () => {
    const rendered = await app.page.getByTestId('account-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    const scroller = app.page.getByTestId('portfolio-table').locator('..');
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(() => app.page.getByTestId('account-row').last().textContent()).toContain('Zeta Account 1999');
    await scroller.evaluate((el) => el.scrollTo(0, 0));
  });

  it('filters by the search box', async () => {
    const search = app.page.getByTestId('portfolio-search');
    await search.fill('acme');
    await expect.poll(() => app.page.getByTestId('account-row').count()).toBe(1);
    expect(await app.page.getByTestId('portfolio-count').textContent()).toContain('1 of 2,000');
    await search.fill('');
  });

  it('refetches when main announces that accounts changed', async () => {
    const acme = app.page.getByTestId('account-row').filter({ hasText: 'Acme Logistics' });
    await acme.waitFor();
    expect(await acme.getByTestId('stage-override').count()).toBe(0);
    // A write from outside this page (another window, the CLI): only the `changed` event can tell the page.
    const result = await app.backend.api.invoke('accounts.setStageOverride', { id: 1, stage: 'renewal' });
    expect(result.ok).toBe(true);
    await acme.getByTestId('stage-override').waitFor({ timeout: 5000 });
    expect(await acme.textContent()).toContain('Renewal');
  });

  it('follows the OS colour scheme and remembers the CSM’s choice', async () => {
    const context = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${app.host.url}#/portfolio`);
    await page.getByTestId('portfolio-table').waitFor();
    const scheme = () => page.locator('html').getAttribute('data-mantine-color-scheme');
    expect(await scheme()).toBe('dark');
    await page.getByTestId('color-scheme-toggle').click();
    expect(await scheme()).toBe('light');
    await page.reload();
    await page.getByTestId('portfolio-table').waitFor();
    expect(await scheme()).toBe('light');
    await context.close();
  });

  it('made no request off this machine and logged no errors', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(realErrors()).toEqual([]);
  });
});
