// The backfill stores computeHealth's numbers without computing its explanation (healthScores, issue #17): on a
// vendor-shaped book (the Salesforce account report, a Mixpanel event export with a silent month and users who join
// late, Zendesk tickets and Delighted NPS answers), every stored day must hold what the live, explained computeHealth gives for that day: the
// score, the status, each component, the rules that fired, and the license utilization counted here in plain SQL.
// A weights-only settings preview, read from today's snapshots, must equal the live computation under both settings.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { loadBundles } from '../../src/main/db/account-bundles';
import { computeAllHealth } from '../../src/main/services/health';
import { healthInputs, liveHealth } from '../../src/main/services/health-compute';
import { refreshHealthSnapshots } from '../../src/main/services/health-snapshots';
import { startImport } from '../../src/main/services/imports';
import { mergeMetricsSettings, readMetricsSettings } from '../../src/main/services/metrics-settings';
import type { MethodOutput } from '../../src/shared/contract';
import { dayNumber, isoFromDayNumber } from '../../src/shared/dates';
import { Rng } from '../../src/shared/prng';
import { ok, tempBackend, tempDir } from '../helpers/backend';
import { SNAPSHOT_JSON } from '../../src/main/db/health-snapshots';

const TODAY = '2026-11-24';
const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures');
const ACCOUNTS = ['0015g00000NwTrAAAZ', '0015g00000CoNtAAAZ', '0015g00000FaBrAAAZ'];
const EVENTS = ['Viewed Dashboard', 'Exported Report', 'Created Alert', 'Exported CSV', 'Logged In'];

const open: Backend[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close();
});

