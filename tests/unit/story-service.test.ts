// Issue #14, point 10: story.account on a book built only from vendor-shaped exports (tests/fixtures/book: a
// Salesforce account report, the feature catalogue, a Mixpanel event export) plus what a CSM enters by hand (a
// call, a support case, a QBR with action items, a milestone, a churn). Today is 2026-11-24 (tempBackend's clock).
// Expected sentences are worked out by hand from those files; weekly active users and the health scores are
// checked against plain SQL over the store.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { dayNumber } from '../../src/shared/dates';
import { recordRenewalOutcome } from '../../src/main/services/renewal';
import { call, fail, failure, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

type Story = MethodOutput<'story.account'>;
const book = (name: string) => path.join(__dirname, '..', 'fixtures', 'book', name);
const backend = tempBackend();
const ids: Record<string, number> = {};
const story = (name: string, asOf?: string) => call<Story>(backend, 'story.account', { id: ids[name], ...(asOf ? { asOf } : {}) });

/** Plain SQL: distinct users of the account with an event in the 7 days ending on asOf. */
function wauBySql(name: string, asOf: string): number {
  const db = new Database(path.join(backend.dataDir, 'bearing.sqlite'), { readonly: true });
  try {
    const d = dayNumber(asOf);
    const row = db.prepare('SELECT count(DISTINCT user_id) AS n FROM usage_daily WHERE account_id = ? AND day BETWEEN ? AND ?').get(ids[name], d - 6, d) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

/** Plain SQL: the account's daily health snapshot of a day, rounded as shown. */
function snapshotScore(name: string, day: string): number | null {
  const db = new Database(path.join(backend.dataDir, 'bearing.sqlite'), { readonly: true });
  try {
    const row = db.prepare('SELECT score FROM health_snapshots WHERE account_id = ? AND day = ?').get(ids[name], day) as { score: number | null } | undefined;
    return row?.score === undefined || row.score === null ? null : Math.round(row.score);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  for (const file of ['customer-deck-accounts.csv', 'features.csv', 'customer-deck-events.csv']) {
    const { summary } = await runJob(backend, { path: book(file), timeZone: 'UTC' });
    expect(summary.status, file).toBe('imported');
  }
  for (const a of (await call<MethodOutput<'accounts.list'>>(backend, 'accounts.list')).items) ids[a.name] = a.id;
  recordRenewalOutcome(backend.context, { accountId: ids['Oldmill Paper'], renewalDate: '2026-05-31', outcome: 'churned', arrMinor: null });
  const harbor = ids['Harbor Analytics'];
  await call(backend, 'touchpoints.create', { accountId: harbor, kind: 'call', date: '2026-11-20', title: 'Check-in' });
  await call(backend, 'touchpoints.create', { accountId: harbor, kind: 'support_case', date: '2026-11-02', title: 'Export fails', caseStatus: 'open' });
  await call(backend, 'qbrs.create', {
    accountId: harbor,
    date: '2026-10-15',
    actionItems: [{ text: 'Roll out alerts', dueDate: '2026-11-01' }, { text: 'Train the new analysts', dueDate: '2026-12-15' }],
  });
  await call(backend, 'milestones.create', { accountId: ids['Midway Freight'], kind: 'onboarding_complete', targetDate: '2026-09-14' });
  await call(backend, 'health.refresh', {});
}, 60_000);
afterAll(() => backend.close());

describe('story.account', () => {
  it('tells an account that went quiet, with its case, touchpoint, QBR and renewal', async () => {
    const s = await story('Harbor Analytics');
    expect(s.asOf).toBe('2026-11-24');
    expect(s.quarterAgo).toBe('2026-08-26');
    // The last events were on 2026-09-28: nobody this week; the quarter-ago week had one user (SQL below).
    expect(wauBySql('Harbor Analytics', '2026-11-24')).toBe(0);
    expect(wauBySql('Harbor Analytics', '2026-08-26')).toBe(1);
    const now = snapshotScore('Harbor Analytics', '2026-11-24');
    const before = snapshotScore('Harbor Analytics', '2026-08-26');
    expect(now).not.toBeNull();
    expect(before).not.toBeNull();
    expect(s.sentences[0].text).toMatch(new RegExp(`^Health ${now}, down from ${before} a quarter ago, mostly from `));
    expect(s.sentences.slice(1).map((x) => x.text)).toEqual([
      'No weekly active users, down from 1 a quarter ago; 0 of 10 licenses used in the last 30 days.',
      // Dashboards, Report export and Alerts are key (features.csv) and all three are in Harbor's products.
      '0 of 3 key features used in the last 30 days.',
      '1 support case is open.',
      'Last touchpoint: a call, 4 days ago.',
      // QBR on 2026-10-15; "Roll out alerts" was due 2026-11-01.
      'Last QBR 40 days ago, with 2 action items open (1 overdue).',
      // 2026-11-24 to 2027-03-31: 6 + 31 + 31 + 28 + 31 = 127 days.
      'Renewal in 127 days (Mar 31, 2027).',
    ]);
    expect(s.text).toBe(s.sentences.map((x) => x.text).join(' '));
    const renewal = s.sentences.at(-1)!;
    expect(renewal.facts.map((f) => [f.value, f.method, f.link])).toEqual([
      ['127 days', 'accounts.get', { tab: 'overview', section: 'renewal' }],
      ['Mar 31, 2027', 'accounts.get', { tab: 'overview', section: 'renewal' }],
    ]);
  });

  it('as of a past day: only what was known then, and no action items (their status carries no date)', async () => {
    const s = await story('Harbor Analytics', '2026-11-01');
    const texts = s.sentences.map((x) => x.text);
    expect(texts).toContain('Last QBR 17 days ago.');
    expect(texts.join(' ')).not.toMatch(/support case|touchpoint/);
    // 2026-09-30: before the QBR, one overdue by the 90-day cadence of a contract started 2025-04-01.
    const earlier = (await story('Harbor Analytics', '2026-09-30')).sentences.map((x) => x.text);
    expect(wauBySql('Harbor Analytics', '2026-09-30')).toBe(1);
    expect(earlier).toContain('No QBR on record and one is overdue.');
    expect(earlier).toContain('Renewal in 182 days (Mar 31, 2027).');
    expect(earlier[1]).toMatch(/^Weekly active users 1, /);
  });

  it('names the stakeholders the CSM flagged, today only (a flag has no history)', async () => {
    const people = await call<MethodOutput<'stakeholders.list'>>(backend, 'stakeholders.list', { accountId: ids['Harbor Analytics'] });
    const rosa = people.items.find((p) => p.email === 'rosa@harbor.example')!;
    await call(backend, 'stakeholders.set', { userId: rosa.id, flag: 'champion' });
    try {
      // Rosa's last event in the export: 2026-09-20, 65 days before 2026-11-24.
      expect((await story('Harbor Analytics')).sentences.map((x) => x.text)).toContain('Champion rosa@harbor.example, last touch 65 days ago.');
      expect((await story('Harbor Analytics', '2026-11-01')).text).not.toContain('Champion');
      const forCustomer = await call<Story>(backend, 'story.account', { id: ids['Harbor Analytics'], audience: 'customer' });
      expect(forCustomer.text).not.toContain('Champion');
    } finally {
      await call(backend, 'stakeholders.set', { userId: rosa.id, flag: null });
    }
  });

  it('a late milestone, and a new account with no score a quarter ago', async () => {
    const texts = (await story('Midway Freight')).sentences.map((x) => x.text);
    // Contract start 2026-08-15: no usage on record by 2026-08-26, so no score to compare with.
    expect(texts[0]).toMatch(/^Health \d+; no score a quarter ago to compare with\.$/);
    expect(texts).toContain('1 milestone is past its target: Onboarding complete (71 days).');
    expect(texts).toContain('Renewal in 263 days (Aug 14, 2027).');
    const late = (await story('Midway Freight')).sentences.find((x) => x.text.includes('milestone'))!;
    expect(late.facts[0].link).toEqual({ tab: 'milestones', section: null });
  });

  it('a former customer', async () => {
    const texts = (await story('Oldmill Paper')).sentences.map((x) => x.text);
    expect(texts[0]).toBe('A former customer: churned on May 31, 2026.');
    expect(texts.join(' ')).not.toMatch(/QBR|milestone|Renewal in/);
  });

  it('refuses an unknown account and a date that is not one', async () => {
    expect(await fail(backend, 'story.account', { id: 9999 })).toBe('not_found');
    expect(await fail(backend, 'story.account', { id: ids['Harbor Analytics'], asOf: '2026-02-31' })).toBe('invalid_input');
  });
});

/** The texts of the deck's executive summary slide (the second). */
async function summarySlideTexts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.file('ppt/slides/slide2.xml')!.async('string');
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
}

describe("the deck's executive summary", () => {
  it('is the story as of the deck’s date, without the CSM’s own estimates, unless the CSM edited it', async () => {
    const built = await call<MethodOutput<'deck.build'>>(backend, 'deck.build', { accountId: ids['Harbor Analytics'], format: 'pptx', quarter: '2026Q3' });
    expect(built.asOf).toBe('2026-09-30');
    const texts = await summarySlideTexts(built.path);
    expect(texts).toContain('In brief');
    // As of 2026-09-30: 2026-09-30 to 2027-03-31 is 182 days; the QBR cadence is the CSM's business, not the slide's.
    expect(texts).toContain('Renewal in 182 days (Mar 31, 2027).');
    expect(texts.join(' ')).not.toMatch(/overdue|likely to renew/);

    const edited = await call<MethodOutput<'deck.build'>>(backend, 'deck.build', {
      accountId: ids['Harbor Analytics'],
      format: 'pptx',
      quarter: '2026Q3',
      summary: '  Usage dipped over the summer.\nThe new analysts start in October.  ',
    });
    const mine = await summarySlideTexts(edited.path);
    expect(mine).toEqual(expect.arrayContaining(['Usage dipped over the summer.', 'The new analysts start in October.']));
    expect(mine).not.toContain('Renewal in 182 days (Mar 31, 2027).');
  });

  it('refuses an empty or an over-long summary with a message for the CSM', async () => {
    const input = { accountId: ids['Harbor Analytics'], format: 'pptx', quarter: '2026Q3' };
    expect(await failure(backend, 'deck.build', { ...input, summary: '   ' })).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('empty') });
    expect(await failure(backend, 'deck.build', { ...input, summary: 'x'.repeat(1201) })).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('longer than 1200 characters'),
    });
  });
});
