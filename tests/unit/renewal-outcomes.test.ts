// Issue #12, point 3: renewal outcomes are data. A book built only from vendor-shaped files (Salesforce accounts and
// a Salesforce renewal-opportunity report, as exported), outcomes recorded by hand through the API, and what each
// does to the account's term. Expected values are read from the fixtures by hand (written beside each) or counted
// back with plain SQL.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { call, failure, tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
const book = (name: string) => path.join(BOOK, name);
let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => backend?.close());

const rows = (b: Backend, sql: string, ...params: unknown[]) => b.database.sqlite.prepare(sql).raw().all(...params);

describe('a Salesforce renewal-opportunity report maps without editing', () => {
  it('Closed Won becomes renewed, expanded or downsized by its amount; Closed Lost churned with its reason; open and new-business opportunities are skipped', async () => {
    const b = (backend = tempBackend());
    await runJob(b, { path: book('salesforce-accounts.csv'), timeZone: 'UTC' });
    const { summary } = await runJob(b, { path: book('salesforce-renewal-opportunities.csv'), timeZone: 'UTC' });
    expect(summary).toMatchObject({ kind: 'renewals', source: 'salesforce' });
    // Lines 2-4 stored; line 5 new business and line 6 still in negotiation are skipped, as are the 3 footer lines;
    // line 7 names Initrode, which is not in the book.
    expect(summary.counts).toMatchObject({ rows: 9, accepted: 3, rejected: 1, skipped: 5 });
    expect(summary.rejected).toEqual([{ line: 7, code: 'unknown_account', reason: expect.stringContaining('0015g00000InItAAAZ') }]);
    expect(summary.skipped.slice(0, 2).map((s) => s.line)).toEqual([5, 6]);
    // Northwind's ARR was $480,000 and renewed at $520,000; Fabrikam's $60,000 at $45,000; Contoso lost.
    expect(rows(b, 'SELECT a.name, r.renewal_date, r.outcome, r.arr_minor, r.reason, r.note FROM renewals r JOIN accounts a ON a.id = r.account_id ORDER BY r.renewal_date')).toEqual([
      ['Northwind Traders', '2026-01-10', 'expanded', 52_000_000, null, null],
      ['Contoso Ltd', '2026-02-27', 'churned', 0, 'competitor', 'Lost to Competitor'],
      ['Fabrikam, Inc.', '2026-05-29', 'downsized', 4_500_000, null, null],
    ]);
    // The newest outcome sets the ARR; the accounts file's terms (which already start after these renewals) stay.
    expect(rows(b, 'SELECT name, arr_minor, contract_start, renewal_date FROM accounts ORDER BY name')).toEqual([
      ['Contoso Ltd', 12_000_000, '2026-03-01', '2027-02-28'],
      ['Fabrikam, Inc.', 4_500_000, '2026-06-01', '2027-05-31'],
      ['Northwind Traders', 52_000_000, '2026-01-15', '2027-01-14'],
    ]);
    const again = await runJob(b, { path: book('salesforce-renewal-opportunities.csv'), timeZone: 'UTC' });
    expect(again.summary.counts).toMatchObject({ accepted: 0, duplicates: 3 });
  });

  it('rolls a passed renewal forward one term, and undoing the import puts the outcomes and the account back', async () => {
    const b = (backend = tempBackend());
    const dir = tempDir('bearing-renewals-');
    fs.writeFileSync(
      path.join(dir, 'accounts.csv'),
      '"Account Name","Account ID","Annual Revenue","Licenses","Contract Start Date","Renewal Date"\n' +
        '"Globex","0015g00000GlObAAAZ","$90,000.00","20","3/31/2025","3/31/2026"\n',
    );
    fs.writeFileSync(
      path.join(dir, 'opportunities.csv'),
      '"Opportunity Name","Account Name","Account ID","Stage","Close Date","Amount","Type","Loss Reason"\n' +
        '"Globex - Renewal 2026","Globex","0015g00000GlObAAAZ","Closed Won","3/15/2026","$90,000.00","Renewal",\n',
    );
    await runJob(b, { path: path.join(dir, 'accounts.csv'), timeZone: 'UTC' });
    const before = rows(b, 'SELECT contract_start, renewal_date, arr_minor FROM accounts');
    const job = await runJob(b, { path: path.join(dir, 'opportunities.csv'), timeZone: 'UTC' });
    // Same amount as the ARR: renewed; decided 16 days before the renewal date, so the term 2025-03-31..2026-03-31 rolls.
    expect(rows(b, 'SELECT outcome, renewal_date FROM renewals')).toEqual([['renewed', '2026-03-15']]);
    expect(rows(b, 'SELECT contract_start, renewal_date, arr_minor FROM accounts')).toEqual([['2026-03-31', '2027-03-31', 9_000_000]]);
    const bench = await call<MethodOutput<'benchmarks.account'>>(b, 'benchmarks.account', { id: 1 });
    expect(bench.lifecycleAgeDays).toBe(238); // 2026-03-31 .. 2026-11-24
    await call(b, 'imports.undo', { id: job.summary.importId });
    expect(rows(b, 'SELECT count(*) FROM renewals')).toEqual([[0]]);
    expect(rows(b, 'SELECT contract_start, renewal_date, arr_minor FROM accounts')).toEqual(before);
  });
});

