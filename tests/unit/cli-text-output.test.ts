// Issue #16, points 4 and 5: the CLI's text output is for people, in the app's one date format ("Nov 24, 2026", never
// 2026-11-24), money and counts with thousands separated; its --json stays for tools (ISO dates, plain numbers,
// the contract's field names). Every command runs as a real subprocess on a book imported from vendor-shaped
// exports by the CLI itself: the Salesforce, HubSpot and Mixpanel files of tests/fixtures/book/tasks-*.csv plus a
// second Salesforce export (cli-text-salesforce-accounts.csv) with one large account, on a machine whose clock
// reads 2026-11-24 12:00 UTC. Expected values by hand from the files:
//   Dogwood Media (0015g00000DoGwAAAZ, id 4): "$1,250,000.00", "1,500" licenses, renews 11/27/2026: in 3 days, so
//     the one renewal of the digest's week; no usage yet, so no usage figures.
//   Birch Logistics (id 2): term 11/11/2025 .. 11/10/2026, passed with no outcome; an expansion recorded without a
//     date is dated its renewal day, and the next term runs from that day for a year: 2026-11-10 .. 2027-11-09.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempBackend, tempDir } from '../helpers/backend';
import { CLI_CASE_TIMEOUT, runCliAt, type CliRun } from '../helpers/cli-process';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
const NOON = '2026-11-24T12:00:00Z';
const ISO = /\d{4}-\d{2}-\d{2}/;
const FILES = ['tasks-salesforce-accounts.csv', 'cli-text-salesforce-accounts.csv', 'tasks-hubspot-contacts.csv', 'tasks-mixpanel-events.csv'];
let dataDir: string;
const imports: CliRun[] = [];

beforeAll(async () => {
  const b = tempBackend();
  dataDir = b.dataDir;
  b.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  b.close();
  // One after the other: the accounts before the people and events that name them.
  for (const file of FILES) imports.push(await runCliAt(NOON, ['import', path.join(BOOK, file), '--tz', 'UTC'], dataDir));
}, 4 * CLI_CASE_TIMEOUT);

/** The command in text and in --json, at noon on 2026-11-24. */
async function both(args: string[], dir = dataDir): Promise<{ text: CliRun; json: CliRun }> {
  const [text, json] = await Promise.all([runCliAt(NOON, args, dir), runCliAt(NOON, [...args, '--json'], dir)]);
  expect(text.code, text.stderr).toBe(0);
  expect(json.code, json.stderr).toBe(0);
  return { text, json };
}

/** No raw ISO date anywhere a person reads (stdout and stderr). */
function expectNoIsoDate(run: CliRun, what: string): void {
  const found = `${run.stdout}\n${run.stderr}`.split('\n').filter((line) => ISO.test(line));
  expect(found, `${what} prints raw ISO dates`).toEqual([]);
}

const DATE_FIELD = /(^|[a-z])(date|Date|asOf|due|Start|Day)$/;
const NUMBER_FIELD = /^(arr|licenses|score|overdue|dueToday|unusedLicenses|daysToRenewal)$/;

/**
 * --json is for tools: every date field (renewalDate, asOf, due, contractStart…) an ISO date, money and counts plain
 * numbers, at any depth. Prose fields (a task's reason, a summary) are sentences for people, as in the app.
 */
function expectRawJson(run: CliRun): unknown {
  const parsed: unknown = JSON.parse(run.stdout);
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    else if (typeof value === 'string' && DATE_FIELD.test(key)) {
      expect(value, key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    } else if (value !== null && NUMBER_FIELD.test(key)) expect(typeof value, key).toBe('number');
  };
  walk(parsed, '');
  return parsed;
}

