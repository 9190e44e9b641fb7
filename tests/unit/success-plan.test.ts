// The success plan through the API (issue #14, point 5) on a real SQLite file, the book imported from the HubSpot
// companies export in tests/fixtures/relationship: validation refusals, the plan as successPlan.get composes it
// (progress in QBR date order, latest = newest measured value), and undo of outcome, milestone and QBR deletes
// bringing back links and progress. Expected values are written by hand.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { call, failure, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/relationship/hubspot-companies.csv');
const NOW = new Date('2026-12-05T12:00:00Z');

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
});

async function book(): Promise<Backend & { dataDir: string }> {
  backend = tempBackend({ now: () => NOW });
  const job = await runJob(backend, { path: FIXTURE, timeZone: 'UTC' });
  expect(job.summary.status).toBe('imported');
  return backend;
}
const accountId = (b: Backend, name: string) => (b.database.sqlite.prepare('SELECT id FROM accounts WHERE name = ?').get(name) as { id: number }).id;
const count = (b: Backend, table: string) => (b.database.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

interface Plan {
  handoff: Record<string, unknown>;
  outcomes: { id: number; title: string; milestoneIds: number[]; progress: unknown[]; latest: unknown }[];
}
const FORECAST = { title: 'Forecast in an hour', kpiName: 'Forecast preparation time', kpiUnit: 'hours', baseline: 16, target: 1, targetDate: '2027-03-31' };

describe('successPlan API', () => {
  it('starts empty, saves the handoff with its time and refuses an unknown complexity', async () => {
    const b = await book();
    const northwind = accountId(b, 'Northwind Traders');
    expect(await call(b, 'successPlan.get', { accountId: northwind })).toEqual({
      accountId: northwind,
      handoff: { accountId: northwind, whyBought: null, buyer: null, users: null, complexity: null, complexityNote: null, updatedAt: null },
      outcomes: [],
    });
    const saved = await call(b, 'successPlan.setHandoff', { accountId: northwind, whyBought: '  Renewal forecasts took two days ', buyer: 'VP Finance', users: '', complexity: 'high' });
    expect(saved).toEqual({ accountId: northwind, whyBought: 'Renewal forecasts took two days', buyer: 'VP Finance', users: null, complexity: 'high', complexityNote: null, updatedAt: NOW.getTime() });
    const bad = await failure(b, 'successPlan.setHandoff', { accountId: northwind, complexity: 'huge' });
    expect(bad.message).toContain('choose low, medium or high');
    expect((await call<Plan>(b, 'successPlan.get', { accountId: northwind })).handoff).toEqual(saved);
  });

  it('refuses a date that is not on the calendar, a KPI target that is not a number and another account’s milestone, writing nothing', async () => {
    const b = await book();
    const northwind = accountId(b, 'Northwind Traders');
    const contoso = accountId(b, 'Contoso Ltd');
    const foreign = await call<{ id: number }>(b, 'milestones.create', { accountId: contoso, kind: 'kickoff' });
    expect((await failure(b, 'successPlan.outcomes.create', { accountId: northwind, ...FORECAST, targetDate: '2027-02-30' })).message).toContain(
      '2027-02-30 is not a date on the calendar',
    );
    expect((await failure(b, 'successPlan.outcomes.create', { accountId: northwind, ...FORECAST, target: 'one' })).message).toContain(
      'The KPI target must be a number',
    );
    expect((await failure(b, 'successPlan.outcomes.create', { accountId: northwind, ...FORECAST, title: '  ' })).message).toContain('The outcome is empty');
    const err = await failure(b, 'successPlan.outcomes.create', { accountId: northwind, ...FORECAST, milestoneIds: [foreign.id] });
    expect(err).toMatchObject({ code: 'invalid_outcome', message: `Milestone ${foreign.id} is not one of this account's milestones: link only the account's own milestones.` });
    expect(count(b, 'success_outcomes')).toBe(0);
  });

  it('records progress per QBR, reports the newest measured value as latest, and refuses another account’s QBR', async () => {
    const b = await book();
    const northwind = accountId(b, 'Northwind Traders');
    const contoso = accountId(b, 'Contoso Ltd');
    const ms = await call<{ id: number }>(b, 'milestones.create', { accountId: northwind, kind: 'basic_value', targetDate: '2027-01-15' });
    const created = await call<{ id: number }>(b, 'successPlan.outcomes.create', { accountId: northwind, ...FORECAST, milestoneIds: [ms.id] });
    const aug = await call<{ qbr: { id: number } }>(b, 'qbrs.create', { accountId: northwind, date: '2026-08-20' });
    const nov = await call<{ qbr: { id: number } }>(b, 'qbrs.create', { accountId: northwind, date: '2026-11-20' });
    const theirs = await call<{ qbr: { id: number } }>(b, 'qbrs.create', { accountId: contoso, date: '2026-11-21' });
    // Entered out of date order; November says something but measured nothing.
    await call(b, 'successPlan.progress.record', { qbrId: nov.qbr.id, outcomeId: created.id, value: null, note: 'waiting for the EMEA data' });
    const after = await call(b, 'successPlan.progress.record', { qbrId: aug.qbr.id, outcomeId: created.id, value: 9.5, note: '' });
    expect(after).toEqual({
      id: created.id,
      accountId: northwind,
      ...FORECAST,
      status: 'not_started',
      milestoneIds: [ms.id],
      progress: [
        { qbrId: aug.qbr.id, qbrDate: '2026-08-20', value: 9.5, note: null },
        { qbrId: nov.qbr.id, qbrDate: '2026-11-20', value: null, note: 'waiting for the EMEA data' },
      ],
      latest: { qbrId: aug.qbr.id, qbrDate: '2026-08-20', value: 9.5, note: null },
    });
    const wrong = await failure(b, 'successPlan.progress.record', { qbrId: theirs.qbr.id, outcomeId: created.id, value: 3, note: null });
    expect(wrong.code).toBe('invalid_progress');
    expect((await failure(b, 'successPlan.progress.record', { qbrId: aug.qbr.id, outcomeId: created.id, value: '3h' })).message).toContain('The KPI value must be a number');
    // Both empty removes the entry.
    await call(b, 'successPlan.progress.record', { qbrId: nov.qbr.id, outcomeId: created.id, value: null, note: ' ' });
    expect(count(b, 'qbr_outcome_progress')).toBe(1);
    const updated = await call(b, 'successPlan.outcomes.update', { id: created.id, status: 'at_risk', baseline: null, milestoneIds: [] });
    expect(updated).toMatchObject({ status: 'at_risk', baseline: null, target: 1, milestoneIds: [] });
  });

  it('undoes outcome, milestone and QBR deletes with their links and progress', async () => {
    const b = await book();
    const northwind = accountId(b, 'Northwind Traders');
    const ms = await call<{ id: number }>(b, 'milestones.create', { accountId: northwind, kind: 'basic_value', targetDate: '2027-01-15' });
    const o = await call<{ id: number }>(b, 'successPlan.outcomes.create', { accountId: northwind, ...FORECAST, milestoneIds: [ms.id] });
    const q = await call<{ qbr: { id: number } }>(b, 'qbrs.create', { accountId: northwind, date: '2026-11-20' });
    await call(b, 'successPlan.progress.record', { qbrId: q.qbr.id, outcomeId: o.id, value: 6, note: 'two regions live' });
    const whole = await call<Plan>(b, 'successPlan.get', { accountId: northwind });
    const expected = {
      id: o.id,
      milestoneIds: [ms.id],
      progress: [{ qbrId: q.qbr.id, qbrDate: '2026-11-20', value: 6, note: 'two regions live' }],
    };
    expect(whole.outcomes).toMatchObject([expected]);

    const t1 = await call<{ token: string; kind: string; name: string }>(b, 'successPlan.outcomes.delete', { id: o.id });
    expect(t1).toMatchObject({ kind: 'outcome', name: 'Forecast in an hour' });
    expect(count(b, 'success_outcome_milestones') + count(b, 'qbr_outcome_progress')).toBe(0);
    expect(await call(b, 'undo.apply', { token: t1.token })).toMatchObject({ kind: 'outcome', restoredRows: 3 });
    expect(await call(b, 'successPlan.get', { accountId: northwind })).toEqual(whole);

    const t2 = await call<{ token: string }>(b, 'milestones.delete', { id: ms.id });
    expect((await call<Plan>(b, 'successPlan.get', { accountId: northwind })).outcomes[0]!.milestoneIds).toEqual([]);
    await call(b, 'undo.apply', { token: t2.token });
    const t3 = await call<{ token: string }>(b, 'qbrs.delete', { id: q.qbr.id });
    expect((await call<Plan>(b, 'successPlan.get', { accountId: northwind })).outcomes[0]).toMatchObject({ progress: [], latest: null });
    await call(b, 'undo.apply', { token: t3.token });
    expect(await call(b, 'successPlan.get', { accountId: northwind })).toEqual(whole);
  });
});
