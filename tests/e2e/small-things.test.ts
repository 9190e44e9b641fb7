// Issue #16 point 4 in Chromium: the Ctrl/⌘+K palette opens empty and lists names in natural order. The book is a
// Salesforce-shaped accounts export written for this test (numbered entities of one group, as CRMs export them).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App, call } from './harness';

let app: App;
/** Account ids by name, read once the book is imported. */
const ids = new Map<string, number>();

/** Same-document navigation, as following a link in the app does. */
async function goToHash(hash: string) {
  await app.page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
}
const HEADER = '"Account Name","Account ID","Account Owner","Industry","Type","Annual Revenue","Licenses","Contract Start Date","Renewal Date","Products"';
const ROWS = [
  '"Summit Capital 10","0015g00000SmCpAAA1","Priya Raman","Financial Services","Customer - Direct","$90,000.00","12","2/1/2026","1/31/2027","Dashboards"',
  '"Summit Capital 2","0015g00000SmCpAAA2","Priya Raman","Financial Services","Customer - Direct","$60,000.00","8","4/1/2026","3/31/2027","Dashboards"',
  '"Summit Capital 1","0015g00000SmCpAAA3","Priya Raman","Financial Services","Customer - Direct","$30,000.00","5","5/1/2026","4/30/2027","Alerts"',
];

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-11-24T12:00:00Z') });
  const file = path.join(tempDir('bearing-small-'), 'salesforce-accounts.csv');
  writeFileSync(file, `${[HEADER, ...ROWS].join('\r\n')}\r\n`);
  await runJob(app.backend, { path: file, timeZone: 'UTC' });
  for (const a of (await call(app, 'accounts.list', {})).items) ids.set(a.name, a.id);
}, 60_000);
afterAll(async () => app?.close());

describe('the palette', () => {
  it('sorts numbered names naturally and opens empty after a search', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/portfolio`);
    await page.getByText('Summit Capital 10').first().waitFor();
    const search = page.getByPlaceholder('Jump to an account, or type a command…');
    await page.keyboard.press('Control+K');
    await search.fill('summit');
    const accounts = page.getByTestId('command-account');
    await expect.poll(() => accounts.count(), { timeout: 10_000 }).toBe(3);
    const names = (await accounts.allInnerTexts()).map((t) => t.split('\n')[0]);
    expect(names).toEqual(['Summit Capital 1', 'Summit Capital 2', 'Summit Capital 10']);
    await app.screenshots('palette-natural');

    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+K');
    await search.waitFor();
    expect(await search.inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'hidden' });
  });
});

describe('the undo notification', () => {
  it('shows its Undo button whole beside a long name, at 1440x900 and 1024x700', async () => {
    const { page } = app;
    const accountId = ids.get('Summit Capital 2')!;
    const name = 'Executive sponsor signs off the regional rollout plan for the treasury and payments teams in EMEA';
    await call(app, 'milestones.create', { accountId, kind: 'custom', name, targetDate: '2027-01-15' });
    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await goToHash(`#/account/${accountId}/milestones`);
      const item = page.locator(`[data-testid="milestone"][data-name="${name}"]`);
      await item.getByTestId('milestone-delete').click();
      const undo = page.getByTestId('undo-delete');
      await undo.waitFor();
      await page.waitForTimeout(400); // the notification slides in
      const fit = await undo.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, text: el.textContent ?? '' }));
      expect(fit.text.trim()).toBe('Undo');
      expect(fit.scroll).toBeLessThanOrEqual(fit.client);
      // The label inside the button is not clipped either (Mantine's label hides its overflow).
      const label = await undo.locator('.mantine-Button-label').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(label.scroll).toBeLessThanOrEqual(label.client);
      await app.screenshot(`undo-toast-${w}x${h}`);
      await undo.click();
      await item.waitFor();
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});

