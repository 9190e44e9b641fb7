// The work queue's own tasks and QBR action items (issue #14, point 1): manual tasks, action items read from the QBR
// (the same objects: done here is done on the QBR), the due filters, snooze, edits and errors; and the `tasks` CLI
// in a real subprocess. Book: the Salesforce-shaped tasks-salesforce-accounts.csv; clock 2026-11-24 (UTC).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput, Task } from '../../src/shared/contract';
import { call, failure, tempBackend } from '../helpers/backend';
import { CLI_CASE_TIMEOUT, readStore, runCli } from '../helpers/cli-process';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
let backend: Backend | undefined;
afterEach(() => backend?.close());

async function book(): Promise<{ b: Backend; dataDir: string; alder: number; birch: number }> {
  const b = tempBackend();
  backend = b;
  b.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  await runJob(b, { path: path.join(BOOK, 'tasks-salesforce-accounts.csv'), timeZone: 'UTC' });
  const ids = b.database.sqlite.prepare('SELECT name, id FROM accounts').all() as { name: string; id: number }[];
  const idOf = (name: string) => ids.find((a) => a.name === name)!.id;
  return { b, dataDir: b.dataDir, alder: idOf('Alder Health'), birch: idOf('Birch Logistics') };
}

type List = MethodOutput<'tasks.list'>;
const mine = (l: List) => l.items.filter((t) => t.kind === 'manual' || t.kind === 'action_item').map((t) => `${t.title} ${t.due ?? '-'} ${t.status}`);

