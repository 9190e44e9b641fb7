import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { healthInputs, liveHealth } from '../../src/main/services/health-compute';
import { refreshHealthSnapshots } from '../../src/main/services/health-snapshots';
import { loadBundles } from '../../src/main/db/account-bundles';
import { addDays, dayNumber, isoFromDayNumber } from '../../src/shared/dates';
import type { MethodOutput } from '../../src/shared/contract';
import { ok, tempBackend } from '../helpers/backend';
import { fillSmallBook } from '../helpers/metrics-dataset';

// Health through the real API on a real SQLite file (clock fixed at 2026-11-24).
let backend: Backend | undefined;
afterEach(() => backend?.close());
const TODAY = '2026-11-24';

function smallBook(): Backend {
  backend = tempBackend();
  backend.database.sqlite.exec("INSERT INTO settings (key, value) VALUES ('timeZone', '\"UTC\"')");
  fillSmallBook(backend.database.sqlite);
  return backend;
}

const snapshotCount = (b: Backend, accountId: number) =>
  (b.database.sqlite.prepare('SELECT count(*) AS n FROM health_snapshots WHERE account_id = ?').get(accountId) as { n: number }).n;

describe('daily health snapshots', () => {
  it('backfill the history in one pass, and every backfilled day equals the live score of that day', () => {
    const b = smallBook();
    const result = refreshHealthSnapshots(b.context);
    // Both histories start at the first event (119 days before 2026-11-20, usage before the contract start being
    // the import's), one snapshot a day through today.
    const firstEvent = b.database.sqlite.prepare('SELECT account_id AS a, min(day) AS d FROM usage_daily GROUP BY account_id').all() as { a: number; d: number }[];
    expect(result).toMatchObject({ accounts: 2, snapshots: firstEvent.reduce((s, f) => s + dayNumber(TODAY) - f.d + 1, 0) });
    const inputs = healthInputs(b.context);
    const read = b.database.sqlite.prepare('SELECT score, status FROM health_snapshots WHERE account_id = ? AND day = ?');
    for (const bundle of loadBundles(b.context)) {
      for (let d = dayNumber('2026-11-20') - 119; d <= dayNumber(TODAY); d += 5) {
        const live = liveHealth(b.context, bundle, d, inputs);
        expect(read.get(bundle.account.id, isoFromDayNumber(d)), `${bundle.account.name} ${isoFromDayNumber(d)}`).toEqual({ score: live.score, status: live.status });
      }
    }
  });

  it('serve the portfolio list, with the trend, and agree with the live explanation', async () => {
    const b = smallBook();
    await ok(b.api.invoke('health.refresh', {}));
    const fast = await ok<MethodOutput<'health.list'>>(b.api.invoke('health.list', {}));
    const live = await ok<MethodOutput<'health.list'>>(b.api.invoke('health.list', { explain: true }));
    expect(fast.asOf).toBe(TODAY);
    expect(fast.items.map((i) => i.source)).toEqual(['snapshot', 'snapshot']);
    expect(fast.items.map((i) => [i.id, i.score, i.status, i.rules.map((r) => r.id)])).toEqual(
      live.items.map((i) => [i.id, i.score, i.status, i.rules.map((r) => r.id)]),
    );
    expect(fast.items.map((i) => i.components.map((c) => c.contribution))).toEqual(live.items.map((i) => i.components.map((c) => c.contribution)));
    const acme = fast.items[0];
    const before = b.database.sqlite.prepare('SELECT score FROM health_snapshots WHERE account_id = 1 AND day = ?').get(addDays(TODAY, -30)) as { score: number };
    expect(acme.trend).toEqual({ days: 30, previousScore: before.score, delta: Math.round(((acme.score ?? 0) - before.score) * 10) / 10 });
    expect(live.items[0].components[0].facts[0]).toMatch(/of 20 licensed users active in the last 30 days/);
    expect(fast.counts.green + fast.counts.yellow + fast.counts.red + fast.counts.noData).toBe(2);
  });

  it("take today's snapshot the first time the list is read, without announcing a change", async () => {
    const b = smallBook();
    const events: unknown[] = [];
    b.api.subscribe((e, p) => events.push([e, p]));
    const first = await ok<MethodOutput<'health.list'>>(b.api.invoke('health.list', {}));
    expect(first.items.map((i) => i.source)).toEqual(['live', 'live']);
    const second = await ok<MethodOutput<'health.list'>>(b.api.invoke('health.list', {}));
    expect(second.items.map((i) => i.source)).toEqual(['snapshot', 'snapshot']);
    expect(second.items.map((i) => i.score)).toEqual(first.items.map((i) => i.score));
    expect(events).toEqual([]);
  });

  it("follow an edit: a write to an account's data refreshes that account's history", async () => {
    const b = smallBook();
    expect(snapshotCount(b, 1)).toBe(0);
    await ok(b.api.invoke('accounts.setStageOverride', { id: 1, stage: 'renewal' }));
    expect(snapshotCount(b, 1)).toBe(dayNumber(TODAY) - (dayNumber('2026-11-20') - 119) + 1); // from the first event
    expect(snapshotCount(b, 2)).toBe(0);
  });
});

describe('health of one account', () => {
  it('explains the score with its history', async () => {
    const b = smallBook();
    await ok(b.api.invoke('health.refresh', {}));
    const h = await ok<MethodOutput<'health.account'>>(b.api.invoke('health.account', { id: 1, asOf: '2026-11-20' }));
    expect(h.history.at(-1)?.date).toBe('2026-11-20');
    expect(h.history.at(-1)?.score).toBe(h.score);
    expect(h.history[0].date).toBe(addDays('2026-11-20', -119)); // the first event
    expect(h.components.every((c) => c.contribution === null || c.facts.length > 0)).toBe(true);
    expect(await b.api.invoke('health.account', { id: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('health settings', () => {
  it('preview how many accounts change status, then save and recompute the history', async () => {
    const b = smallBook();
    await ok(b.api.invoke('health.refresh', {}));
    const before = await ok<MethodOutput<'health.list'>>(b.api.invoke('health.list', {}));
    const change = { thresholds: { green: 10, yellow: 5 } };
    const preview = await ok<MethodOutput<'health.settings.preview'>>(b.api.invoke('health.settings.preview', { settings: change }));
    const notGreen = before.items.filter((i) => i.status !== 'green' && i.score !== null && i.rules.length === 0).length;
    expect(preview.changed).toBe(notGreen);
    const saved = await ok<MethodOutput<'health.settings.set'>>(b.api.invoke('health.settings.set', { settings: { weights: { usage: 90 } } }));
    expect(saved.settings.weights).toMatchObject({ usage: 90, breadth: 20 }); // merged, not replaced
    const got = await ok<MethodOutput<'health.settings.get'>>(b.api.invoke('health.settings.get', {}));
    expect(got.settings.weights.usage).toBe(90);
    expect(got.defaults.weights.usage).toBe(30);
    const after = await ok<MethodOutput<'health.list'>>(b.api.invoke('health.list', {}));
    expect(after.items[0].components[0].weight).toBe(90);
    expect(after.items[0].source).toBe('snapshot');
    const bad = await b.api.invoke('health.settings.set', { settings: { thresholds: { green: 30, yellow: 60 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_settings' } });
  });
});
