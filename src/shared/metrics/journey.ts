// Journey stage (docs/METRICS.md, seed 000): onboarding = the first 30 days after contract start, or, when the account
// has an onboarding milestone, until it is achieved; renewal = the last 90 days before the renewal date (it wins
// over the others); adoption between them, and from a renewal on.
import { addDays, daysBetween } from '../dates';

export const STAGES = ['onboarding', 'adoption', 'renewal'] as const;
export type Stage = (typeof STAGES)[number];

export interface StageLengths {
  onboardingDays: number;
  renewalDays: number;
}

const DEFAULT_STAGE_LENGTHS: StageLengths = { onboardingDays: 30, renewalDays: 90 };

export interface JourneyInput {
  contractStart: string | null;
  renewalDate: string | null;
  /** The onboarding-complete milestone, when the account has one. */
  onboardingMilestone?: { achievedDate: string | null } | null;
  /**
   * The account's latest kept-customer renewal on or before asOf. A renewal rolls the contract start on to the new
   * term's, so a renewed customer is never back in onboarding: it adopts until its next renewal window.
   */
  renewedOn?: string | null;
  asOf: string;
}

export function journeyStage(input: JourneyInput, lengths: StageLengths = DEFAULT_STAGE_LENGTHS): Stage | null {
  const { contractStart, renewalDate, onboardingMilestone, asOf } = input;
  if (!contractStart && !renewalDate) return null;
  if (renewalDate && daysBetween(asOf, renewalDate) < lengths.renewalDays) return 'renewal';
  if (input.renewedOn && input.renewedOn <= asOf) return 'adoption';
  if (onboardingMilestone) {
    const achieved = onboardingMilestone.achievedDate;
    return achieved !== null && achieved <= asOf ? 'adoption' : 'onboarding';
  }
  if (contractStart && daysBetween(contractStart, asOf) < lengths.onboardingDays) return 'onboarding';
  return 'adoption';
}

/**
 * The first day of the computed stage, for "time in stage" (journey lanes): onboarding counts from the contract
 * start; adoption from the day the onboarding milestone was achieved when the account has one, else from the end
 * of the onboarding days, and after a renewal from that renewal (a customer in its third year has been adopting
 * since its last renewal, not since it signed); renewal from renewal date − renewal days. Never before the
 * contract start (a contract shorter than the renewal window is in renewal from its first day). Null when the
 * dates needed are missing.
 */
export function stageStartDate(
  stage: Stage,
  input: Omit<JourneyInput, 'asOf'> & { lastRenewedOn?: string | null },
  lengths: StageLengths = DEFAULT_STAGE_LENGTHS,
): string | null {
  const { contractStart, renewalDate, onboardingMilestone, lastRenewedOn } = input;
  let start: string | null;
  if (stage === 'onboarding') start = contractStart;
  else if (stage === 'renewal') start = renewalDate ? addDays(renewalDate, -lengths.renewalDays) : null;
  else {
    start = onboardingMilestone ? onboardingMilestone.achievedDate : contractStart ? addDays(contractStart, lengths.onboardingDays) : null;
    if (lastRenewedOn && (start === null || lastRenewedOn > start)) start = lastRenewedOn;
  }
  return start !== null && contractStart !== null && start < contractStart ? contractStart : start;
}
