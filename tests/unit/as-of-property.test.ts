// Issue #12, "as of means as of": every metric, health component, rule, benchmark, recommendation and story as of a day D
// reads nothing dated after D. Checked as a property over random books and days: the answers as of D on the full
// store equal the answers as of D on a copy of the SQLite file with everything after D deleted by plain SQL.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildDeckModel } from '../../src/main/deck/content';
import { gatherDeckData } from '../../src/main/deck/deck-data';
import { openDatabase } from '../../src/main/db/open';
import { dayNumber, isoFromDayNumber } from '../../src/shared/dates';
import { Rng } from '../../src/shared/prng';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { BOOK_FIRST_DAY, deleteAfter, fillRandomBook } from '../helpers/random-book';
import { SNAPSHOT_JSON } from '../../src/main/db/health-snapshots';

type Answers = Record<string, unknown>;

/** Everything the screens, the CLI and the deck ask for as of asOf. */
async function answersAsOf(dataDir: string, asOf: string): Promise<Answers> {
  const b = tempBackend({ dataDir });
  try {
    const out: Answers = {
      healthList: await call(b, 'health.list', { asOf }),
      healthExplained: await call(b, 'health.list', { asOf, explain: true }),
      portfolio: await call(b, 'portfolio.overview', { asOf }),
      portfolioMetrics: await call(b, 'metrics.portfolio', { asOf }),
      renewal: await call(b, 'renewal.likelihood', { asOf }),
    };
    const ids = (await call<{ items: { id: number }[] }>(b, 'accounts.list', { asOf })).items.map((a) => a.id);
    for (const id of ids) {
      out[`account ${id}`] = await call(b, 'accounts.get', { id, asOf });
      out[`metrics ${id}`] = await call(b, 'metrics.account', { id, asOf });
      out[`health ${id}`] = await call(b, 'health.account', { id, asOf });
      out[`recommendations ${id}`] = await call(b, 'recommendations.account', { id, asOf });
      out[`benchmarks ${id}`] = await call(b, 'benchmarks.account', { id, asOf });
      out[`story ${id}`] = await call(b, 'story.account', { id, asOf });
      out[`stakeholders ${id}`] = await call(b, 'stakeholders.list', { accountId: id, asOf });
    }
    return out;
  } finally {
    b.close();
  }
}

/** A quarter's deck (its data and its slides) on a store. */
async function deckOf(dataDir: string, accountId: number, quarter: string): Promise<unknown> {
  const b = tempBackend({ dataDir });
  try {
    const data = await gatherDeckData(b.context, { accountId, quarter });
    // The customer period (contract start to churn) is today's knowledge by design: it picks the quarters the deck
    // offers and says why an earlier one is refused. It is not on a slide; the slides are compared whole.
    const { period: _today, ...standing } = data.standing;
    return { data: { ...data, standing }, slides: buildDeckModel(data) };
  } catch (error) {
    // A quarter before the account's contract start is refused: the same refusal on both stores.
    return { refused: error instanceof Error ? error.message : String(error) };
  } finally {
    b.close();
  }
}

/** A copy of the store with everything after day deleted, in a new folder. */
function copyCutAt(full: string, day: number): string {
  const copy = tempDir('bearing-asof-copy-');
  const source = new Database(path.join(full, 'bearing.sqlite'));
  source.exec(`VACUUM INTO '${path.join(copy, 'bearing.sqlite')}'`);
  source.close();
  const cut = new Database(path.join(copy, 'bearing.sqlite'));
  deleteAfter(cut, day);
  cut.close();
  return copy;
}

function snapshotsThrough(dataDir: string, asOf: string): unknown[] {
  const db = new Database(path.join(dataDir, 'bearing.sqlite'), { readonly: true });
  try {
    return db.prepare(`SELECT account_id, day, score, status, ${SNAPSHOT_JSON} AS components FROM health_snapshots s WHERE day <= ? ORDER BY account_id, day`).all(asOf);
  } finally {
    db.close();
  }
}

describe('as of D on the full store = as of D on a copy with everything after D deleted', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`random book ${seed}`, async () => {
      const full = tempDir('bearing-asof-full-');
      const opened = openDatabase({ dataDir: full });
      fillRandomBook(opened.sqlite, seed);
      opened.close();
      const setup = tempBackend({ dataDir: full });
      await call(setup, 'health.refresh', {});
      setup.close();

      const r = new Rng(seed).fork('as-of days');
      for (const day of [r.int(BOOK_FIRST_DAY + 30, BOOK_FIRST_DAY + 200), r.int(BOOK_FIRST_DAY + 200, BOOK_FIRST_DAY + 390)]) {
        const asOf = isoFromDayNumber(day);
        const copy = copyCutAt(full, day);

        const expected = await answersAsOf(copy, asOf);
        expect(await answersAsOf(full, asOf), `seed ${seed}, as of ${asOf}`).toEqual(expected);

        // The daily health history up to D, recomputed on the copy, is the history the full store keeps.
        const recomputed = tempBackend({ dataDir: copy });
        await call(recomputed, 'health.refresh', {});
        recomputed.close();
        const kept = snapshotsThrough(full, asOf) as { account_id: number; day: string }[];
        const fromCopy = new Map((snapshotsThrough(copy, asOf) as { account_id: number; day: string }[]).map((s) => [`${s.account_id} ${s.day}`, s]));
        expect(kept.length).toBeGreaterThan(0);
        for (const s of kept) expect(fromCopy.get(`${s.account_id} ${s.day}`), `snapshot ${s.account_id} ${s.day}`).toEqual(s);
        fs.rmSync(copy, { recursive: true, force: true });
      }

      // A past quarter's deck reads nothing after the quarter's last day.
      const quarterEnd = dayNumber('2026-06-30');
      const copy = copyCutAt(full, quarterEnd);
      // Accounts whose term a renewal after the quarter rolled on included: the cut copy has the term rolled back.
      const db = new Database(path.join(full, 'bearing.sqlite'), { readonly: true });
      const compared = db.prepare('SELECT id FROM accounts ORDER BY id').pluck().all() as number[];
      db.close();
      for (const id of compared) {
        expect(await deckOf(full, id, '2026Q2'), `seed ${seed}, deck of account ${id}`).toEqual(await deckOf(copy, id, '2026Q2'));
      }
      fs.rmSync(copy, { recursive: true, force: true });
      fs.rmSync(full, { recursive: true, force: true });
    }, 120_000);
  }
});
