// Issue #14, point 2, in Chromium: Monday triage on Home. The book comes only from vendor-shaped exports
// (tests/fixtures/book/tasks-*.csv: Salesforce accounts, HubSpot contacts, Mixpanel events); the clock is
// 2026-11-24 (UTC), when the real signals raise 12 tasks, all overdue or due today (worked out by hand from the files):
// Alder Health ($240,000): no touchpoint (due 2026-01-31), QBR overdue (2026-04-02), renewal conversation, health
// drop, downgrade risk, Olga Berg dormant (2026-11-24); Cedar Bank ($150,000): no touchpoint (2026-11-15), downgrade
// risk; Birch Logistics ($90,000): no touchpoint (2025-12-11), QBR overdue (2026-02-10), renewal outcome (2026-11-10),
// downgrade risk. Overdue = due before 2026-11-24: 6. ARR at stake: 240,000 + 150,000 + 90,000 = $480,000.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App, call } from './harness';

let app: App;
const book = (name: string) => path.resolve(import.meta.dirname, '../fixtures/book', name);
type List = MethodOutput<'tasks.list'>;

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  app.backend.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  for (const file of ['tasks-salesforce-accounts.csv', 'tasks-hubspot-contacts.csv', 'tasks-mixpanel-events.csv']) {
    await runJob(app.backend, { path: book(file), timeZone: 'UTC' });
  }
  await call(app, 'deck.settings.set', { csmName: 'Jane Doe', csmTitle: 'Customer Success Manager' });
}, 60_000);
afterAll(async () => app?.close());

describe('Monday triage on Home', () => {
  it('shows today by account, snoozes, drafts and logs an e-mail from the keyboard, marks one done, and the timeline gains it', async () => {
    const { page } = app;
    // The app opens on Home once the book has accounts.
    await page.goto(app.host.url);
    const home = page.getByTestId('home');
    await home.waitFor();
    const summary = page.getByTestId('home-summary');
    expect(await summary.textContent()).toBe('Nov 24, 2026 · 12 due or overdue (6 overdue) across 3 accounts · $480,000 ARR at stake');
    expect(await page.getByTestId('home-group-name').allTextContents()).toEqual(['Alder Health', 'Cedar Bank', 'Birch Logistics']);
    expect(await page.getByTestId('home-group-arr').allTextContents()).toEqual(['$240,000 ARR', '$150,000 ARR', '$90,000 ARR']);
    const alder = page.getByTestId('home-group').filter({ hasText: 'Alder Health' });
    expect(await alder.getByTestId('home-task-title').allTextContents()).toEqual([
      'Check in with Alder Health',
      'Hold a QBR with Alder Health',
      'Health fell 35 points at Alder Health',
      'Start the renewal conversation with Alder Health',
      'Paid features unused: downgrade risk',
      'Re-engage Olga Berg at Alder Health',
    ]);
    // Every task's reason and facts speak in the app's one date format ("Oct 25, 2026"), never "2026-10-25".
    const iso = (await page.locator('body').innerText()).split('\n').filter((line) => /\b\d{4}-\d{2}-\d{2}\b/.test(line));
    expect(iso).toEqual([]);
    expect(await alder.getByText(/^Health went from 38 on Oct 25, 2026 to 3 on Nov 24, 2026, down 35 points in 30 days\.$/).count()).toBe(1);
    await page.waitForTimeout(300);
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await app.screenshot(`home-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    const selected = page.locator('[data-testid="home-task"][data-selected]');
    await expect.poll(() => selected.getByTestId('home-task-title').textContent()).toBe('Check in with Alder Health');
    // j moves to the QBR; s snoozes it until tomorrow and it leaves today's list.
    await page.keyboard.press('j');
    await expect.poll(() => selected.getByTestId('home-task-title').textContent()).toBe('Hold a QBR with Alder Health');
    await page.keyboard.press('s');
    await expect.poll(() => summary.textContent()).toContain('11 due or overdue (5 overdue)');
    expect(await alder.getByTestId('home-task-title').allTextContents()).not.toContain('Hold a QBR with Alder Health');
    const snoozed = (await call<List>(app, 'tasks.list', { status: 'snoozed' })).items;
    expect(snoozed.map((t) => [t.title, t.snoozedUntil])).toEqual([['Hold a QBR with Alder Health', '2026-11-25']]);

    // k back to the check-in; e drafts the post-onboarding check-in; logging it puts it on the timeline.
    await page.keyboard.press('k');
    await expect.poll(() => selected.getByTestId('home-task-title').textContent()).toBe('Check in with Alder Health');
    await page.keyboard.press('e');
    const modal = page.getByRole('dialog');
    await modal.getByTestId('outreach-subject').waitFor();
    expect(await modal.getByTestId('outreach-subject').inputValue()).toBe('How is Alder Health settling in?');
    // Keys typed in the dialog are the dialog's: "d" in the message does not mark a task done.
    await modal.getByTestId('outreach-body').press('End');
    await modal.getByTestId('outreach-body').pressSequentially(' d');
    await modal.getByTestId('outreach-log-sent').click();
    await modal.waitFor({ state: 'hidden' });
    // The e-mail is a touchpoint: the no-touchpoint signal clears and its task closes itself.
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('10 due or overdue (4 overdue)');
    expect(await alder.getByTestId('home-task-title').allTextContents()).not.toContain('Check in with Alder Health');

    // d marks the selected task (now the health drop) done. The e-mail lifted the relationship part of health, so
    // the drop is smaller now and the task's title says so (it was 35 points).
    await expect.poll(() => selected.getByTestId('home-task-title').textContent()).toMatch(/^Health fell \d+ points? at Alder Health$/);
    const dropTitle = (await selected.getByTestId('home-task-title').textContent()) ?? '';
    expect(dropTitle).not.toBe('Health fell 35 points at Alder Health');
    await page.keyboard.press('d');
    await expect.poll(() => summary.textContent()).toContain('9 due or overdue (4 overdue)');
    const done = (await call<List>(app, 'tasks.list', { status: 'done' })).items.map((t) => [t.title, t.closedBy]);
    expect(done).toEqual(expect.arrayContaining([[dropTitle, 'user'], ['Check in with Alder Health', 'signal']]));

    // Enter opens the account; its timeline has the e-mail.
    await page.keyboard.press('Enter');
    await page.getByTestId('tab-touchpoints').click();
    await page.getByTestId('timeline-entry').filter({ hasText: 'How is Alder Health settling in?' }).waitFor();
    expect(page.url()).toMatch(/#\/account\/\d+/);
    expect(app.consoleErrors).toEqual([]);
  });

  it('Ctrl+1…4 go to the navbar’s screens in its order: Today, Portfolio, Import, Settings', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/home`);
    await page.getByTestId('home').waitFor();
    for (const [key, hash] of [['2', '#/portfolio'], ['3', '#/import'], ['4', '#/settings'], ['1', '#/home']] as const) {
      await page.locator('body').press(`Control+${key}`);
      await expect.poll(() => new URL(page.url()).hash).toBe(hash);
    }
  });
});
