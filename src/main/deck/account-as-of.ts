// The account as it stood on a deck's date (issue #12): when it was a customer (what the default quarter and the
// quarters offered follow), and its renewal date and journey stage on the as-of date rather than today's, so the
// stage and renewal tiles of a past quarter's deck say what was true then.
import type { Stage } from '../../shared/contract';
import { isoDateIn } from '../../shared/dates';
import { journeyStage, type StageLengths } from '../../shared/metrics/journey';
import { accountRow } from '../db/accounts';
import { renewalsOf } from '../db/renewals';
import { getAccount } from '../services/accounts';
import { timeZoneOf } from '../services/clock';
import type { ServiceContext } from '../services/context';
import type { CustomerPeriod } from './quarter';

export interface AccountAsOf {
  period: CustomerPeriod;
  /** The renewal date in force on the as-of date. */
  renewalDate: string | null;
  stage: Stage | null;
  /** The CSM's override was in force on the as-of date (it was set on or before it). */
  stageOverridden: boolean;
}

/** From the contract start to the churn, when the latest decided renewal up to today was a churn. */
export function customerPeriod(ctx: ServiceContext, accountId: number, today: string): CustomerPeriod {
  const account = getAccount(ctx, { id: accountId, asOf: today });
  const churns = account.churned ? renewalsOf(ctx, accountId).filter((r) => r.outcome === 'churned' && r.renewalDate <= today) : [];
  return { from: account.contractStart, until: churns.length > 0 ? churns[churns.length - 1].renewalDate : null };
}

/**
 * The renewal date in force on asOf: the first date on record (past renewals, or the account's current date) on or
 * after it; when all are before it, the latest one (the renewal has passed).
 */
export function renewalDateAsOf(recorded: readonly string[], current: string | null, asOf: string): string | null {
  const dates = [...recorded, ...(current ? [current] : [])].sort();
  return dates.find((d) => d >= asOf) ?? dates[dates.length - 1] ?? null;
}

export function accountAsOf(
  ctx: ServiceContext,
  input: { accountId: number; period: CustomerPeriod; asOf: string; onboardingAchieved: string | null | undefined; lengths: StageLengths },
): AccountAsOf {
  const row = accountRow(ctx, input.accountId);
  const recorded = renewalsOf(ctx, input.accountId).map((r) => r.renewalDate);
  const renewalDate = renewalDateAsOf(recorded, row?.renewalDate ?? null, input.asOf);
  if (!row || (input.period.until !== null && input.period.until < input.asOf)) {
    return { period: input.period, renewalDate, stage: null, stageOverridden: false };
  }
  // The override is the CSM's word from the day it was set; a deck for an earlier date shows the computed stage.
  // An override saved before its date was recorded (no stageOverrideAt) holds for every date, as it always did.
  const overrideOn = row.stageOverrideAt === null ? null : isoDateIn(row.stageOverrideAt, timeZoneOf(ctx));
  if (row.stageOverride !== null && (overrideOn === null || overrideOn <= input.asOf)) {
    return { period: input.period, renewalDate, stage: row.stageOverride, stageOverridden: true };
  }
  const stage = journeyStage(
    {
      contractStart: row.contractStart,
      renewalDate,
      onboardingMilestone: input.onboardingAchieved === undefined ? null : { achievedDate: input.onboardingAchieved },
      asOf: input.asOf,
    },
    input.lengths,
  );
  return { period: input.period, renewalDate, stage, stageOverridden: false };
}