describe('work queue: manual tasks and QBR action items', () => {
  it('lists manual tasks and action items by due filter, and marks an action item done on the QBR itself', async () => {
    const { b, alder, birch } = await book();
    await call(b, 'tasks.create', { accountId: alder, title: 'Send ROI summary', due: '2026-11-20', priority: 'high' });
    await call(b, 'tasks.create', { accountId: alder, title: 'Call Olga', due: '2026-11-24' });
    await call(b, 'tasks.create', { accountId: birch, title: 'Plan workshop', due: '2026-11-30' });
    await call(b, 'tasks.create', { accountId: birch, title: 'Someday', due: '2026-12-01' });
    const { qbr } = await call<{ qbr: { actionItems: { id: number }[] } }>(b, 'qbrs.create', {
      accountId: birch,
      date: '2026-11-02',
      actionItems: [{ text: 'Share the SSO guide', dueDate: '2026-11-23' }],
    });
    const itemId = `a${qbr.actionItems[0].id}`;

    // overdue: before 2026-11-24; today: on or before it; week: on or before 2026-11-30 (today + 6).
    expect(mine(await call<List>(b, 'tasks.list', { due: 'overdue' }))).toEqual(['Send ROI summary 2026-11-20 open', 'Share the SSO guide 2026-11-23 open']);
    expect(mine(await call<List>(b, 'tasks.list', { due: 'today' }))).toEqual([
      'Send ROI summary 2026-11-20 open',
      'Share the SSO guide 2026-11-23 open',
      'Call Olga 2026-11-24 open',
    ]);
    expect(mine(await call<List>(b, 'tasks.list', { due: 'week', accountId: birch }))).toEqual(['Share the SSO guide 2026-11-23 open', 'Plan workshop 2026-11-30 open']);
    const item = (await call<List>(b, 'tasks.list', { accountId: birch })).items.find((t) => t.id === itemId)!;
    expect(item).toMatchObject({ kind: 'action_item', reason: 'Agreed at the QBR of 2026-11-02', accountName: 'Birch Logistics' });

    const done = await call<Task>(b, 'tasks.done', { id: itemId });
    expect(done).toMatchObject({ id: itemId, status: 'done' });
    const status = b.database.sqlite.prepare('SELECT status FROM qbr_action_items WHERE id = ?').pluck().get(qbr.actionItems[0].id);
    expect(status).toBe('done');
    expect(mine(await call<List>(b, 'tasks.list', { due: 'overdue' }))).toEqual(['Send ROI summary 2026-11-20 open']);
  });

  it('manual and action_item: each listed once however often the queue reconciles; reconcile never closes them', async () => {
    const { b, birch } = await book();
    await call(b, 'tasks.create', { accountId: birch, title: 'Plan workshop', due: '2026-11-30' });
    await call(b, 'qbrs.create', { accountId: birch, date: '2026-11-02', actionItems: [{ text: 'Share the SSO guide', dueDate: '2026-11-23' }] });
    for (let i = 0; i < 3; i++) await call(b, 'tasks.reconcile');
    const listed = mine(await call<List>(b, 'tasks.list', { accountId: birch, status: 'all' }));
    expect(listed).toEqual(['Share the SSO guide 2026-11-23 open', 'Plan workshop 2026-11-30 open']);
    // The action item is the QBR's own row, not a copy in the tasks table.
    expect(b.database.sqlite.prepare("SELECT count(*) FROM tasks WHERE kind IN ('manual', 'action_item')").pluck().get()).toBe(1);
  });

  it('portfolio openTasks counts the open queue per account: done and snoozed ones drop out', async () => {
    const { b, birch } = await book();
    const openOf = async () => (await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview', {})).rows.find((a) => a.id === birch)!.openTasks;
    const listed = async () => (await call<List>(b, 'tasks.list', { accountId: birch })).items.length;
    const generated = await listed();
    expect(await openOf()).toBe(generated);
    const t1 = await call<Task>(b, 'tasks.create', { accountId: birch, title: 'Plan workshop', due: '2026-11-30' });
    const t2 = await call<Task>(b, 'tasks.create', { accountId: birch, title: 'Call Ana', due: '2026-11-25' });
    await call(b, 'qbrs.create', { accountId: birch, date: '2026-11-02', actionItems: [{ text: 'Share the SSO guide', dueDate: '2026-11-23' }] });
    // The QBR on 2026-11-02 may clear Birch's QBR-overdue and no-touchpoint signals: count from the queue again.
    const withMine = await listed();
    expect(await openOf()).toBe(withMine);
    await call(b, 'tasks.done', { id: t1.id });
    await call(b, 'tasks.snooze', { id: t2.id, until: '2026-12-01' });
    expect(await openOf()).toBe(withMine - 2);
    // The queue has no history: a past as-of date shows no count rather than today's.
    const past = (await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview', { asOf: '2026-10-01' })).rows.find((a) => a.id === birch)!;
    expect(past.openTasks).toBeNull();
  });

  it('snoozes until a later day, edits, dismisses with a reason and reopens; refuses bad ids and dates', async () => {
    const { b, alder } = await book();
    const t = await call<Task>(b, 'tasks.create', { accountId: alder, title: 'Call Olga', due: '2026-11-20' });
    expect(t).toMatchObject({ id: expect.stringMatching(/^t\d+$/), kind: 'manual', priority: 'medium', status: 'open', reason: null });
    expect(await call<Task>(b, 'tasks.snooze', { id: t.id, until: '2026-11-27' })).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-11-27' });
    expect(mine(await call<List>(b, 'tasks.list', {}))).toEqual([]);
    expect((await failure(b, 'tasks.snooze', { id: t.id, until: '2026-11-24' })).code).toBe('invalid_date');
    expect(await call<Task>(b, 'tasks.update', { id: t.id, title: 'Call Olga Berg', due: '2026-11-26', priority: 'low' })).toMatchObject({
      title: 'Call Olga Berg',
      due: '2026-11-26',
      priority: 'low',
      status: 'snoozed',
    });
    expect(await call<Task>(b, 'tasks.dismiss', { id: t.id, reason: 'She left' })).toMatchObject({ status: 'dismissed', dismissReason: 'She left', closedBy: 'user', closedOn: '2026-11-24' });
    expect(await call<Task>(b, 'tasks.reopen', { id: t.id })).toMatchObject({ status: 'open', dismissReason: null, closedBy: null });
    expect(await failure(b, 'tasks.done', { id: 't9999' })).toMatchObject({ code: 'not_found', message: 'There is no task t9999.' });
    expect((await failure(b, 'tasks.done', { id: '12' })).code).toBe('invalid_input');
    expect((await failure(b, 'tasks.create', { accountId: 999, title: 'X' })).code).toBe('not_found');
    expect((await failure(b, 'tasks.create', { accountId: alder, title: 'X', due: '2026-02-30' })).code).toBe('invalid_input');
  });

  it(
    'tasks --json prints [{id, accountId, title, kind, reason, due, status}]; tasks done ID exits 0, an unknown id exits 1',
    async () => {
      const { b, dataDir, alder } = await book();
      const t = await call<Task>(b, 'tasks.create', { accountId: alder, title: 'Send ROI summary', due: '2026-11-20' });
      b.close();
      backend = undefined;
      // The CLI runs on the machine's clock: the manual task (due 2026-11-20) is overdue on any later day.
      const listed = await runCli(['tasks', '--due', 'overdue', '--account', String(alder), '--json'], dataDir);
      expect(listed.code).toBe(0);
      const items = JSON.parse(listed.stdout) as Record<string, unknown>[];
      const manual = items.find((i) => i.id === t.id);
      expect(manual).toMatchObject({ id: t.id, accountId: alder, title: 'Send ROI summary', kind: 'manual', reason: null, due: '2026-11-20', status: 'open' });
      for (const i of items) expect(Object.keys(i)).toEqual(expect.arrayContaining(['id', 'accountId', 'title', 'kind', 'reason', 'due', 'status']));

      const done = await runCli(['tasks', 'done', t.id], dataDir);
      expect(done.code).toBe(0);
      expect(done.stdout).toContain(`Done: ${t.id} "Send ROI summary" (Alder Health).`);
      expect(readStore(dataDir, (db) => db.prepare('SELECT status, closed_by FROM tasks WHERE id = ?').get(Number(t.id.slice(1))))).toEqual({ status: 'done', closed_by: 'user' });

      const unknown = await runCli(['tasks', 'done', 't4242'], dataDir);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('There is no task t4242.');
      const badDue = await runCli(['tasks', '--due', 'tomorrow'], dataDir);
      expect(badDue.code).toBe(2);
      expect(badDue.stderr).toContain('--due is "tomorrow": write today, overdue or week.');
    },
    CLI_CASE_TIMEOUT,
  );
});
