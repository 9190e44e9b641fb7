// Issue #12, point 5, in Chromium through the web host, on a book imported from vendor-shaped exports (no demo data;
// tests/helpers/adoption-book.ts): the portfolio's Needs attention card gives every reason with its accounts, Time to
// onboard opens to its cohorts, the rows flag early warnings and a renewal passed without an outcome; the account's
// Adoption card shows the figures counted by hand in tests/unit/adoption-card.test.ts and each opens to its inputs;
// the header shows the early-warning badges. Screenshots at 1440×900 and 1024×700 (the card in light and dark too) and axe's checks.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { formatCount, formatPercent } from '../../src/shared/format';
import { ADOPTION_NOW, ADOPTION_TODAY, buildAdoptionBook } from '../helpers/adoption-book';
import { expectAccessible } from './a11y';
import { emulateColorScheme, launchApp, type App } from './harness';

let app: App;
let ids: Awaited<ReturnType<typeof buildAdoptionBook>>;

async function shots(page: Page, name: string, scrollTo?: string) {
  await app.screenshots(name, async () => scrollTo && page.getByTestId(scrollTo).scrollIntoViewIfNeeded());
}

const text = (testId: string) => app.page.getByTestId(testId).first().innerText();

/** Opens a figure's explanation and returns what it says, then closes it. */
async function inputsOf(testId: string): Promise<string> {
  await app.page.getByTestId(testId).click();
  // One line per input: innerText separates block elements by blank lines.
  const body = (await app.page.getByTestId(`${testId}-inputs`).innerText()).replace(/\n+/g, '\n');
  await app.page.getByTestId(testId).click();
  await app.page.getByTestId(`${testId}-inputs`).waitFor({ state: 'hidden' });
  return body;
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => ADOPTION_NOW });
  ids = await buildAdoptionBook(app.backend);
  await app.page.reload();
  await app.page.getByTestId('account-row').first().waitFor();
});

afterAll(async () => app?.close());

describe('the portfolio', () => {
  it('counts every reason to look at an account, with its breakdown and accounts', async () => {
    const page = app.page;
    expect(await text('kpi-attention')).toBe('3');
    expect(await text('kpi-attention-sub')).toBe('1 milestone · 2 QBR · 1 warning · 1 renewal');
    await page.getByTestId('kpi-attention-card').click();
    const reasons = page.getByTestId('attention-reason');
    await reasons.first().waitFor();
    const read = async (reason: string) => {
      const r = page.locator(`[data-testid=attention-reason][data-reason=${reason}]`);
      return [await r.getByTestId('attention-count').innerText(), await r.getByTestId('attention-account').allInnerTexts()];
    };
    expect(await read('overdueMilestones')).toEqual(['1', ['Birch Co']]);
    expect(await read('qbrOverdue')).toEqual(['2', ['Cedar Inc', 'Dune GmbH']]);
    expect(await read('earlyWarnings')).toEqual(['1', ['Birch Co']]);
    expect(await read('renewalPassedWithoutOutcome')).toEqual(['1', ['Cedar Inc']]);
    await expectAccessible(page, 'portfolio with needs attention open');
    await shots(page, 'adoption-01-portfolio-needs-attention');
    await page.getByTestId('kpi-attention-card').click();
    await page.getByTestId('kpi-attention-inputs').waitFor({ state: 'hidden' });
  });

  it('shows the latest cohort’s time to onboard and opens to every cohort', async () => {
    const page = app.page;
    expect(await text('kpi-onboard')).toBe(formatPercent(1));
    expect(await text('kpi-onboard-sub')).toBe('2026-Q3: 1 of 1 within 30 days');
    await page.getByTestId('kpi-onboard-card').click();
    const cohorts = page.getByTestId('onboard-cohort');
    await cohorts.first().waitFor();
    expect(await cohorts.allInnerTexts()).toEqual([
      '2025-Q2\t0\t0\tno data',
      '2025-Q4\t1\t0\t0%',
      '2026-Q3\t1\t1\t100%',
      '2026-Q4\t0\t0\tno data',
    ]);
    await shots(page, 'adoption-02-portfolio-time-to-onboard');
    await page.getByTestId('kpi-onboard-card').click();
    await page.getByTestId('kpi-onboard-inputs').waitFor({ state: 'hidden' });
  });

  it('flags Birch’s early warnings and Cedar’s renewal passed without an outcome in their rows', async () => {
    const row = (id: number) => app.page.locator(`[data-testid=account-row][data-account-id="${id}"]`);
    expect(await row(ids.birch).getByTestId('early-warning-flag').getAttribute('title')).toBe(
      'Early warning: 4 support cases opened in the first 30 days (more than 3). Only 5% of licenses in use during onboarding (below 20%).',
    );
    expect(await row(ids.aurora).getByTestId('early-warning-flag').count()).toBe(0);
    const cedar = row(ids.cedar).getByTestId('renewal-passed');
    expect([await cedar.innerText(), await cedar.getAttribute('title')]).toEqual([
      'record outcome',
      'Renewal passed 29 days ago with no outcome recorded: open the account and use Record renewal',
    ]);
    expect(await row(ids.dune).getByTestId('renewal-passed').count()).toBe(0);
    await shots(app.page, 'adoption-03-portfolio');
  });
});

