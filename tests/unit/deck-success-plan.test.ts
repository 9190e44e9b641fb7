// The success plan slide (issue #14, point 5), read from the .pptx as the zip it is: right after the title, one
// row per outcome with KPI baseline → latest → target, target date and status. The latest value is the newest QBR
// up to the deck's as-of date (2026-09-30 for 2026Q3), so the October QBR is not on it. Expected text by hand.
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { call, tempBackend } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/relationship/hubspot-companies.csv');

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
});

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
async function slideTexts(file: string): Promise<string[][]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  const out: string[][] = [];
  for (const n of names) out.push([...(await zip.file(n)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!)));
  return out;
}

describe('the success plan slide', () => {
  it('follows the title with each outcome’s KPI path, target date and status as of the deck’s date', async () => {
    backend = tempBackend({ now: () => new Date('2026-12-05T12:00:00Z') });
    const b = backend;
    expect((await runJob(b, { path: FIXTURE, timeZone: 'UTC' })).summary.status).toBe('imported');
    const northwind = (b.database.sqlite.prepare("SELECT id FROM accounts WHERE name = 'Northwind Traders'").get() as { id: number }).id;
    const before = await call<{ path: string; slides: number }>(b, 'deck.build', { accountId: northwind, format: 'pptx', quarter: '2026Q3' });
    expect((await slideTexts(before.path))[1]!.join(' ')).not.toContain('Success plan');

    const forecast = await call<{ id: number }>(b, 'successPlan.outcomes.create', {
      accountId: northwind, title: 'Forecast in an hour', kpiName: 'Forecast preparation time', kpiUnit: 'hours', baseline: 16, target: 1, targetDate: '2027-03-31', status: 'on_track',
    });
    await call(b, 'successPlan.outcomes.create', { accountId: northwind, title: 'Managers use it weekly', kpiName: 'Weekly active managers', kpiUnit: '%', target: 80, targetDate: '2026-12-31', status: 'at_risk' });
    const aug = await call<{ qbr: { id: number } }>(b, 'qbrs.create', { accountId: northwind, date: '2026-08-20' });
    const oct = await call<{ qbr: { id: number } }>(b, 'qbrs.create', { accountId: northwind, date: '2026-10-15' });
    await call(b, 'successPlan.progress.record', { qbrId: aug.qbr.id, outcomeId: forecast.id, value: 9.5, note: 'two regions live' });
    await call(b, 'successPlan.progress.record', { qbrId: oct.qbr.id, outcomeId: forecast.id, value: 4, note: null });

    const deck = await call<{ path: string; slides: number }>(b, 'deck.build', { accountId: northwind, format: 'pptx', quarter: '2026Q3' });
    expect(deck.slides).toBe(before.slides + 1);
    const slide = (await slideTexts(deck.path))[1]!;
    expect(slide[0]).toBe('Success plan: the outcomes we are working towards');
    const text = slide.join(' | ');
    expect(text).toContain('2 desired outcomes, 0 achieved. KPI: baseline → latest QBR value → target, as of');
    // Ordered by target date: the December outcome first.
    expect(text).toContain('Managers use it weekly | Weekly active managers | — → — → 80% | ');
    expect(text).toContain('Forecast in an hour | Forecast preparation time | 16 hours → 9.5 hours → 1 hour | ');
    expect(slide).toContain('At risk');
    expect(slide).toContain('On track');
    expect(text).not.toContain('4 hours');
  });
});
