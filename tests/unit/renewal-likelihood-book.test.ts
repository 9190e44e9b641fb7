// Issue #12, point 4: the renewal model on a book built only from vendor-shaped files (Salesforce accounts, Mixpanel
// events, a Salesforce renewal-opportunity report). 30 accounts of 10 licenses renewed between January and
// July 2026; in the 60 days before each renewal the renewed ones had 5 to 9 active users and the churned ones 1 to
// 5 (some overlap: no perfect separation). Churn follows low usage, so usage must raise the odds and the AUC be at
// least 0.75; with the same outcomes shuffled across accounts the model must say it cannot tell.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { addDays, dayNumber } from '../../src/shared/dates';
import { Rng } from '../../src/shared/prng';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

let backend: Backend | undefined;
afterEach(() => backend?.close());

const N = 30;
const usDate = (iso: string) => `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(0, 4)}`;
const renewalOf = (i: number) => addDays('2026-01-05', i * 7);
/** Every third account churned (10 of 30); active users: renewed 5..9, churned 1..5. */
const churned = (i: number) => i % 3 === 0;
const activeUsers = (i: number) => (churned(i) ? 1 + (i % 5) : 5 + (i % 5));

async function book(outcomeOf: (i: number) => boolean): Promise<Backend> {
  const b = (backend = tempBackend());
  const dir = tempDir('bearing-model-book-');
  const id = (i: number) => `0015g00000A${String(i).padStart(3, '0')}AAZ`;
  const accounts = ['"Account Name","Account ID","Annual Revenue","Licenses","Contract Start Date","Renewal Date"'];
  const events = ['event,time,distinct_id,$email,company_id,$insert_id,mp_lib'];
  const opportunities = ['"Opportunity Name","Account Name","Account ID","Stage","Close Date","Amount","Type","Loss Reason"'];
  for (let i = 0; i < N; i++) {
    const renewal = renewalOf(i);
    accounts.push(`"Account ${i}","${id(i)}","$50,000.00","10","${usDate(addDays(renewal, -365))}","${usDate(renewal)}"`);
    for (let u = 0; u < activeUsers(i); u++) {
      for (let d = dayNumber(renewal) - 60; d < dayNumber(renewal); d += 2) {
        events.push(`Viewed Dashboard,${d * 86_400 + 36_000},a${i}-u${u},u${u}@a${i}.example,${id(i)},e${i}-${u}-${d},web`);
      }
    }
    const kept = outcomeOf(i);
    opportunities.push(`"Account ${i} - Renewal","Account ${i}","${id(i)}","${kept ? 'Closed Won' : 'Closed Lost'}","${usDate(addDays(renewal, -3))}","$50,000.00","Renewal","${kept ? '' : 'Low adoption'}"`);
  }
  for (const [name, lines] of [['accounts.csv', accounts], ['events.csv', events], ['opportunities.csv', opportunities]] as const) {
    fs.writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
    const { summary } = await runJob(b, { path: path.join(dir, name), timeZone: 'UTC' });
    expect(summary.counts.rejected, `${name}: ${JSON.stringify(summary.rejected.slice(0, 2))}`).toBe(0);
  }
  return b;
}

describe('the renewal model on a book where churn follows low usage', () => {
  it('usage raises the odds, no weight is negative, and the time-ordered AUC is at least 0.75', async () => {
    const b = await book((i) => !churned(i));
    const r = await call<MethodOutput<'renewal.likelihood'>>(b, 'renewal.likelihood', { asOf: '2026-11-24' });
    expect(r).toMatchObject({ status: 'ok', renewed: 20, churned: 10, needed: 10, message: null });
    expect(r.coefficients.find((c) => c.component === 'usage')?.weight).toBeGreaterThan(0);
    for (const c of r.coefficients) expect(c.weight).toBeGreaterThanOrEqual(0);
    expect(r.auc).toBeGreaterThanOrEqual(0.75);
    expect(r.aucInterval?.[0]).toBeGreaterThan(0.5);
    expect(r.brier).toBeLessThan(0.25);
    expect(r.accounts).toHaveLength(20); // the 10 churned accounts are former customers: nothing left to predict
  });

  it('with the outcomes shuffled across accounts the status is not_predictive and no probability is shown', async () => {
    const shuffled = new Rng(20261124).shuffle(Array.from({ length: N }, (_, i) => !churned(i)));
    const b = await book((i) => shuffled[i]);
    const r = await call<MethodOutput<'renewal.likelihood'>>(b, 'renewal.likelihood', { asOf: '2026-11-24' });
    expect(r).toMatchObject({ status: 'not_predictive', renewed: 20, churned: 10, accounts: [] });
    expect(r.aucInterval?.[0]).toBeLessThanOrEqual(0.5);
    expect(r.message).toMatch(/^The model cannot tell renewals from churns yet/);
  });

  it('as of a date before the 10th churn, there are not enough outcomes yet', async () => {
    const b = await book((i) => !churned(i));
    // Churns are accounts 0, 3, …, 27 (closed 3 days before 2026-01-05 + 7i); by 2026-06-01 those up to i = 21.
    const r = await call<MethodOutput<'renewal.likelihood'>>(b, 'renewal.likelihood', { asOf: '2026-06-01' });
    expect(r).toMatchObject({ status: 'not_enough_history', churned: 8, accounts: [] });
    expect(r.message).toBe(`Not enough outcomes yet (8 churned of 10 needed).`);
  });
});
