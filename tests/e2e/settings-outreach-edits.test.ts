// Outreach templates in Settings while the CSM moves between them and saves come and go: an unsaved edit survives
// a switch to another template (its tab says so), what is typed while a save is on its way stays, a save from
// elsewhere shows in a template the CSM has not touched, and Reset drops the edit with the saved wording.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutreachTemplateId } from '../../src/shared/contract';
import { call, holdNextCall, launchApp, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await launchApp({ demoOnFirstStart: false });
});
afterAll(async () => app?.close());

const template = async (id: OutreachTemplateId) => {
  const found = (await call(app, 'outreach.templates.get', {})).templates.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};

describe('outreach template edits', () => {
  it('keeps an edit across templates and during a save, follows a save from elsewhere, and resets', async () => {
    const { page } = app;
    await page.goto(`${app.host.url}#/settings`);
    const section = page.getByTestId('settings-outreach');
    await section.scrollIntoViewIfNeeded();
    const subject = section.getByTestId('outreach-template-subject');
    const body = section.getByTestId('outreach-template-body');
    const tab = (name: RegExp) => section.getByTestId('outreach-template-tabs').getByText(name);
    const shipped = await template('check_in');
    await expect.poll(() => subject.inputValue()).toBe(shipped.subject);

    // An edit of the check-in survives a look at the QBR invitation, and its tab says it is unsaved.
    await body.fill('Hi {{firstName}},\n\nHow are the first weeks going?\n\n{{csmName}}');
    await tab(/^QBR invitation/).click();
    await expect.poll(async () => subject.inputValue()).toBe((await template('qbr_invitation')).subject);
    await tab(/^Post-onboarding check-in/).click();
    await expect.poll(() => body.inputValue()).toBe('Hi {{firstName}},\n\nHow are the first weeks going?\n\n{{csmName}}');
    await tab(/^Post-onboarding check-in \(unsaved\)$/).waitFor();

    // Saved; the subject is typed while that save is on its way: it stays, unsaved.
    const save = await holdNextCall(page, 'outreach.templates.set');
    await section.getByTestId('outreach-template-save').click();
    await save.sent;
    await subject.fill('Checking in on {{accountName}}');
    save.release();
    await expect.poll(async () => (await template('check_in')).body).toBe('Hi {{firstName}},\n\nHow are the first weeks going?\n\n{{csmName}}');
    expect((await template('check_in')).subject).toBe(shipped.subject);
    await tab(/^Post-onboarding check-in • \(unsaved\)$/).waitFor();
    expect(await subject.inputValue()).toBe('Checking in on {{accountName}}');

    // A save from elsewhere (another window) of a template the CSM has not touched shows when they look at it.
    await call(app, 'outreach.templates.set', { id: 'renewal_kickoff', subject: 'Renewal: {{accountName}}', body: 'Hi {{firstName}}, renewal is on {{renewalDate}}.' });
    await tab(/^Renewal kickoff •$/).waitFor();
    await tab(/^Renewal kickoff/).click();
    await expect.poll(() => subject.inputValue()).toBe('Renewal: {{accountName}}');

    // Back on the check-in, Reset drops the unsaved subject and puts the shipped wording back.
    await tab(/^Post-onboarding check-in/).click();
    expect(await subject.inputValue()).toBe('Checking in on {{accountName}}');
    await section.getByTestId('outreach-template-reset').click();
    await expect.poll(() => body.inputValue()).toBe(shipped.body);
    expect(await subject.inputValue()).toBe(shipped.subject);
    await tab(/^Post-onboarding check-in$/).waitFor();
    expect((await template('check_in')).isDefault).toBe(true);

    for (const [w, h] of [[1440, 900], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await body.fill('Hi {{firstName}}, a quick question.');
      await section.scrollIntoViewIfNeeded();
      await app.screenshot(`settings-outreach-edits-${w}x${h}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.consoleErrors).toEqual([]);
  });
});
