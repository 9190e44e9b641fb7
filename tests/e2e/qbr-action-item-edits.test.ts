// A QBR's action items edited in place, as a CSM does it: the owner typed, then Tab to the due date, which saves
// the owner while the date is being typed. The date stays (the row is not drawn anew when the owner comes back
// saved), and is saved when the field is left; a change from elsewhere shows in a field the CSM has not touched.
// The book is a Salesforce accounts export (no demo data); the QBR is logged through the API.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../helpers/import-jobs';
import { call, holdNextCall, launchApp, type App } from './harness';

let app: App;
let accountId: number;
let itemId: number;

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-09-30T12:00:00Z') });
  await runJob(app.backend, { path: path.resolve(import.meta.dirname, '../fixtures/book/salesforce-accounts.csv'), timeZone: 'UTC' });
  accountId = (await call(app, 'accounts.list', { search: 'Northwind Traders' })).items[0].id;
  const { qbr } = await call(app, 'qbrs.create', { accountId, date: '2026-09-15', actionItems: [{ text: 'Send the renewal proposal' }] });
  itemId = qbr.actionItems[0].id;
}, 60_000);
afterAll(async () => app?.close());

const item = async () => {
  const { items } = await call(app, 'qbrs.list', { accountId });
  const found = items.flatMap((q) => q.actionItems).find((i) => i.id === itemId);
  if (!found) throw new Error('the action item is gone');
  return found;
};

describe('action items edited in place', () => {
  it('keeps the due date typed while the owner saves, then saves it, and follows a change from elsewhere', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/account/${accountId}`);
    await page.getByTestId('tab-qbrs').click();
    const row = page.locator('[data-testid="action-item"][data-text="Send the renewal proposal"]');
    await row.waitFor();
    const owner = row.getByLabel('Owner of “Send the renewal proposal”');
    const due = row.getByLabel('Due date of “Send the renewal proposal”');

    // The owner is saved by leaving the field for the due date; the date is typed while that save is on its way.
    await owner.fill('Dana Sponsor ');
    const save = await holdNextCall(page, 'qbrs.actionItem.update');
    await owner.press('Tab');
    await save.sent;
    await due.fill('2026-10-15');
    save.release();
    await expect.poll(async () => (await item()).owner).toBe('Dana Sponsor');
    // The saved item is back on screen (the owner as stored, trimmed), and the date typed meanwhile is still there.
    await expect.poll(() => owner.inputValue()).toBe('Dana Sponsor');
    expect(await due.inputValue()).toBe('2026-10-15');
    expect((await item()).dueDate).toBe(null);

    // Leaving the date saves it.
    await due.blur();
    await expect.poll(async () => (await item()).dueDate).toBe('2026-10-15');

    // A change from elsewhere (another window): the untouched fields show it; an owner being typed stays.
    await owner.fill('Li Ad');
    await call(app, 'qbrs.actionItem.update', { id: itemId, dueDate: '2026-11-01' });
    await expect.poll(() => due.inputValue()).toBe('2026-11-01');
    expect(await owner.inputValue()).toBe('Li Ad');
    await owner.fill('Li Admin');
    await owner.press('Enter');
    await expect.poll(async () => (await item()).owner).toBe('Li Admin');

    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await row.scrollIntoViewIfNeeded();
      await app.screenshot(`qbr-action-item-edits-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.consoleErrors).toEqual([]);
  });
});
