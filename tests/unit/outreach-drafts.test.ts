// Outreach drafts (issue #14, point 6) on a book imported from vendor-shaped exports: Salesforce accounts, the
// feature catalogue, Mixpanel events and a HubSpot contacts export for Harbor Analytics. Expected recipients and
// text are written by hand from the fixtures: on 2026-09-30 Rosa (h-1), Omar (h-2) and Lea (h-3) were active in
// the last 30 days; only Rosa created an alert (Sep 20); nobody exported a report.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { SHIPPED_TEMPLATES } from '../../src/shared/outreach';
import { call, failure, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
type Draft = MethodOutput<'outreach.draft'>;
type Templates = MethodOutput<'outreach.templates.get'>;

let backend: Backend | undefined;
afterEach(() => backend?.close());

async function book() {
  const b = (backend = tempBackend());
  for (const file of ['customer-deck-accounts.csv', 'features.csv', 'customer-deck-events.csv', 'hubspot-contacts-harbor.csv']) {
    await runJob(b, { path: path.join(BOOK, file), timeZone: 'UTC' });
  }
  const one = <T>(sql: string, ...args: unknown[]) => b.database.sqlite.prepare(sql).get(...args) as T;
  const account = (name: string) => one<{ id: number }>('SELECT id FROM accounts WHERE name = ?', name).id;
  const feature = (name: string) => one<{ id: number }>('SELECT id FROM features WHERE name = ?', name).id;
  await call(b, 'deck.settings.set', { csmName: 'Jane Doe', csmTitle: 'Customer Success Manager' });
  return { b, harbor: account('Harbor Analytics'), midway: account('Midway Freight'), alerts: feature('Alerts'), reports: feature('Report export'), dashboards: feature('Dashboards') };
}

describe('outreach.draft', () => {
  it('a feature reminder goes to the active users who skip the feature, named, signed by the CSM', async () => {
    const { b, harbor, alerts, reports: reportExport } = await book();
    const draft = await call<Draft>(b, 'outreach.draft', { accountId: harbor, template: 'feature_reminder', featureId: alerts, asOf: '2026-09-30' });
    expect(draft.to.map((r) => r.email)).toEqual(['lea@harbor.example', 'omar@harbor.example']);
    expect(draft.subject).toBe('Getting more out of Alerts at Harbor Analytics');
    expect(draft.body).toBe(
      'Hi all,\n\n' +
        'Thank you for using the product this past month. I noticed that Alerts is not part of your routine yet, and it is the part teams like yours usually get the most from.\n\n' +
        'Setting it up takes a few minutes. Reply with a time that suits you and we can walk through it together in 15 minutes, with your own data on screen.\n\n' +
        'Thanks,\nJane Doe\nCustomer Success Manager',
    );
    expect(draft.mailto.startsWith('mailto:lea@harbor.example,omar@harbor.example?subject=Getting%20more%20out%20of%20Alerts%20at%20Harbor%20Analytics&body=Hi%20all%2C%0D%0A%0D%0AThank')).toBe(true);
    expect(draft.notes).toEqual([]);

    const reports = await call<Draft>(b, 'outreach.draft', { accountId: harbor, template: 'feature_reminder', featureId: reportExport, asOf: '2026-09-30' });
    expect(reports.to.map((r) => r.email)).toEqual(['lea@harbor.example', 'omar@harbor.example', 'rosa@harbor.example']);
  });

  it('says so when every active user already uses the feature', async () => {
    const { b, harbor, dashboards } = await book();
    const draft = await call<Draft>(b, 'outreach.draft', { accountId: harbor, template: 'feature_reminder', featureId: dashboards, asOf: '2026-09-30' });
    expect(draft.to).toEqual([]);
    expect(draft.body.startsWith('Hi there,')).toBe(true);
    expect(draft.notes).toEqual(['Every active user of Harbor Analytics used Dashboards in the last 30 days: there is no one to remind.']);
  });

  it('a QBR invitation or renewal kickoff goes to the account’s contacts; none on file is said, not guessed', async () => {
    const { b, harbor, midway } = await book();
    const renewal = await call<Draft>(b, 'outreach.draft', { accountId: harbor, template: 'renewal_kickoff', asOf: '2026-09-30' });
    // Maya Brooks is a VP (executive), Tom Reyes a manager; Ines Park, an analyst, is not a contact.
    expect(renewal.to).toEqual([
      { userId: expect.any(Number), name: 'Maya Brooks', email: 'maya.brooks@harbor.example' },
      { userId: expect.any(Number), name: 'Tom Reyes', email: 'tom.reyes@harbor.example' },
    ]);
    expect(renewal.subject).toBe('Planning the year ahead for Harbor Analytics');
    expect(renewal.body.split('\n\n').slice(0, 2)).toEqual([
      'Hi Maya and Tom,',
      'The renewal for Harbor Analytics comes up on Mar 31, 2027, and I would like to start the conversation early so nothing is rushed.',
    ]);

    const qbr = await call<Draft>(b, 'outreach.draft', { accountId: midway, template: 'qbr_invitation', asOf: '2026-09-30' });
    expect(qbr.to).toEqual([]);
    expect(qbr.mailto.startsWith('mailto:?subject=')).toBe(true);
    expect(qbr.notes).toEqual(['Midway Freight has no contact on file (a manager, executive or admin with an e-mail): add the recipients in your mail app.']);
    // Contract from Aug 15, 2026, no QBR yet: 90 days later, Nov 13, 2026.
    expect(qbr.subject).toBe('Midway Freight quarterly review: Nov 13, 2026?');
  });

  it('refuses a reminder without a feature, an unknown feature or account', async () => {
    const { b, harbor } = await book();
    expect((await failure(b, 'outreach.draft', { accountId: harbor, template: 'feature_reminder' })).code).toBe('feature_required');
    expect((await failure(b, 'outreach.draft', { accountId: harbor, template: 'check_in', featureId: 999 })).code).toBe('unknown_feature');
    expect((await failure(b, 'outreach.draft', { accountId: 999, template: 'check_in' })).code).toBe('not_found');
  });
});

describe('outreach templates', () => {
  it('are the shipped wording until edited; an edit drafts, an unknown placeholder is refused by name, a reset restores', async () => {
    const { b, harbor } = await book();
    const before = await call<Templates>(b, 'outreach.templates.get');
    expect(before.templates.map((t) => [t.id, t.isDefault])).toEqual([
      ['check_in', true],
      ['qbr_invitation', true],
      ['feature_reminder', true],
      ['renewal_kickoff', true],
    ]);
    const refused = await failure(b, 'outreach.templates.set', { id: 'check_in', subject: 'Hello {{nickname}}', body: 'Hi {{firstName}} at {{company}}' });
    expect(refused.code).toBe('unknown_placeholder');
    expect(refused.message.startsWith('Bearing does not know {{nickname}}, {{company}}: use {{firstName}}, {{accountName}}')).toBe(true);

    await call(b, 'outreach.templates.set', { id: 'check_in', subject: 'Quick check-in, {{accountName}}', body: 'Hello {{firstName}},\n\nHow are things?\n\n{{csmName}}' });
    const edited = await call<Draft>(b, 'outreach.draft', { accountId: harbor, template: 'check_in', asOf: '2026-09-30' });
    expect(edited.subject).toBe('Quick check-in, Harbor Analytics');
    expect(edited.body).toBe('Hello Maya and Tom,\n\nHow are things?\n\nJane Doe');

    const reset = await call<Templates['templates'][number]>(b, 'outreach.templates.reset', { id: 'check_in' });
    expect(reset).toMatchObject({ isDefault: true, ...SHIPPED_TEMPLATES.check_in });
  });
});

describe('outreach.logSent', () => {
  it('logs an email touchpoint titled with the subject, recipients and body in its notes, on the timeline', async () => {
    const { b, harbor } = await book();
    const item = await call<MethodOutput<'outreach.logSent'>>(b, 'outreach.logSent', {
      accountId: harbor,
      subject: 'Planning the year ahead for Harbor Analytics',
      body: 'Hi Maya and Tom,',
      to: ['maya.brooks@harbor.example', 'tom.reyes@harbor.example'],
      date: '2026-09-30',
    });
    expect(item).toMatchObject({ kind: 'email', date: '2026-09-30', title: 'Planning the year ahead for Harbor Analytics', notes: 'To: maya.brooks@harbor.example, tom.reyes@harbor.example\n\nHi Maya and Tom,' });
    const timeline = await call<MethodOutput<'touchpoints.list'>>(b, 'touchpoints.list', { accountId: harbor });
    expect(timeline.items.map((i) => `${i.kind} ${i.date} ${i.source === 'touchpoint' ? i.title : ''}`)).toEqual(['email 2026-09-30 Planning the year ahead for Harbor Analytics']);
  });
});
