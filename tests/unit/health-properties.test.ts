import { describe, expect, it } from 'vitest';
import { isoFromDayNumber } from '../../src/shared/dates';
import { computeHealth, healthScores, statusOf } from '../../src/shared/metrics/health';
import type { HealthFacts } from '../../src/shared/metrics/health-components';
import { lastDays, type TouchpointInfo, type UsageRow } from '../../src/shared/metrics/inputs';
import { COMPONENT_NAMES, DEFAULT_SETTINGS, ROLES, type MetricsSettings } from '../../src/shared/metrics/settings';
import { activeDaysByUser, mau } from '../../src/shared/metrics/usage';
import { groupByDay, UsageWindow } from '../../src/shared/metrics/usage-window';
import { prng as prngStream } from '../../bench/events-csv';

// Property tests with a small seeded generator (fast-check is not a dependency): every run sees the same cases,
// so a failure names its seed and can be replayed.
function prng(seed: number) {
  const next = prngStream(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

const D = 20_000;

function randomFacts(r: ReturnType<typeof prng>): HealthFacts {
  const users = Array.from({ length: r.int(0, 25) }, (_, i) => ({
    id: i + 1,
    role: r.pick(ROLES),
    department: r.chance(0.2) ? null : r.pick(['Sales', 'Ops', 'Finance', 'HR']),
  }));
  const activeDays = new Map<number, number>();
  for (const u of users) if (r.chance(0.6)) activeDays.set(u.id, r.int(1, 30));
  const keyFeatures = Array.from({ length: r.int(0, 5) }, (_, i) => ({ id: i + 1, name: `K${i + 1}` }));
  const date = () => isoFromDayNumber(D - r.int(0, 500));
  const touchpoints: TouchpointInfo[] = Array.from({ length: r.int(0, 8) }, () => {
    const kind = r.pick(['call', 'email', 'meeting', 'support_case', 'campaign'] as const);
    const closed = r.chance(0.5);
    return {
      kind,
      date: date(),
      title: 'x',
      caseStatus: kind === 'support_case' ? (closed ? 'closed' : 'open') : null,
      closedDate: kind === 'support_case' && closed ? isoFromDayNumber(D - r.int(0, 100)) : null,
      resolved: r.chance(0.7),
      withinSla: r.chance(0.3) ? null : r.chance(0.7),
      featureId: null,
      responded: r.chance(0.5),
    };
  });
  return {
    asOf: isoFromDayNumber(D),
    contractStart: r.chance(0.8) ? date() : null,
    licenses: r.chance(0.8) ? r.int(0, 60) : null,
    users,
    activeDays,
    mau: activeDays.size + r.int(0, 3), // usage by users not (yet) in the users list
    lastEventDay: r.chance(0.85) ? D - r.int(0, 60) : null,
    keyFeatures,
    usedKeyFeatureIds: new Set(keyFeatures.filter(() => r.chance(0.5)).map((k) => k.id)),
    qbrs: Array.from({ length: r.int(0, 3) }, () => ({ date: date(), customerResponse: r.pick(['positive', 'neutral', 'negative', 'none'] as const) })),
    touchpoints,
    surveys: Array.from({ length: r.int(0, 6) }, () => {
      const kind = r.pick(['nps', 'csat', 'proficiency'] as const);
      return { userId: null, date: date(), kind, score: kind === 'nps' ? r.int(0, 10) : r.int(1, 5) };
    }),
    milestones: [],
  };
}

function randomSettings(r: ReturnType<typeof prng>): MetricsSettings {
  const weights = Object.fromEntries(COMPONENT_NAMES.map((n) => [n, r.chance(0.15) ? 0 : r.int(0, 100)])) as MetricsSettings['weights'];
  const yellow = r.int(0, 80);
  return { ...DEFAULT_SETTINGS, weights, thresholds: { yellow, green: r.int(yellow, 100) }, usageFullAt: r.pick([0.5, 0.8, 1]) };
}

describe('health properties over 2,000 generated accounts', () => {
  it('every score lies in [0, 100] and its explanation adds up', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const r = prng(seed);
      const settings = seed % 2 === 0 ? DEFAULT_SETTINGS : randomSettings(r);
      const h = computeHealth(randomFacts(r), settings);
      const ctx = `seed ${seed}`;
      for (const c of h.components) {
        if (c.score !== null) expect(c.score, ctx).toBeGreaterThanOrEqual(0);
        if (c.score !== null) expect(c.score, ctx).toBeLessThanOrEqual(100);
        if (c.contribution === null) expect(h.leftOut, ctx).toContain(c.name);
        else expect(c.facts.length, ctx).toBeGreaterThan(0);
      }
      if (h.score === null) {
        expect(h.components.every((c) => c.contribution === null), ctx).toBe(true);
        continue;
      }
      expect(h.score, ctx).toBeGreaterThanOrEqual(0);
      expect(h.score, ctx).toBeLessThanOrEqual(100);
      const tenths = h.components.reduce((s, c) => s + Math.round((c.contribution ?? 0) * 10), 0);
      expect(tenths, ctx).toBe(Math.round(h.score * 10));
      const shares = h.components.reduce((s, c) => s + (c.share ?? 0), 0);
      expect(shares, ctx).toBeCloseTo(1, 9);
      expect(h.scoreStatus, ctx).toBe(statusOf(h.score, settings.thresholds));
      if (h.rules.length === 0) expect(h.status, ctx).toBe(h.scoreStatus);
    }
  });
});