describe('Record renewal', () => {
  async function globex(renewal = '3/31/2026', start = '3/31/2025') {
    const b = (backend = tempBackend());
    const file = path.join(tempDir('bearing-renewals-'), 'accounts.csv');
    fs.writeFileSync(
      file,
      '"Account Name","Account ID","Annual Revenue","Licenses","Contract Start Date","Renewal Date"\n' +
        `"Globex","0015g00000GlObAAAZ","$90,000.00","20","${start}","${renewal}"\n` +
        '"Initech","0015g00000InItAAAZ","$30,000.00","5","1/1/2026","12/31/2026"\n',
    );
    await runJob(b, { path: file, timeZone: 'UTC' });
    return b;
  }

  it('an expansion sets the new ARR and rolls the term; the default date is the passed renewal date', async () => {
    const b = await globex();
    const r = await call<MethodOutput<'renewal.record'>>(b, 'renewal.record', { id: 1, outcome: 'expanded', arr: 120_000 });
    expect(r).toEqual({ id: 1, outcome: 'expanded', date: '2026-03-31', arr: 120_000, contractStart: '2026-03-31', renewalDate: '2027-03-31' });
    expect(rows(b, 'SELECT arr_minor, contract_start, renewal_date FROM accounts WHERE id = 1')).toEqual([[12_000_000, '2026-03-31', '2027-03-31']]);
  });

  it('a churn keeps its reason and words, makes the account a former customer, and leaves its term', async () => {
    const b = await globex();
    await call(b, 'renewal.record', { id: 1, outcome: 'churned', date: '2026-04-02', reason: 'budget', note: 'Froze all tooling spend' });
    expect(rows(b, 'SELECT outcome, renewal_date, arr_minor, reason, note FROM renewals')).toEqual([['churned', '2026-04-02', 0, 'budget', 'Froze all tooling spend']]);
    expect(rows(b, 'SELECT renewal_date, arr_minor FROM accounts WHERE id = 1')).toEqual([['2026-03-31', 9_000_000]]);
    expect((await call<MethodOutput<'accounts.get'>>(b, 'accounts.get', { id: 1 })).churned).toBe(true);
    // As of a day before the outcome it does not exist yet.
    expect((await call<MethodOutput<'accounts.get'>>(b, 'accounts.get', { id: 1, asOf: '2026-04-01' })).churned).toBe(false);
    expect((await call<MethodOutput<'renewal.history'>>(b, 'renewal.history', { id: 1, asOf: '2026-04-01' })).items).toEqual([]);
    expect((await call<MethodOutput<'renewal.history'>>(b, 'renewal.history', { id: 1 })).items).toEqual([
      { date: '2026-04-02', outcome: 'churned', arr: 0, reason: 'budget', note: 'Froze all tooling spend' },
    ]);
  });

  it('refuses a future date, a reason on a renewal and an unknown account, and writes nothing', async () => {
    const b = await globex();
    expect((await failure(b, 'renewal.record', { id: 1, outcome: 'renewed', date: '2026-12-01' })).code).toBe('invalid_date');
    expect((await failure(b, 'renewal.record', { id: 1, outcome: 'renewed', reason: 'budget' })).code).toBe('invalid_input');
    expect((await failure(b, 'renewal.record', { id: 99, outcome: 'renewed' })).code).toBe('not_found');
    expect(rows(b, 'SELECT count(*) FROM renewals')).toEqual([[0]]);
  });

  it('flags an account past its renewal date without an outcome, in the portfolio and its renewal lane', async () => {
    const b = await globex('11/12/2026', '11/12/2025'); // 12 days before 2026-11-24
    const overview = await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview', {});
    const row = (id: number) => overview.rows.find((r) => r.id === id);
    expect(row(1)).toMatchObject({ renewalPassedDays: 12, stage: 'renewal' });
    expect(row(2)?.renewalPassedDays).toBeNull(); // renews 2026-12-31
    await call(b, 'renewal.record', { id: 1, outcome: 'renewed' });
    const after = await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview', {});
    expect(after.rows.find((r) => r.id === 1)).toMatchObject({ renewalPassedDays: null, renewalDate: '2027-11-12' });
  });
});
