import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/shared/dates';
import type { UsageRow, UserInfo } from '../../src/shared/metrics/inputs';
import { DEFAULT_SETTINGS } from '../../src/shared/metrics/settings';
import {
  adoptionRateActive,
  cadenceOf,
  dau,
  isAdoptedAccount,
  mau,
  meanDau,
  meetsCadence,
  usageMetrics,
  usersMeetingCadence,
  wau,
} from '../../src/shared/metrics/usage';

// Hand-computed fixture (docs/METRICS.md, Usage). D = 2026-11-20; key feature 10; 10 licenses; four known users:
//   u1 end user: active D−9 … D (10 days) on key feature 10
//   u2 manager:  active D−3 and D−20, no feature
//   u3 executive: active only D−40 (outside every window), on feature 10
//   u4 admin: a row with 0 events on D (not an event: never active)
const D = dayNumber('2026-11-20');
const row = (userId: number, day: number, featureId = 0, events = 1, minutes = 1): UsageRow => ({ userId, featureId, day, events, minutes });
const rows: UsageRow[] = [
  ...Array.from({ length: 10 }, (_, i) => row(1, D - i, 10, 2, 5)),
  row(2, D - 3),
  row(2, D - 20),
  row(3, D - 40, 10),
  row(4, D, 0, 0),
];
const user = (id: number, role: UserInfo['role']): UserInfo => ({ id, name: `U${id}`, email: null, role, department: null });
const users = [user(1, 'end_user'), user(2, 'manager'), user(3, 'executive'), user(4, 'admin')];
const input = { rows, users, licenses: 10, keyFeatureIds: new Set([10]), asOfDay: D, settings: DEFAULT_SETTINGS };

describe('usage metrics on a hand-computed account', () => {
  it('counts DAU on D, WAU over D−6…D and MAU over D−29…D', () => {
    expect(dau(rows, D)).toBe(1); // u1 (u4's 0-event row is not activity)
    expect(wau(rows, D)).toBe(2); // u1, u2 (D−3)
    expect(mau(rows, D)).toBe(2); // u1, u2; u3 at D−40 is outside
  });

  it('derives stickiness and utilization from mean DAU and MAU', () => {
    // Daily distinct users over 30 days: u1 on 10 days + u2 on 2 days = 12 user-days; 12 / 30 = 0.4.
    expect(meanDau(rows, D)).toBeCloseTo(0.4);
    const m = usageMetrics(input);
    expect(m.stickiness).toBeCloseTo(0.2); // 0.4 / 2
    expect(m.licenseUtilization).toBeCloseTo(0.2); // 2 / 10
    expect(m.unusedLicenses).toBe(8);
    expect(m.dailyUtilization).toBeCloseTo(0.04); // 0.4 / 10
  });

  it('computes both adoption rates with the configured definitions', () => {
    const m = usageMetrics(input);
    expect(m.eligibleUsers).toBe(4);
    expect(m.adoptionRateActive).toBeCloseTo(0.5); // 2 active of 4 known users
    expect(m.adoptedUserIds).toEqual([1]); // u1: 10 active days ≥ 8 and a key feature; u2: 2 days
    expect(m.adoptionRateAdopted).toBeCloseTo(0.25); // 1 of 4
    const byLicenses = usageMetrics({ ...input, settings: { ...DEFAULT_SETTINGS, eligibleUsers: 'licenses' } });
    expect(byLicenses.adoptionRateActive).toBeCloseTo(0.2); // 2 of 10 licenses
    const looser = usageMetrics({ ...input, settings: { ...DEFAULT_SETTINGS, adoptedUser: { minActiveDays: 2, windowDays: 30, requireKeyFeature: false } } });
    expect(looser.adoptedUserIds).toEqual([1, 2]);
  });

  it('classifies cadence per user against the role\'s expected cadence', () => {
    const m = usageMetrics(input);
    expect(m.cadences.map((c) => [c.userId, c.activeDays, c.cadence, c.expected, c.meets])).toEqual([
      [1, 10, 'weekly', 'weekly', true],
      [2, 2, 'monthly', 'weekly', false],
      [3, 0, 'dormant', 'monthly', false],
      [4, 0, 'dormant', 'weekly', false],
    ]);
    expect(cadenceOf(15, DEFAULT_SETTINGS.cadenceDays)).toBe('daily');
    expect(cadenceOf(4, DEFAULT_SETTINGS.cadenceDays)).toBe('weekly');
    expect(meetsCadence('weekly', 'monthly')).toBe(true); // a weekly payroll admin expected monthly is fine
    expect(meetsCadence('monthly', 'weekly')).toBe(false);
  });

  it('judges an adopted account by onboarding and daily activity', () => {
    const def = DEFAULT_SETTINGS.adoptedAccount;
    expect(isAdoptedAccount({ onboardingAchieved: true, meanDailyActive: 3, totalUsers: 4 }, def)).toBe(true); // 75 %
    expect(isAdoptedAccount({ onboardingAchieved: true, meanDailyActive: 2.9, totalUsers: 4 }, def)).toBe(false);
    expect(isAdoptedAccount({ onboardingAchieved: false, meanDailyActive: 4, totalUsers: 4 }, def)).toBe(false);
    expect(isAdoptedAccount({ onboardingAchieved: null, meanDailyActive: 4, totalUsers: 4 }, def)).toBeNull();
  });
});

