import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/shared/dates';
import type { MilestoneInfo, UsageRow } from '../../src/shared/metrics/inputs';
import { DEFAULT_SETTINGS } from '../../src/shared/metrics/settings';
import {
  continuousAdoption,
  earlyWarnings,
  lateOnboardingMilestones,
  milestoneStatus,
  quarterOf,
  timeToOnboardKpi,
  timeToValueDays,
} from '../../src/shared/metrics/time-to-value';

const m = (id: number, kind: MilestoneInfo['kind'], targetDate: string | null, achievedDate: string | null): MilestoneInfo => ({
  id,
  kind,
  name: kind,
  targetDate,
  achievedDate,
});

describe('time to value', () => {
  const milestones = [
    m(1, 'kickoff', '2026-01-05', '2026-01-04'),
    m(2, 'onboarding_complete', '2026-01-31', '2026-02-10'),
    m(3, 'basic_value', '2026-03-01', '2026-02-20'),
    m(4, 'exceeded_value', '2026-06-01', null),
    m(5, 'first_key_action', '2026-01-15', null),
  ];

  it('TTV = achieved date − contract start, basic and exceeded separately; null until achieved', () => {
    expect(timeToValueDays('2026-01-01', milestones, 'basic_value', '2026-11-20')).toBe(50); // Jan 1 → Feb 20
    expect(timeToValueDays('2026-01-01', milestones, 'exceeded_value', '2026-11-20')).toBeNull();
    expect(timeToValueDays('2026-01-01', milestones, 'basic_value', '2026-02-19')).toBeNull(); // not yet on D
    expect(timeToValueDays(null, milestones, 'basic_value', '2026-11-20')).toBeNull();
    expect(timeToValueDays('2026-01-01', milestones, 'onboarding_complete', '2026-11-20')).toBe(40);
  });

  it('says which milestones are on time, late, or achieved late', () => {
    const asOf = '2026-02-01';
    expect(milestones.map((x) => milestoneStatus(x, asOf)).map((s) => [s.state, s.daysLate])).toEqual([
      ['achieved', null],
      ['late', 1], // target Jan 31, open on Feb 1
      ['due', null],
      ['due', null],
      ['late', 17], // target Jan 15
    ]);
    expect(milestoneStatus(milestones[1], '2026-11-20')).toMatchObject({ state: 'achieved_late', daysLate: 10 });
    expect(lateOnboardingMilestones(milestones, asOf).map((s) => s.id)).toEqual([2, 5]);
  });

  it('time to onboard KPI = onboarded within 30 days ÷ onboarded, per contract-start quarter', () => {
    const kpi = timeToOnboardKpi(
      [
        { contractStart: '2026-01-01', onboardedDate: '2026-01-25' }, // 24 days: within
        { contractStart: '2026-02-01', onboardedDate: '2026-03-15' }, // 42 days: late
        { contractStart: '2026-03-01', onboardedDate: null }, // not onboarded: not counted
        { contractStart: '2026-04-01', onboardedDate: null },
      ],
      30,
      '2026-11-20',
    );
    expect(kpi).toEqual([
      { cohort: '2026-Q1', onboarded: 2, withinExpected: 1, rate: 0.5 },
      { cohort: '2026-Q2', onboarded: 0, withinExpected: 0, rate: null },
    ]);
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
  });

  it('warns early of many support cases in the first 30 days and of low use during onboarding', () => {
    const cases = ['2026-01-02', '2026-01-05', '2026-01-20', '2026-01-30', '2026-02-15'].map((date) => ({ kind: 'support_case' as const, date }));
    const w = earlyWarnings({ contractStart: '2026-01-01', touchpoints: cases, stage: 'onboarding', licenseUtilization: 0.1, asOf: '2026-03-01' }, DEFAULT_SETTINGS);
    expect(w.map((x) => x.kind)).toEqual(['early_support_cases', 'low_onboarding_usage']); // 4 cases > 3; 10 % < 20 %
    expect(earlyWarnings({ contractStart: '2026-01-01', touchpoints: cases.slice(0, 3), stage: 'adoption', licenseUtilization: 0.1, asOf: '2026-03-01' }, DEFAULT_SETTINGS)).toEqual([]);
  });

  it('draws the continuous adoption curve per lifecycle month and its slope', () => {
    const start = dayNumber('2026-01-01');
    const row = (userId: number, day: number, featureId = 0): UsageRow => ({ userId, featureId, day, events: 1, minutes: 0 });
    const rows = [row(1, start), row(1, start + 31, 5), row(2, start + 40, 6), row(1, start + 65), row(2, start + 70), row(3, start + 75, 5)];
    const c = continuousAdoption(rows, '2026-01-01', start + 95);
    expect(c.months.map((x) => [x.month, x.activeUsers, x.featuresUsed, x.complete])).toEqual([
      [0, 1, 0, true],
      [1, 2, 2, true],
      [2, 3, 1, true],
      [3, 0, 0, false],
    ]);
    expect(c.slope).toBeCloseTo(1); // 1, 2, 3 over the complete months
    expect(continuousAdoption(rows, null, start + 95)).toEqual({ months: [], slope: null });
  });
});
