import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { call, fail, tempBackend } from '../helpers/backend';

// The portfolio's saved views through the real API on a real SQLite file.
let backend: Backend | undefined;
afterEach(() => backend?.close());

type View = MethodOutput<'views.save'>;

describe('saved views', () => {
  it('round-trip the filters and the sort, with defaults for what a view leaves out', async () => {
    const b = (backend = tempBackend());
    const events: unknown[] = [];
    b.api.subscribe((e, p) => events.push([e, p]));
    const atRisk = await call<View>(b, 'views.save', {
      name: 'Renewing, at risk',
      filters: { statuses: ['red', 'yellow'], stages: ['renewal'], owners: ['Ana'], renewalWithinDays: 90, search: 'ac' },
      sort: { column: 'renewalDate', direction: 'asc' },
    });
    expect(atRisk).toMatchObject({
      name: 'Renewing, at risk',
      filters: { search: 'ac', stages: ['renewal'], statuses: ['red', 'yellow'], owners: ['Ana'], renewalWithinDays: 90, overdueOnly: false, includeChurned: false },
      sort: { column: 'renewalDate', direction: 'asc' },
    });
    expect(events).toEqual([['changed', { tables: ['views'] }]]);
    const late = await call<View>(b, 'views.save', { name: 'Late milestones', filters: { overdueOnly: true } });
    expect(late.sort).toEqual({ column: 'name', direction: 'asc' });
    expect((await call<MethodOutput<'views.list'>>(b, 'views.list')).items).toEqual([late, atRisk]);
  });

  it('replace a view saved again under the same name, rename by id, and refuse a clash', async () => {
    const b = (backend = tempBackend());
    const first = await call<View>(b, 'views.save', { name: 'Mine', filters: { owners: ['Ana'] } });
    const again = await call<View>(b, 'views.save', { name: 'MINE', filters: { owners: ['Ben'] } });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ name: 'MINE', filters: { owners: ['Ben'] } });
    const other = await call<View>(b, 'views.save', { name: 'Other' });
    expect(await fail(b, 'views.save', { id: other.id, name: 'mine' })).toBe('duplicate_view_name');
    expect((await call<View>(b, 'views.save', { id: other.id, name: 'Renamed' })).name).toBe('Renamed');
    expect(await fail(b, 'views.save', { id: 99, name: 'X' })).toBe('not_found');
    expect(await fail(b, 'views.save', { name: 'Bad', sort: { column: 'colour', direction: 'asc' } })).toBe('invalid_input');
  });

  it('delete with undo', async () => {
    const b = (backend = tempBackend());
    const view = await call<View>(b, 'views.save', { name: 'Mine', filters: { overdueOnly: true } });
    const ticket = await call<MethodOutput<'views.delete'>>(b, 'views.delete', { id: view.id });
    expect(ticket).toMatchObject({ kind: 'view', name: 'Mine', accountId: null });
    expect((await call<MethodOutput<'views.list'>>(b, 'views.list')).items).toEqual([]);
    await call(b, 'undo.apply', { token: ticket.token });
    expect((await call<MethodOutput<'views.list'>>(b, 'views.list')).items).toEqual([view]);
  });

  it('read a view stored by an older build with the missing fields defaulted', async () => {
    const b = (backend = tempBackend());
    b.database.sqlite.exec(`INSERT INTO saved_views (name, filters, sort, updated_at) VALUES ('Old', '{"stages":["onboarding"]}', 'not json', 1)`);
    const [old] = (await call<MethodOutput<'views.list'>>(b, 'views.list')).items;
    expect(old).toMatchObject({ filters: { stages: ['onboarding'], statuses: [], renewalWithinDays: null }, sort: { column: 'name', direction: 'asc' } });
  });
});
