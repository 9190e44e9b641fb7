// The success plan's store (issue #14, point 5) on a real SQLite file, the book imported from the HubSpot
// companies export in tests/fixtures/relationship. Milestones and QBRs go through the real API; the expected
// rows are written by hand.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import {
  deleteOutcomeRow,
  handoffOf,
  insertOutcome,
  outcomeMilestoneIds,
  outcomesOf,
  progressOf,
  recordProgress,
  saveHandoff,
  setOutcomeMilestones,
} from '../../src/main/db/success-plan';
import { call, tempBackend } from '../helpers/backend';
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

describe('success plan store', () => {
  it('keeps one handoff per account, replaced on save', async () => {
    const b = await book();
    const store = b.database;
    const northwind = accountId(b, 'Northwind Traders');
    expect(handoffOf(store, northwind)).toBeUndefined();
    const base = { accountId: northwind, whyBought: 'Renewal forecasts took two days', buyer: 'VP Finance', users: 'Regional sales managers', complexity: 'high' as const, complexityNote: 'SSO and 4 regions', updatedAt: 1 };
    saveHandoff(store, base);
    saveHandoff(store, { ...base, complexity: 'medium', complexityNote: null, updatedAt: 2 });
    expect(handoffOf(store, northwind)).toEqual({ ...base, complexity: 'medium', complexityNote: null, updatedAt: 2 });
    expect(b.database.sqlite.prepare('SELECT COUNT(*) AS n FROM success_plans').get()).toEqual({ n: 1 });
  });

  it('links outcomes only to the same account’s milestones and records QBR progress in date order', async () => {
    const b = await book();
    const store = b.database;
    const northwind = accountId(b, 'Northwind Traders');
    const contoso = accountId(b, 'Contoso Ltd');
    const own = await call<{ id: number }>(b, 'milestones.create', { accountId: northwind, kind: 'basic_value', targetDate: '2027-01-15' });
    const other = await call<{ id: number }>(b, 'milestones.create', { accountId: contoso, kind: 'basic_value', targetDate: '2027-01-15' });
    const outcome = insertOutcome(
      store,
      { accountId: northwind, title: 'Forecast in an hour', kpiName: 'Forecast preparation time', kpiUnit: 'hours', baseline: 16, target: 1, targetDate: '2027-03-31', status: 'on_track' },
      0,
    );
    setOutcomeMilestones(store, outcome, [own.id, other.id, own.id]);
    expect(outcomeMilestoneIds(store, northwind)).toEqual([{ outcomeId: outcome, milestoneId: own.id }]);

    const later = await call<{ qbr: { id: number } }>(b, 'qbrs.create', { accountId: northwind, date: '2026-11-20' });
    const earlier = await call<{ qbr: { id: number } }>(b, 'qbrs.create', { accountId: northwind, date: '2026-08-20' });
    const foreign = await call<{ qbr: { id: number } }>(b, 'qbrs.create', { accountId: contoso, date: '2026-11-21' });
    expect(recordProgress(store, { qbrId: later.qbr.id, outcomeId: outcome, value: 6, note: 'two regions live' })).toBe(true);
    expect(recordProgress(store, { qbrId: earlier.qbr.id, outcomeId: outcome, value: 12, note: null })).toBe(true);
    expect(recordProgress(store, { qbrId: later.qbr.id, outcomeId: outcome, value: 4, note: 'three regions live' })).toBe(true);
    // A QBR of another account cannot record progress on this outcome.
    expect(recordProgress(store, { qbrId: foreign.qbr.id, outcomeId: outcome, value: 0, note: null })).toBe(false);
    expect(progressOf(store, northwind)).toEqual([
      { qbrId: earlier.qbr.id, qbrDate: '2026-08-20', outcomeId: outcome, value: 12, note: null },
      { qbrId: later.qbr.id, qbrDate: '2026-11-20', outcomeId: outcome, value: 4, note: 'three regions live' },
    ]);

    // Deleting the outcome takes its links and progress with it (foreign keys cascade).
    deleteOutcomeRow(store, outcome);
    expect(outcomesOf(store, northwind)).toEqual([]);
    expect(b.database.sqlite.prepare('SELECT (SELECT COUNT(*) FROM qbr_outcome_progress) + (SELECT COUNT(*) FROM success_outcome_milestones) AS n').get()).toEqual({ n: 0 });
  });
});
