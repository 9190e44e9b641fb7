import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/shared/dates';
import { applyRules, combine, computeHealth, evaluateRules, statusOf } from '../../src/shared/metrics/health';
import type { HealthFacts } from '../../src/shared/metrics/health-components';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/shared/metrics/settings';

const asOf = '2026-11-20';
const D = dayNumber(asOf);

// A hand-computed account: 40 licenses, 10 known users, 4 key features.
//   u1–u6 end users (Sales), 10 active days each → weekly, meet cadence
//   u7 end user (Sales), 2 days → monthly, misses weekly;  u8 end user (Sales), 0 days
//   u9 manager (Sales), 0 days;  u10 executive (Board), 1 day → monthly, meets monthly
function facts(overrides: Partial<HealthFacts> = {}): HealthFacts {
  const users = [
    ...Array.from({ length: 8 }, (_, i) => ({ id: i + 1, role: 'end_user' as const, department: 'Sales' })),
    { id: 9, role: 'manager' as const, department: 'Sales' },
    { id: 10, role: 'executive' as const, department: 'Board' },
  ];
  return {
    asOf,
    contractStart: '2026-01-01',
    licenses: 40,
    users,
    activeDays: new Map([[1, 10], [2, 10], [3, 10], [4, 10], [5, 10], [6, 10], [7, 2], [10, 1]]),
    mau: 8,
    lastEventDay: D,
    keyFeatures: [1, 2, 3, 4].map((id) => ({ id, name: `Key ${id}` })),
    usedKeyFeatureIds: new Set([1, 2, 3]),
    qbrs: [{ date: '2026-10-01', customerResponse: 'none' }],
    touchpoints: [],
    surveys: [],
    milestones: [],
    ...overrides,
  };
}

describe('the health score of a hand-computed account', () => {
  const h = computeHealth(facts(), DEFAULT_SETTINGS);
  const byName = Object.fromEntries(h.components.map((c) => [c.name, c]));

  it('scores each component from its metrics, with the facts behind it', () => {
    expect(byName.usage.score).toBe(25); // 8 / 40 = 20 % utilization ÷ 80 % for full marks
    expect(byName.usage.facts[0]).toContain('8 of 40 licensed users active in the last 30 days');
    expect(byName.breadth.score).toBe(75); // 3 of 4 key features
    expect(byName.breadth.facts).toContain('Not used: Key 4.');
    expect(byName.frequency.score).toBe(70); // u1–u6 and u10 meet cadence: 7 of 10
    expect(byName.exposure.score).toBe(80); // roles 2 of 3 (no manager) + departments 2 of 2
    expect(byName.relationship.score).toBe(50); // QBR 50 days ago → 100; its invitation unanswered → 0
    expect(byName.satisfaction.score).toBeNull();
    expect(byName.satisfaction.noDataReason).toMatch(/No NPS or CSAT/);
  });

  it('leaves out the component without data, rescales the weights, and the contributions add up', () => {
    // (25·30 + 75·20 + 70·15 + 80·10 + 50·15) / 90 = 4850 / 90 = 53.89
    expect(h.score).toBe(53.9);
    expect(h.leftOut).toEqual(['satisfaction']);
    expect(h.components.map((c) => c.contribution)).toEqual([8.3, 16.7, 11.7, 8.9, 8.3, null]);
    expect(byName.usage.share).toBeCloseTo(30 / 90);
    expect(h.status).toBe('yellow');
    expect(h.rules).toEqual([]);
  });

  it('has no score and no status when no component has data', () => {
    const empty = computeHealth(
      facts({ lastEventDay: null, users: [], licenses: null, qbrs: [], contractStart: null, activeDays: new Map(), mau: 0 }),
      DEFAULT_SETTINGS,
    );
    expect(empty.score).toBeNull();
    expect(empty.status).toBeNull();
    expect(empty.leftOut).toHaveLength(6);
  });
});

