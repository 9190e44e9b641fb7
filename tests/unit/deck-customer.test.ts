// Issue #12, point 6: a deck for the customer, not for the CSM. The book is built only from vendor-shaped exports
// (tests/fixtures/book: a Salesforce account report, the feature catalogue, a Mixpanel event export), plus one
// churn recorded through the renewal service. Today is 2026-11-24 (tempBackend's clock); every expected quarter,
// date and phrase below is worked out by hand from those files.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { defaultQuarter } from '../../src/main/deck/quarter';
import { termAsOf } from '../../src/shared/metrics/as-of';
import { recordRenewalOutcome } from '../../src/main/services/renewal';
import { call, failure, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const book = (name: string) => path.join(__dirname, '..', 'fixtures', 'book', name);
const backend = tempBackend();
const ids: Record<string, number> = {};

beforeAll(async () => {
  for (const file of ['customer-deck-accounts.csv', 'features.csv', 'customer-deck-events.csv']) {
    const { summary } = await runJob(backend, { path: book(file), timeZone: 'UTC' });
    expect(summary.status, file).toBe('imported');
  }
  const list = await call<MethodOutput<'accounts.list'>>(backend, 'accounts.list');
  for (const a of list.items) ids[a.name] = a.id;
  // Oldmill Paper's contract ended on its renewal date: it left.
  recordRenewalOutcome(backend.context, { accountId: ids['Oldmill Paper'], renewalDate: '2026-05-31', outcome: 'churned', arrMinor: null });
  // Harbor Analytics renewed on 2026-03-31; the account report already shows the next date (3/31/2027).
  recordRenewalOutcome(backend.context, { accountId: ids['Harbor Analytics'], renewalDate: '2026-03-31', outcome: 'renewed', arrMinor: null });
}, 60_000);
afterAll(() => backend.close());

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const texts = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]));
/** Chart categories and series names are on the slide too. */
const chartTexts = (xml: string) => [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => decode(m[1])).filter((v) => Number.isNaN(Number(v)));

interface Opened {
  /** Per slide: every text the audience sees, charts included. */
  slides: string[][];
  /** Per slide: the speaker notes. */
  notes: string[];
}

async function openPptx(file: string): Promise<Opened> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const numbered = (re: RegExp) =>
    Object.keys(zip.files)
      .filter((n) => re.test(n))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const slides: string[][] = [];
  const notes: string[] = [];
  for (const name of numbered(/^ppt\/slides\/slide\d+\.xml$/)) {
    const xml = await zip.file(name)!.async('string');
    const rels = await zip.file(name.replace('slides/', 'slides/_rels/') + '.rels')!.async('string');
    const related = [...rels.matchAll(/Target="([^"]+)"/g)].map((m) => (m[1].startsWith('/') ? m[1].slice(1) : path.posix.join('ppt/slides', m[1])));
    const shown = texts(xml);
    for (const chart of related.filter((t) => t.includes('charts/chart'))) shown.push(...chartTexts(await zip.file(chart)!.async('string')));
    slides.push(shown);
    const note = related.find((t) => t.includes('notesSlides/'));
    notes.push(note ? texts(await zip.file(note)!.async('string')).join(' ') : '');
  }
  return { slides, notes };
}

async function deck(account: string, quarter?: string) {
  const built = await call<MethodOutput<'deck.build'>>(backend, 'deck.build', { accountId: ids[account], format: 'pptx', ...(quarter ? { quarter } : {}) });
  return { built, ...(await openPptx(built.path)) };
}

// What a customer must never read on a slide: the CSM's risk labels and alarms, instructions about the tool, the
// catalogue's "(key)" marks, the health status colours.
const INTERNAL = [/downgrade risk/i, /Bearing/, /\(key\)/, /\bat risk\b/i, /escalate/i, /early warning/i, /^Rule:/, /\b(Red|Yellow|Green)\b/, /log (it|them)/i, /\bimport\b/i, /Prepared by/, /overdue after/];

