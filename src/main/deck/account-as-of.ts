// The account as it stood on a deck's date (issue #12): when it was a customer (what the default quarter and the
// quarters offered follow), and its renewal date and journey stage on the as-of date rather than today's, so the
// stage and renewal tiles of a past quarter's deck say what was true then.
import type { Stage } from '../../shared/contract';
import { isoDateIn } from '../../shared/dates';
import { firstContractStart } from '../../shared/metrics/as-of';
import { isRetained } from '../../shared/metrics/benchmarks';
import { journeyStage, type StageLengths } from '../../shared/metrics/journey';
import { accountRow } from '../db/accounts';
import { renewalTerms, renewalsOf } from '../db/renewals';
import { getAccount, rowAsOf } from '../services/accounts';
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

/**
 * From the first contract start (before any renewal rolled the term on) to the churn, when the latest decided
 * renewal up to today was a churn.
 */
export function customerPeriod(ctx: ServiceContext, accountId: number, today: string): CustomerPeriod {
  const account = getAccount(ctx, { id: accountId, asOf: today });
  const row = accountRow(ctx, accountId);
  const from = row ? firstContractStart(row, renewalTerms(ctx, accountId).get(accountId) ?? []) : account.contractStart;
  const churns = account.churned ? renewalsOf(ctx, accountId).filter((r) => r.outcome === 'churned' && r.renewalDate <= today) : [];
  return { from, until: churns.length > 0 ? churns[churns.length - 1].renewalDate : null };
}

export function accountAsOf(
  ctx: ServiceContext,
  input: { accountId: number; period: CustomerPeriod; asOf: string; onboardingAchieved: string | null | undefined; lengths: StageLengths },
): AccountAsOf {
  const current = accountRow(ctx, input.accountId);
  const row = current && rowAsOf(current, renewalTerms(ctx, input.accountId).get(input.accountId), input.asOf);
  const renewalDate = row?.renewalDate ?? null;
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
      renewedOn: renewalsOf(ctx, input.accountId).filter((r) => isRetained(r.outcome) && r.renewalDate <= input.asOf).pop()?.renewalDate ?? null,
      onboardingMilestone: input.onboardingAchieved === undefined ? null : { achievedDate: input.onboardingAchieved },
      asOf: input.asOf,
    },
    input.lengths,
  );
  return { period: input.period, renewalDate, stage, stageOverridden: false };
}
