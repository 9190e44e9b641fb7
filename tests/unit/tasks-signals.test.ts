// The work queue's signals (issue #14, point 1) on a book imported from vendor-shaped exports (Salesforce accounts,
// HubSpot contacts, Mixpanel events: tests/fixtures/book/tasks-*.csv). For each kind: the signal raises exactly one
// task, reconciling again does not duplicate it, a dismissed task stays dismissed, and clearing the signal closes
// it. The clock is 2026-11-24 (UTC); every expected date, count and sentence is worked out by hand in the comments.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { SNAPSHOT_COLUMNS, writeSnapshotRows } from '../../src/main/db/health-snapshots';
import type { MethodOutput, Task } from '../../src/shared/contract';
import { call, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
let backend: Backend | undefined;
afterEach(() => backend?.close());

interface Book {
  b: Backend;
  alder: number;
  birch: number;
  cedar: number;
}

async function book(): Promise<Book> {
  const b = (backend = tempBackend());
  b.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  for (const f of ['tasks-salesforce-accounts.csv', 'tasks-hubspot-contacts.csv', 'tasks-mixpanel-events.csv']) {
    await runJob(b, { path: path.join(BOOK, f), timeZone: 'UTC' });
  }
  const ids = b.database.sqlite.prepare('SELECT name, id FROM accounts').all() as { name: string; id: number }[];
  const idOf = (name: string) => ids.find((a) => a.name === name)!.id;
  return { b, alder: idOf('Alder Health'), birch: idOf('Birch Logistics'), cedar: idOf('Cedar Bank') };
}

const queue = async (b: Backend, accountId: number, kind: Task['kind']) =>
  (await call<MethodOutput<'tasks.list'>>(b, 'tasks.list', { accountId, status: 'all' })).items.filter((t) => t.kind === kind);

/** Raised once, not duplicated, stays dismissed, and closes when `clear` clears the signal. */
async function lifecycle(b: Backend, accountId: number, kind: Task['kind'], clear: () => Promise<void>): Promise<Task> {
  const [raised, ...others] = await queue(b, accountId, kind);
  expect(others).toEqual([]);
  expect(raised).toMatchObject({ status: 'open', closedBy: null });
  await call(b, 'tasks.reconcile');
  await call(b, 'tasks.reconcile');
  expect((await queue(b, accountId, kind)).map((t) => [t.id, t.status])).toEqual([[raised.id, 'open']]);

  await call(b, 'tasks.dismiss', { id: raised.id, reason: 'Handled by phone' });
  await call(b, 'tasks.reconcile');
  expect((await queue(b, accountId, kind)).map((t) => [t.id, t.status, t.dismissReason])).toEqual([[raised.id, 'dismissed', 'Handled by phone']]);
  await call(b, 'tasks.reopen', { id: raised.id });

  await clear();
  const after = await queue(b, accountId, kind);
  expect(after.map((t) => [t.id, t.status, t.closedBy, t.closedOn])).toEqual([[raised.id, 'done', 'signal', '2026-11-24']]);
  await call(b, 'tasks.reconcile');
  expect((await queue(b, accountId, kind)).length).toBe(1);
  return raised;
}

/** Stores a snapshot with only a score (in points) and a status (no component), through the table's one writer. */
function snapshotWriter(b: Backend): { run: (accountId: number, day: string, score: number, status: string) => void } {
  return {
    // The writer takes the table's unit, whole tenths (migration 0022).
    run: (accountId, day, score, status) =>
      writeSnapshotRows(b.database, [accountId, day, Math.round(score * 10), status, ...SNAPSHOT_COLUMNS.slice(4).map(() => null)]),
  };
}

describe('work queue signals', () => {
  it('qbr_overdue: no QBR since the contract start on 2026-01-01, 327 days > 90; a QBR clears it', async () => {
    const { b, alder } = await book();
    const [t] = await queue(b, alder, 'qbr_overdue');
    // 2026-01-01 + 91 days = 2026-04-02, the first day past 90.
    expect(t).toMatchObject({ due: '2026-04-02', reason: 'No QBR since the contract started on Jan 1, 2026, 327 days ago (overdue after 90).' });
    expect(t.facts).toMatchObject({ lastQbr: null, daysSince: 327, overdueAfterDays: 90 });
    await lifecycle(b, alder, 'qbr_overdue', async () => {
      await call(b, 'qbrs.create', { accountId: alder, date: '2026-11-20' });
    });
  });

  it('renewal_conversation: renewal 2027-01-20 in 57 days, nothing logged since 2026-09-22; a renewal call clears it', async () => {
    const { b, alder } = await book();
    const [t] = await queue(b, alder, 'renewal_conversation');
    // 6 days left in November + 31 in December + 20 = 57 ≤ 60: high. 2027-01-20 − 120 days = 2026-09-22; − 90 = 2026-10-22, already past: due today.
    expect(t).toMatchObject({
      due: '2026-11-24',
      priority: 'high',
      reason: 'Renewal on Jan 20, 2027, in 57 days, and no renewal conversation logged since Sep 22, 2026.',
    });
    // A call about something else does not count.
    await call(b, 'touchpoints.create', { accountId: alder, kind: 'call', date: '2026-11-18', title: 'Training follow-up' });
    await lifecycle(b, alder, 'renewal_conversation', async () => {
      await call(b, 'touchpoints.create', { accountId: alder, kind: 'meeting', date: '2026-11-20', title: 'Planning', notes: 'Talked about the renewal terms' });
    });
  });

  it('renewal_outcome: the renewal date 2026-11-10 passed 14 days ago without an outcome; recording one clears it', async () => {
    const { b, birch } = await book();
    const [t] = await queue(b, birch, 'renewal_outcome');
    expect(t).toMatchObject({ due: '2026-11-10', priority: 'high', reason: 'The renewal date Nov 10, 2026 passed 14 days ago with no outcome recorded.' });
    await lifecycle(b, birch, 'renewal_outcome', async () => {
      await call(b, 'renewal.record', { id: birch, outcome: 'renewed' });
    });
  });

  it('no_touchpoint: onboarding since 2026-11-01, 23 days without a touch ≥ 14; an e-mail clears it', async () => {
    const { b, cedar } = await book();
    const [t] = await queue(b, cedar, 'no_touchpoint');
    // Contract start 2026-11-01 + 14 days = 2026-11-15.
    expect(t).toMatchObject({ due: '2026-11-15', facts: { stage: 'onboarding', limitDays: 14, daysSince: 23, lastTouchpoint: null } });
    await lifecycle(b, cedar, 'no_touchpoint', async () => {
      await call(b, 'touchpoints.create', { accountId: cedar, kind: 'email', date: '2026-11-23', title: 'Welcome pack' });
    });
    // The e-mail of 2026-11-23 is 1 day old: no new task.
    expect((await queue(b, cedar, 'no_touchpoint')).filter((x) => x.status === 'open')).toEqual([]);
  });

  it('milestone_overdue: kickoff due 2026-11-10, 14 days late; achieving it clears it', async () => {
    const { b, cedar } = await book();
    const m = await call<{ id: number }>(b, 'milestones.create', { accountId: cedar, kind: 'kickoff', targetDate: '2026-11-10' });
    const [t] = await queue(b, cedar, 'milestone_overdue');
    expect(t).toMatchObject({ due: '2026-11-10', reason: '"Kickoff" was due on Nov 10, 2026, 14 days ago, and is not achieved.', facts: { milestoneId: m.id, daysLate: 14 } });
    await lifecycle(b, cedar, 'milestone_overdue', async () => {
      await call(b, 'milestones.update', { id: m.id, achievedDate: '2026-11-20' });
    });
  });

  it('early_warning: 4 support cases in the first 30 days (> 3); deleting one clears it', async () => {
    const { b, cedar } = await book();
    const cases: number[] = [];
    for (const day of ['02', '03', '04', '05']) {
      cases.push((await call<{ id: number }>(b, 'touchpoints.create', { accountId: cedar, kind: 'support_case', date: `2026-11-${day}`, title: `Case ${day}` })).id);
    }
    const [t] = await queue(b, cedar, 'early_warning');
    expect(t).toMatchObject({ reason: '4 support cases opened in the first 30 days (more than 3).', facts: { warning: 'early_support_cases' } });
    await lifecycle(b, cedar, 'early_warning', async () => {
      await call(b, 'touchpoints.delete', { id: cases[3] });
    });
  });

  it('recommendation: NPS −100 and proficiency 2/5 → revisit training; a promoter lifts NPS to 0 and clears it', async () => {
    const { b, cedar } = await book();
    await call(b, 'surveys.create', { accountId: cedar, kind: 'nps', score: 2, date: '2026-11-20' });
    await call(b, 'surveys.create', { accountId: cedar, kind: 'proficiency', score: 2, date: '2026-11-20' });
    const [raised, ...others] = (await queue(b, cedar, 'recommendation')).filter((x) => x.facts.recommendation === 'revisit_training');
    expect(others).toEqual([]);
    expect(raised).toMatchObject({ status: 'open', reason: 'Satisfaction 0/100 and proficiency 2.0/5 are both low.' });
    await call(b, 'tasks.reconcile');
    expect((await queue(b, cedar, 'recommendation')).filter((x) => x.facts.recommendation === 'revisit_training').length).toBe(1);
    await call(b, 'tasks.dismiss', { id: raised.id, reason: 'Training booked' });
    await call(b, 'tasks.reconcile');
    expect((await queue(b, cedar, 'recommendation')).find((x) => x.id === raised.id)?.status).toBe('dismissed');
    await call(b, 'tasks.reopen', { id: raised.id });
    // One promoter (10) beside the detractor (2): NPS 0 → satisfaction 50/100, not below 40.
    await call(b, 'surveys.create', { accountId: cedar, kind: 'nps', score: 10, date: '2026-11-21' });
    expect((await queue(b, cedar, 'recommendation')).find((x) => x.id === raised.id)).toMatchObject({ status: 'done', closedBy: 'signal' });
  });

  it('stakeholder_dormant: the executive Olga Berg last active 2026-10-01, 54 days; new activity clears it', async () => {
    const { b, alder } = await book();
    const [t] = await queue(b, alder, 'stakeholder_dormant');
    // Oct 1 → Nov 24 = 30 + 24 = 54 days. Tim Moss (Analyst: end user) is not a stakeholder.
    expect(t).toMatchObject({ title: 'Re-engage Olga Berg at Alder Health', facts: { name: 'Olga Berg', lastActive: '2026-10-01', daysSince: 54 } });
    await lifecycle(b, alder, 'stakeholder_dormant', async () => {
      await runJob(b, { path: path.join(BOOK, 'tasks-mixpanel-events-later.csv'), timeZone: 'UTC' });
    });
  });

  it('health_drop: 70 on Oct 25 to 55 on Nov 24 is down 15; a recomputed 68 clears it', async () => {
    const { b, cedar } = await book();
    // Health snapshots are the app's own table (written by the health compute); set here through its writer, which
    // marks the work queue, to fix the numbers.
    const snap = snapshotWriter(b);
    snap.run(cedar, '2026-10-25', 70, 'healthy');
    snap.run(cedar, '2026-11-24', 55, 'at_risk');
    const [t] = await queue(b, cedar, 'health_drop');
    expect(t).toMatchObject({
      title: 'Health fell 15 points at Cedar Bank',
      reason: 'Health went from 70 on Oct 25, 2026 to 55 on Nov 24, 2026, down 15 points in 30 days.',
      priority: 'medium',
    });
    await lifecycle(b, cedar, 'health_drop', async () => {
      snap.run(cedar, '2026-11-24', 68, 'healthy');
    });
  });

  it('health_drop: a deeper fall retitles an unedited task; a title the CSM edited stays theirs', async () => {
    const { b, cedar } = await book();
    const snap = snapshotWriter(b);
    snap.run(cedar, '2026-10-25', 70, 'healthy');
    snap.run(cedar, '2026-11-24', 55, 'at_risk');
    const [t] = await queue(b, cedar, 'health_drop');
    expect(t.title).toBe('Health fell 15 points at Cedar Bank');
    // 70 → 48: down 22, and the reason and the title say so.
    snap.run(cedar, '2026-11-24', 48, 'at_risk');
    await call(b, 'tasks.reconcile');
    expect((await queue(b, cedar, 'health_drop')).map((x) => [x.id, x.title, x.reason])).toEqual([
      [t.id, 'Health fell 22 points at Cedar Bank', 'Health went from 70 on Oct 25, 2026 to 48 on Nov 24, 2026, down 22 points in 30 days.'],
    ]);
    await call(b, 'tasks.update', { id: t.id, title: 'Call Cedar about the drop' });
    snap.run(cedar, '2026-11-24', 52, 'at_risk');
    await call(b, 'tasks.reconcile');
    expect((await queue(b, cedar, 'health_drop')).map((x) => [x.title, x.reason])).toEqual([
      ['Call Cedar about the drop', 'Health went from 70 on Oct 25, 2026 to 52 on Nov 24, 2026, down 18 points in 30 days.'],
    ]);
  });

  it('reconciles incrementally: a QBR written by another connection closes Alder\'s qbr_overdue on the next list, alone', async () => {
    const { b, alder } = await book();
    const generated = async () =>
      (await call<MethodOutput<'tasks.list'>>(b, 'tasks.list', { status: 'all' })).items
        .filter((t) => t.kind !== 'manual' && t.kind !== 'action_item')
        .map((t) => ({ id: t.id, accountId: t.accountId, kind: t.kind, status: t.status }));
    const before = await generated();
    expect(before.filter((t) => t.accountId === alder && t.kind === 'qbr_overdue').map((t) => t.status)).toEqual(['open']);
    // Another connection (as the import worker is) writes a QBR for Alder on 2026-11-20; no reconcile is asked for.
    const other = new Database(b.database.sqlite.name);
    other.prepare("INSERT INTO qbrs (account_id, date, attendees) VALUES (?, '2026-11-20', '[]')").run(alder);
    other.close();
    const after = await generated();
    expect(after.filter((t) => t.accountId === alder && t.kind === 'qbr_overdue').map((t) => t.status)).toEqual(['done']);
    // The other accounts' tasks are exactly as they were (same ids and statuses), and no task is listed twice.
    expect(after.filter((t) => t.accountId !== alder)).toEqual(before.filter((t) => t.accountId !== alder));
    expect(new Set(after.map((t) => t.id)).size).toBe(after.length);
    expect(b.database.sqlite.prepare('SELECT count(*) FROM task_dirty').pluck().get()).toBe(0);
  });
});
