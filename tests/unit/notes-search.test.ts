// Notes that are found (issue #14, point 7): search.notes over a book imported from a Salesforce-shaped accounts
// export, with notes written through the API as a CSM writes them. Expected hits are listed by hand.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { call, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
type Found = MethodOutput<'search.notes'>;
type Touchpoint = MethodOutput<'touchpoints.create'>;

let backend: Backend | undefined;
afterEach(() => backend?.close());

async function book(): Promise<{ b: Backend; northwind: number; contoso: number }> {
  const b = (backend = tempBackend());
  await runJob(b, { path: path.join(BOOK, 'salesforce-accounts.csv'), timeZone: 'UTC' });
  const ids = b.database.sqlite.prepare('SELECT name, id FROM accounts').all() as { name: string; id: number }[];
  const idOf = (name: string) => ids.find((a) => a.name === name)!.id;
  return { b, northwind: idOf('Northwind Traders'), contoso: idOf('Contoso Ltd') };
}

const found = (b: Backend, query: string, limit?: number) => call<Found>(b, 'search.notes', { query, ...(limit ? { limit } : {}) });
const keys = (f: Found) => f.items.map((i) => `${i.source} ${i.accountName} ${i.title}`);

describe('search.notes', () => {
  it('finds touchpoint notes, QBR outcomes, action items and milestone notes, every word in one note, newest first', async () => {
    const { b, northwind, contoso } = await book();
    await call(b, 'touchpoints.create', { accountId: northwind, kind: 'call', date: '2026-10-02', title: 'Check-in', notes: 'Budget for the renewal is frozen until Q1.' });
    await call(b, 'touchpoints.create', { accountId: contoso, kind: 'email', date: '2026-11-12', title: 'Renewal budget question' });
    await call(b, 'touchpoints.create', { accountId: contoso, kind: 'meeting', date: '2026-11-13', title: 'Training', notes: 'Budget talk only' });
    await call(b, 'qbrs.create', {
      accountId: northwind,
      date: '2026-09-15',
      outcomes: 'Agreed to expand SSO; the renewal budget sits with the new CFO.',
      actionItems: [{ text: 'Send the renewal budget proposal to the CFO', dueDate: '2026-10-01' }],
    });
    await call(b, 'milestones.create', { accountId: contoso, kind: 'basic_value', targetDate: '2026-06-01', notes: 'Renewal budget depends on this' });

    const hits = await found(b, 'RENEWAL budget');
    expect(keys(hits)).toEqual([
      'touchpoint Contoso Ltd Renewal budget question',
      'touchpoint Northwind Traders Check-in',
      'action_item Northwind Traders Send the renewal budget proposal to the CFO',
      'qbr Northwind Traders QBR',
      'milestone Contoso Ltd Basic value',
    ]);
    expect(hits.items.map((i) => i.tab)).toEqual(['touchpoints', 'touchpoints', 'qbrs', 'qbrs', 'milestones']);
    expect(hits.items[1]).toMatchObject({ accountId: northwind, date: '2026-10-02', snippet: 'Budget for the renewal is frozen until Q1.' });
    expect(hits.items[0].snippet).toBe('');
    expect(hits.items[2].snippet).toBe('');
    expect(hits.more).toBe(false);

    const two = await found(b, 'renewal budget', 2);
    expect(two.items).toHaveLength(2);
    expect(two.more).toBe(true);
    expect(keys(await found(b, 'budget talk'))).toEqual(['touchpoint Contoso Ltd Training']);
    expect((await found(b, '   ')).items).toEqual([]);
  });

  it('takes % and _ as typed, folds case in any script, and never finds a deleted note', async () => {
    const { b, northwind } = await book();
    await call(b, 'touchpoints.create', { accountId: northwind, kind: 'call', date: '2026-11-01', title: 'Discount', notes: 'Asked for 10% off' });
    await call(b, 'touchpoints.create', { accountId: northwind, kind: 'call', date: '2026-11-02', title: 'Ops', notes: 'ÖSTERREICH team onboarding; field user_id renamed' });
    const gone = await call<Touchpoint>(b, 'touchpoints.create', { accountId: northwind, kind: 'call', date: '2026-11-03', title: 'Escalation', notes: 'Outage escalation' });

    expect(keys(await found(b, '10%'))).toEqual(['touchpoint Northwind Traders Discount']);
    expect((await found(b, '%')).items.map((i) => i.title)).toEqual(['Discount']);
    expect(keys(await found(b, 'user_id'))).toEqual(['touchpoint Northwind Traders Ops']);
    expect((await found(b, 'user%id')).items).toEqual([]);
    expect(keys(await found(b, 'österreich'))).toEqual(['touchpoint Northwind Traders Ops']);

    expect(keys(await found(b, 'outage'))).toEqual(['touchpoint Northwind Traders Escalation']);
    await call(b, 'touchpoints.delete', { id: gone.id });
    expect((await found(b, 'outage')).items).toEqual([]);
  });

  it('cuts a long note around the first word, with an ellipsis on each cut side', async () => {
    const { b, northwind } = await book();
    const notes = `${'a'.repeat(300)} procurement ${'b'.repeat(300)}`;
    await call(b, 'touchpoints.create', { accountId: northwind, kind: 'call', date: '2026-11-01', title: 'Long', notes });
    const [hit] = (await found(b, 'procurement')).items;
    expect(hit.snippet.startsWith('…')).toBe(true);
    expect(hit.snippet.endsWith('…')).toBe(true);
    expect(hit.snippet).toContain(`${'a'.repeat(39)} procurement ${'b'.repeat(20)}`);
    expect(hit.snippet.length).toBe(160 + 2);
  });
});
