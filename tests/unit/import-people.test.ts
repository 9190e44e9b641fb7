// Issue #11, points 2 and 3, on vendor-shaped exports: people are told apart by user id or e-mail, never by display
// name; a consultant's e-mail at two customers is one person counted at both; a row's own account column wins; an
// account not in the book is created and listed (and can be removed), or skipped when the CSM keeps the book to
// their own accounts; an empty account cell goes to the user's one known account or is refused. Every expected
// number below is counted by hand in the fixture (the line numbers are the files' physical lines).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountMetrics } from '../../src/shared/contract';
import { call, fail, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'import', name);

let backend: ReturnType<typeof tempBackend> | null = null;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = null;
});

const sql = <T = unknown>(b: ReturnType<typeof tempBackend>, query: string, ...params: unknown[]) =>
  b.database.sqlite.prepare(query).all(...params) as T[];
const one = (b: ReturnType<typeof tempBackend>, query: string, ...params: unknown[]) =>
  b.database.sqlite.prepare(query).pluck().get(...params);
const accountId = (b: ReturnType<typeof tempBackend>, externalId: string) => Number(one(b, 'SELECT id FROM accounts WHERE external_id = ?', externalId));

async function withBook() {
  const b = (backend = tempBackend());
  const book = await runJob(b, { path: fixture('book-accounts.csv'), timeZone: 'UTC' });
  expect(book.summary).toMatchObject({ kind: 'accounts', rowsAccepted: 2, accountsCreated: [] });
  return b;
}

/** Each user's accounts: home first, then the others their rows named (by external ids). */
function peopleAt(b: ReturnType<typeof tempBackend>): Record<string, string[]> {
  const rows = sql<{ user: string; account: string; home: number }>(
    b,
    `SELECT u.external_id AS user, a.external_id AS account, 1 AS home FROM users u JOIN accounts a ON a.id = u.account_id
     UNION SELECT u.external_id, a.external_id, 0 FROM user_accounts ua JOIN users u ON u.id = ua.user_id JOIN accounts a ON a.id = ua.account_id
     ORDER BY 1, 3 DESC, 2`,
  );
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.user] ??= []).push(r.account ?? '(no id)');
  return out;
}