describe('the account', () => {
  it('shows the Adoption card’s figures, each opening to its inputs', async () => {
    const page = app.page;
    await page.goto(`${app.host.url.split('#')[0]}#/account/${ids.aurora}`);
    await page.getByTestId('adoption-card').waitFor();
    const api = await app.backend.api.invoke('metrics.account', { id: ids.aurora, asOf: ADOPTION_TODAY });
    if (!api.ok) throw new Error(api.error.message);
    const m = api.value as MethodOutput<'metrics.account'>;

    expect(await text('adoption-active')).toBe(formatPercent(0.8));
    expect(await inputsOf('adoption-active')).toContain('4 active in the last 30 days\n5 users on record');
    expect(await text('adoption-adopted')).toBe(formatPercent(0.4));
    expect(await inputsOf('adoption-adopted')).toContain('active on at least 8 distinct days of the last 30 and used a key feature');
    expect(await text('adopted-account')).toBe('No');
    expect(await inputsOf('adopted-account')).toContain('Onboarding achieved Aug 25, 2026\nMean daily active users 0.7 of 5 users = 15%');
    expect(await text('stickiness')).toBe(formatPercent(22 / 30 / 4));
    expect(await inputsOf('stickiness')).toContain('Mean DAU 0.7\nMAU 4');
    // The engagement score ranks each user against the whole book: the screen shows what metrics.account computed.
    expect(await text('engagement')).toBe(formatCount(m.engagementScore));
    expect(await inputsOf('engagement')).toContain('4 active users scored');
    expect(await text('first-key-action')).toBe('1 day');
    expect(await inputsOf('first-key-action')).toContain('4 of 5 users have used a key feature');
    expect(await text('adoption-slope')).toBe('+0.9 active users a month');
    expect(await inputsOf('adoption-slope')).toContain('Month 1: 1 · Month 2: 3 · Month 3: 3 · Month 4: 4');
    expect(await text('campaign-uplift-value')).toBe(`+${formatPercent(4)}`);
    expect(await inputsOf('campaign-uplift-value')).toContain('2 events in the 30 days before · 10 in the 30 days after');
    expect(await page.getByTestId('early-warning').count()).toBe(0);
    await expectAccessible(page, 'account with the Adoption card');
    await shots(page, 'adoption-04-account-card', 'adoption-card');
    await emulateColorScheme(page, 'dark');
    await expectAccessible(page, 'account with the Adoption card (dark)');
    await shots(page, 'adoption-04-account-card-dark', 'adoption-card');
    await emulateColorScheme(page, 'light');
  });

  it('shows Birch’s early warnings in its header, each opening to its figures', async () => {
    const page = app.page;
    await page.goto(`${app.host.url.split('#')[0]}#/account/${ids.birch}`);
    await page.getByTestId('early-warning').first().waitFor();
    expect(await page.getByTestId('early-warning').allTextContents()).toEqual(['Early support cases', 'Low onboarding usage']);
    await page.getByTestId('early-warning').first().click();
    expect(await page.getByTestId('early-warning-inputs').innerText()).toBe('4 support cases opened in the first 30 days (more than 3).');
    await shots(page, 'adoption-05-account-early-warnings');
    await page.keyboard.press('Escape');
  });
});