describe('Enter in the palette', () => {
  const search = () => app.page.getByPlaceholder('Jump to an account, or type a command…');

  it('opens the single account that matches', async () => {
    const { page } = app;
    await goToHash('#/portfolio');
    await page.keyboard.press('Control+K');
    // Typed as a person types: "summit capital 1" still matches 1 and 10; the final "0" leaves one account.
    await search().pressSequentially('summit capital 10', { delay: 20 });
    await expect.poll(() => page.getByTestId('command-account').count()).toBe(1);
    await page.keyboard.press('Enter');
    await search().waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate('window.location.hash')).toBe(`#/account/${ids.get('Summit Capital 10')}`);
    await page.getByRole('heading', { name: 'Summit Capital 10' }).waitFor();
  });

  it('opens the single note that matches, on the tab that shows it', async () => {
    const { page } = app;
    const accountId = ids.get('Summit Capital 1')!;
    await call(app, 'touchpoints.create', { accountId, kind: 'call', date: '2026-11-20', title: 'Treasury sync', notes: 'Walked through the reconciliation backlog' });
    await goToHash('#/portfolio');
    await page.keyboard.press('Control+K');
    await search().pressSequentially('reconciliation', { delay: 20 });
    await expect.poll(() => page.getByTestId('command-note').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('command-account').count()).toBe(0);
    await page.keyboard.press('Enter');
    await search().waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate('window.location.hash')).toBe(`#/account/${accountId}/touchpoints`);
  });
});

describe('arrow keys in the portfolio table', () => {
  it('move a highlighted row, Enter opens its account, and a focused field keeps its keys', async () => {
    const { page } = app;
    await goToHash('#/portfolio');
    const rows = page.getByTestId('account-row');
    await expect.poll(() => rows.count()).toBe(3);
    const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-account-id')));
    const current = () => page.locator('[data-testid="account-row"][data-current]').getAttribute('data-account-id', { timeout: 2000 });
    await page.locator('body').click({ position: { x: 5, y: 5 } });

    await page.keyboard.press('ArrowDown');
    expect(await current()).toBe(order[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // past the end: stays on the last row
    expect(await current()).toBe(order[2]);
    await page.keyboard.press('ArrowUp');
    expect(await current()).toBe(order[1]);
    await app.screenshots('portfolio-row-cursor');

    // In the search box the arrows are the field's: the highlight stays where it was, the caret moves.
    const search = page.getByTestId('portfolio-search');
    await search.fill('summit');
    await search.press('ArrowUp');
    await search.press('ArrowUp');
    expect(await search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    // Typing changed the filter: a new list, so the highlight let go of its row.
    expect(await page.locator('[data-testid="account-row"][data-current]').count()).toBe(0);
    await search.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = await current();
    expect(second).toBe(order[1]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate('window.location.hash')).toBe(`#/account/${second}`);
    await page.getByTestId('account-screen').waitFor();
    await goToHash('#/portfolio');
    await page.getByTestId('portfolio-search').fill('');
  });
});

describe('the account tabs', () => {
  it('name their tabs without a number beside them; the key is a hover hint, and the hint closes on click', async () => {
    const { page } = app;
    const accountId = ids.get('Summit Capital 1')!;
    await goToHash(`#/account/${accountId}`);
    await page.getByTestId('account-screen').waitFor();
    const labels = ['Overview', 'Milestones', 'QBRs', 'Touchpoints', 'Success plan'];
    for (const [i, label] of labels.entries()) {
      const tab = page.getByRole('tab', { name: label, exact: true });
      // The tab reads as its name alone: no digit beside it to be taken for a count.
      expect((await tab.innerText()).trim()).toBe(label);
      expect(await tab.getAttribute('aria-keyshortcuts')).toBe(String(i + 1));
    }
    const milestones = page.getByTestId('tab-milestones');
    await milestones.hover();
    const hint = page.getByRole('tooltip');
    await hint.waitFor();
    expect((await hint.innerText()).replace(/\s+/g, ' ').trim()).toBe('Press 2');
    await app.screenshots('account-tab-hint');
    await milestones.hover();
    await hint.waitFor();
    // Clicking the tab closes its hint, though the pointer still rests on it.
    await milestones.click();
    await expect.poll(() => hint.isVisible()).toBe(false);
    expect(await milestones.getAttribute('aria-selected')).toBe('true');
    // Moving on and coming back shows hints again.
    await page.getByTestId('tab-qbrs').hover();
    await page.getByRole('tooltip').filter({ hasText: /Press\s*3/ }).waitFor();
    // The keys still switch tabs.
    await page.mouse.move(5, 5);
    await page.keyboard.press('4');
    await expect.poll(() => page.getByTestId('tab-touchpoints').getAttribute('aria-selected')).toBe('true');
  });
});

describe('one date format', () => {
  const ISO = /\b\d{4}-\d{2}-\d{2}\b/;

  it('shows no raw ISO date (2026-11-24) in the text of the main screens, prose and tasks included', async () => {
    const { page } = app;
    const accountId = ids.get('Summit Capital 10')!;
    // What makes the screens talk in dates: an overdue milestone (a task on Home), a quiet account, a QBR overdue.
    await call(app, 'milestones.create', { accountId, kind: 'basic_value', targetDate: '2026-10-01' });
    await call(app, 'touchpoints.create', { accountId, kind: 'email', date: '2026-06-02', title: 'Renewal terms sent' });
    const screens = ['#/home', '#/portfolio', ...['overview', 'milestones', 'qbrs', 'touchpoints', 'plan'].map((t) => `#/account/${accountId}/${t}`), '#/import', '#/settings'];
    for (const hash of screens) {
      await page.goto(`${app.host.url}${hash}`);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate('window.location.hash')).toBe(hash);
      await page.waitForTimeout(600);
      await expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 10_000 }).toBe(0);
      const text = await page.locator('body').innerText();
      expect(text.length, hash).toBeGreaterThan(100);
      const found = text.split('\n').filter((line) => ISO.test(line));
      expect(found, `${hash} shows ISO dates`).toEqual([]);
    }
    // The Home screen did list the dated tasks (the sweep read them), in the shared format.
    await goToHash('#/home');
    await expect.poll(() => page.locator('body').innerText()).toMatch(/Oct 1, 2026/);
    await app.screenshots('dates-home');
  });
});

