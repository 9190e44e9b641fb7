// `digest [--json]` (issue #14, point 3) as a real subprocess, on a book imported from vendor-shaped exports
// (tests/fixtures/book/tasks-*.csv: Salesforce accounts, HubSpot contacts, Mixpanel events), on a machine whose clock
// reads 2026-11-24 12:00 UTC (tests/helpers/fixed-clock.mjs). Worked out by hand from the files, as in
// tests/e2e/monday-triage.test.ts: 12 open tasks overdue or due today over 3 accounts.
//   Alder Health ($240,000): no touchpoint since the start 2026-01-01 (+30 → 2026-01-31), no QBR (2026-04-02),
//     both overdue; due today: renewal conversation (renews 2027-01-20), health drop, downgrade risk (Dashboards
//     unused), Olga Berg dormant → 2 overdue, 4 due today.
//   Cedar Bank ($150,000): started 2026-11-01, no touchpoint (2026-11-15) overdue; downgrade risk today → 1, 1.
//   Birch Logistics ($90,000): no touchpoint (2025-12-11), no QBR (2026-02-10), renewal 2026-11-10 passed with no
//     outcome, all overdue; downgrade risk today → 3, 1.
//   Overdue 2 + 1 + 3 = 6; due today 4 + 1 + 1 = 6. Renewals 2026-11-24..30: none (Alder 2027-01-20, Birch 2026-11-10
//   is past, Cedar 2027-10-31).
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Digest } from '../../src/shared/contract';
import { tempBackend } from '../helpers/backend';
import { CLI_CASE_TIMEOUT, runCliAt } from '../helpers/cli-process';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
const NOON = '2026-11-24T12:00:00Z';
let dataDir: string;

beforeAll(async () => {
  const b = tempBackend();
  dataDir = b.dataDir;
  b.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  for (const file of ['tasks-salesforce-accounts.csv', 'tasks-hubspot-contacts.csv', 'tasks-mixpanel-events.csv']) {
    await runJob(b, { path: path.join(BOOK, file), timeZone: 'UTC' });
  }
  b.close();
}, CLI_CASE_TIMEOUT);

describe('digest', () => {
  it('--json prints reminders.digest: counts by account, most ARR first, and no renewal this week', async () => {
    const run = await runCliAt(NOON, ['digest', '--json'], dataDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const d = JSON.parse(run.stdout) as Digest;
    expect(Object.keys(d)).toEqual(['asOf', 'overdue', 'dueToday', 'accounts', 'renewalsThisWeek', 'summary']);
    expect([d.asOf, d.overdue, d.dueToday]).toEqual(['2026-11-24', 6, 6]);
    expect(d.summary).toBe('6 overdue, 6 due today across 3 accounts; no renewal this week.');
    expect(d.renewalsThisWeek).toEqual([]);
    const line = (a: Digest['accounts'][number]) => [a.accountName, a.arr, a.currency, a.overdue, a.dueToday, a.tasks.map((t) => `${t.kind} ${t.due}`).sort()];
    expect(d.accounts.map(line)).toEqual([
      [
        'Alder Health', 240000, 'USD', 2, 4,
        ['health_drop 2026-11-24', 'no_touchpoint 2026-01-31', 'qbr_overdue 2026-04-02', 'recommendation 2026-11-24', 'renewal_conversation 2026-11-24', 'stakeholder_dormant 2026-11-24'],
      ],
      ['Cedar Bank', 150000, 'USD', 1, 1, ['no_touchpoint 2026-11-15', 'recommendation 2026-11-24']],
      ['Birch Logistics', 90000, 'USD', 3, 1, ['no_touchpoint 2025-12-11', 'qbr_overdue 2026-02-10', 'recommendation 2026-11-24', 'renewal_outcome 2026-11-10']],
    ]);
  }, CLI_CASE_TIMEOUT);

  it('prints the same digest as text: the summary, then each account with its tasks', async () => {
    const [text, json] = await Promise.all([runCliAt(NOON, ['digest'], dataDir), runCliAt(NOON, ['digest', '--json'], dataDir)]);
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Digest for Nov 24, 2026: 6 overdue, 6 due today across 3 accounts; no renewal this week.');
    expect(lines.filter((l) => /^\S/.test(l)).slice(1)).toEqual([
      'Alder Health ($240,000): 2 overdue, 4 due today',
      'Cedar Bank ($150,000): 1 overdue, 1 due today',
      'Birch Logistics ($90,000): 3 overdue, 1 due today',
    ]);
    // Every task is listed under its account with its id and due date, written as the app writes dates (12 task lines).
    const tasks = (JSON.parse(json.stdout) as Digest).accounts.flatMap((a) => a.tasks);
    const taskLines = lines.filter((l) => l.startsWith('  '));
    expect(taskLines.map((l) => l.slice(2, 9).trim())).toEqual(tasks.map((t) => t.id));
    expect(taskLines.map((l) => l.slice(10, 22).trim()).sort()).toEqual(
      [...Array(6).fill('Nov 24, 2026'), 'Jan 31, 2026', 'Apr 2, 2026', 'Nov 15, 2026', 'Dec 11, 2025', 'Feb 10, 2026', 'Nov 10, 2026'].sort(),
    );
    expect(taskLines.map((l) => l.slice(24))).toEqual(tasks.map((t) => t.title));
    expect(tasks.length).toBe(12);
    expect(text.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text.stdout).not.toContain('Renewals this week');
  }, CLI_CASE_TIMEOUT);
});
