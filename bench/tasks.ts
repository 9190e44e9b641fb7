// `npm run bench:tasks`: the work queue for 2,000 accounts (issue #14, point 1; target: tasks.list under 200 ms).
// The book is generated into a temp folder by plain SQL, as bench:portfolio does: accounts with terms spread over
// the year, 10 users each (one executive), 30 days of usage rollups for 12 users-days each, QBRs, touchpoints,
// milestones, surveys, renewals and two health snapshots 30 days apart, so that every signal rule has work.
// Figures: the first list (every task raised), tasks.list right after a write (the CSM logs a touchpoint on one
// account: the reconcile takes that account alone), tasks.list with no write since, a full reconcile of the book
// (what a new day or a settings change costs), beside a baseline measured in the same run: reading the same records
// once (loadBundles, the account bundles every health and metrics read starts from). Median of 7.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend } from '../src/main/app/backend';
import { loadBundles } from '../src/main/db/account-bundles';
import { addDays, dayNumber } from '../src/shared/dates';
import { prng } from './events-csv';

const ACCOUNTS = 2_000;
const TODAY = '2026-11-24';
const TARGET_MS = 200;
const RUNS = 7;

async function time(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-tasks-'));
const backend = openBackend({ host: 'cli', dataDir, now: () => new Date(`${TODAY}T12:00:00Z`) });
const db = backend.database.sqlite;
const rand = prng(14);
const today = dayNumber(TODAY);
db.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
db.transaction(() => {
  const acc = db.prepare('INSERT INTO accounts (id, name, owner, arr_minor, currency, licenses, contract_start, renewal_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const user = db.prepare('INSERT INTO users (id, account_id, external_id, email, name, role) VALUES (?, ?, ?, ?, ?, ?)');
  const usage = db.prepare('INSERT OR IGNORE INTO usage_daily (account_id, user_id, feature_id, day, events, minutes) VALUES (?, ?, 0, ?, ?, ?)');
  const qbr = db.prepare("INSERT INTO qbrs (account_id, date, attendees) VALUES (?, ?, '[]')");
  const item = db.prepare("INSERT INTO qbr_action_items (qbr_id, account_id, text, due_date) VALUES (?, ?, 'Follow up', ?)");
  const touch = db.prepare('INSERT INTO touchpoints (account_id, kind, date, title) VALUES (?, ?, ?, ?)');
  const milestone = db.prepare("INSERT INTO milestones (account_id, kind, name, target_date, achieved_date) VALUES (?, 'onboarding_complete', 'Onboarding complete', ?, ?)");
  const survey = db.prepare("INSERT INTO surveys (account_id, date, kind, score) VALUES (?, ?, 'nps', ?)");
  const renewal = db.prepare("INSERT INTO renewals (account_id, renewal_date, outcome) VALUES (?, ?, 'renewed')");
  // Scores are stored in whole tenths (migration 0022).
  const snap = db.prepare("INSERT INTO health_snapshots_tenths (account_id, day, score, status) VALUES (?, ?, round(? * 10), 'healthy')");
  let userId = 0;
  for (let a = 1; a <= ACCOUNTS; a++) {
    const start = addDays(TODAY, -Math.floor(rand() * 400));
    const renewalDate = addDays(start, 364);
    acc.run(a, `Account ${String(a).padStart(4, '0')}`, 'Dana', Math.floor(rand() * 100) * 100_000, 'USD', 10 + (a % 40), start, renewalDate);
    for (let u = 0; u < 10; u++) {
      userId++;
      user.run(userId, a, `u${userId}`, `u${userId}@a${a}.example`, `User ${userId}`, u === 0 ? 'executive' : 'end_user');
      for (let k = 0; k < 12; k++) usage.run(a, userId, today - Math.floor(rand() * (u === 0 && a % 3 === 0 ? 120 : 30)) - (u === 0 && a % 3 === 0 ? 35 : 0), 1 + Math.floor(rand() * 9), rand() * 20);
    }
    if (rand() < 0.7) {
      const q = Number(qbr.run(a, addDays(TODAY, -Math.floor(rand() * 200))).lastInsertRowid);
      item.run(q, a, addDays(TODAY, Math.floor(rand() * 40) - 20));
    }
    for (let t = 0; t < 6; t++) touch.run(a, ['call', 'email', 'meeting', 'support_case'][t % 4], addDays(TODAY, -Math.floor(rand() * 120)), t === 0 && rand() < 0.5 ? 'Renewal check' : 'Check-in');
    milestone.run(a, addDays(start, 30), rand() < 0.6 ? addDays(start, 25) : null);
    survey.run(a, addDays(TODAY, -Math.floor(rand() * 60)), Math.floor(rand() * 11));
    if (rand() < 0.3) renewal.run(a, addDays(start, -1));
    snap.run(a, addDays(TODAY, -30), 50 + rand() * 40);
    snap.run(a, TODAY, 40 + rand() * 50);
  }
})();

const api = backend.api;
const list = async () => {
  const r = await api.invoke('tasks.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { items: unknown[] }).items.length;
};
let open = 0;
const first = await time(async () => (open = await list()));
const afterWrite: number[] = [];
const cached: number[] = [];
const full: number[] = [];
const baseline: number[] = [];
for (let i = 0; i < RUNS; i++) {
  baseline.push(await time(() => loadBundles(backend.context, undefined, today)));
  // The CSM logs a call with one account (a different one each run): that account's signals are reconciled.
  db.prepare("INSERT INTO touchpoints (account_id, kind, date, title) VALUES (?, 'call', ?, 'Check-in')").run(1 + i * 97, TODAY);
  afterWrite.push(await time(list));
  cached.push(await time(list));
  full.push(await time(() => api.invoke('tasks.reconcile', {})));
}
const generated = db.prepare('SELECT count(*) FROM tasks').pluck().get() as number;
backend.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const steady = median(afterWrite);
const rows = [
  ['tasks.list after a touchpoint is logged, median of 7', `${steady.toFixed(0)} ms`, `< ${TARGET_MS} ms`, steady < TARGET_MS ? 'ok' : 'MISSED'],
  ['tasks.list, nothing written since', `${median(cached).toFixed(0)} ms`, '', ''],
  ['tasks.reconcile of the whole book (new day, settings)', `${median(full).toFixed(0)} ms`, '', ''],
  ['first tasks.list: every task raised', `${first.toFixed(0)} ms`, '', `${generated} tasks, ${open} open`],
  ['baseline: the book read once (loadBundles)', `${median(baseline).toFixed(0)} ms`, '', `ratio ${(steady / median(baseline)).toFixed(1)}x`],
];
console.log(`Work queue, ${ACCOUNTS} accounts:`);
for (const r of rows) console.log(`  ${r[0].padEnd(56)} ${r[1].padStart(9)}  ${r[2].padEnd(9)} ${r[3]}`);
process.exitCode = steady < TARGET_MS ? 0 : 1;