describe('forms that refuse say why', () => {
  it('refuses a proficiency of 7 with "1 to 5" under the form, stores nothing, then records a 4', async () => {
    const { page } = app;
    const accountId = ids.get('Summit Capital 2')!;
    const proficiency = async () =>
      (await call(app, 'touchpoints.list', { accountId, kinds: ['proficiency'] })).items.map((i) => (i.source === 'survey' ? i.score : null));
    await page.goto(`${app.host.url}#/account/${accountId}/touchpoints`);
    const form = page.getByTestId('survey-entry');
    await form.getByText('Proficiency', { exact: true }).click();
    const score = page.getByTestId('survey-score');
    await score.fill('7');
    const why = page.getByTestId('survey-refused');
    await expect.poll(() => why.textContent()).toBe('Proficiency is 1 to 5, not 7.');
    expect(await score.getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('survey-record').click();
    await page.waitForTimeout(300);
    expect(await why.textContent()).toBe('Proficiency is 1 to 5, not 7.');
    // Not clamped to 5 behind the CSM's back, and nothing stored.
    expect(await score.inputValue()).toBe('7');
    expect(await proficiency()).toEqual([]);
    await app.screenshots('survey-refused');

    await score.fill('');
    await page.getByTestId('survey-record').click();
    await expect.poll(() => why.textContent()).toBe('Enter a score from 1 to 5.');
    await score.fill('4');
    await why.waitFor({ state: 'detached' });
    await page.getByTestId('survey-record').click();
    await expect.poll(proficiency).toEqual([4]);
  });
});

describe('the touchpoint forms refuse with a reason', () => {
  it('keeps Add enabled, says what is missing on a press, stores nothing, then logs the call once it is written', async () => {
    const { page } = app;
    const accountId = ids.get('Summit Capital 1')!;
    const titles = async () => (await call(app, 'touchpoints.list', { accountId, kinds: ['call'] })).items.map((i) => (i.source === 'survey' ? null : i.title));
    // Calls logged by the cases above stay as they are: the refused presses add nothing to them.
    const before = await titles();
    await page.goto(`${app.host.url}#/account/${accountId}/touchpoints`);
    const add = page.getByTestId('quick-save');
    const title = page.getByTestId('quick-title');
    await title.waitFor();
    // The one call logged above, counted in words that agree with the number.
    await expect.poll(() => page.getByTestId('timeline-count').innerText()).toBe('1 of 1 entry');
    // Enabled with nothing typed, and nothing said until the CSM tries.
    expect(await add.isEnabled()).toBe(true);
    const why = page.getByTestId('quick-refused');
    expect(await why.count()).toBe(0);
    await add.click();
    await expect.poll(() => why.textContent()).toBe('Write what happened, e.g. “Call with the sponsor about the renewal”.');
    expect(await why.isVisible()).toBe(true);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await title.getAttribute('aria-errormessage')).toBe('quick-refused');
    await page.waitForTimeout(300);
    expect(await titles()).toEqual(before);
    await app.screenshots('quick-entry-refused');

    // A title but no day: the date is at fault now.
    await title.fill('Call with Dana Whitfield about seats');
    await page.getByTestId('quick-date').fill('');
    await add.click();
    await expect.poll(() => why.textContent()).toBe('Pick the day it happened.');
    expect(await page.getByTestId('quick-date').getAttribute('aria-invalid')).toBe('true');
    expect(await titles()).toEqual(before);

    await page.getByTestId('quick-date').fill('2026-11-20');
    await why.waitFor({ state: 'detached' });
    await add.click();
    await expect.poll(async () => (await titles()).sort()).toEqual([...before, 'Call with Dana Whitfield about seats'].sort());
    await expect.poll(() => page.getByTestId('timeline-count').innerText()).toBe('2 of 2 entries');

    // Editing it: clearing the title and pressing Save says why too, and the stored title stays.
    await page.getByTestId('timeline-entry').filter({ hasText: 'Call with Dana Whitfield about seats' }).getByTestId('timeline-edit').click();
    await page.getByTestId('edit-touchpoint-title').fill('   ');
    await page.getByTestId('edit-touchpoint-save').click();
    const editWhy = page.getByTestId('edit-touchpoint-refused');
    await expect.poll(() => editWhy.textContent()).toBe('Write what happened, e.g. “Call with the sponsor about the renewal”.');
    expect(await editWhy.isVisible()).toBe(true);
    await app.screenshots('edit-touchpoint-refused');
    await page.keyboard.press('Escape');
    expect((await titles()).sort()).toEqual([...before, 'Call with Dana Whitfield about seats'].sort());
  });
});

