import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { addDays, dayNumber } from '../../src/shared/dates';
import type { MethodOutput } from '../../src/shared/contract';
import { ok, tempBackend } from '../helpers/backend';

// A book of 24 accounts whose last term ended in a known renewal outcome between June and October 2026: the
// renewed ones had 4 of 5 users active every other day, the churned ones one user once a week. Plus account 100,
// 84 days into its first term with the churned pattern, to be benchmarked.
let backend: Backend | undefined;
afterEach(() => backend?.close());
const TODAY = '2026-11-24';

function renewalBook(outcomes: number): Backend {
  const b = (backend = tempBackend());
  const db = b.database.sqlite;
  db.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"');
    INSERT INTO features (id, key, name, is_key) VALUES (1, 'reports', 'Reports', 1)`);
  const account = db.prepare('INSERT INTO accounts (id, name, licenses, contract_start, renewal_date) VALUES (?, ?, 10, ?, ?)');
  const user = db.prepare("INSERT INTO users (id, account_id, external_id, name, role) VALUES (?, ?, ?, ?, 'end_user')");
  const renewal = db.prepare('INSERT INTO renewals (account_id, renewal_date, outcome) VALUES (?, ?, ?)');
  const usage = db.prepare('INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes) VALUES (?, ?, 1, ?, 3, 5)');
  const add = (id: number, name: string, termStart: string, healthy: boolean) => {
    for (let u = 0; u < 5; u++) user.run(id * 10 + u, id, `u${id * 10 + u}`, `User ${u}`);
    for (let d = dayNumber(termStart); d <= dayNumber(TODAY); d++) {
      if (healthy) {
        if (d % 2 === 0) for (let u = 0; u < 4; u++) usage.run(id, id * 10 + u, d);
      } else if (d % 7 === 0) usage.run(id, id * 10, d);
    }
  };
  db.transaction(() => {
    for (let i = 0; i < outcomes; i++) {
      const id = i + 1;
      const renewed = i % 3 !== 0;
      const renewedOn = addDays('2026-06-01', i * 5);
      account.run(id, `Account ${id}`, renewed ? renewedOn : addDays(renewedOn, -365), renewed ? addDays(renewedOn, 365) : renewedOn);
      renewal.run(id, renewedOn, renewed ? 'renewed' : 'churned');
      add(id, `Account ${id}`, addDays(renewedOn, -365), renewed);
    }
    account.run(100, 'Newcomer', addDays(TODAY, -84), addDays(TODAY, 281));
    add(100, 'Newcomer', addDays(TODAY, -84), false);
  })();
  return b;
}

describe('renewal likelihood', () => {
  it('says "not enough outcomes yet" below 10 churned outcomes rather than guessing', async () => {
    const b = renewalBook(19); // 12 renewed, 7 churned
    await ok(b.api.invoke('health.refresh', {}));
    const r = await ok<MethodOutput<'renewal.likelihood'>>(b.api.invoke('renewal.likelihood', {}));
    expect(r).toMatchObject({ status: 'not_enough_history', renewed: 12, churned: 7, needed: 10, accounts: [], auc: null });
    expect(r.message).toBe('Not enough outcomes yet (7 churned of 10 needed).');
  });

  it('fits on 30 outcomes, reports its time-ordered AUC with an interval and Brier score, and gives each account a probability and drivers', async () => {
    const b = renewalBook(30); // 20 renewed, 10 churned
    await ok(b.api.invoke('health.refresh', {}));
    const r = await ok<MethodOutput<'renewal.likelihood'>>(b.api.invoke('renewal.likelihood', {}));
    expect(r).toMatchObject({ status: 'ok', renewed: 20, churned: 10, folds: 5, message: null });
    expect(r.auc).toBeGreaterThan(0.9);
    expect(r.aucInterval?.[0]).toBeGreaterThan(0.5);
    expect(r.brier).toBeLessThan(0.25);
    for (const c of r.coefficients) expect(c.weight).toBeGreaterThanOrEqual(0);
    const newcomer = r.accounts.find((a) => a.id === 100);
    const healthy = r.accounts.find((a) => a.id === 2);
    expect(newcomer?.probability).toBeLessThan(0.3);
    expect(healthy?.probability).toBeGreaterThan(0.7);
    expect(newcomer?.drivers[0].effect).toBe('lowers');
    expect(healthy?.drivers.every((d) => d.effect === 'raises')).toBe(true);
  });
});

describe('benchmarks from renewals', () => {
  it('compares an account with renewed accounts at the same lifecycle age and flags the low metrics', async () => {
    const b = renewalBook(24);
    await ok(b.api.invoke('health.refresh', {}));
    const r = await ok<MethodOutput<'benchmarks.account'>>(b.api.invoke('benchmarks.account', { id: 100 }));
    expect(r.lifecycleAgeDays).toBe(84);
    expect(r.renewedOutcomes).toBe(16);
    const usage = r.comparisons.find((c) => c.metric === 'usage');
    // Renewed accounts at day 84 of their term: 4 of 10 licensed users active → 50; the newcomer 1 of 10 → 12.5.
    expect(usage?.distribution).toMatchObject({ n: 16, low: 50, median: 50 });
    expect(usage?.value).toBe(12.5);
    expect(usage?.flagged).toBe(true);
    expect(r.flagged).toEqual(expect.arrayContaining(['score', 'usage', 'licenseUtilization']));
    const healthy = await ok<MethodOutput<'benchmarks.account'>>(b.api.invoke('benchmarks.account', { id: 2 }));
    expect(healthy.flagged).not.toContain('usage');
  });
});
