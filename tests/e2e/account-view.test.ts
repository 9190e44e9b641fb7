// The account view in Chromium against the web host and the demo book (issue #5, points 2–5 and 7): the chart
// tooltips read what usage.series and health.account answer, the drivers table is health.account's components,
// milestones are created, edited, completed, deleted and undone, a QBR's open action item carries over to the
// next QBR, and a touchpoint is logged from the keyboard. Every tab passes axe's WCAG A/AA checks in light and dark
// with nothing overlapping, and is kept as a screenshot.
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { addDays } from '../../src/shared/dates';
import { expectAccessible, expectNoOverlap } from './a11y';
import { emulateColorScheme, launchApp, type App, call } from './harness';

let app: App;
let accountId: number;
let accountName: string;

/** As the drivers table prints a score: one decimal, without a trailing ".0". */
function one(n: number | null): string {
  return n === null ? '—' : n.toFixed(1).replace(/\.0$/, '');
}

async function openTab(name: 'overview' | 'milestones' | 'qbrs' | 'touchpoints') {
  await app.page.getByTestId(`tab-${name}`).click();
}

async function pickOption(select: Locator, option: string | RegExp) {
  await select.click();
  await app.page.getByRole('option', { name: option }).click();
}

/** Same-document navigation to a route, as following a link in the app does. */
async function goToHash(hash: string) {
  const url = new URL(app.page.url());
  url.hash = hash;
  await app.page.goto(url.toString());
}

async function focused(locator: Locator): Promise<boolean> {
  return (await locator.and(app.page.locator(':focus')).count()) === 1;
}

/** Lets the modal's fade-in finish, so its screenshot is not half transparent. */
async function waitForModal() {
  await app.page.getByRole('dialog').waitFor();
  await app.page.waitForTimeout(400);
}

/** Waits for the notifications to clear, so a screenshot shows the screen rather than the last toast. */
async function settle() {
  await app.page.mouse.move(5, 5);
  await expect.poll(() => app.page.locator('.mantine-Notification-root').count(), { timeout: 20_000 }).toBe(0);
}

beforeAll(async () => {
  app = await launchApp();
  await app.page.getByTestId('account-row').first().waitFor();
  // A demo account with usage today and a rule applied, so every card of the overview has something to show.
  const { items } = await call(app, 'accounts.list', {});
  const candidates = items.filter((a) => !a.churned);
  let chosen = candidates[0];
  for (const a of candidates) {
    const [usage, health] = await Promise.all([call(app, 'usage.series', { id: a.id, days: 30 }), call(app, 'health.account', { id: a.id })]);
    if ((usage.points.at(-1)?.mau ?? 0) > 0 && health.rules.length > 0) {
      chosen = a;
      break;
    }
  }
  accountId = chosen.id;
  accountName = chosen.name;
  await goToHash(`#/account/${accountId}`);
  await app.page.getByTestId('account-screen').waitFor();
});

afterAll(async () => app?.close());

