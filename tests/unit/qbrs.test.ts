import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { call, fail, tempBackend } from '../helpers/backend';

// The QBR log through the real API on a real SQLite file. The clock is 2026-11-24 (UTC).
let backend: Backend | undefined;
afterEach(() => backend?.close());

function book(): Backend {
  backend = tempBackend();
  backend.database.sqlite.exec(`
    INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"');
    INSERT INTO accounts (id, name, contract_start, renewal_date) VALUES
      (1, 'Acme', '2026-01-01', '2027-01-01'), (2, 'Beta', '2026-10-01', '2027-10-01'), (3, 'Gamma', NULL, NULL);
  `);
  return backend;
}

type Created = MethodOutput<'qbrs.create'>;
type List = MethodOutput<'qbrs.list'>;
type Suggestion = MethodOutput<'qbrs.nextSuggestion'>;
type Item = MethodOutput<'qbrs.actionItem.update'>;

async function twoQbrs(b: Backend) {
  const first = await call<Created>(b, 'qbrs.create', {
    accountId: 1,
    date: '2026-05-20',
    attendees: ['Ana (VP Ops)', 'Ben (CSM)'],
    goalsReviewed: 'Roll out to finance',
    outcomes: 'Finance pilot agreed',
    customerResponse: 'positive',
    actionItems: [
      { text: 'Train finance team', owner: 'Ben', dueDate: '2026-06-30' },
      { text: 'Share usage report', owner: 'Ben', dueDate: '2026-06-01', status: 'done' },
      { text: 'Set up SSO', owner: 'Ana' },
    ],
  });
  const second = await call<Created>(b, 'qbrs.create', {
    accountId: 1,
    date: '2026-08-20',
    attendees: ['Ana (VP Ops)'],
    customerResponse: 'neutral',
    actionItems: [{ text: 'Plan the renewal', owner: 'Ben', dueDate: '2026-12-01' }],
  });
  return { first, second };
}

describe('QBRs', () => {
  it('carry open action items over to the next QBR, and show the old ones as carried', async () => {
    const b = book();
    const { first, second } = await twoQbrs(b);
    expect(first.carriedOver).toBe(0);
    expect(second.carriedOver).toBe(2);
    expect(second.qbr.actionItems.map((i) => [i.text, i.status, i.raisedOn])).toEqual([
      ['Train finance team', 'open', '2026-05-20'],
      ['Set up SSO', 'open', '2026-05-20'],
      ['Plan the renewal', 'open', '2026-08-20'],
    ]);
    const [train, sso] = first.qbr.actionItems.filter((i) => i.status === 'open');
    const list = await call<List>(b, 'qbrs.list', { accountId: 1 });
    expect(list.items.map((q) => q.date)).toEqual(['2026-08-20', '2026-05-20']);
    const old = list.items[1].actionItems;
    expect(old.map((i) => [i.text, i.status])).toEqual([
      ['Train finance team', 'carried'],
      ['Share usage report', 'done'],
      ['Set up SSO', 'carried'],
    ]);
    const carried = list.items[0].actionItems.filter((i) => i.carriedFromId !== null);
    expect(carried.map((i) => i.carriedFromId)).toEqual([train.id, sso.id]);
    expect(old.find((i) => i.id === train.id)?.carriedToId).toBe(carried[0].id);
    // The due date travels with the item, so a carried item can be overdue.
    expect(carried[0]).toMatchObject({ dueDate: '2026-06-30', overdue: true });
    expect(list.items[0]).toMatchObject({ attendees: ['Ana (VP Ops)'], customerResponse: 'neutral', goalsReviewed: null });

    // A third QBR takes over the chain; "raised on" still points at the first QBR.
    const third = await call<Created>(b, 'qbrs.create', { accountId: 1, date: '2026-11-20' });
    expect(third.carriedOver).toBe(3);
    expect(third.qbr.actionItems.find((i) => i.text === 'Set up SSO')?.raisedOn).toBe('2026-05-20');
  });

  it('carry nothing when asked not to, and never from QBRs held after the one being logged', async () => {
    const b = book();
    await twoQbrs(b);
    const none = await call<Created>(b, 'qbrs.create', { accountId: 1, date: '2026-11-01', carryOver: false });
    expect(none).toMatchObject({ carriedOver: 0, qbr: { actionItems: [] } });
    // Logged after the fact, between the two: only the first QBR's items were open then, and they moved on already.
    const backfilled = await call<Created>(b, 'qbrs.create', { accountId: 1, date: '2026-06-15' });
    expect(backfilled.carriedOver).toBe(0);
    expect(await fail(b, 'qbrs.create', { accountId: 99, date: '2026-06-15' })).toBe('not_found');
    expect(await fail(b, 'qbrs.create', { accountId: 1, date: '15/06/2026' })).toBe('invalid_input');
  });

  it('update a QBR and its action items', async () => {
    const b = book();
    const { second } = await twoQbrs(b);
    const updated = await call<MethodOutput<'qbrs.update'>>(b, 'qbrs.update', { id: second.qbr.id, outcomes: 'Renewal plan agreed', customerResponse: 'positive' });
    expect(updated).toMatchObject({ outcomes: 'Renewal plan agreed', customerResponse: 'positive', date: '2026-08-20' });
    const plan = second.qbr.actionItems.find((i) => i.text === 'Plan the renewal');
    const done = await call<Item>(b, 'qbrs.actionItem.update', { id: plan?.id, status: 'done', owner: 'Cleo' });
    expect(done).toMatchObject({ status: 'done', owner: 'Cleo', dueDate: '2026-12-01', text: 'Plan the renewal' });
    const added = await call<Item>(b, 'qbrs.actionItem.create', { qbrId: second.qbr.id, text: 'Send the deck', dueDate: '2026-11-01' });
    expect(added).toMatchObject({ status: 'open', overdue: true, accountId: 1, raisedOn: '2026-08-20' });
    expect(await fail(b, 'qbrs.actionItem.update', { id: 999, status: 'done' })).toBe('not_found');
  });

  it('suggest the next QBR from the cadence setting', async () => {
    const b = book();
    // No QBR yet: contract start + 90 days (Acme started 2026-01-01, so it is long overdue).
    expect(await call<Suggestion>(b, 'qbrs.nextSuggestion', { accountId: 1 })).toMatchObject({
      cadenceDays: 90,
      lastQbrDate: null,
      suggestedDate: '2026-04-01',
      basis: 'contract_start',
      overdue: true,
      daysUntil: -237,
      openActionItems: [],
    });
    expect(await call<Suggestion>(b, 'qbrs.nextSuggestion', { accountId: 2 })).toMatchObject({ suggestedDate: '2026-12-30', overdue: false, daysUntil: 36 });
    expect(await call<Suggestion>(b, 'qbrs.nextSuggestion', { accountId: 3 })).toMatchObject({ suggestedDate: '2026-11-24', basis: 'today', overdue: false });

    await twoQbrs(b);
    const next = await call<Suggestion>(b, 'qbrs.nextSuggestion', { accountId: 1 });
    expect(next).toMatchObject({ lastQbrDate: '2026-08-20', suggestedDate: '2026-11-18', basis: 'last_qbr', overdue: true, daysUntil: -6 });
    // What the next QBR will carry over, soonest due first.
    expect(next.openActionItems.map((i) => i.text)).toEqual(['Train finance team', 'Plan the renewal', 'Set up SSO']);

    await call(b, 'settings.update', { qbrCadenceDays: 120 });
    expect(await call<Suggestion>(b, 'qbrs.nextSuggestion', { accountId: 1 })).toMatchObject({ cadenceDays: 120, suggestedDate: '2026-12-18', overdue: false });
    // A QBR already logged for a later date is the next one.
    await call(b, 'qbrs.create', { accountId: 1, date: '2026-12-05', carryOver: false });
    expect(await call<Suggestion>(b, 'qbrs.nextSuggestion', { accountId: 1 })).toMatchObject({ suggestedDate: '2026-12-05', basis: 'scheduled', daysUntil: 11 });
  });
});

