// Issue #12: `renewal record` and `renewal likelihood` from a terminal, on a store built from the Salesforce-shaped
// fixtures (accounts, then a renewal-opportunity report). `--account` takes Bearing's id or the CRM id.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/backend';
import { CLI_CASE_TIMEOUT, importJson, readStore, runCli } from '../helpers/cli-process';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDir();
  await importJson(path.join(BOOK, 'salesforce-accounts.csv'), dataDir);
  const report = await importJson<{ kind: string; counts: { accepted: number } }>(path.join(BOOK, 'salesforce-renewal-opportunities.csv'), dataDir);
  expect(report.json).toMatchObject({ kind: 'renewals', counts: { accepted: 3 } });
}, CLI_CASE_TIMEOUT);

describe('renewal record', () => {
  it('records an expansion by CRM id, rolls nothing mid-term, and prints the result as JSON', async () => {
    // Fabrikam (0015g00000FaBrAAAZ): term 2026-06-01 .. 2027-05-31; an upsell on 2026-09-01 is not its renewal.
    const run = await runCli(['renewal', 'record', '--account', '0015g00000FaBrAAAZ', '--outcome', 'expanded', '--date', '2026-09-01', '--arr', '75000', '--json'], dataDir);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ id: 3, outcome: 'expanded', date: '2026-09-01', arr: 75000, contractStart: '2026-06-01', renewalDate: '2027-05-31' });
    expect(readStore(dataDir, (db) => db.prepare('SELECT arr_minor FROM accounts WHERE id = 3').pluck().get())).toBe(7_500_000);
  }, CLI_CASE_TIMEOUT);

  it('a --reason of the list is that reason; anything else is "other" in the CSM\'s words; a wrong outcome is refused', async () => {
    const listed = await runCli(['renewal', 'record', '--account', '1', '--outcome', 'churned', '--date', '2026-11-20', '--reason', 'Budget'], dataDir);
    expect(listed.code).toBe(0);
    const wrong = await runCli(['renewal', 'record', '--account', '1', '--outcome', 'sold'], dataDir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--outcome is "sold": write one of renewed, expanded, downsized, churned.');
    const own = await runCli(['renewal', 'record', '--account', '2', '--outcome', 'churned', '--date', '2026-11-21', '--reason', 'Parent company standardised on another tool'], dataDir);
    expect(own.code).toBe(0);
    expect(readStore(dataDir, (db) => db.prepare("SELECT account_id, reason, note FROM renewals WHERE renewal_date >= '2026-11-20' ORDER BY account_id").raw().all())).toEqual([
      [1, 'budget', null],
      [2, 'other', 'Parent company standardised on another tool'],
    ]);
  }, CLI_CASE_TIMEOUT);
});

describe('renewal likelihood --json', () => {
  it('prints the renewal.likelihood output: not enough outcomes yet, with the counts as of the date', async () => {
    const run = await runCli(['renewal', 'likelihood', '--as-of', '2026-06-30', '--json'], dataDir);
    expect(run.code).toBe(0);
    // As of 2026-06-30: Northwind expanded, Fabrikam downsized, Contoso churned (the later outcomes do not exist yet).
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'not_enough_history',
      renewed: 2,
      churned: 1,
      needed: 10,
      auc: null,
      aucInterval: null,
      brier: null,
      coefficients: [],
      accounts: [],
      message: 'Not enough outcomes yet (1 churned and 2 renewed of 10 needed each).',
    });
  }, CLI_CASE_TIMEOUT);
});