describe('a colour a rule set', () => {
  it('is marked in the portfolio table, with a title that says the score alone earns another colour', async () => {
    const { page } = app;
    const { settings } = await call(app, 'health.settings.get', {});
    // Every score earns green (thresholds 0), and the QBR-overdue rule caps at yellow: the accounts with no QBR in
    // 90 days (Summit Capital 2 and 10, contracts from April and February) show yellow over a green score.
    await call(app, 'qbrs.create', { accountId: ids.get('Summit Capital 1')!, date: '2026-11-20', attendees: ['Priya Raman'] });
    const rules = settings.rules.map((r) => (r.id === 'qbr-overdue' ? { ...r, enabled: true } : r));
    await call(app, 'health.settings.set', { settings: { ...settings, thresholds: { green: 0, yellow: 0 }, rules } });
    await page.goto(`${app.host.url}#/portfolio`);
    const row = (name: string) => page.locator('[data-testid="account-row"]').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect.poll(() => page.getByTestId('health-ruled').count(), { timeout: 15_000 }).toBe(2);
    for (const name of ['Summit Capital 2', 'Summit Capital 10']) {
      const mark = row(name).getByTestId('health-ruled');
      expect(await mark.getAttribute('data-earned')).toBe('green');
      expect(await mark.getAttribute('title')).toBe(
        'Yellow, though the score alone is green: a health rule set the colour. Hover the score for the rule; the rules are in Settings › Health.',
      );
      expect(await row(name).getByTestId('health-score').getAttribute('data-color')).toBe('yellow');
    }
    expect(await row('Summit Capital 1').getByTestId('health-ruled').count()).toBe(0);
    expect(await row('Summit Capital 1').getByTestId('health-score').getAttribute('data-color')).toBe('green');
    await app.screenshots('portfolio-ruled-mark');
    await call(app, 'health.settings.set', { settings });
  });

  it('made no request off this machine and logged no errors', () => {
    expect(app.foreignRequests).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