describe('undo of QBR deletes', () => {
  it('brings a deleted QBR back with its action items, and reopens then re-closes what it had carried over', async () => {
    const b = book();
    const { first, second } = await twoQbrs(b);
    const before = await call<List>(b, 'qbrs.list', { accountId: 1 });
    const ticket = await call<MethodOutput<'qbrs.delete'>>(b, 'qbrs.delete', { id: second.qbr.id });
    expect(ticket).toMatchObject({ kind: 'qbr', name: '2026-08-20', accountId: 1 });

    const after = await call<List>(b, 'qbrs.list', { accountId: 1 });
    expect(after.items.map((q) => q.id)).toEqual([first.qbr.id]);
    // Without the QBR that carried them, the first QBR's items are open again.
    expect(after.items[0].actionItems.map((i) => i.status)).toEqual(['open', 'done', 'open']);
    expect(b.database.sqlite.prepare('SELECT count(*) AS n FROM qbr_action_items WHERE qbr_id = ?').get(second.qbr.id)).toEqual({ n: 0 });

    const undone = await call<MethodOutput<'undo.apply'>>(b, 'undo.apply', { token: ticket.token });
    expect(undone.restoredRows).toBe(4);
    expect(await call<List>(b, 'qbrs.list', { accountId: 1 })).toEqual(before);
  });

  it('brings a deleted action item back', async () => {
    const b = book();
    const { second } = await twoQbrs(b);
    const before = await call<List>(b, 'qbrs.list', { accountId: 1 });
    const item = second.qbr.actionItems[2];
    const ticket = await call<MethodOutput<'qbrs.actionItem.delete'>>(b, 'qbrs.actionItem.delete', { id: item.id });
    expect(ticket).toMatchObject({ kind: 'action_item', name: 'Plan the renewal' });
    expect((await call<List>(b, 'qbrs.list', { accountId: 1 })).items[0].actionItems).toHaveLength(2);
    await call(b, 'undo.apply', { token: ticket.token });
    expect(await call<List>(b, 'qbrs.list', { accountId: 1 })).toEqual(before);
  });

  it('do not touch the health snapshots when only an action item changes', async () => {
    const b = book();
    const { second } = await twoQbrs(b);
    const count = () => b.database.sqlite.prepare('SELECT count(*) AS n, sum(score) AS s FROM health_snapshots').get();
    b.database.sqlite.exec('DELETE FROM health_snapshots_tenths');
    await call(b, 'qbrs.actionItem.update', { id: second.qbr.actionItems[0].id, status: 'done' });
    expect(count()).toEqual({ n: 0, s: null });
  });
});