describe('the backfill\'s lean scoring', () => {
  it('gives the score, status, component scores and rules of the explained computation for 2,000 generated accounts', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const r = prng(seed);
      const settings = seed % 2 === 0 ? DEFAULT_SETTINGS : randomSettings(r);
      const facts = randomFacts(r);
      const full = computeHealth(facts, settings);
      const lean = healthScores(facts, settings);
      const ctx = `seed ${seed}`;
      expect(lean.score, ctx).toBe(full.score);
      expect(lean.status, ctx).toBe(full.status);
      expect(lean.components.map((c) => c.score), ctx).toEqual(full.components.map((c) => c.score));
      expect(lean.rules.map((f) => f.id), ctx).toEqual(full.rules.map((f) => f.id));
    }
  });
});

describe('the sliding usage window', () => {
  it('agrees with the usage metrics computed from the rows on every day it slides over', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = prng(seed);
      const rows: UsageRow[] = Array.from({ length: r.int(0, 400) }, () => ({
        userId: r.int(1, 12),
        featureId: r.int(0, 5),
        day: D - r.int(0, 120),
        events: r.chance(0.05) ? 0 : r.int(1, 9),
        minutes: r.int(0, 30),
      }));
      const days = groupByDay(rows);
      const w = new UsageWindow(30);
      let i = 0;
      for (let d = D - 100; d <= D; d += 1) {
        while (i < days.length && days[i].day <= d) w.add(days[i++]);
        w.advanceTo(d);
        const month = lastDays(d, 30);
        expect(w.activeUsers, `seed ${seed} day ${d}`).toBe(mau(rows, d));
        expect(new Map(w.userDays), `seed ${seed} day ${d}`).toEqual(activeDaysByUser(rows, month));
        const used = new Set(rows.filter((x) => x.events > 0 && x.featureId !== 0 && x.day >= month.from && x.day <= d).map((x) => x.featureId));
        expect(w.usedFeatures([1, 2, 3, 4, 5]), `seed ${seed} day ${d}`).toEqual(used);
        const before = rows.filter((x) => x.events > 0 && x.day <= d).map((x) => x.day);
        expect(w.lastEventDay, `seed ${seed} day ${d}`).toBe(before.length > 0 ? Math.max(...before) : null);
      }
    }
  });
});
