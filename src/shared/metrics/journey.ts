// Journey stage (METRICS.md, seed 000): onboarding = the first 30 days after contract start, or, when the account
// has an onboarding milestone, until it is achieved; renewal = the last 90 days before the renewal date (it wins
// over the others); adoption between them.
import type { Stage } from '../contract/accounts';
import { daysBetween } from '../dates';

export interface StageLengths {
  onboardingDays: number;
  renewalDays: number;
}

export const DEFAULT_STAGE_LENGTHS: StageLengths = { onboardingDays: 30, renewalDays: 90 };

export interface JourneyInput {
  contractStart: string | null;
  renewalDate: string | null;
  /** The onboarding-complete milestone, when the account has one. */
  onboardingMilestone?: { achievedDate: string | null } | null;
  asOf: string;
}

export function journeyStage(input: JourneyInput, lengths: StageLengths = DEFAULT_STAGE_LENGTHS): Stage | null {
  const { contractStart, renewalDate, onboardingMilestone, asOf } = input;
  if (!contractStart && !renewalDate) return null;
  if (renewalDate && daysBetween(asOf, renewalDate) < lengths.renewalDays) return 'renewal';
  if (onboardingMilestone) {
    const achieved = onboardingMilestone.achievedDate;
    return achieved !== null && achieved <= asOf ? 'adoption' : 'onboarding';
  }
  if (contractStart && daysBetween(contractStart, asOf) < lengths.onboardingDays) return 'onboarding';
  return 'adoption';
}