/** A Mixpanel raw-event export (the fixture's columns) of seeded events on the given days; two users join on lateFrom. */
function mixpanelExport(dir: string, seed: number, days: readonly [number, number][], lateFrom: number): string {
  const r = new Rng(seed);
  const lines = ['event,time,distinct_id,$email,$name,company_id,$insert_id,mp_lib'];
  let n = 0;
  for (const [fromDay, toDay] of days) {
    for (let day = fromDay; day <= toDay; day++) {
      ACCOUNTS.forEach((account, a) => {
        for (let u = 1; u <= 6 + a * 3 + (day >= lateFrom ? 2 : 0); u++) {
          if (!r.chance(0.15 + 0.1 * a)) continue;
          const time = day * 86_400 + r.int(0, 86_399);
          lines.push(`${r.pick(EVENTS)},${time},u-${a}-${u},u${a}${u}@acct${a}.example,User ${a}-${u},${account},mp-${n++},web`);
        }
      });
    }
  }
  const file = path.join(dir, 'mixpanel-events.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function importFile(b: Backend, file: string): Promise<void> {
  const summary = await startImport(b.context, { path: file }).done;
  expect(summary.error, file).toBeNull();
}

async function vendorBook(): Promise<Backend> {
  const b = tempBackend();
  open.push(b);
  b.database.sqlite.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
  await importFile(b, path.join(FIXTURES, 'book', 'salesforce-accounts.csv'));
  const today = dayNumber(TODAY);
  // A silent month (days −79 … −41 have no event): the no-usage rule fires on the days 30 or more after the last one.
  await importFile(b, mixpanelExport(tempDir(), 11, [[today - 220, today - 80], [today - 40, today - 2]], today - 100));
  await importFile(b, path.join(FIXTURES, 'relationship', 'zendesk-tickets.csv'));
  await importFile(b, path.join(FIXTURES, 'relationship', 'delighted-nps.csv'));
  return b;
}

const COMPONENTS = ['usage', 'breadth', 'frequency', 'exposure', 'relationship', 'satisfaction'];

describe('the backfill stores what the live computation gives', () => {
  it('equals the live computeHealth, component by component, on past days of a vendor-shaped book', async () => {
    const b = await vendorBook();
    const sql = b.database.sqlite;
    const today = dayNumber(TODAY);
    // No event in 7 days forces red: on the silent month's first weeks it overrules a score that still has usage.
    const rules = readMetricsSettings(b.context).rules.map((r) => (r.kind === 'no_usage' ? { ...r, days: 7 } : r));
    await ok(b.api.invoke('health.settings.set', { settings: { rules } }));
    sql.exec('DELETE FROM health_snapshots_tenths');
    const written = refreshHealthSnapshots(b.context, { fromDay: today - 364 });
    expect(written.accounts).toBe(3);

    const inputs = healthInputs(b.context);
    const read = sql.prepare(`SELECT score, status, ${SNAPSHOT_JSON} AS components FROM health_snapshots s WHERE account_id = ? AND day = ?`);
    const mau = sql.prepare('SELECT count(DISTINCT user_id) AS n FROM usage_daily WHERE account_id = ? AND day BETWEEN ? AND ? AND events > 0');
    const seen = { relationship: 0, satisfaction: 0, rules: 0, overruled: 0, days: 0 };
    for (const bundle of loadBundles(b.context)) {
      const id = bundle.account.id;
      for (const d of [today - 219, today - 216, today - 200, today - 120, today - 99, today - 97, today - 81, today - 70, today - 60, today - 45, today - 30, today - 12, today - 1, today]) {
        const live = liveHealth(b.context, bundle, d, inputs);
        const row = read.get(id, isoFromDayNumber(d)) as { score: number | null; status: string | null; components: string } | undefined;
        const where = `${bundle.account.name} on ${isoFromDayNumber(d)}`;
        expect(row, where).toBeDefined();
        if (!row) continue;
        seen.days += 1;
        // The JSON as readers get it: components in the model's order, the utilization, then a 1 per rule fired.
        const active = (mau.get(id, d - 29, d) as { n: number }).n;
        const expected: Record<string, number | null> = {};
        for (const c of live.components) expected[c.name] = c.score;
        const licenses = bundle.account.licenses;
        const hadUsage = live.components.find((c) => c.name === 'usage')?.score !== null;
        expected['metric.licenseUtilization'] = licenses !== null && licenses > 0 && hadUsage ? active / licenses : null;
        for (const r of live.rules) expected[`rule.${r.id}`] = 1;
        expect({ score: row.score, status: row.status }, where).toEqual({ score: live.score, status: live.status });
        const stored = JSON.parse(row.components) as Record<string, number | null>;
        expect(stored, where).toEqual(expected);
        expect(Object.keys(stored), where).toEqual(Object.keys(expected));
        expect(Object.keys(stored).slice(0, 6)).toEqual(COMPONENTS);
        if (live.components.find((c) => c.name === 'relationship')?.score !== null) seen.relationship += 1;
        if (live.components.find((c) => c.name === 'satisfaction')?.score !== null) seen.satisfaction += 1;
        seen.rules += live.rules.length;
        if (live.status !== live.scoreStatus) seen.overruled += 1;
      }
    }
    // The book exercises relationship and satisfaction scores, and a rule that overrules a score's status.
    expect(seen.days).toBe(42);
    expect(seen.relationship).toBeGreaterThan(0);
    expect(seen.satisfaction).toBeGreaterThan(0);
    expect(seen.rules).toBeGreaterThan(0);
    expect(seen.overruled).toBeGreaterThan(0);
  });

  it("previews a weights-only change from today's snapshots as the live computation does under both settings", async () => {
    const b = await vendorBook();
    refreshHealthSnapshots(b.context);
    const today = dayNumber(TODAY);
    const current = readMetricsSettings(b.context);
    const change = { weights: { usage: 5, breadth: 5, frequency: 5, exposure: 5, relationship: 40, satisfaction: 40 }, thresholds: { green: 60, yellow: 45 } };
    const next = mergeMetricsSettings(current, change);
    const before = new Map(computeAllHealth(b.context, today, current).map((h) => [h.account.id, h.result]));
    const after = computeAllHealth(b.context, today, next);
    const expected = after
      .filter((h) => before.get(h.account.id)?.status !== h.result.status)
      .map((h) => ({
        id: h.account.id,
        name: h.account.name,
        from: before.get(h.account.id)?.status ?? null,
        to: h.result.status,
        scoreFrom: before.get(h.account.id)?.score ?? null,
        scoreTo: h.result.score,
      }));
    const preview = await ok<MethodOutput<'health.settings.preview'>>(b.api.invoke('health.settings.preview', { settings: change }));
    expect(preview.changes).toEqual(expected);
    expect(preview.changed).toBe(expected.length);
    expect(preview.changed).toBeGreaterThan(0);
    const counts = { green: 0, yellow: 0, red: 0, noData: 0 };
    for (const h of after) counts[h.result.status ?? 'noData'] += 1;
    expect(preview.counts).toEqual(counts);
  });
});
