import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { call, fail, tempBackend } from '../helpers/backend';
import { SNAPSHOT_JSON } from '../../src/main/db/health-snapshots';

// The account timeline (touchpoints and survey answers) through the real API. The clock is 2026-11-24 (UTC).
let backend: Backend | undefined;
afterEach(() => backend?.close());

function book(): Backend {
  backend = tempBackend();
  backend.database.sqlite.exec(`
    INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"');
    INSERT INTO accounts (id, name, licenses, contract_start, renewal_date) VALUES (1, 'Acme', 10, '2026-01-01', '2027-01-01');
    INSERT INTO users (id, account_id, external_id, email, name) VALUES (1, 1, 'u1', 'ana@acme.test', 'Ana'), (2, 1, 'u2', 'ben@acme.test', NULL);
    INSERT INTO features (id, key, name, is_key) VALUES (1, 'reports', 'Reports', 1);
  `);
  return backend;
}

type Timeline = MethodOutput<'touchpoints.list'>;
type Touchpoint = MethodOutput<'touchpoints.create'>;
type Survey = MethodOutput<'surveys.create'>;

describe('touchpoints', () => {
  it('merge touchpoints and survey answers into one timeline, newest first, filtered by kind', async () => {
    const b = book();
    await call(b, 'touchpoints.create', { accountId: 1, kind: 'call', date: '2026-11-02', title: 'Check-in' });
    await call(b, 'touchpoints.create', { accountId: 1, kind: 'email', date: '2026-11-20', title: 'Renewal quote', notes: 'sent to Ana' });
    await call(b, 'surveys.create', { accountId: 1, kind: 'nps', score: 9, date: '2026-11-10', userEmail: 'ANA@acme.test' });
    await call(b, 'surveys.create', { accountId: 1, kind: 'csat', score: 4, date: '2026-11-20' });
    const all = await call<Timeline>(b, 'touchpoints.list', { accountId: 1 });
    expect(all.total).toBe(4);
    expect(all.items.map((i) => [i.source, i.kind, i.date])).toEqual([
      ['touchpoint', 'email', '2026-11-20'],
      ['survey', 'csat', '2026-11-20'],
      ['survey', 'nps', '2026-11-10'],
      ['touchpoint', 'call', '2026-11-02'],
    ]);
    expect(all.items[2]).toMatchObject({ source: 'survey', key: expect.stringMatching(/^survey:/), score: 9, userName: 'Ana' });
    expect(all.items[1]).toMatchObject({ userId: null, userName: null });
    const surveys = await call<Timeline>(b, 'touchpoints.list', { accountId: 1, kinds: ['nps', 'call'], limit: 1 });
    expect(surveys.total).toBe(2);
    expect(surveys.items.map((i) => i.kind)).toEqual(['nps']);
  });

  it('keep support cases consistent: open or closed, with days open and SLA', async () => {
    const b = book();
    const open = await call<Touchpoint>(b, 'touchpoints.create', { accountId: 1, kind: 'support_case', date: '2026-11-04', title: 'Login fails', withinSla: true });
    // An open case has no resolution yet: fields that do not apply are dropped.
    expect(open).toMatchObject({ caseStatus: 'open', closedDate: null, withinSla: null, daysOpen: 20 });
    const closed = await call<Touchpoint>(b, 'touchpoints.update', { id: open.id, caseStatus: 'closed', closedDate: '2026-11-09', resolved: true, withinSla: false });
    expect(closed).toMatchObject({ caseStatus: 'closed', closedDate: '2026-11-09', resolved: true, withinSla: false, daysOpen: 5 });
    // Reopening forgets the closing date.
    expect(await call<Touchpoint>(b, 'touchpoints.update', { id: open.id, caseStatus: 'open' })).toMatchObject({ closedDate: null, resolved: null, daysOpen: 20 });
    // Closed without a date: closed today.
    const quick = await call<Touchpoint>(b, 'touchpoints.create', { accountId: 1, kind: 'support_case', date: '2026-11-20', title: 'Export slow', caseStatus: 'closed', resolved: true });
    expect(quick).toMatchObject({ closedDate: '2026-11-24', daysOpen: 4, withinSla: null });
    expect(await fail(b, 'touchpoints.create', { accountId: 1, kind: 'support_case', date: '2026-11-20', title: 'X', closedDate: '2026-11-19' })).toBe('invalid_date');
    // A call keeps none of a case's fields.
    const call1 = await call<Touchpoint>(b, 'touchpoints.create', { accountId: 1, kind: 'call', date: '2026-11-20', title: 'Y', caseStatus: 'open', responded: true });
    expect(call1).toMatchObject({ caseStatus: null, responded: null, daysOpen: null });
  });

  it('link campaigns to a feature by its key', async () => {
    const b = book();
    const campaign = await call<Touchpoint>(b, 'touchpoints.create', { accountId: 1, kind: 'campaign', date: '2026-10-01', title: 'Reports launch', featureKey: 'reports', responded: true });
    expect(campaign).toMatchObject({ featureKey: 'reports', featureName: 'Reports', responded: true });
    expect(await fail(b, 'touchpoints.create', { accountId: 1, kind: 'campaign', date: '2026-10-01', title: 'Z', featureKey: 'nope' })).toBe('unknown_feature');
    const metrics = await call<MethodOutput<'metrics.account'>>(b, 'metrics.account', { id: 1 });
    expect(metrics.campaignUplift.map((c) => c.feature)).toEqual(['Reports']);
  });

  it('validate survey answers against their scale and the account’s users', async () => {
    const b = book();
    expect(await fail(b, 'surveys.create', { accountId: 1, kind: 'nps', score: 11, date: '2026-11-01' })).toBe('invalid_score');
    expect(await fail(b, 'surveys.create', { accountId: 1, kind: 'nps', score: 7.5, date: '2026-11-01' })).toBe('invalid_score');
    expect(await fail(b, 'surveys.create', { accountId: 1, kind: 'csat', score: 0, date: '2026-11-01' })).toBe('invalid_score');
    expect(await fail(b, 'surveys.create', { accountId: 1, kind: 'proficiency', score: 3, date: '2026-11-01', userEmail: 'who@x.test' })).toBe('unknown_user');
    const p = await call<Survey>(b, 'surveys.create', { accountId: 1, kind: 'proficiency', score: 3.5, date: '2026-11-01', userEmail: 'ben@acme.test' });
    expect(p).toMatchObject({ userId: 2, userName: 'ben@acme.test' });
    const metrics = await call<MethodOutput<'metrics.account'>>(b, 'metrics.account', { id: 1 });
    expect(metrics.satisfaction.proficiency).toEqual({ value: 3.5, responses: 1, date: '2026-11-01' });
  });
});