describe('a deck for the customer, not for the CSM', () => {
  it('keeps risk labels, instructions about Bearing and "(key)" off every slide, and in the speaker notes', async () => {
    const { slides, notes } = await deck('Harbor Analytics');
    expect(slides.length).toBeGreaterThan(6);
    for (const [i, shown] of slides.entries()) {
      for (const text of shown) for (const re of INTERNAL) expect(text, `slide ${i + 1}: ${text}`).not.toMatch(re);
    }
    const allNotes = notes.join('\n');
    // Harbor pays for Report export ("Exported *", paid in features.csv) and never exported anything.
    expect(allNotes).toContain('Paid features unused: downgrade risk');
    // Dashboards, Report export and Alerts are the key features of features.csv.
    expect(allNotes).toMatch(/Dashboards \(key\)/);
    expect(allNotes).toContain('Bearing');
    // The health status (a risk label) is said to the CSM.
    expect(allNotes).toMatch(/status (Green|Yellow|Red|No status)/);
    // What the slide says instead: the customer's next step with the unused paid feature.
    expect(slides.flat().join(' ')).toContain('Report export is part of your subscription but went unused in the last 30 days');
    expect(slides.flat()).toContain('Dashboards');
  });

  it('is signed by the CSM with the name and title from Settings, not "Prepared by Bearing"', async () => {
    const unsigned = await deck('Harbor Analytics');
    // Nothing set yet: no name, no company, the date alone; the notes say where to set them.
    expect(unsigned.slides[0]).toContain('Nov 24, 2026');
    expect(unsigned.slides.flat().some((t) => /Bearing|Prepared by/.test(t))).toBe(false);
    expect(unsigned.notes[0]).toContain('set your name and title in Bearing, Settings → QBR deck');

    const settings = await call<MethodOutput<'deck.settings.set'>>(backend, 'deck.settings.set', {
      csmName: '  Jane Doe ',
      csmTitle: 'Customer Success Manager',
      companyName: 'Harborlight Partners',
    });
    expect(settings.settings).toMatchObject({ csmName: 'Jane Doe', csmTitle: 'Customer Success Manager', companyName: 'Harborlight Partners' });
    const signed = await deck('Harbor Analytics');
    expect(signed.slides[0]).toContain('Jane Doe');
    expect(signed.slides[0]).toContain('Customer Success Manager, Harborlight Partners · Nov 24, 2026');
    expect(signed.slides[1]).toContain('Harborlight Partners · 2');
    expect(signed.notes[0]).not.toContain('set your name');
    await call(backend, 'deck.settings.set', { csmName: '', csmTitle: '', companyName: '' });
  });

  it('writes the stage and renewal tiles as of the deck’s date, in the deck’s date format', async () => {
    // Set today: the override is the CSM's word from today on, so the Q3 deck shows the stage computed for Sep 30:
    // contract from 2025-04-01, renewal 2027-03-31 (182 days on), no onboarding milestone: adoption.
    await call(backend, 'accounts.setStageOverride', { id: ids['Harbor Analytics'], stage: 'renewal' });
    const q3 = await deck('Harbor Analytics', '2026Q3');
    const summary = q3.slides[1];
    expect(summary).toContain('Adoption');
    expect(summary).toContain('at Sep 30, 2026');
    expect(summary).not.toContain('set by your CSM');
    expect(summary).toContain('Mar 31, 2027');
    expect(summary).toContain('182 days after the quarter');
    const journey = q3.slides.find((t) => t[0] === 'Journey and time-to-value milestones') ?? [];
    expect(journey).toContain('Adoption');
    expect(journey).not.toContain('set by your CSM');
    // Q4 2025 (as of Dec 31, 2025): the renewal then in force was Mar 31, 2026, 90 days on, not today's 2027 date.
    const q4 = await deck('Harbor Analytics', '2025Q4');
    expect(q4.slides[1]).toContain('Mar 31, 2026');
    expect(q4.slides[1]).toContain('90 days after the quarter');
    // Oldmill churned on May 31, 2026 and has no stage today; on Mar 31, 2026 it was 61 days from renewal: Renewal.
    const oldmill = await deck('Oldmill Paper');
    expect(oldmill.built.quarter.id).toBe('2026Q1');
    expect(oldmill.slides[1]).toContain('Renewal');
    expect(oldmill.slides[1]).toContain('May 31, 2026');
    expect(oldmill.slides[1]).toContain('61 days after the quarter');
    // No raw ISO date anywhere the CSM or the customer reads.
    for (const text of [...q3.slides.flat(), ...q3.notes]) expect(text).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    await call(backend, 'accounts.setStageOverride', { id: ids['Harbor Analytics'], stage: null });
  });
});

