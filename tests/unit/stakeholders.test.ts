// Issue #14, point 9: stakeholders. The CSM flags people of an account sponsor, champion or detractor; each
// person's last touch is the latest of their last day of usage, a survey they answered and a QBR they attended
// (matched by e-mail, never by display name). The book comes from vendor-shaped exports (tests/fixtures/book:
// Salesforce accounts, the catalogue, a Mixpanel export); dates are read off the export by hand.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { lastTouch } from '../../src/shared/metrics/stakeholders';
import { call, fail, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

type List = MethodOutput<'stakeholders.list'>;
const book = (name: string) => path.join(__dirname, '..', 'fixtures', 'book', name);
const backend = tempBackend();
let harbor = 0;
const list = (asOf?: string) => call<List>(backend, 'stakeholders.list', { accountId: harbor, ...(asOf ? { asOf } : {}) });
const byEmail = (l: List, email: string) => l.items.find((p) => p.email === email);

beforeAll(async () => {
  for (const file of ['customer-deck-accounts.csv', 'features.csv', 'customer-deck-events.csv']) {
    const { summary } = await runJob(backend, { path: book(file), timeZone: 'UTC' });
    expect(summary.status, file).toBe('imported');
  }
  harbor = (await call<MethodOutput<'accounts.list'>>(backend, 'accounts.list', { search: 'Harbor Analytics' })).items[0].id;
  // Omar attended the October QBR (typed with other capitals); "Rosa Lind" by name only does not count.
  await call(backend, 'qbrs.create', { accountId: harbor, date: '2026-10-15', attendees: ['Omar@Harbor.example', 'Rosa Lind'] });
  await call(backend, 'surveys.create', { accountId: harbor, kind: 'nps', score: 9, date: '2026-11-03', userEmail: 'lea@harbor.example' });
}, 60_000);
afterAll(() => backend.close());

describe('stakeholders', () => {
  it('gives each person their last touch and what it was', async () => {
    const l = await list();
    // Last events in the Mixpanel export: Rosa (h-1) 2026-09-20, Omar (h-2) 2026-09-28, Lea (h-3) 2026-09-19.
    expect(byEmail(l, 'rosa@harbor.example')?.lastTouch).toEqual({ date: '2026-09-20', via: 'usage' });
    expect(byEmail(l, 'omar@harbor.example')?.lastTouch).toEqual({ date: '2026-10-15', via: 'qbr' });
    expect(byEmail(l, 'lea@harbor.example')?.lastTouch).toEqual({ date: '2026-11-03', via: 'survey' });
    expect(l.items.every((p) => p.flag === null)).toBe(true);
  });

  it('as of a past day: only the people and touches known then', async () => {
    const l = await list('2026-09-25');
    // Omar's events around then: 2026-09-23 11:00 and 2026-09-28 11:00 UTC; the QBR and survey come later.
    expect(byEmail(l, 'omar@harbor.example')?.lastTouch).toEqual({ date: '2026-09-23', via: 'usage' });
    expect(byEmail(l, 'lea@harbor.example')?.lastTouch).toEqual({ date: '2026-09-19', via: 'usage' });
    // Before the first event (2026-04-03) nobody is known yet.
    expect((await list('2026-04-01')).items).toEqual([]);
  });

  it('keeps the CSM’s flags, lists the flagged people first, and clears a flag', async () => {
    const l = await list();
    const lea = byEmail(l, 'lea@harbor.example')!;
    const rosa = byEmail(l, 'rosa@harbor.example')!;
    expect(await call(backend, 'stakeholders.set', { userId: rosa.id, flag: 'sponsor' })).toEqual({ userId: rosa.id, flag: 'sponsor' });
    await call(backend, 'stakeholders.set', { userId: lea.id, flag: 'detractor' });
    await call(backend, 'stakeholders.set', { userId: lea.id, flag: 'champion' });
    const flagged = await list();
    expect(flagged.items.map((p) => [p.email, p.flag])).toEqual([
      ['rosa@harbor.example', 'sponsor'],
      ['lea@harbor.example', 'champion'],
      ['omar@harbor.example', null],
    ]);
    await call(backend, 'stakeholders.set', { userId: rosa.id, flag: null });
    expect(byEmail(await list(), 'rosa@harbor.example')?.flag).toBeNull();
  });

  it('refuses an unknown person, an unknown flag and an unknown account', async () => {
    expect(await fail(backend, 'stakeholders.set', { userId: 99999, flag: 'sponsor' })).toBe('not_found');
    expect(await fail(backend, 'stakeholders.set', { userId: 1, flag: 'friend' })).toBe('invalid_input');
    expect(await fail(backend, 'stakeholders.list', { accountId: 99999 })).toBe('not_found');
  });
});

describe('lastTouch', () => {
  const none = { asOf: '2026-11-24', lastActiveDay: null, surveyDates: [], qbrs: [], email: null };
  it('is null with nothing on record, and ignores what is after D', () => {
    expect(lastTouch(none)).toBeNull();
    expect(lastTouch({ ...none, surveyDates: ['2026-12-01'] })).toBeNull();
  });
  it('prefers a QBR to a survey to usage on the same day, and matches attendees by e-mail only', () => {
    const day = Date.UTC(2026, 10, 20) / 86_400_000;
    const qbrs = [{ date: '2026-11-20', attendees: [' ANA@x.example ', 'Ana Silva'] }];
    expect(lastTouch({ ...none, lastActiveDay: day, surveyDates: ['2026-11-20'], qbrs, email: 'ana@x.example' })).toEqual({ date: '2026-11-20', via: 'qbr' });
    expect(lastTouch({ ...none, lastActiveDay: day, surveyDates: ['2026-11-20'], qbrs, email: null })).toEqual({ date: '2026-11-20', via: 'survey' });
    expect(lastTouch({ ...none, lastActiveDay: day, qbrs: [{ date: '2026-11-21', attendees: ['Ana Silva'] }], email: 'ana@x.example' })).toEqual({ date: '2026-11-20', via: 'usage' });
  });
});