describe('usage metrics without data', () => {
  it('are null, never 0, for an account with no usage on or before D', () => {
    const m = usageMetrics({ ...input, rows: [] });
    expect([m.dau, m.wau, m.mau, m.stickiness, m.licenseUtilization, m.unusedLicenses, m.adoptionRateActive, m.adoptionRateAdopted]).toEqual(
      Array(8).fill(null),
    );
    // Usage only after D does not count either.
    expect(usageMetrics({ ...input, rows: [row(1, D + 1)] }).mau).toBeNull();
  });

  it('keep a real 0 where the inputs exist, and null for 0 ÷ 0', () => {
    const m = usageMetrics({ ...input, rows: [row(3, D - 40, 10)] });
    expect(m.mau).toBe(0);
    expect(m.licenseUtilization).toBe(0); // 0 of 10 seats is a fact
    expect(m.stickiness).toBeNull(); // 0 ÷ 0
    expect(usageMetrics({ ...input, licenses: null }).licenseUtilization).toBeNull();
    expect(adoptionRateActive(3, null)).toBeNull();
  });
});

describe('usersMeetingCadence (the backfill\'s table of who meets cadence)', () => {
  it('says for every role and every count of active days what the cadence and the role\'s expectation say', () => {
    const roles = ['end_user', 'manager', 'executive', 'admin'] as const;
    // Each user's active days in 30 (0 to 31, and one past the table: a count the window cannot give is still judged).
    // Roles interleaved, as a book lists its users.
    const users = Array.from({ length: 33 }, (_, n) => roles.map((role, r) => ({ id: r * 100 + n, role }))).flat();
    const days = new Map(users.map((u) => [u.id, u.id % 100]));
    const odd = { ...DEFAULT_SETTINGS, cadenceDays: { daily: 3, weekly: 9 }, roleCadence: { end_user: 'daily', manager: 'dormant', executive: 'weekly', admin: 'monthly' } } as const;
    for (const settings of [DEFAULT_SETTINGS, odd]) {
      // Written out by hand from cadenceOf's rule: daily at >= daily, weekly at >= weekly, monthly at >= 1.
      const rank = (n: number) => (n >= settings.cadenceDays.daily ? 3 : n >= settings.cadenceDays.weekly ? 2 : n >= 1 ? 1 : 0);
      const need = { dormant: 0, monthly: 1, weekly: 2, daily: 3 } as const;
      const expected = users.filter((u) => rank(days.get(u.id) ?? 0) >= need[settings.roleCadence[u.role]]).map((u) => u.id);
      expect(usersMeetingCadence(users, days, settings)).toEqual(expected);
    }
    // With the defaults: an end user meets weekly from 4 days, an executive monthly from 1.
    const meeting = new Set(usersMeetingCadence(users, days, DEFAULT_SETTINGS));
    expect([3, 4].map((n) => meeting.has(n))).toEqual([false, true]);
    expect([200, 201].map((id) => meeting.has(id))).toEqual([false, true]);
    // A settings object changed in place is answered for what it says now, not from the tables of before.
    const mutable = structuredClone(DEFAULT_SETTINGS);
    expect(new Set(usersMeetingCadence(users, days, mutable)).has(4)).toBe(true);
    mutable.cadenceDays.weekly = 6;
    expect(new Set(usersMeetingCadence(users, days, mutable)).has(4)).toBe(false);
    mutable.roleCadence.end_user = 'monthly';
    expect(new Set(usersMeetingCadence(users, days, mutable)).has(4)).toBe(true);
    expect(new Set(usersMeetingCadence(users, days, mutable)).has(0)).toBe(false);
    // Nobody in the window is judged on 0 days.
    expect(usersMeetingCadence(users.slice(0, 1), new Map(), DEFAULT_SETTINGS)).toEqual([]);
  });
});
