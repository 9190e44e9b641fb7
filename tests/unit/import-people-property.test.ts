// Issue #11's property: importing the same rows split into several files, or in another order, gives the same store
// and the same metrics. Rows are drawn with the demo generator's seeded Rng (no fast-check in this project): a
// Mixpanel-shaped event export over a small book, with same-name people at different accounts, a consultant's
// e-mail at two accounts (under two distinct ids), and accounts not in the book. Each case imports the book, then
// the usage split into 1–4 files in a shuffled order, into a fresh store, and compares everything by the source's
// ids (Bearing's row ids depend on the order things were first seen) with plain SQL, and metrics.account per account.
// Empty account cells are left out on purpose: attributing one depends on what is known when it arrives.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/shared/prng';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const work = tempDir('bearing-people-property-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const BOOK = 'Account Name,Account ID,Licenses\nAcme Corporation,acme,30\nGlobex Inc,globex,10\nUmbrella Health,umbrella,5\n';
const ACCOUNTS = ['acme', 'globex', 'umbrella', 'initech', 'hooli'];
const EVENTS = ['Viewed Dashboard', 'Exported Report', 'Created Alert'];
const PEOPLE = [
  { id: 'u-1', name: 'Anna Schmidt', email: 'anna.schmidt@acme.example', accounts: ['acme'] },
  { id: 'u-2', name: 'Anna Schmidt', email: 'anna.schmidt@globex.example', accounts: ['globex'] },
  { id: 'u-3', name: 'Tom Becker', email: 'tom@initech.example', accounts: ['initech'] },
  { id: 'u-4', name: 'Lena Vogel', email: 'lena@umbrella.example', accounts: ['umbrella'] },
  { id: 'u-5', name: 'Jonas Weber', email: 'jonas@hooli.example', accounts: ['hooli'] },
  // The consultant: one e-mail, a distinct id per customer's workspace.
  { id: 'c-acme', name: 'Priya Nair', email: 'priya@northwind-consulting.example', accounts: ['acme'] },
  { id: 'c-globex', name: 'Priya Nair', email: 'Priya@Northwind-Consulting.example', accounts: ['globex', 'initech'] },
];
const HEADER = 'Event,Time,Distinct ID,User,$email,company_id';
const BASE = Date.UTC(2025, 2, 3) / 1000;

function rows(rng: Rng, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < n) {
    const p = rng.pick(PEOPLE);
    const account = rng.chance(0.15) ? rng.pick(ACCOUNTS) : rng.pick(p.accounts);
    const time = BASE + rng.int(0, 20) * 86_400 + rng.int(0, 36) * 1_800;
    const event = rng.pick(EVENTS);
    // Every row is a different event: the same event twice would make "which line was first" depend on the order.
    const key = `${p.email.toLowerCase()}|${time}|${event}|${account}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(`${event},${time},${p.id},${p.name},${p.email},${account}`);
  }
  return out;
}

function split(rng: Rng, lines: string[], files: number): string[][] {
  const shuffled = [...lines];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const parts: string[][] = Array.from({ length: files }, () => []);
  shuffled.forEach((line, i) => parts[i % files].push(line));
  return parts.filter((p) => p.length > 0);
}

type Backend = ReturnType<typeof tempBackend>;
const all = (b: Backend, sql: string) => b.database.sqlite.prepare(sql).all();

/** The store by the source's ids: what must not depend on how the rows were cut or ordered. */
async function snapshot(b: Backend) {
  const accounts = all(b, 'SELECT external_id, name, licenses FROM accounts ORDER BY external_id');
  const users = all(b, 'SELECT external_id IN (\'c-acme\', \'c-globex\') AS consultant, lower(email) AS email, name FROM users ORDER BY 2');
  // Where each person is known: home and the other accounts together (which one is home is the first seen).
  const seenAt = all(
    b,
    `SELECT lower(u.email) AS email, a.external_id AS account FROM users u JOIN accounts a ON a.id = u.account_id
     UNION SELECT lower(u.email), a.external_id FROM user_accounts ua JOIN users u ON u.id = ua.user_id JOIN accounts a ON a.id = ua.account_id
     ORDER BY 1, 2`,
  );
  const events = all(
    b,
    `SELECT a.external_id AS account, lower(u.email) AS email, f.key AS feature, e.ts, e.day, e.count, e.minutes
     FROM usage_events e JOIN accounts a ON a.id = e.account_id JOIN users u ON u.id = e.user_id JOIN features f ON f.id = e.feature_id
     ORDER BY 1, 2, 3, 4`,
  );
  const daily = all(
    b,
    `SELECT a.external_id AS account, lower(u.email) AS email, f.key AS feature, d.day, d.events, d.minutes
     FROM usage_daily d JOIN accounts a ON a.id = d.account_id JOIN users u ON u.id = d.user_id JOIN features f ON f.id = d.feature_id
     ORDER BY 1, 2, 3, 4`,
  );
  const metrics: Record<string, unknown> = {};
  for (const { id, external_id } of all(b, 'SELECT id, external_id FROM accounts ORDER BY external_id') as { id: number; external_id: string }[]) {
    metrics[external_id] = normalize(await call(b, 'metrics.account', { id, asOf: '2025-03-25' }));
  }
  return { accounts, users, seenAt, events, daily, metrics };
}

/** Bearing's own row ids out (they follow the order of first sight), and lists of equal things in a stable order. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalize);
    return items.every((v) => v !== null && typeof v === 'object') ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => k !== 'id' && k !== 'accountId' && k !== 'userId' && k !== 'featureId' && k !== 'computedAt')
        .map(([k, v]) => [k, normalize(v)]),
    );
  }
  return value;
}

async function importCase(label: string, parts: string[][]) {
  const dir = path.join(work, label);
  fs.mkdirSync(dir);
  const b = tempBackend({ dataDir: path.join(dir, 'data') });
  try {
    fs.writeFileSync(path.join(dir, 'book.csv'), BOOK);
    await runJob(b, { path: path.join(dir, 'book.csv'), timeZone: 'UTC' });
    let i = 0;
    for (const part of parts) {
      const file = path.join(dir, `mixpanel-${++i}.csv`);
      fs.writeFileSync(file, [HEADER, ...part].join('\r\n') + '\r\n');
      const { summary } = await runJob(b, { path: file, timeZone: 'UTC' });
      expect(summary.counts.rejected, summary.rejected.map((r) => r.reason).join(' ')).toBe(0);
    }
    return await snapshot(b);
  } finally {
    b.close();
  }
}

describe('importing the same rows split into several files, or in another order', () => {
  it.each([1, 2, 3])('gives the same store and the same metrics (seed %i)', async (seed) => {
    const rng = new Rng(seed);
    const lines = rows(rng, 120);
    const whole = await importCase(`s${seed}-whole`, [lines]);
    // Sanity: the case has what it is about (the consultant at 3 accounts, both Annas, accounts the book lacked).
    expect(whole.users.filter((u) => (u as { name: string }).name === 'Anna Schmidt')).toHaveLength(2);
    expect(whole.seenAt.filter((s) => (s as { email: string }).email === 'priya@northwind-consulting.example').length).toBeGreaterThanOrEqual(2);
    expect(whole.accounts.length).toBeGreaterThan(3);
    expect(whole.events).toHaveLength(120);
    for (const files of [2, 3, 4]) {
      const other = await importCase(`s${seed}-split${files}`, split(rng.fork(`split${files}`), lines, files));
      expect(other).toEqual(whole);
    }
  }, 120_000);
});
