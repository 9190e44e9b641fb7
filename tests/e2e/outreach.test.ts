// Issue #14, point 6, in Chromium: from a recommendation on the account screen, "Draft e-mail" shows an e-mail in
// the CSM's voice addressed to the users who skip the feature; "Open in mail app" is a mailto: link with them, the
// subject and the body; "Copy" copies it; "Log as sent" puts it on the timeline. Settings edits the templates with
// a live preview. The book comes only from the vendor-shaped exports in tests/fixtures/book; today is 2026-09-30,
// when Rosa, Omar and Lea used Harbor Analytics in the last 30 days and only Rosa created an alert.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { runJob } from '../helpers/import-jobs';
import { launchApp, type App, call } from './harness';

let app: App;
let harbor: number;
const book = (name: string) => path.resolve(import.meta.dirname, '../fixtures/book', name);

async function screenshots(page: Page, name: string, show?: Locator) {
  await app.screenshots(name, async () => {
    await show?.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(100);
  });
}

beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false, now: () => new Date('2026-09-30T12:00:00Z') });
  for (const file of ['customer-deck-accounts.csv', 'features.csv', 'customer-deck-events.csv', 'hubspot-contacts-harbor.csv']) {
    await runJob(app.backend, { path: book(file), timeZone: 'UTC' });
  }
  await call(app, 'deck.settings.set', { csmName: 'Jane Doe', csmTitle: 'Customer Success Manager' });
  harbor = (await call<MethodOutput<'accounts.list'>>(app, 'accounts.list', { search: 'Harbor Analytics' })).items[0].id;
  await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url });
}, 60_000);
afterAll(async () => app?.close());

describe('an outreach draft from a recommendation', () => {
  it('drafts a reminder to the users who skip Alerts, as a mailto: link and as copied text, and logs it as sent', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/account/${harbor}`);
    const reminder = page.getByTestId('recommendation').filter({ hasText: 'about Alerts' });
    await reminder.waitFor();
    await screenshots(page, 'outreach-recommendations', page.getByTestId('recommendations'));
    await reminder.getByTestId('recommendation-draft').click();
    const modal = page.getByRole('dialog');
    await modal.getByTestId('outreach-body').waitFor();
    expect(await modal.getByTestId('outreach-to').textContent()).toBe('lea@harbor.example' + 'omar@harbor.example');
    expect(await modal.getByTestId('outreach-subject').inputValue()).toBe('Getting more out of Alerts at Harbor Analytics');
    const body = await modal.getByTestId('outreach-body').inputValue();
    expect(body.endsWith('Thanks,\nJane Doe\nCustomer Success Manager')).toBe(true);
    await page.waitForTimeout(300);
    await screenshots(page, 'outreach-modal');

    // The CSM's edit goes into the link and the copy.
    await modal.getByTestId('outreach-subject').fill('Alerts for Harbor & co');
    const href = await modal.getByTestId('outreach-open-mail').getAttribute('href');
    expect(href).toBe(
      `mailto:lea@harbor.example,omar@harbor.example?subject=Alerts%20for%20Harbor%20%26%20co&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`,
    );
    await modal.getByTestId('outreach-copy').click();
    await modal.getByText('Copied').waitFor();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toBe(`To: lea@harbor.example, omar@harbor.example\nSubject: Alerts for Harbor & co\n\n${body}`);

    await modal.getByTestId('outreach-log-sent').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('tab-touchpoints').click();
    const entry = page.getByTestId('timeline-entry').filter({ hasText: 'Alerts for Harbor & co' });
    await entry.waitFor();
    const stored = await call<MethodOutput<'touchpoints.list'>>(app, 'touchpoints.list', { accountId: harbor });
    expect(stored.items.map((i) => [i.kind, i.date, i.source === 'touchpoint' ? i.title : ''])).toEqual([['email', '2026-09-30', 'Alerts for Harbor & co']]);
  });

  it('switches to a QBR invitation addressed to the account’s contacts', async () => {
    const { page } = app;
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('recommendation').first().getByTestId('recommendation-draft').click();
    const modal = page.getByRole('dialog');
    await modal.getByTestId('outreach-template').click();
    await page.getByRole('option', { name: 'QBR invitation' }).click();
    await expect.poll(() => modal.getByTestId('outreach-subject').inputValue()).toMatch(/^Harbor Analytics quarterly review: /);
    expect(await modal.getByTestId('outreach-to').textContent()).toBe('Maya Brooks <maya.brooks@harbor.example>Tom Reyes <tom.reyes@harbor.example>');
    expect((await modal.getByTestId('outreach-body').inputValue()).startsWith('Hi Maya and Tom,')).toBe(true);
    await page.keyboard.press('Escape');
    await modal.waitFor({ state: 'hidden' });
  });
});

describe('outreach templates in Settings', () => {
  it('previews an edit live, refuses an unknown placeholder, saves and resets', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    const section = page.getByTestId('settings-outreach');
    await section.scrollIntoViewIfNeeded();
    const preview = section.getByTestId('outreach-template-preview');
    await preview.getByText('How is Harbor Analytics settling in?').waitFor();
    await page.waitForTimeout(300);
    await screenshots(page, 'settings-outreach', section);

    const subject = section.getByTestId('outreach-template-subject');
    await subject.fill('Checking in, {{accountName}} ({{nickname}})');
    await section.getByText('Bearing does not know {{nickname}}.').waitFor();
    expect(await section.getByTestId('outreach-template-save').isDisabled()).toBe(true);
    await subject.fill('Checking in, {{accountName}}');
    await preview.getByText('Checking in, Harbor Analytics').waitFor();
    await section.getByTestId('outreach-template-save').click();
    await page.getByText('Saved: new drafts use it.').waitFor();
    const saved = await call<MethodOutput<'outreach.templates.get'>>(app, 'outreach.templates.get', {});
    expect(saved.templates[0]).toMatchObject({ id: 'check_in', subject: 'Checking in, {{accountName}}', isDefault: false });

    await section.getByTestId('outreach-template-reset').click();
    await expect.poll(() => subject.inputValue()).toBe('How is {{accountName}} settling in?');
    expect(app.foreignRequests).toEqual([]);
  });
});