describe('the account view', () => {
  it('opens from #/account/<id> with the header and the overview', async () => {
    const { page } = app;
    expect(await page.getByTestId('account-name').textContent()).toBe(accountName);
    const account = await call(app, 'accounts.get', { id: accountId });
    expect(await page.getByTestId('account-arr').textContent()).toContain(
      new Intl.NumberFormat('en-US', { style: 'currency', currency: account.currency, maximumFractionDigits: 0 }).format(account.arr ?? 0),
    );
    await page.getByTestId('health-driver').first().waitFor();
    await page.getByTestId('usage-chart').locator('svg').waitFor();
    await page.getByTestId('health-chart').locator('svg').waitFor();
    await page.getByTestId('recommendation').first().waitFor();
    await page.getByTestId('benchmarks').getByText(/renewals on record|No contract start/).waitFor();
    await page.getByTestId('renewal-likelihood').getByText(/chance of renewing|Not enough outcomes yet|cannot tell|No prediction/).waitFor();
    await app.screenshot('account-overview-light');
    await page.getByTestId('feature-adoption').scrollIntoViewIfNeeded();
    await app.screenshot('account-overview-light-lower');
    await page.getByTestId('coverage').scrollIntoViewIfNeeded();
    await app.screenshot('account-overview-light-bottom');
    await page.getByTestId('account-name').scrollIntoViewIfNeeded();
  });

  it('shows the health drivers health.account answers, with the rules applied', async () => {
    const health = await call(app, 'health.account', { id: accountId });
    const { page } = app;
    expect(await page.getByTestId('health-score').textContent()).toBe(String(Math.round(health.score ?? 0)));
    const scored = health.components.filter((c) => c.score !== null);
    expect(await page.getByTestId('health-driver').count()).toBe(scored.length);
    for (const c of scored) {
      const row = page.locator(`[data-testid="health-driver"][data-component="${c.name}"]`);
      expect(await row.locator('[data-cell="score"]').textContent()).toBe(one(c.score));
      expect(await row.locator('[data-cell="weight"]').textContent()).toBe(String(c.weight));
      expect(await row.locator('[data-cell="contribution"]').textContent()).toBe(one(c.contribution));
      for (const fact of c.facts) expect(await row.textContent()).toContain(fact);
    }
    const rules = await page.getByTestId('health-rules').textContent();
    for (const r of health.rules) expect(rules).toContain(r.reason);
  });

  it('reads the DAU / WAU / MAU tooltip as usage.series answers it, for each range', async () => {
    const { page } = app;
    const chart = page.getByTestId('usage-chart');
    for (const [label, days] of [
      ['90 d', 90],
      ['30 d', 30],
      ['12 m', 365],
    ] as const) {
      await page.getByTestId('range-switch').getByText(label, { exact: true }).click();
      const slices = chart.locator('rect[data-ref^="slice:"]');
      await expect.poll(() => slices.count()).toBe(days);
      const series = await call(app, 'usage.series', { id: accountId, days });
      // A day in the middle of the range and the last day (the as-of date).
      for (const index of [Math.floor(days / 2), days - 1]) {
        // Over a year a day's slice is under 2 px wide and its neighbour may win the hit test, so the test reads
        // which day the tooltip is about and checks that day's figures (and that it is the day aimed at, ±1).
        await slices.nth(index).hover({ force: true });
        const tooltip = page.getByTestId('usage-tooltip');
        await tooltip.waitFor();
        const date = await tooltip.getAttribute('data-date');
        const at = series.points.findIndex((p) => p.date === date);
        const point = series.points[at];
        expect(point, `usage.series has ${date}`).toBeDefined();
        expect(Math.abs(at - index)).toBeLessThanOrEqual(1);
        const text = (await tooltip.textContent()) ?? '';
        expect(text).toContain(`DAU ${point?.dau}`);
        expect(text).toContain(`WAU ${point?.wau}`);
        expect(text).toContain(`MAU ${point?.mau}`);
        if (index === days - 1 && days === 90) await app.screenshot('account-usage-tooltip');
      }
    }
    await page.mouse.move(5, 5);
  });

  it('reads the health-over-time tooltip as health.account’s history answers it', async () => {
    const { page } = app;
    const health = await call(app, 'health.account', { id: accountId });
    const slices = page.getByTestId('health-chart').locator('rect[data-ref^="slice:"]');
    await expect.poll(() => slices.count()).toBeGreaterThan(100);
    await slices.last().hover({ force: true });
    const tooltip = page.getByTestId('health-tooltip');
    await tooltip.waitFor();
    const date = await tooltip.getAttribute('data-date');
    const point = health.history.find((p) => p.date === date);
    expect(point, `health.account's history has ${date}`).toBeDefined();
    expect(point?.score).toEqual(expect.any(Number));
    expect(await tooltip.textContent()).toContain(`Health ${Math.round(point?.score ?? -1)}`);
    await app.screenshot('account-health-tooltip');
    await page.mouse.move(5, 5);
    await page.getByTestId('range-switch').getByText('90 d', { exact: true }).click();
  });

  it('creates, edits, completes, deletes and undoes a milestone', async () => {
    const { page } = app;
    await openTab('milestones');
    await page.getByTestId('milestone-timeline').waitFor();
    await app.screenshot('account-milestones-light');
    const before = (await call(app, 'milestones.list', { accountId })).items.length;

    await page.getByTestId('milestone-add').click();
    await pickOption(page.getByTestId('milestone-kind'), 'Custom');
    await page.getByTestId('milestone-name').fill('Pilot go-live');
    await page.getByTestId('milestone-target').fill('2099-03-01');
    await page.getByTestId('milestone-notes').fill('EU team first');
    await page.getByTestId('milestone-save').click();
    const pilot = page.locator('[data-testid="milestone"][data-name="Pilot go-live"]');
    await pilot.waitFor();
    expect(await pilot.getAttribute('data-status')).toBe('upcoming');
    expect(await pilot.getByTestId('milestone-dates').textContent()).toContain('Mar 1, 2099');

    await pilot.getByTestId('milestone-edit').click();
    await page.getByTestId('milestone-name').fill('Pilot go-live (EU)');
    await page.getByTestId('milestone-target').fill('2020-01-15');
    await page.getByTestId('milestone-save').click();
    const edited = page.locator('[data-testid="milestone"][data-name="Pilot go-live (EU)"]');
    await edited.waitFor();
    // A target in the past and nothing achieved: overdue, and it says so in red.
    expect(await edited.getAttribute('data-status')).toBe('overdue');
    await page.getByTestId('milestones-overdue').waitFor();

    await edited.getByTestId('milestone-complete').click();
    await expect.poll(() => edited.getAttribute('data-status')).toBe('achieved_late');
    const stored = (await call(app, 'milestones.list', { accountId })).items.find((m) => m.name === 'Pilot go-live (EU)');
    expect(stored?.achievedDate).toBe((await call(app, 'health.account', { id: accountId })).asOf);

    await edited.getByTestId('milestone-delete').click();
    await edited.waitFor({ state: 'detached' });
    expect((await call(app, 'milestones.list', { accountId })).items.length).toBe(before);
    await page.getByTestId('undo-delete').click();
    await edited.waitFor();
    expect(await edited.getAttribute('data-status')).toBe('achieved_late');
    expect((await call(app, 'milestones.list', { accountId })).items.length).toBe(before + 1);
  });

  it('logs a QBR with two action items, and the open one carries over to the next QBR', async () => {
    const { page } = app;
    await openTab('qbrs');
    await page.getByTestId('next-qbr').waitFor();
    await settle();
    await app.screenshot('account-qbrs-light');
    const suggestion = await call(app, 'qbrs.nextSuggestion', { accountId });

    await page.getByTestId('log-qbr').click();
    expect(await page.getByTestId('qbr-date').inputValue()).toBe(suggestion.suggestedDate);
    const attendees = page.getByTestId('qbr-attendees');
    await attendees.fill('Dana Sponsor');
    await attendees.press('Enter');
    await attendees.fill('Li Admin');
    await attendees.press('Enter');
    await page.getByTestId('qbr-goals').fill('Roll out dashboards to finance');
    await page.getByTestId('qbr-outcomes').fill('Agreed a pilot with two teams');
    await page.getByTestId('qbr-response').getByText('Positive').click();
    await page.getByTestId('draft-item-text').nth(0).fill('Send the renewal proposal');
    await page.getByTestId('draft-item-owner').nth(0).fill('Dana Sponsor');
    await page.getByTestId('draft-item-add').click();
    await page.getByTestId('draft-item-text').nth(1).fill('Book the admin training');
    await page.getByTestId('draft-item-owner').nth(1).fill('Li Admin');
    await page.getByTestId('draft-item-due').nth(1).fill(addDays(suggestion.suggestedDate, 30));
    await waitForModal();
    await app.screenshot('account-qbr-modal');
    await page.getByTestId('qbr-save').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const first = page.locator(`[data-testid="qbr"][data-date="${suggestion.suggestedDate}"]`);
    await first.getByText('Send the renewal proposal').waitFor();
    expect(await first.textContent()).toContain('Dana Sponsor');
    const proposal = first.locator('[data-testid="action-item"][data-text="Send the renewal proposal"]');
    await pickOption(proposal.getByTestId('action-item-status'), 'Done');
    await expect.poll(() => proposal.getAttribute('data-status')).toBe('done');

    // The next QBR: the modal says what carries over, and afterwards shows it as carried over.
    const open = (await call(app, 'qbrs.nextSuggestion', { accountId })).openActionItems;
    expect(open.map((i) => i.text)).toContain('Book the admin training');
    expect(open.map((i) => i.text)).not.toContain('Send the renewal proposal');
    await page.getByTestId('log-qbr').click();
    const notice = page.getByTestId('qbr-carry-notice');
    expect(await notice.textContent()).toContain(`${open.length} open action item`);
    expect(await notice.textContent()).toContain('Book the admin training');
    const nextDate = addDays(suggestion.suggestedDate, 91);
    await page.getByTestId('qbr-date').fill(nextDate);
    await page.getByTestId('draft-item-text').nth(0).fill('Review the pilot results');
    await page.getByTestId('qbr-save').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    const second = page.locator(`[data-testid="qbr"][data-date="${nextDate}"]`);
    const carried = second.locator('[data-testid="action-item"][data-text="Book the admin training"]');
    await carried.waitFor();
    expect(await carried.getAttribute('data-status')).toBe('open');
    await carried.getByTestId('carried-from').waitFor();
    expect(await second.textContent()).toContain('Review the pilot results');
    expect(await first.locator('[data-testid="action-item"][data-text="Book the admin training"]').getAttribute('data-status')).toBe('carried');
    // Newest first.
    expect(await page.getByTestId('qbr').first().getAttribute('data-date')).toBe(nextDate);
    await settle();
    await app.screenshot('account-qbrs-carried');

    // Delete with undo puts the QBR back with its action items.
    await second.getByTestId('qbr-delete').click();
    await second.waitFor({ state: 'detached' });
    await page.getByTestId('undo-delete').click();
    await second.locator('[data-testid="action-item"][data-text="Review the pilot results"]').waitFor();
  });

  it('logs touchpoints from the keyboard quick entry', async () => {
    const { page } = app;
    await openTab('touchpoints');
    await page.getByTestId('touchpoint-timeline').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('n');
    const title = page.getByTestId('quick-title');
    await expect.poll(() => focused(title)).toBe(true);
    await page.keyboard.type('Call with the sponsor about the pilot');
    await page.keyboard.press('Enter');
    const entries = page.getByTestId('timeline-entry');
    await entries.filter({ hasText: 'Call with the sponsor about the pilot' }).waitFor();
    // Still focused: the next one is typed straight away, and Ctrl+Enter saves too.
    await expect.poll(() => focused(title)).toBe(true);
    await page.keyboard.type('Renewal pricing questions');
    await page.keyboard.press('Control+Enter');
    await entries.filter({ hasText: 'Renewal pricing questions' }).waitFor();
    const stored = await call(app, 'touchpoints.list', { accountId, limit: 5 });
    const titles = stored.items.flatMap((i) => (i.source === 'touchpoint' ? [i.title] : []));
    expect(titles).toContain('Call with the sponsor about the pilot');
    expect(titles).toContain('Renewal pricing questions');
    await settle();
    await app.screenshot('account-touchpoints-light');

    const pricing = entries.filter({ hasText: 'Renewal pricing questions' });
    await pricing.getByTestId('timeline-delete').click();
    await pricing.waitFor({ state: 'detached' });
    await page.getByTestId('undo-delete').click();
    await pricing.waitFor();
  });

  it('prepares the QBR deck from the header and downloads it from the web host', async () => {
    const { page } = app;
    await page.getByTestId('prepare-qbr').click();
    const quarters = await call(app, 'deck.quarters', { accountId });
    const chosen = quarters.quarters.find((q) => q.id === quarters.defaultQuarter);
    await expect.poll(() => page.getByTestId('deck-quarter').inputValue()).toBe(chosen?.label);
    await waitForModal();
    await app.screenshot('account-deck-modal');
    await page.getByRole('dialog').getByText('PDF', { exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('deck-build').click()]);
    expect(download.suggestedFilename()).toBe(`${accountName} QBR ${quarters.defaultQuarter}.pdf`);
    expect(await page.getByTestId('deck-built').textContent()).toContain(chosen?.label);
    await app.screenshot('account-deck-built');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('passes axe’s contrast and name checks on every tab in light and dark, with no card, fact or tab overlapping another', async () => {
    const { page } = app;
    for (const scheme of ['light', 'dark'] as const) {
      await emulateColorScheme(page, scheme);
      await openTab('overview');
      await page.getByTestId('usage-chart').locator('svg').waitFor();
      await page.getByTestId('health-driver').first().waitFor();
      await page.getByTestId('recommendation').first().waitFor();
      await page.getByTestId('renewal-likelihood').getByText(/chance of renewing|Not enough outcomes yet|cannot tell|No prediction/).waitFor();
      await settle();
      await expectAccessible(page, `the account overview (${scheme})`);
      await expectNoOverlap(page.getByTestId('account-facts').locator(':scope > *'), `the header's facts (${scheme})`, { atLeast: 4 });
      await expectNoOverlap(page.getByRole('tab'), `the tabs (${scheme})`, { atLeast: 4 });
      // A column may stack several cards (trends; coverage, benchmarks and renewal beside the Adoption card): each card counts.
      const cards = '.mantine-Grid-col > :not(.mantine-Stack-root), .mantine-Grid-col > .mantine-Stack-root > *';
      await expectNoOverlap(page.getByTestId('account-screen').locator(cards), `the overview's cards (${scheme})`, { atLeast: 10 });
      if (scheme === 'dark') await app.screenshot('account-overview-dark');
      await page.getByTestId('usage-chart').locator('rect[data-ref^="slice:"]').nth(60).hover({ force: true });
      await page.getByTestId('usage-tooltip').waitFor();
      await expectAccessible(page, `the usage tooltip (${scheme})`);
      if (scheme === 'dark') await app.screenshot('account-usage-tooltip-dark');
      await page.mouse.move(5, 5);
      await page.getByTestId('feature-adoption').scrollIntoViewIfNeeded();
      if (scheme === 'dark') await app.screenshot('account-overview-dark-lower');
      for (const [tab, ready, item] of [
        ['milestones', 'milestone-timeline', 'milestone'],
        ['qbrs', 'next-qbr', 'qbr'],
        ['touchpoints', 'touchpoint-timeline', 'timeline-entry'],
      ] as const) {
        await openTab(tab);
        await page.getByTestId(ready).waitFor();
        await page.getByTestId(item).first().waitFor();
        await expectAccessible(page, `the ${tab} tab (${scheme})`);
        await expectNoOverlap(page.getByTestId(item), `the ${tab} (${scheme})`);
        if (scheme === 'dark') await app.screenshot(`account-${tab}-dark`);
      }
    }
    await emulateColorScheme(page, 'light');
  });

  it('overrides the stage and shows it as an override', async () => {
    const { page } = app;
    await openTab('overview');
    const account = await call(app, 'accounts.get', { id: accountId });
    const target = account.stage === 'renewal' ? 'Adoption' : 'Renewal';
    await pickOption(page.getByTestId('stage-select'), `Override: ${target}`);
    await page.getByTestId('stage-override').waitFor();
    expect(await page.getByTestId('account-stage').textContent()).toBe(target);
    expect((await call(app, 'accounts.get', { id: accountId })).stageOverridden).toBe(true);
    await pickOption(page.getByTestId('stage-select'), /Automatic/);
    await page.getByTestId('stage-override').waitFor({ state: 'detached' });
  });

  it('says so when the account does not exist', async () => {
    const { page } = app;
    await goToHash('#/account/999999');
    await page.getByTestId('account-not-found').waitFor();
    await page.getByTestId('account-not-found').getByText('Back to the portfolio').click();
    await page.getByTestId('portfolio-table').waitFor();
  });

  it('highlights the metrics below renewed accounts, with the comparison sentence', async () => {
    const { page } = app;
    const { items } = await call(app, 'accounts.list', {});
    let flagged: { id: number; comparisons: MethodOutput<'benchmarks.account'>['comparisons'] } | undefined;
    for (const a of items.filter((x) => !x.churned)) {
      const bench = await call(app, 'benchmarks.account', { id: a.id });
      if (bench.flagged.length > 0) {
        flagged = { id: a.id, comparisons: bench.comparisons };
        break;
      }
    }
    expect(flagged, 'the demo book has an account below renewed accounts').toBeDefined();
    await goToHash(`#/account/${flagged?.id}`);
    const card = page.getByTestId('benchmarks');
    await card.getByTestId('benchmark').first().waitFor();
    const shown = card.locator('[data-testid="benchmark"][data-flagged="true"]');
    const expected = flagged?.comparisons.filter((c) => c.flagged) ?? [];
    expect(await shown.count()).toBe(expected.length);
    for (const c of expected) expect(await card.textContent()).toContain(c.comparison);
    await page.getByTestId('renewal-likelihood').getByText(/chance of renewing|Not enough outcomes yet|cannot tell|No prediction/).waitFor();
    await settle();
    await card.scrollIntoViewIfNeeded();
    await app.screenshot('account-overview-benchmarks-light');
    await emulateColorScheme(page, 'dark');
    await app.screenshot('account-overview-benchmarks-dark');
    await emulateColorScheme(page, 'light');
  });

  it('tells what to do next on a new account with nothing logged yet', async () => {
    const { page } = app;
    const inserted = app.backend.database.sqlite
      .prepare('INSERT INTO accounts (name, arr_minor, currency, licenses, contract_start, renewal_date) VALUES (?, ?, ?, ?, ?, ?)')
      .run('Blank Slate Ltd', 1_200_000, 'USD', 20, '2026-11-01', '2027-11-01');
    await goToHash(`#/account/${Number(inserted.lastInsertRowid)}`);
    await page.getByTestId('usage-chart').getByText(/No usage in this range/).waitFor();
    await page.getByTestId('recommendations').getByText(/Nothing stands out|Remind|downgrade|onboarding/i).first().waitFor();
    await settle();
    await app.screenshot('account-empty-overview');
    await openTab('milestones');
    await page.getByTestId('milestones-empty').getByText(/add kickoff and basic value targets/i).waitFor();
    await app.screenshot('account-empty-milestones');
    await openTab('qbrs');
    await page.getByTestId('qbrs-empty').waitFor();
    await openTab('touchpoints');
    await page.getByTestId('touchpoints-empty').getByText(/Press N/).waitFor();
    await app.screenshot('account-empty-touchpoints');
  });

  it('opens an account from the portfolio’s link', async () => {
    const { page } = app;
    await goToHash('#/portfolio');
    await page.getByTestId('portfolio-search').fill(accountName);
    await page.getByRole('link', { name: accountName }).first().click();
    await page.getByTestId('account-screen').waitFor();
    expect(await page.getByTestId('account-name').textContent()).toBe(accountName);
    expect(page.url()).toContain(`#/account/${accountId}`);
  });

  it('made no request off this machine and logged no errors', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
