import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/shared/dates';
import {
  accountEngagementScore,
  breadth,
  campaignUplift,
  enabledKeyFeatures,
  paidFeatures,
  engagementScale,
  executiveActivity,
  exposure,
  featureAdoption,
  timeToFirstKeyAction,
  userEngagementScore,
} from '../../src/shared/metrics/breadth';
import { lastDays, type FeatureInfo, type UsageRow } from '../../src/shared/metrics/inputs';
import { DEFAULT_SETTINGS } from '../../src/shared/metrics/settings';
import { userCadences } from '../../src/shared/metrics/usage';

const D = dayNumber('2026-11-20');
const P = lastDays(D, 30);
const row = (userId: number, day: number, featureId = 0, events = 1, minutes = 0): UsageRow => ({ userId, featureId, day, events, minutes });
const feature = (id: number, isKey: boolean): FeatureInfo => ({ id, key: `f${id}`, name: `F${id}`, isKey, isPaid: false });
const features = [feature(10, true), feature(11, true), feature(12, false)];

describe('breadth and depth on a hand-computed account', () => {
  // u1 uses key feature 10 and feature 12; u2 uses no feature; u3 used feature 11 only 40 days ago.
  const rows = [row(1, D, 10), row(1, D - 5, 12), row(2, D - 2), row(3, D - 40, 11)];

  it('feature adoption = users of X in P ÷ active users in P', () => {
    const a = featureAdoption(rows, P, [10, 11, 12]);
    expect(a.get(10)).toBeCloseTo(0.5); // u1 of {u1, u2}
    expect(a.get(11)).toBe(0); // u3 is outside P
    expect(a.get(12)).toBeCloseTo(0.5);
    expect(featureAdoption([], P, [10]).get(10)).toBeNull(); // no active user: no data
  });

  it('breadth = key features used in P ÷ key features enabled ("1 of 2")', () => {
    expect(breadth(rows, P, [10, 11])).toEqual({ usedKeyFeatureIds: [10], enabledKeyFeatures: 2, ratio: 0.5 });
    expect(breadth(rows, P, []).ratio).toBeNull();
  });

  it('enabled key features: every key feature without entitlements; with some, the entitled ones and the unpaid core', () => {
    expect(enabledKeyFeatures(features, []).map((f) => f.id)).toEqual([10, 11]);
    // 10 and 11 are unpaid: any plan has them.
    expect(enabledKeyFeatures(features, [{ featureId: 11, paid: true }, { featureId: 12, paid: true }]).map((f) => f.id)).toEqual([10, 11]);
    // 10 paid for separately: only an account entitled to it has it.
    const paid10 = [{ ...features[0], isPaid: true }, features[1], features[2]];
    expect(enabledKeyFeatures(paid10, [{ featureId: 11, paid: true }]).map((f) => f.id)).toEqual([11]);
    expect(enabledKeyFeatures(paid10, [{ featureId: 10, paid: true }]).map((f) => f.id)).toEqual([10, 11]);
  });

  it('paid features: the entitlements marked paid, else the catalogue paid flag', () => {
    const paid12 = [features[0], features[1], { ...features[2], isPaid: true }];
    expect(paidFeatures(paid12, []).map((f) => f.id)).toEqual([12]);
    expect(paidFeatures(paid12, [{ featureId: 10, paid: true }, { featureId: 11, paid: false }]).map((f) => f.id)).toEqual([10]);
  });

  it('time to first key action: per user first key use − first event; per account the median', () => {
    const t = timeToFirstKeyAction(
      [row(1, 100), row(1, 104, 10), row(2, 100), row(2, 110, 11), row(3, 101, 10), row(4, 100)],
      200,
      new Set([10, 11]),
    );
    expect([...t.perUser].sort()).toEqual([[1, 4], [2, 10], [3, 0]]);
    expect(t.medianDays).toBe(4); // median of 4, 10, 0; u4 took no key action
    expect(timeToFirstKeyAction([row(1, 100)], 200, new Set([10])).medianDays).toBeNull();
  });

  it('engagement: each input scaled by its percentile rank across the portfolio, weighted 40/30/30', () => {
    const a = { userId: 1, activeDays: 10, minutes: 50, features: 1 };
    const b = { userId: 2, activeDays: 2, minutes: 0, features: 0 };
    const scale = engagementScale([a, b, { userId: 3, activeDays: 5, minutes: 20, features: 2 }]);
    // a: days 10 in [2,5,10] → (2 + ½)/3 = 83.3; minutes 50 in [0,20,50] → 83.3; features 1 in [0,1,2] → 50.
    expect(userEngagementScore(a, scale, DEFAULT_SETTINGS.engagementWeights)).toBeCloseTo(0.4 * 250 / 3 + 0.3 * 250 / 3 + 0.3 * 50);
    // b: days 2 → (0 + ½)/3 = 16.7; zero minutes and zero features score 0.
    expect(userEngagementScore(b, scale, DEFAULT_SETTINGS.engagementWeights)).toBeCloseTo((0.4 * 50) / 3);
    expect(accountEngagementScore([a, b], scale, DEFAULT_SETTINGS.engagementWeights)).toBeCloseTo(40);
    expect(accountEngagementScore([], scale, DEFAULT_SETTINGS.engagementWeights)).toBeNull();
  });

  it('exposure = roles and departments with a user meeting cadence ÷ all present', () => {
    const users = [
      { id: 1, role: 'end_user' as const, department: 'Sales' },
      { id: 2, role: 'manager' as const, department: 'Sales' },
      { id: 3, role: 'executive' as const, department: 'Finance' },
      { id: 4, role: 'admin' as const, department: null },
    ];
    const days = new Map([[1, 10], [2, 1]]); // u1 weekly (meets), u2 monthly (manager expects weekly)
    const e = exposure(users, userCadences(users, days, DEFAULT_SETTINGS));
    expect(e.roles.filter((r) => r.covered).map((r) => r.name)).toEqual(['end_user']);
    expect(e.departments.map((d) => [d.name, d.covered])).toEqual([['Finance', false], ['Sales', true]]);
    expect(e.share).toBeCloseTo(2 / 6); // 1 of 4 roles + 1 of 2 departments
    expect(exposure([], []).share).toBeNull();
  });

  it("shows executives' weekly logins on their own", () => {
    const rows2 = [row(3, D), row(3, D - 1), row(3, D - 15), row(3, D - 29)];
    // Weeks D−6…D (2 logins), D−20…D−14 (1); D−29 is in the 30 days but not in the last 4 weeks.
    expect(executiveActivity([{ id: 3 }], rows2, D)).toEqual([{ userId: 3, activeDays30: 4, weeksActive: 2 }]);
  });

  it('campaign uplift = usage of the feature in the 30 days from launch ÷ the 30 days before', () => {
    const L = D - 40;
    const rows2 = [row(1, L - 1, 10, 4), row(1, L - 30, 10, 6), row(1, L - 31, 10, 100), row(1, L, 10, 15), row(1, L + 29, 10, 5), row(1, L + 5, 11, 50)];
    expect(campaignUplift(rows2, 10, L, D)).toEqual({ before: 10, after: 20, uplift: 2, complete: true });
    expect(campaignUplift(rows2, 10, D - 10, D).uplift).toBeNull(); // the 30 days after have not passed
    expect(campaignUplift([row(1, L, 10)], 10, L, D).uplift).toBeNull(); // nothing before: no ratio
  });
});
