import { afterEach, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../src/shared/contract';
import type { Backend } from '../../src/main/app/backend';
import { createHandlers } from '../../src/main/api/handlers';
import { ok, tempBackend } from '../helpers/backend';

let backend: Backend | undefined;
afterEach(() => backend?.close());

function insertAccount(b: Backend, values: Record<string, unknown>) {
  const cols = Object.keys(values);
  b.database.sqlite
    .prepare(`INSERT INTO accounts (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`)
    .run(values);
}

describe('the API contract', () => {
  it('has a handler for every method and nothing else', () => {
    backend = tempBackend();
    expect(Object.keys(createHandlers(backend.context)).sort()).toEqual([...methodNames].sort());
  });

  it('gives every method zod input and output schemas', () => {
    for (const name of methodNames) {
      expect(typeof contract[name].input.safeParse).toBe('function');
      expect(typeof contract[name].output.safeParse).toBe('function');
    }
  });

  it('rejects unknown methods and malformed input with a code, never a throw', async () => {
    backend = tempBackend();
    expect(await backend.api.invoke('accounts.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await backend.api.invoke('accounts.get', { id: 'seven' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.api.invoke('accounts.get', { id: 1, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.api.invoke('accounts.list', { asOf: '24/11/2026' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await backend.api.invoke('accounts.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lists accounts with the journey stage computed from contract dates, and the override shown as such', async () => {
    backend = tempBackend();
    insertAccount(backend, { name: 'New Co', arr_minor: 1_200_000, licenses: 10, contract_start: '2026-11-10', renewal_date: '2027-11-10' });
    insertAccount(backend, { name: 'Mid Co', arr_minor: 5_000_000, licenses: 50, contract_start: '2026-03-01', renewal_date: '2027-03-01' });
    insertAccount(backend, { name: 'Late Co', arr_minor: 9_900_000, currency: 'EUR', licenses: 90, contract_start: '2025-12-20', renewal_date: '2026-12-20' });
    const list = await ok<{ items: { name: string; stage: string; arr: number; currency: string; stageOverridden: boolean; id: number }[] }>(
      backend.api.invoke('accounts.list', { asOf: '2026-11-24' }),
    );
    expect(list.items.map((a) => [a.name, a.stage, a.arr, a.currency])).toEqual([
      ['Late Co', 'renewal', 99_000, 'EUR'],
      ['Mid Co', 'adoption', 50_000, 'USD'],
      ['New Co', 'onboarding', 12_000, 'USD'],
    ]);
    const mid = list.items.find((a) => a.name === 'Mid Co')!;
    const overridden = await ok<{ stage: string; stageOverridden: boolean }>(
      backend.api.invoke('accounts.setStageOverride', { id: mid.id, stage: 'renewal' }),
    );
    expect(overridden).toMatchObject({ stage: 'renewal', stageOverridden: true });
  });

  it('tells subscribers which tables a write changed', async () => {
    backend = tempBackend();
    insertAccount(backend, { name: 'Evented Inc' });
    const seen: unknown[] = [];
    const unsubscribe = backend.api.subscribe((event, payload) => seen.push([event, payload]));
    await backend.api.invoke('accounts.list', {});
    expect(seen).toEqual([]);
    await backend.api.invoke('accounts.setStageOverride', { id: 1, stage: 'adoption' });
    expect(seen).toEqual([['changed', { tables: ['accounts'] }]]);
    unsubscribe();
  });
});