describe('status thresholds and rules', () => {
  it('maps scores to green ≥ 70, yellow 40–69, red < 40', () => {
    const t = DEFAULT_SETTINGS.thresholds;
    expect([statusOf(70, t), statusOf(69.9, t), statusOf(40, t), statusOf(39.9, t), statusOf(null, t)]).toEqual(['green', 'yellow', 'yellow', 'red', null]);
  });

  it('forces red after 30 days without an event, and says so', () => {
    expect(evaluateRules(facts({ lastEventDay: D - 29 }), DEFAULT_SETTINGS)).toEqual([]);
    const fired = evaluateRules(facts({ lastEventDay: D - 30 }), DEFAULT_SETTINGS);
    expect(fired).toEqual([{ id: 'no-usage', kind: 'no_usage', effect: 'force_red', reason: 'No event in the last 30 days (last on Oct 21, 2026).' }]);
  });

  it('caps at yellow a support case open more than 14 days', () => {
    const open = (date: string) => ({
      kind: 'support_case' as const, date, title: 'Export fails', caseStatus: 'open' as const,
      closedDate: null, resolved: null, withinSla: null, featureId: null, responded: null,
    });
    expect(evaluateRules(facts({ touchpoints: [open('2026-11-06')] }), DEFAULT_SETTINGS)).toEqual([]); // 14 days
    const fired = evaluateRules(facts({ touchpoints: [open('2026-11-05')] }), DEFAULT_SETTINGS);
    expect(fired[0].reason).toBe('Support case "Export fails" open for 15 days (more than 14).');
    expect(applyRules('green', fired)).toBe('yellow');
    expect(applyRules('red', fired)).toBe('red'); // a cap never raises
  });

  it('applies the optional rules only when enabled', () => {
    const settings = parseSettings({ rules: DEFAULT_SETTINGS.rules.map((r) => ({ ...r, enabled: true })) });
    const late = facts({ qbrs: [{ date: '2026-05-01', customerResponse: 'positive' }], milestones: [{ id: 1, kind: 'kickoff', name: 'Kickoff', targetDate: '2026-11-01', achievedDate: null }] });
    expect(evaluateRules(late, settings).map((r) => r.id)).toEqual(['qbr-overdue', 'onboarding-late']);
    expect(evaluateRules(late, DEFAULT_SETTINGS)).toEqual([]);
  });
});

describe('combine', () => {
  it('apportions contributions in tenths so that they sum to the shown score', () => {
    const c = combine(
      [
        { name: 'usage', score: 33.3 },
        { name: 'breadth', score: 66.7 },
        { name: 'frequency', score: 12.5 },
        { name: 'exposure', score: null },
      ],
      DEFAULT_SETTINGS.weights,
    );
    const sum = Object.values(c.contributions).reduce((a, b) => a + b, 0);
    expect(Math.round(sum * 10)).toBe(Math.round((c.score ?? 0) * 10));
    expect(c.contributions.exposure).toBeUndefined();
  });

  it('ignores a component whose weight is 0', () => {
    const weights = { ...DEFAULT_SETTINGS.weights, usage: 0 };
    expect(combine([{ name: 'usage', score: 0 }, { name: 'breadth', score: 80 }], weights).score).toBe(80);
  });
});

describe('settings', () => {
  it('default to docs/METRICS.md and fall back field by field from a bad stored value', () => {
    expect(DEFAULT_SETTINGS.weights).toEqual({ usage: 30, breadth: 20, frequency: 15, exposure: 10, relationship: 15, satisfaction: 10 });
    expect(DEFAULT_SETTINGS.thresholds).toEqual({ green: 70, yellow: 40 });
    expect(DEFAULT_SETTINGS.adoptedUser).toEqual({ minActiveDays: 8, windowDays: 30, requireKeyFeature: true });
    expect(DEFAULT_SETTINGS.qbrOverdueDays).toBe(90);
    expect(DEFAULT_SETTINGS.stageLengths).toEqual({ onboardingDays: 30, renewalDays: 90 });
    expect(DEFAULT_SETTINGS.timeToOnboardExpectedDays).toBe(30);
    const parsed = parseSettings({ qbrOverdueDays: 60, weights: 'heavy', thresholds: { green: 10, yellow: 50 } });
    expect(parsed.qbrOverdueDays).toBe(60);
    expect(parsed.weights).toEqual(DEFAULT_SETTINGS.weights);
    expect(parsed.thresholds).toEqual(DEFAULT_SETTINGS.thresholds); // yellow above green is refused
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });
});