describe('undo of timeline deletes', () => {
  it('brings back a deleted touchpoint and a deleted survey answer as they were', async () => {
    const b = book();
    await call(b, 'touchpoints.create', { accountId: 1, kind: 'meeting', date: '2026-11-02', title: 'Onsite', notes: 'with the CFO' });
    await call(b, 'touchpoints.create', { accountId: 1, kind: 'support_case', date: '2026-11-03', title: 'Bug', caseStatus: 'closed', closedDate: '2026-11-05', resolved: true, withinSla: true });
    await call(b, 'surveys.create', { accountId: 1, kind: 'nps', score: 3, date: '2026-11-06', userEmail: 'ana@acme.test' });
    const before = await call<Timeline>(b, 'touchpoints.list', { accountId: 1 });
    const [survey, supportCase] = before.items;

    const t1 = await call<MethodOutput<'touchpoints.delete'>>(b, 'touchpoints.delete', { id: supportCase.id });
    const t2 = await call<MethodOutput<'surveys.delete'>>(b, 'surveys.delete', { id: survey.id });
    expect([t1.kind, t1.name, t2.kind]).toEqual(['touchpoint', 'Bug', 'survey']);
    expect((await call<Timeline>(b, 'touchpoints.list', { accountId: 1 })).total).toBe(1);
    await call(b, 'undo.apply', { token: t2.token });
    await call(b, 'undo.apply', { token: t1.token });
    expect(await call<Timeline>(b, 'touchpoints.list', { accountId: 1 })).toEqual(before);
  });

  it('keep the health history in step with what was deleted and restored', async () => {
    const b = book();
    const day = (d: string) =>
      b.database.sqlite.prepare(`SELECT ${SNAPSHOT_JSON} AS components FROM health_snapshots s WHERE account_id = 1 AND day = ?`).get(d) as { components: string } | undefined;
    const tp = await call<Touchpoint>(b, 'touchpoints.create', { accountId: 1, kind: 'support_case', date: '2026-10-01', title: 'Stuck', caseStatus: 'open' });
    // The open-case rule (open more than 14 days → at most yellow) fires on the days after 2026-10-15.
    expect(JSON.parse(day('2026-11-01')?.components ?? '{}')['rule.open-case']).toBe(1);
    const ticket = await call<MethodOutput<'touchpoints.delete'>>(b, 'touchpoints.delete', { id: tp.id });
    expect(JSON.parse(day('2026-11-01')?.components ?? '{}')['rule.open-case']).toBeUndefined();
    await call(b, 'undo.apply', { token: ticket.token });
    expect(JSON.parse(day('2026-11-01')?.components ?? '{}')['rule.open-case']).toBe(1);
  });
});
