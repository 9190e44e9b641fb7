import { describe, expect, it } from 'vitest';
import { journeyStage } from '../../src/shared/metrics/journey';

// Hand-computed against docs/METRICS.md: onboarding = first 30 days (or until the onboarding milestone),
// renewal = last 90 days before renewal, adoption between.
describe('journeyStage', () => {
  const contract = { contractStart: '2026-01-01', renewalDate: '2027-01-01' };
  it('is onboarding for the first 30 days, adoption from day 30', () => {
    expect(journeyStage({ ...contract, asOf: '2026-01-30' })).toBe('onboarding'); // day 29
    expect(journeyStage({ ...contract, asOf: '2026-01-31' })).toBe('adoption'); // day 30
  });
  it('is renewal in the last 90 days before the renewal date', () => {
    expect(journeyStage({ ...contract, asOf: '2026-10-03' })).toBe('adoption'); // 90 days left
    expect(journeyStage({ ...contract, asOf: '2026-10-04' })).toBe('renewal'); // 89 days left
  });
  it('follows the onboarding milestone when the account has one', () => {
    expect(journeyStage({ ...contract, asOf: '2026-03-01', onboardingMilestone: { achievedDate: null } })).toBe('onboarding');
    expect(journeyStage({ ...contract, asOf: '2026-01-10', onboardingMilestone: { achievedDate: '2026-01-09' } })).toBe('adoption');
  });
  it('has no stage without contract dates (no data, not a guess)', () => {
    expect(journeyStage({ contractStart: null, renewalDate: null, asOf: '2026-01-01' })).toBeNull();
  });
});
