import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { contract, type MethodOutput } from '../../src/shared/contract';
import { call, fail, tempBackend } from '../helpers/backend';

// TTV milestones through the real API on a real SQLite file. The clock is 2026-11-24 (UTC).
let backend: Backend | undefined;
afterEach(() => backend?.close());

let now = new Date('2026-11-24T12:00:00Z');

function book(): Backend {
  now = new Date('2026-11-24T12:00:00Z');
  backend = tempBackend({ now: () => now });
  backend.database.sqlite.exec(`
    INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"');
    INSERT INTO accounts (id, name, licenses, contract_start, renewal_date) VALUES (1, 'Acme', 10, '2026-09-01', '2027-09-01');
  `);
  return backend;
}

type List = MethodOutput<'milestones.list'>;
type Item = MethodOutput<'milestones.create'>;
type Ticket = MethodOutput<'milestones.delete'>;

describe('milestones', () => {
  it('give each milestone its status as of a date: on time, late, overdue, upcoming', async () => {
    const b = book();
    const create = (input: object) => call<Item>(b, 'milestones.create', { accountId: 1, ...input });
    const kickoff = await create({ kind: 'kickoff', targetDate: '2026-09-05', achievedDate: '2026-09-04' });
    const onboarding = await create({ kind: 'onboarding_complete', targetDate: '2026-10-01', achievedDate: '2026-10-11' });
    const basic = await create({ kind: 'basic_value', targetDate: '2026-11-14' });
    const exceeded = await create({ kind: 'exceeded_value', targetDate: '2026-12-04' });
    const custom = await create({ kind: 'custom', name: 'SSO live' });
    expect(kickoff).toMatchObject({ name: 'Kickoff', status: 'achieved_on_time', daysLate: null, daysFromContractStart: 3 });
    expect(onboarding).toMatchObject({ name: 'Onboarding complete', status: 'achieved_late', daysLate: 10, daysFromContractStart: 40 });
    expect(basic).toMatchObject({ status: 'overdue', daysLate: 10, daysUntilDue: null, daysFromContractStart: null });
    expect(exceeded).toMatchObject({ status: 'upcoming', daysLate: null, daysUntilDue: 10 });
    expect(custom).toMatchObject({ name: 'SSO live', status: 'upcoming', daysUntilDue: null, targetDate: null });

    const list = await call<List>(b, 'milestones.list', { accountId: 1 });
    expect(list.asOf).toBe('2026-11-24');
    expect(list.overdue).toBe(1);
    // Timeline order: by achieved (else target) date, undated last.
    expect(list.items.map((m) => m.kind)).toEqual(['kickoff', 'onboarding_complete', 'basic_value', 'exceeded_value', 'custom']);
    // Seen from an earlier day, the basic-value milestone was not yet due.
    const earlier = await call<List>(b, 'milestones.list', { accountId: 1, asOf: '2026-11-10' });
    expect(earlier.items.find((m) => m.kind === 'basic_value')).toMatchObject({ status: 'upcoming', daysUntilDue: 4 });
  });

  it('complete, edit and refuse what would make TTV ambiguous or wrong', async () => {
    const b = book();
    const basic = await call<Item>(b, 'milestones.create', { accountId: 1, kind: 'basic_value', targetDate: '2026-11-14' });
    const done = await call<Item>(b, 'milestones.complete', { id: basic.id });
    expect(done).toMatchObject({ achievedDate: '2026-11-24', status: 'achieved_late', daysLate: 10, daysFromContractStart: 84 });
    const moved = await call<Item>(b, 'milestones.update', { id: basic.id, targetDate: '2026-11-30', notes: 'moved by the customer' });
    expect(moved).toMatchObject({ status: 'achieved_on_time', notes: 'moved by the customer' });
    // A milestone still named after its kind follows a change of kind.
    const renamed = await call<Item>(b, 'milestones.update', { id: basic.id, kind: 'exceeded_value' });
    expect(renamed.name).toBe('Exceeded value');

    expect(await fail(b, 'milestones.create', { accountId: 1, kind: 'exceeded_value' })).toBe('duplicate_milestone');
    expect(await fail(b, 'milestones.create', { accountId: 1, kind: 'custom' })).toBe('invalid_milestone');
    expect(await fail(b, 'milestones.create', { accountId: 1, kind: 'kickoff', achievedDate: '2026-12-01' })).toBe('invalid_date');
    expect(await fail(b, 'milestones.create', { accountId: 99, kind: 'kickoff' })).toBe('not_found');
    expect(await fail(b, 'milestones.complete', { id: 999 })).toBe('not_found');
    // Custom milestones may repeat.
    await call(b, 'milestones.create', { accountId: 1, kind: 'custom', name: 'A' });
    await call(b, 'milestones.create', { accountId: 1, kind: 'custom', name: 'B' });
  });

  it('agree with metrics.account on TTV and on each milestone', async () => {
    const b = book();
    await call(b, 'milestones.create', { accountId: 1, kind: 'onboarding_complete', targetDate: '2026-10-01', achievedDate: '2026-09-25' });
    await call(b, 'milestones.create', { accountId: 1, kind: 'basic_value', targetDate: '2026-10-15', achievedDate: '2026-10-31' });
    await call(b, 'milestones.create', { accountId: 1, kind: 'first_key_action', targetDate: '2026-11-01' });
    const list = await call<List>(b, 'milestones.list', { accountId: 1 });
    const metrics = await call<MethodOutput<'metrics.account'>>(b, 'metrics.account', { id: 1 });
    expect(list.ttv).toEqual({ basicValueDays: 60, exceededValueDays: null, onboardingDays: 24, firstKeyActionDays: null });
    expect(metrics.ttvBasicDays).toBe(list.ttv.basicValueDays);
    expect(metrics.timeToOnboardDays).toBe(list.ttv.onboardingDays);
    expect(metrics.ttvExceededDays).toBe(list.ttv.exceededValueDays);
    const state = { achieved_on_time: 'achieved', achieved_late: 'achieved_late', overdue: 'late', upcoming: 'due' } as const;
    for (const m of list.items) {
      const same = metrics.milestones.find((x) => x.id === m.id);
      expect(same?.state).toBe(state[m.status]);
      expect(same?.daysLate).toBe(m.daysLate);
    }
  });

  it('feed the journey stage and the health snapshots of their account', async () => {
    const b = book();
    // Contract started 84 days ago: past the 30 onboarding days, so adoption...
    expect((await call<MethodOutput<'accounts.get'>>(b, 'accounts.get', { id: 1 })).stage).toBe('adoption');
    // ...unless the account has an onboarding milestone not yet achieved.
    const m = await call<Item>(b, 'milestones.create', { accountId: 1, kind: 'onboarding_complete', targetDate: '2026-10-01' });
    expect((await call<MethodOutput<'accounts.get'>>(b, 'accounts.get', { id: 1 })).stage).toBe('onboarding');
    const snapshots = b.database.sqlite.prepare('SELECT count(*) AS n FROM health_snapshots WHERE account_id = 1').get() as { n: number };
    expect(snapshots.n).toBeGreaterThan(0);
    await call(b, 'milestones.complete', { id: m.id });
    expect((await call<MethodOutput<'accounts.get'>>(b, 'accounts.get', { id: 1 })).stage).toBe('adoption');
  });
});

