import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/shared/dates';
import type { FeatureInfo, UsageRow, UserInfo } from '../../src/shared/metrics/inputs';
import { recommendations, satisfactionLevel, type RecommendationInput } from '../../src/shared/metrics/recommendations';

const asOf = '2026-11-20';
const D = dayNumber(asOf);
const row = (userId: number, featureId: number, day = D): UsageRow => ({ userId, featureId, day, events: 1, minutes: 0 });
const user = (id: number, name: string): UserInfo => ({ id, name, email: null, role: 'end_user', department: null });
const feature = (id: number, name: string, isKey: boolean): FeatureInfo => ({ id, key: name.toLowerCase(), name, isKey, isPaid: false });

const base: RecommendationInput = {
  asOf,
  asOfDay: D,
  // Ann uses Reports and Export; Bob only Reports; Cy only logs in. Nobody used Forecasts (paid) this month.
  rows: [row(1, 1), row(1, 2), row(2, 1), row(3, 0), row(3, 3, D - 45)],
  users: [user(1, 'Ann'), user(2, 'Bob'), user(3, 'Cy'), user(4, 'Dee')],
  features: [feature(1, 'Reports', true), feature(2, 'Export', true), feature(3, 'Forecasts', false)],
  entitlements: [
    { featureId: 1, paid: false },
    { featureId: 2, paid: false },
    { featureId: 3, paid: true },
  ],
  enabledKeyFeatureIds: [1, 2],
  satisfaction: { nps: null, csat: null, proficiency: null },
  milestones: [],
};

describe('recommendations', () => {
  it('reminds active users of the key features they do not use, by name', () => {
    const items = recommendations(base).filter((r) => r.kind === 'key_feature_reminder');
    expect(items.map((r) => [r.features[0].name, r.users.map((u) => u.name)])).toEqual([
      ['Reports', ['Cy']],
      ['Export', ['Bob', 'Cy']],
    ]);
  });

  it('flags a paid feature nobody used in 30 days as a downgrade risk', () => {
    const risk = recommendations(base).find((r) => r.kind === 'downgrade_risk');
    expect(risk?.features).toEqual([{ id: 3, name: 'Forecasts' }]);
  });

  it('reads satisfaction and proficiency with usage: unneeded features, or training', () => {
    const happy = { nps: { value: 60, responses: 10, date: asOf }, csat: null, proficiency: { value: 4.5, responses: 5, date: asOf } };
    expect(satisfactionLevel(happy)).toBe(80);
    const unneeded = recommendations({ ...base, satisfaction: happy }).find((r) => r.kind === 'feature_not_needed');
    expect(unneeded?.features.map((f) => f.name)).toEqual(['Forecasts']); // 0 of 3 active users; Export is 1 of 3
    const unhappy = { nps: { value: -50, responses: 10, date: asOf }, csat: null, proficiency: { value: 2, responses: 5, date: asOf } };
    expect(recommendations({ ...base, satisfaction: unhappy }).map((r) => r.kind)).toContain('revisit_training');
    expect(recommendations(base).map((r) => r.kind)).not.toContain('revisit_training'); // no survey: no claim
  });

  it('escalates onboarding milestones past their target', () => {
    const late = recommendations({
      ...base,
      milestones: [
        { id: 7, kind: 'onboarding_complete', name: 'Onboarding done', targetDate: '2026-11-01', achievedDate: null },
        { id: 8, kind: 'basic_value', name: 'Basic value', targetDate: '2026-11-01', achievedDate: null },
      ],
    }).find((r) => r.kind === 'escalate_onboarding');
    expect(late?.milestones).toEqual([{ id: 7, name: 'Onboarding done' }]);
    expect(late?.detail).toBe('Onboarding done is 19 days past its target.');
  });
});