describe('the quarter a deck reviews', () => {
  const quarters = (account: string) => call<MethodOutput<'deck.quarters'>>(backend, 'deck.quarters', { accountId: ids[account] });

  it('defaults to the last full quarter as a customer, else the quarter to date, and offers none before the contract', async () => {
    // Customer since Apr 1, 2025: Q3 2026 is the last complete quarter; Q2 2025 the first offered.
    const harbor = await quarters('Harbor Analytics');
    expect(harbor.defaultQuarter).toBe('2026Q3');
    expect(harbor.quarters.map((q) => q.id)).toEqual(['2026Q4', '2026Q3', '2026Q2', '2026Q1', '2025Q4', '2025Q3', '2025Q2']);
    // Started Aug 15, 2026, mid-Q3: no full quarter yet, so Q4 2026 to date; Q3 (partly a customer) is offered.
    const midway = await quarters('Midway Freight');
    expect(midway.defaultQuarter).toBe('2026Q4');
    expect(midway.quarters.map((q) => [q.id, q.complete])).toEqual([['2026Q4', false], ['2026Q3', true]]);
    // Started Oct 20, 2026: the quarter to date only.
    const newleaf = await quarters('Newleaf Bakery');
    expect(newleaf.defaultQuarter).toBe('2026Q4');
    expect(newleaf.quarters.map((q) => q.id)).toEqual(['2026Q4']);
    // Churned on May 31, 2026: Q2 2026 was not a full quarter as a customer, Q1 2026 was.
    const oldmill = await quarters('Oldmill Paper');
    expect(oldmill.defaultQuarter).toBe('2026Q1');
    expect(oldmill.quarters.map((q) => q.id).at(-1)).toBe('2025Q1');
  });

  it('builds the default quarter when none is asked for, and refuses one that ended before the contract', async () => {
    const midway = await call<MethodOutput<'deck.build'>>(backend, 'deck.build', { accountId: ids['Midway Freight'], format: 'pdf' });
    expect([midway.quarter.id, midway.quarter.complete, midway.asOf]).toEqual(['2026Q4', false, '2026-11-24']);
    const early = await failure(backend, 'deck.build', { accountId: ids['Midway Freight'], format: 'pptx', quarter: '2026Q2' });
    expect(early).toMatchObject({ code: 'invalid_quarter', message: 'Q2 2026 ended before the contract started (Aug 15, 2026): pick a later quarter.' });
  });

  it('picks the quarter by the rule for hand-made periods', () => {
    const today = '2026-11-24';
    expect(defaultQuarter({ from: null, until: null }, today).id).toBe('2026Q3');
    expect(defaultQuarter({ from: '2026-07-01', until: null }, today).id).toBe('2026Q3');
    expect(defaultQuarter({ from: '2026-07-02', until: null }, today)).toMatchObject({ id: '2026Q4', complete: false });
    expect(defaultQuarter({ from: '2025-01-01', until: '2026-06-30' }, today).id).toBe('2026Q2');
    expect(defaultQuarter({ from: '2025-01-01', until: '2026-06-29' }, today).id).toBe('2026Q1');
    // Left within its first quarter: the quarter it was a customer in.
    expect(defaultQuarter({ from: '2026-02-10', until: '2026-03-20' }, today).id).toBe('2026Q1');
    // A contract that starts next year: nothing to review, the quarter to date (building it then says why).
    expect(defaultQuarter({ from: '2027-02-01', until: null }, today).id).toBe('2026Q4');
  });

  it('takes the term then in force: the one the earliest outcome after the date rolled away', () => {
    const current = { contractStart: '2027-03-31', renewalDate: '2028-03-31' };
    const renewals = [
      { renewalDate: '2026-03-20', outcome: 'renewed' as const, termBefore: { contractStart: '2025-03-31', renewalDate: '2026-03-31' } },
      { renewalDate: '2026-10-01', outcome: 'pending' as const, termBefore: null },
      { renewalDate: '2027-03-25', outcome: 'expanded' as const, termBefore: { contractStart: '2026-03-31', renewalDate: '2027-03-31' } },
    ];
    expect(termAsOf(current, renewals, '2025-12-31')).toEqual({ contractStart: '2025-03-31', renewalDate: '2026-03-31' });
    // Decided on 2026-03-20, eleven days early: from then on the next term is in force.
    expect(termAsOf(current, renewals, '2026-03-20')).toEqual({ contractStart: '2026-03-31', renewalDate: '2027-03-31' });
    expect(termAsOf(current, renewals, '2027-03-25')).toBe(current);
    expect(termAsOf(current, [], '2020-01-01')).toBe(current);
    // An outcome that rolled nothing (the accounts export already showed the next term): before it, its date was the
    // renewal date; a contract start after the date is not known then.
    const crm = { contractStart: '2026-04-01', renewalDate: '2027-03-31' };
    const unrolled = [{ renewalDate: '2026-03-31', outcome: 'renewed' as const }];
    expect(termAsOf(crm, unrolled, '2025-12-31')).toEqual({ contractStart: null, renewalDate: '2026-03-31' });
    expect(termAsOf(crm, unrolled, '2026-03-31')).toBe(crm);
    expect(termAsOf(crm, [{ renewalDate: '2026-03-31', outcome: 'churned' as const }], '2025-12-31')).toBe(crm);
  });
});