describe('undo of a milestone delete', () => {
  it('puts the milestone back with its id, once, and tells clients what changed', async () => {
    const b = book();
    const m = await call<Item>(b, 'milestones.create', { accountId: 1, kind: 'kickoff', targetDate: '2026-09-05', notes: 'in Berlin' });
    const events: unknown[] = [];
    b.api.subscribe((event, payload) => events.push([event, payload]));
    const ticket = await call<Ticket>(b, 'milestones.delete', { id: m.id });
    expect(ticket).toMatchObject({ kind: 'milestone', name: 'Kickoff', accountId: 1 });
    expect(ticket.expiresAt).toBe(now.getTime() + 24 * 3600 * 1000);
    expect((await call<List>(b, 'milestones.list', { accountId: 1 })).items).toEqual([]);

    const undone = await call<MethodOutput<'undo.apply'>>(b, 'undo.apply', { token: ticket.token });
    expect(undone).toEqual({ kind: 'milestone', name: 'Kickoff', accountId: 1, restoredRows: 1 });
    expect((await call<List>(b, 'milestones.list', { accountId: 1 })).items).toEqual([m]);
    expect(events).toContainEqual(['changed', { tables: expect.arrayContaining(['milestones', 'health']) }]);
    expect(await fail(b, 'undo.apply', { token: ticket.token })).toBe('undo_not_found');
  });

  it('expires after a day', async () => {
    const b = book();
    const m = await call<Item>(b, 'milestones.create', { accountId: 1, kind: 'kickoff' });
    const ticket = await call<Ticket>(b, 'milestones.delete', { id: m.id });
    now = new Date(now.getTime() + 24 * 3600 * 1000 + 1);
    expect(await fail(b, 'undo.apply', { token: ticket.token })).toBe('undo_expired');
    expect(b.database.sqlite.prepare('SELECT count(*) AS n FROM trash').get()).toEqual({ n: 0 });
  });

  it('refuses to restore into an account that no longer exists', async () => {
    const b = book();
    const m = await call<Item>(b, 'milestones.create', { accountId: 1, kind: 'kickoff' });
    const ticket = await call<Ticket>(b, 'milestones.delete', { id: m.id });
    b.database.sqlite.exec('DELETE FROM accounts WHERE id = 1');
    expect(await fail(b, 'undo.apply', { token: ticket.token })).toBe('undo_conflict');
  });
});

