// Issue #12, "no data is not zero", in the deck: on a book imported from vendor-shaped files, an account whose usage
// starts this quarter reads "New this quarter" (not "+52.1 from 0.0"), and every change a slide prints is the
// difference of the two values it prints beside it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeckModel } from '../../src/main/deck/content';
import { gatherDeckData, type DeckData } from '../../src/main/deck/deck-data';
import type { DeckModel } from '../../src/main/deck/slide-model';
import { dayNumber } from '../../src/shared/dates';
import { Rng } from '../../src/shared/prng';
import { tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const backend = tempBackend();
const dir = tempDir('bearing-deck-deltas-');
const NEWCO = '0015g00000NeWcAAAZ';
const STEADY = '0015g00000StEdAAAZ';

function writeBook(): string[] {
  const r = new Rng(7);
  const accounts = [
    '"Account Name","Account ID","Licenses","Contract Start Date","Renewal Date"',
    `"Newco","${NEWCO}","10","1/15/2025","1/14/2027"`,
    `"Steady Corp","${STEADY}","12","1/15/2025","1/14/2027"`,
  ];
  const events = ['event,time,distinct_id,$email,$name,company_id,$insert_id,mp_lib'];
  let n = 0;
  const add = (company: string, user: string, from: string, to: string, p: number) => {
    for (let day = dayNumber(from); day <= dayNumber(to); day++) {
      if (!r.chance(p)) continue;
      const name = r.pick(['Viewed Dashboard', 'Exported Report', 'Created Alert']);
      events.push(`${name},${day * 86_400 + r.int(0, 80_000)},${user},${user}@example.test,${user},${company},ins${n++},web`);
    }
  };
  for (let u = 1; u <= 6; u++) add(NEWCO, `new-${u}`, '2026-07-06', '2026-09-30', r.range(0.2, 0.8));
  for (let u = 1; u <= 9; u++) add(STEADY, `steady-${u}`, u <= 4 ? '2026-03-01' : '2026-06-15', '2026-09-30', r.range(0.1, 0.7));
  const files = [
    ['salesforce-accounts.csv', accounts],
    ['features.csv', ['Event,Feature,Key,Paid', 'Viewed Dashboard,Dashboards,yes,no', 'Exported *,Report export,yes,no', 'Created Alert,Alerts,no,no']],
    ['mixpanel-events.csv', events],
  ] as const;
  return files.map(([name, lines]) => {
    fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
    return path.join(dir, name);
  });
}

async function deckOf(externalId: string): Promise<{ data: DeckData; model: DeckModel }> {
  const { id } = backend.context.sqlite.prepare('SELECT id FROM accounts WHERE external_id = ?').get(externalId) as { id: number };
  const data = await gatherDeckData(backend.context, { accountId: id, quarter: '2026Q3' });
  return { data, model: buildDeckModel(data) };
}

type Kpi = { label: string; value: string; detail?: string };
function kpis(model: DeckModel, slideId: string): Kpi[] {
  const slide = model.slides.find((s) => s.kind === 'content' && s.id === slideId);
  const blocks = slide && slide.kind === 'content' ? slide.blocks : [];
  return blocks.flatMap((b) => (b.kind === 'kpis' ? (b.items as Kpi[]) : []));
}

beforeAll(async () => {
  for (const file of writeBook()) await runJob(backend, { path: file, timeZone: 'UTC' });
}, 60_000);
afterAll(() => backend.close());

describe('deck changes', () => {
  it('an account with no usage the quarter before reads "New this quarter", not a change from 0.0', async () => {
    const { data, model } = await deckOf(NEWCO);
    expect(data.last.mau).toBeNull(); // no usage on record by 2026-06-30
    expect(data.health.score).not.toBeNull();
    const since = kpis(model, 'summary').find((k) => k.label === 'Since end of Q2 2026');
    expect(since).toMatchObject({ value: 'New this quarter', detail: 'no score for Q2 2026' });
    expect(JSON.stringify(model)).not.toMatch(/from 0\.0|since the end of Q2/);
  });

  it('prints every change as the difference of the two values beside it', async () => {
    const { data, model } = await deckOf(STEADY);
    expect(data.last.mau).toBeGreaterThan(0);
    const since = kpis(model, 'summary').find((k) => k.label === 'Since end of Q2 2026');
    const before = Number(/^from (\d+\.\d)$/.exec(since?.detail ?? '')?.[1]);
    const now = Number(data.health.score?.toFixed(1));
    const change = Number((since?.value ?? '').replace('−', '-'));
    expect(change).toBeCloseTo(now - before, 10);
    const moves = JSON.stringify(model).match(/\d+% → \d+% \([^)]*\)/g) ?? [];
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) {
      const [, a, b, text] = /(\d+)% → (\d+)% \(([^)]*)\)/.exec(m) ?? [];
      const pts = Number(b) - Number(a);
      expect(text, m).toBe(pts === 0 ? 'no change' : `${pts > 0 ? '+' : '−'}${Math.abs(pts)} pts`);
    }
  });

  it('an account with no milestone on record shows no "0 of 0" late, and no green for it', async () => {
    const { data, model } = await deckOf(STEADY);
    expect(data.current.milestones).toEqual([]);
    const late = kpis(model, 'journey').find((k) => k.label === 'Milestones late');
    expect(late).toEqual({ label: 'Milestones late', value: '—', detail: 'none on record' });
  });
});