describe('a Mixpanel export: two Anna Schmidts, a consultant at two customers, an account not in the book, empty account cells', () => {
  it('keeps two people of the same name apart, one consultant as one person at both, and every row where it says', async () => {
    const b = await withBook();
    const { summary } = await runJob(b, { path: fixture('mixpanel-people.csv'), timeZone: 'UTC' });
    expect(summary).toMatchObject({ source: 'mixpanel', kind: 'events', status: 'imported_with_rejections', counts: { rows: 10, accepted: 8, rejected: 2 } });
    // Line 9: Priya is known at acme and globex; line 10: u-999 is known nowhere.
    expect(summary.rejected.map((r) => [r.line, r.code])).toEqual([[9, 'missing_account'], [10, 'missing_account']]);
    expect(summary.rejected[0].reason).toContain('known at 2 accounts');
    // Line 8: Anna (u-101) is known at acme only.
    expect(summary.attributed).toEqual([{ line: 8, accountId: accountId(b, 'acme') }]);
    const initech = accountId(b, 'initech');
    expect(summary.accountsCreated).toEqual([{ id: initech, externalId: 'initech', name: 'initech', rows: 2 }]);
    expect(summary.accountsNotInBook).toEqual([]);
    // Priya's second distinct id (u-250) came with her e-mail in another case: the same person.
    expect(summary.warnings.map((w) => [w.line, w.code])).toEqual([[5, 'user_at_several_accounts'], [11, 'user_at_several_accounts']]);
    expect(summary.warnings[0].message).toContain('Priya Nair is seen at 2 accounts (Acme Corporation, Globex Inc)');
    expect(summary.distinctUsers).toBe(5);

    expect(sql(b, 'SELECT external_id AS id, lower(email) AS email, name FROM users ORDER BY external_id')).toEqual([
      { id: 'u-101', email: 'anna.schmidt@acme.example', name: 'Anna Schmidt' },
      { id: 'u-150', email: 'priya@northwind-consulting.example', name: 'Priya Nair' },
      { id: 'u-202', email: 'anna.schmidt@globex.example', name: 'Anna Schmidt' },
      { id: 'u-303', email: 'tom.becker@initech.example', name: 'Tom Becker' },
      { id: 'u-304', email: 'lena.vogel@initech.example', name: 'Lena Vogel' },
    ]);
    expect(peopleAt(b)).toEqual({ 'u-101': ['acme'], 'u-150': ['acme', 'globex'], 'u-202': ['globex', 'acme'], 'u-303': ['initech'], 'u-304': ['initech'] });
    // Rows by the account their own cell named (line 11: Anna of Globex, in an acme row, counts at acme).
    expect(sql(b, `SELECT a.external_id AS account, e.line FROM usage_events e JOIN accounts a ON a.id = e.account_id ORDER BY e.line`)).toEqual([
      { account: 'acme', line: 2 }, { account: 'globex', line: 3 }, { account: 'acme', line: 4 }, { account: 'globex', line: 5 },
      { account: 'initech', line: 6 }, { account: 'initech', line: 7 }, { account: 'acme', line: 8 }, { account: 'acme', line: 11 },
    ]);
  });

  it('counts the consultant as a known user at each account, and names people by name in metrics, never "user #"', async () => {
    const b = await withBook();
    await runJob(b, { path: fixture('mixpanel-people.csv'), timeZone: 'UTC' });
    const acme = await call<AccountMetrics>(b, 'metrics.account', { id: accountId(b, 'acme'), asOf: '2025-03-10' });
    const globex = await call<AccountMetrics>(b, 'metrics.account', { id: accountId(b, 'globex'), asOf: '2025-03-10' });
    // acme: Anna (u-101), Priya, and Anna of Globex (line 11); globex: Anna of Globex and Priya.
    expect(acme.usageCadence.map((c) => c.name).sort()).toEqual(['Anna Schmidt', 'Anna Schmidt', 'Priya Nair']);
    expect(globex.usageCadence.map((c) => c.name).sort()).toEqual(['Anna Schmidt', 'Priya Nair']);
    expect(JSON.stringify([acme, globex])).not.toMatch(/user #/);
    const health = await call<{ components: { key: string; facts: string[] }[] }>(b, 'health.account', { id: accountId(b, 'globex'), asOf: '2025-03-10' });
    expect(JSON.stringify(health)).not.toMatch(/user #/);
  });

  it('skips rows naming accounts outside the book when asked, lists them with their rows, and adds them on a second import', async () => {
    const b = await withBook();
    const { summary } = await runJob(b, { path: fixture('mixpanel-people.csv'), timeZone: 'UTC', onlyBookAccounts: true });
    expect(summary.counts).toMatchObject({ rows: 10, accepted: 6, rejected: 2, skipped: 2 });
    expect(summary.skipped).toEqual([{ line: 6, reason: 'account_not_in_book' }, { line: 7, reason: 'account_not_in_book' }]);
    expect(summary.accountsNotInBook).toEqual([{ externalId: 'initech', name: 'initech', rows: 2 }]);
    expect(summary.accountsCreated).toEqual([]);
    expect(one(b, 'SELECT count(*) FROM accounts')).toBe(2);
    expect(one(b, "SELECT count(*) FROM users WHERE external_id IN ('u-303', 'u-304')")).toBe(0);
    // "Add them": the same file again with the book open adds just those rows (the rest are duplicates).
    const again = await runJob(b, { path: fixture('mixpanel-people.csv'), timeZone: 'UTC', onlyBookAccounts: false });
    expect(again.summary.counts).toMatchObject({ accepted: 2, duplicates: 6, rejected: 2 });
    expect(again.summary.accountsCreated).toEqual([{ id: accountId(b, 'initech'), externalId: 'initech', name: 'initech', rows: 2 }]);
  });

  it('follows the setting "keep the book to my own accounts" when the import does not say', async () => {
    const b = await withBook();
    const settings = await call<{ onlyBookAccounts: boolean }>(b, 'settings.update', { onlyBookAccounts: true });
    expect(settings.onlyBookAccounts).toBe(true);
    const { summary } = await runJob(b, { path: fixture('mixpanel-people.csv'), timeZone: 'UTC' });
    expect(summary.accountsNotInBook).toEqual([{ externalId: 'initech', name: 'initech', rows: 2 }]);
    expect((await call<{ onlyBookAccounts: boolean }>(b, 'settings.get')).onlyBookAccounts).toBe(true);
  });
});

describe('removing the accounts an import created', () => {
  it('removes them with their users and rows, refuses others, and leaves the rest of the store whole', async () => {
    const b = await withBook();
    const { summary } = await runJob(b, { path: fixture('mixpanel-people.csv'), timeZone: 'UTC' });
    const before = sql(b, "SELECT account_id, user_id, feature_id, day, events FROM usage_daily WHERE account_id <> ? ORDER BY 1, 2, 3, 4", accountId(b, 'initech'));
    expect(await fail(b, 'imports.removeAccounts', { importId: summary.importId, accountIds: [accountId(b, 'acme')] })).toBe('not_created_by_import');
    const removed = await call(b, 'imports.removeAccounts', { importId: summary.importId, accountIds: summary.accountsCreated.map((a) => a.id) });
    expect(removed).toEqual({ removedAccounts: 1, removedUsers: 2, removedRows: 2 });
    expect(sql(b, 'SELECT external_id FROM accounts ORDER BY 1').map((r) => (r as { external_id: string }).external_id)).toEqual(['acme', 'globex']);
    expect(one(b, 'SELECT count(*) FROM usage_events')).toBe(6);
    expect(sql(b, 'SELECT account_id, user_id, feature_id, day, events FROM usage_daily ORDER BY 1, 2, 3, 4')).toEqual(before);
    expect(b.database.sqlite.pragma('foreign_key_check')).toEqual([]);
    // Asking again: they are gone.
    expect(await fail(b, 'imports.removeAccounts', { importId: summary.importId, accountIds: summary.accountsCreated.map((a) => a.id) })).toBe('not_created_by_import');
  });

  it('keeps a consultant first seen at a removed account, homed at the account that stays, with their rows there', async () => {
    const b = await withBook();
    const file = path.join(b.dataDir, 'consultant.csv');
    fs.writeFileSync(
      file,
      'Event,Time,Distinct ID,$email,company_id\r\n' +
        'Viewed Dashboard,1741078800,u-150,priya@northwind-consulting.example,wayne\r\n' +
        'Viewed Dashboard,1741082400,u-150,priya@northwind-consulting.example,acme\r\n',
    );
    const { summary } = await runJob(b, { path: file, timeZone: 'UTC' });
    expect(peopleAt(b)).toEqual({ 'u-150': ['wayne', 'acme'] });
    await call(b, 'imports.removeAccounts', { importId: summary.importId, accountIds: [accountId(b, 'wayne')] });
    expect(peopleAt(b)).toEqual({ 'u-150': ['acme'] });
    expect(sql(b, 'SELECT a.external_id AS account, e.line FROM usage_events e JOIN accounts a ON a.id = e.account_id')).toEqual([{ account: 'acme', line: 3 }]);
    expect(b.database.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});

describe('an Excel "Unicode Text" export (UTF-16, tabs) whose "User" column holds display names', () => {
  it('reads "User" as the name and the e-mail as the person: four people, not three', async () => {
    const b = await withBook();
    const { summary } = await runJob(b, { path: fixture('excel-unicode-people.txt'), timeZone: 'UTC' });
    expect(summary).toMatchObject({ kind: 'daily_usage', counts: { rows: 6, accepted: 6, rejected: 0 }, distinctUsers: 4 });
    expect(summary.accountsCreated).toEqual([{ id: Number(one(b, "SELECT id FROM accounts WHERE name = 'Hooli'")), externalId: null, name: 'Hooli', rows: 1 }]);
    expect(summary.attributed).toEqual([{ line: 7, accountId: accountId(b, 'acme') }]);
    expect(summary.warnings.map((w) => [w.line, w.code])).toEqual([[5, 'user_at_several_accounts']]);
    expect(sql(b, 'SELECT external_id AS id, name FROM users ORDER BY external_id')).toEqual([
      { id: 'anna.schmidt@acme.example', name: 'Anna Schmidt' },
      { id: 'anna.schmidt@globex.example', name: 'Anna Schmidt' },
      { id: 'jonas.weber@hooli.example', name: 'Jonas Weber' },
      { id: 'priya@northwind-consulting.example', name: 'Priya Nair' },
    ]);
  });

  it('after the Mixpanel file, knows the same people by their e-mail (no new Annas)', async () => {
    const b = await withBook();
    await runJob(b, { path: fixture('mixpanel-people.csv'), timeZone: 'UTC' });
    const { summary } = await runJob(b, { path: fixture('excel-unicode-people.txt'), timeZone: 'UTC' });
    expect(summary.counts.accepted).toBe(6);
    // u-101, u-150, u-202, u-303, u-304 from Mixpanel; Jonas is the only new person.
    expect(one(b, 'SELECT count(*) FROM users')).toBe(6);
  });
});

describe('an Amplitude export whose user_id is the e-mail', () => {
  it('sees the consultant at a second account, creates the account not in the book, and attributes the empty group', async () => {
    const b = await withBook();
    const { summary } = await runJob(b, { path: fixture('amplitude-people.csv'), timeZone: 'UTC' });
    expect(summary).toMatchObject({ source: 'amplitude', counts: { rows: 4, accepted: 4, rejected: 0 }, distinctUsers: 2 });
    expect(summary.accountsCreated).toEqual([{ id: accountId(b, 'umbrella'), externalId: 'umbrella', name: 'umbrella', rows: 1 }]);
    expect(summary.attributed).toEqual([{ line: 5, accountId: accountId(b, 'acme') }]);
    expect(peopleAt(b)).toEqual({ 'ben.okafor@acme.example': ['acme'], 'priya@northwind-consulting.example': ['acme', 'umbrella'] });
  });
});

describe('a file with display names only', () => {
  it('tells people apart by name within each account, and says so', async () => {
    const b = await withBook();
    const file = path.join(b.dataDir, 'names-only.csv');
    fs.writeFileSync(file, 'Date,User,Account,Events\n2025-03-03,Anna Schmidt,acme,3\n2025-03-03,Anna Schmidt,globex,4\n2025-03-04,Anna Schmidt,acme,1\n');
    const { summary } = await runJob(b, { path: file, timeZone: 'UTC', kind: 'daily_usage' });
    expect(summary.counts.accepted).toBe(3);
    expect(summary.warnings.map((w) => w.code)).toEqual(['users_by_name']);
    expect(one(b, 'SELECT count(*) FROM users')).toBe(2);
    expect(sql(b, 'SELECT DISTINCT name FROM users')).toEqual([{ name: 'Anna Schmidt' }]);
  });
});

describe('undoing an import', () => {
  it('forgets where it had seen a person', async () => {
    const b = await withBook();
    const first = await runJob(b, { path: fixture('amplitude-people.csv'), timeZone: 'UTC' });
    expect(one(b, 'SELECT count(*) FROM user_accounts')).toBe(1);
    await call(b, 'imports.undo', { id: first.summary.importId });
    expect(one(b, 'SELECT count(*) FROM user_accounts')).toBe(0);
    expect(one(b, 'SELECT count(*) FROM users')).toBe(0);
    expect(one(b, 'SELECT count(*) FROM accounts')).toBe(2);
  });
});