// The create and update inputs share their fields (issue #10, point 5); this pins what each accepts and refuses so
// that sharing them cannot loosen or tighten either: create needs the account and the kind, update needs only the
// id, neither takes the other's key or anything unknown, and neither fills in a field the caller left out.
describe('the milestone inputs', () => {
  const create = contract['milestones.create'].input;
  const update = contract['milestones.update'].input;
  const long = (n: number) => 'x'.repeat(n);

  it('create takes an account and a kind, the rest optional, and adds nothing', () => {
    expect(create.parse({ accountId: 1, kind: 'kickoff' })).toStrictEqual({ accountId: 1, kind: 'kickoff' });
    const full = { accountId: 1, kind: 'custom', name: 'SSO live', targetDate: '2026-11-14', achievedDate: null, notes: null };
    expect(create.parse(full)).toStrictEqual(full);
    expect(create.parse({ accountId: 1, kind: 'custom', name: '  SSO live ' }).name).toBe('SSO live');
    expect(create.parse({ accountId: 1, kind: 'kickoff', name: long(200), notes: long(4000) }).notes).toHaveLength(4000);
  });

  it('create refuses a missing account or kind, the other method’s key, and bad fields', () => {
    for (const input of [
      { kind: 'kickoff' },
      { accountId: 1 },
      { accountId: 0, kind: 'kickoff' },
      { accountId: 1, kind: 'launch' },
      { accountId: 1, kind: 'kickoff', id: 3 },
      { accountId: 1, kind: 'kickoff', status: 'overdue' },
      { accountId: 1, kind: 'kickoff', name: '   ' },
      { accountId: 1, kind: 'kickoff', name: null },
      { accountId: 1, kind: 'kickoff', name: long(201) },
      { accountId: 1, kind: 'kickoff', notes: long(4001) },
      { accountId: 1, kind: 'kickoff', targetDate: '2026-9-5' },
      { accountId: 1, kind: 'kickoff', achievedDate: 20260905 },
    ]) {
      expect(create.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  });

  it('update takes an id and any of the fields, and adds nothing', () => {
    expect(update.parse({ id: 1 })).toStrictEqual({ id: 1 });
    const full = { id: 1, kind: 'basic_value', name: 'Basic value', targetDate: null, achievedDate: '2026-11-20', notes: 'moved' };
    expect(update.parse(full)).toStrictEqual(full);
    expect(update.parse({ id: 1, name: ' Renamed ' }).name).toBe('Renamed');
  });

  it('update refuses a missing id, the other method’s key, and bad fields', () => {
    for (const input of [
      {},
      { kind: 'kickoff' },
      { id: 1, accountId: 1 },
      { id: 1, kind: null },
      { id: 1, kind: 'launch' },
      { id: 1, name: '' },
      { id: 1, name: null },
      { id: 1, notes: long(4001) },
      { id: 1, targetDate: 'soon' },
    ]) {
      expect(update.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  });
});