describe('the CLI text output', () => {
  it('imports say what they did without raw dates', () => {
    expect(imports.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(imports[1].stdout).toBe('cli-text-salesforce-accounts.csv: accounts from salesforce. 1 row imported.\n');
    for (const [i, run] of imports.entries()) expectNoIsoDate(run, FILES[i]);
  });

  it('accounts: money, licenses and renewal dates as the app writes them; --json keeps the numbers and ISO dates', async () => {
    const { text, json } = await both(['accounts']);
    expectNoIsoDate(text, 'accounts');
    expect(text.stdout).toMatch(/^4\s+0015g00000DoGwAAAZ\s+Dogwood Media\s+\S+\s+\$1,250,000\s+1,500\s+Nov 27, 2026$/m);
    expect(text.stdout).toMatch(/^1\s+0015g00000AlDrAAAZ\s+Alder Health\s+\S+\s+\$240,000\s+20\s+Jan 20, 2027$/m);
    const items = expectRawJson(json) as Record<string, unknown>[];
    expect(items.find((a) => a.name === 'Dogwood Media')).toMatchObject({
      id: 4,
      externalId: '0015g00000DoGwAAAZ',
      arr: 1250000,
      currency: 'USD',
      licenses: 1500,
      contractStart: '2025-11-28',
      renewalDate: '2026-11-27',
    });
  }, CLI_CASE_TIMEOUT);

  it('digest: the day, the tasks’ due dates and the week’s renewal in words; --json as reminders.digest gives it', async () => {
    const { text, json } = await both(['digest']);
    expectNoIsoDate(text, 'digest');
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Digest for Nov 24, 2026: \d+ overdue, \d+ due today across 4 accounts; 1 renewal this week\.$/);
    expect(lines.filter((l) => l.startsWith('Dogwood Media'))).toEqual([expect.stringMatching(/^Dogwood Media \(\$1,250,000\): \d+ overdue, \d+ due today$/)]);
    expect(lines.slice(-2)).toEqual(['Renewals this week:', '  Nov 27, 2026  Dogwood Media ($1,250,000), in 3 days']);
    // Each task line: id, the due date as the app writes it, the title.
    for (const line of lines.filter((l) => /^ {2}[ta]\d/.test(l))) expect(line).toMatch(/^ {2}[ta]\d+\s+[A-Z][a-z]{2} \d{1,2}, \d{4}\s+\S/);
    const d = expectRawJson(json) as { asOf: string; renewalsThisWeek: unknown[]; accounts: { tasks: { due: string }[] }[] };
    expect(Object.keys(d)).toEqual(['asOf', 'overdue', 'dueToday', 'accounts', 'renewalsThisWeek', 'summary']);
    expect(d.asOf).toBe('2026-11-24');
    expect(d.renewalsThisWeek).toEqual([
      expect.objectContaining({ accountName: 'Dogwood Media', renewalDate: '2026-11-27', arr: 1250000, currency: 'USD', daysToRenewal: 3 }),
    ]);
    for (const t of d.accounts.flatMap((a) => a.tasks)) expect(t.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, CLI_CASE_TIMEOUT);

  it('tasks: due dates and "as of" in words; --json keeps ISO due dates', async () => {
    const { text, json } = await both(['tasks']);
    expectNoIsoDate(text, 'tasks');
    expect(text.stderr.trim()).toMatch(/^\d+ open tasks as of Nov 24, 2026\.$/);
    // Dogwood's first check-in was due 30 days after its contract started on 2025-11-28.
    expect(text.stdout).toMatch(/^t\d+\s+Dec 28, 2025\s+\w+\s+Dogwood Media\s+Check in with Dogwood Media$/m);
    const items = expectRawJson(json) as { accountName: string; kind: string; due: string }[];
    expect(items.find((t) => t.accountName === 'Dogwood Media' && t.kind === 'no_touchpoint')?.due).toBe('2025-12-28');
  }, CLI_CASE_TIMEOUT);

  it('metrics and health: counts with separators, dates in words; --json keeps the numbers', async () => {
    const metrics = await both(['metrics', '--account', '0015g00000DoGwAAAZ']);
    expectNoIsoDate(metrics.text, 'metrics');
    expect(metrics.text.stdout).toMatch(/^asOf\s+Nov 24, 2026$/m);
    expect(metrics.text.stdout).toMatch(/^mau\s+no data$/m);
    expect(expectRawJson(metrics.json)).toMatchObject({ id: 4, name: 'Dogwood Media', asOf: '2026-11-24', mau: null });

    const health = await both(['health', '--account', '0015g00000DoGwAAAZ']);
    expectNoIsoDate(health.text, 'health --account');
    expect(health.text.stdout).toMatch(/^Dogwood Media: .+ as of Nov 24, 2026$/m);
    expect(expectRawJson(health.json)).toEqual([expect.objectContaining({ id: 4, name: 'Dogwood Media', asOf: '2026-11-24' })]);
    const all = await both(['health']);
    expectNoIsoDate(all.text, 'health');
    expect((expectRawJson(all.json) as unknown[]).length).toBe(4);
  }, CLI_CASE_TIMEOUT);

  it('features, renewal likelihood and deck print no raw date either', async () => {
    const [features, likelihood] = await Promise.all([both(['features']), both(['renewal', 'likelihood'])]);
    expectNoIsoDate(features.text, 'features');
    expect(features.text.stdout).toContain('  Viewed Dashboard (3 events)');
    expectRawJson(features.json);
    expectNoIsoDate(likelihood.text, 'renewal likelihood');
    expect(expectRawJson(likelihood.json)).toMatchObject({ status: 'not_enough_history' });
    const out = path.join(tempDir('bearing-deck-'), 'dogwood.pdf');
    const deck = await runCliAt(NOON, ['deck', '--account', '4', '--out', out], dataDir);
    expect(deck.code, deck.stderr).toBe(0);
    expectNoIsoDate(deck, 'deck');
    expect(deck.stderr).toMatch(/, as of [A-Z][a-z]{2} \d{1,2}, \d{4}: \d+ pages\.\n$/);
  }, CLI_CASE_TIMEOUT);

  it('renewal record: the dates and the new ARR in words; --json keeps the contract output', async () => {
    // Two copies of the book, so the text and the JSON record the same outcome on the same account.
    const copy = tempDir();
    fs.cpSync(dataDir, copy, { recursive: true });
    const args = ['renewal', 'record', '--account', '0015g00000BiRcAAAZ', '--outcome', 'expanded', '--arr', '104500'];
    const [text, json] = await Promise.all([runCliAt(NOON, args, dataDir), runCliAt(NOON, [...args, '--json'], copy)]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toBe('Recorded: Birch Logistics (account 2) expanded on Nov 10, 2026, ARR $104,500. Next renewal: Nov 9, 2027 (term from Nov 10, 2026).\n');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ id: 2, outcome: 'expanded', date: '2026-11-10', arr: 104500, contractStart: '2026-11-10', renewalDate: '2027-11-09' });
  }, CLI_CASE_TIMEOUT);
});
