// Issue #12, "as of means as of", for the account's term. Recording a kept customer's renewal rolls its contract
// start, renewal date and ARR on; on any date before the outcome the account still had the old term. A book from
// a Salesforce-shaped accounts export (as exported: quoted, US dates, "$90,000.00"), one renewal recorded by hand,
// and every answer for past dates checked against dates and days worked out by hand (beside each).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { gatherDeckData } from '../../src/main/deck/deck-data';
import type { MethodOutput } from '../../src/shared/contract';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => backend?.close());

/** Globex 2025-03-31..2026-03-31 at $90,000, renewed early (2026-03-20) as an expansion to $120,000. */
async function renewedGlobex(): Promise<Backend> {
  const b = (backend = tempBackend()); // today is 2026-11-24
  const file = path.join(tempDir('bearing-term-'), 'Accounts report.csv');
  fs.writeFileSync(
    file,
    '"Account Name","Account ID","Annual Revenue","Licenses","Contract Start Date","Renewal Date"\r\n' +
      '"Globex","0015g00000GlObAAAZ","$90,000.00","20","3/31/2025","3/31/2026"\r\n' +
      '"Initech","0015g00000InItAAAZ","$30,000.00","5","1/1/2026","12/31/2026"\r\n',
  );
  await runJob(b, { path: file, timeZone: 'UTC' });
  await call(b, 'renewal.record', { id: 1, outcome: 'expanded', date: '2026-03-20', arr: 120_000 });
  return b;
}

const account = (b: Backend, asOf?: string) => call<MethodOutput<'accounts.get'>>(b, 'accounts.get', { id: 1, ...(asOf ? { asOf } : {}) });
const termOf = (a: MethodOutput<'accounts.get'>) => [a.contractStart, a.renewalDate, a.arr, a.stage];

describe("an account's term as of a date", () => {
  it('the renewal keeps the term it rolled away (plain SQL)', async () => {
    const b = await renewedGlobex();
    const sql = 'SELECT renewal_date, term_rolled, before_contract_start, before_renewal_date, before_arr_minor FROM renewals';
    expect(b.database.sqlite.prepare(sql).raw().all()).toEqual([['2026-03-20', 1, '2025-03-31', '2026-03-31', 9_000_000]]);
    expect(b.database.sqlite.prepare('SELECT contract_start, renewal_date, arr_minor FROM accounts WHERE id = 1').raw().all()).toEqual([
      ['2026-03-31', '2027-03-31', 12_000_000],
    ]);
  });

  it('accounts.get gives the term, ARR and stage of the day', async () => {
    const b = await renewedGlobex();
    // 10 days into the first term: onboarding.
    expect(termOf(await account(b, '2025-04-10'))).toEqual(['2025-03-31', '2026-03-31', 90_000, 'onboarding']);
    expect(termOf(await account(b, '2025-06-15'))).toEqual(['2025-03-31', '2026-03-31', 90_000, 'adoption']);
    // 75 days before 2026-03-31: the renewal window.
    expect(termOf(await account(b, '2026-01-15'))).toEqual(['2025-03-31', '2026-03-31', 90_000, 'renewal']);
    // Decided on 03-20: the next term is in force, and a renewed customer adopts (it is not onboarding again,
    // although its new term starts on 03-31).
    expect(termOf(await account(b, '2026-03-25'))).toEqual(['2026-03-31', '2027-03-31', 120_000, 'adoption']);
    expect(termOf(await account(b, '2026-04-10'))).toEqual(['2026-03-31', '2027-03-31', 120_000, 'adoption']);
    // Today: 127 days before 2027-03-31.
    expect(termOf(await account(b))).toEqual(['2026-03-31', '2027-03-31', 120_000, 'adoption']);
    const listed = await call<MethodOutput<'accounts.list'>>(b, 'accounts.list', { asOf: '2026-01-15' });
    expect(termOf(listed.items.find((a) => a.id === 1)!)).toEqual(['2025-03-31', '2026-03-31', 90_000, 'renewal']);
  });

  it('the portfolio as of a past date counts the renewal then due, with the ARR of then', async () => {
    const b = await renewedGlobex();
    const past = await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview', { asOf: '2026-01-15' });
    const globex = past.rows.find((r) => r.id === 1);
    expect(globex).toMatchObject({ renewalDate: '2026-03-31', daysToRenewal: 75, renewalPassedDays: null, arr: 90_000, stage: 'renewal' });
    // Initech renews 2026-12-31, 350 days later: only Globex renews in the next 90 days, at $90,000.
    expect(past.kpis.renewalsNext90Days.count).toBe(1);
    expect(past.kpis.renewalsNext90Days.arr.primary).toEqual({ currency: 'USD', amount: 90_000 });
    expect(past.kpis.totalArr.primary).toEqual({ currency: 'USD', amount: 120_000 }); // 90,000 + Initech's 30,000
    const after = await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview', { asOf: '2026-04-05' });
    expect(after.rows.find((r) => r.id === 1)).toMatchObject({ renewalDate: '2027-03-31', daysToRenewal: 360, renewalPassedDays: null, arr: 120_000, stage: 'adoption' });
    const stage = await call<MethodOutput<'metrics.account'>>(b, 'metrics.account', { id: 1, asOf: '2026-01-15' });
    expect(stage.stage).toBe('renewal');
  });

  it("a deck for a quarter of the first term is offered, with that term's renewal date", async () => {
    const b = await renewedGlobex();
    const data = await gatherDeckData(b.context, { accountId: 1, quarter: '2025Q3' });
    expect(data.standing.period.from).toBe('2025-03-31');
    expect([data.standing.renewalDate, data.standing.stage]).toEqual(['2026-03-31', 'adoption']);
  });
});
