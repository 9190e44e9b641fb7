import type { AccountSummary, MethodInput, MethodOutput, Stage } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { journeyStage, type StageLengths } from '../../shared/metrics/journey';
import { accountRow, accountsByName, updateAccountStage, type AccountRow } from '../db/accounts';
import { onboardingDates } from '../db/milestones';
import { latestDecidedRenewals } from '../db/renewals';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { readMetricsSettings } from './metrics-settings';

function toSummary(
  row: AccountRow,
  asOf: string,
  onboarding: Map<number, string | null>,
  churned: Set<number>,
  lengths: StageLengths,
): AccountSummary {
  const isChurned = churned.has(row.id);
  const computed = isChurned ? null : journeyStage({
    contractStart: row.contractStart,
    renewalDate: row.renewalDate,
    onboardingMilestone: onboarding.has(row.id) ? { achievedDate: onboarding.get(row.id) ?? null } : null,
    asOf,
  }, lengths);
  return {
    id: row.id,
    externalId: row.externalId,
    name: row.name,
    owner: row.owner,
    industry: row.industry,
    stage: row.stageOverride ?? computed,
    stageOverridden: row.stageOverride !== null,
    churned: isChurned,
    arr: row.arrMinor === null ? null : row.arrMinor / 100,
    currency: row.currency,
    licenses: row.licenses,
    contractStart: row.contractStart,
    renewalDate: row.renewalDate,
    isDemo: row.isDemo,
  };
}

/** Achieved date of each account's onboarding-complete milestone (null when not yet achieved). */
function onboardingMilestones(ctx: ServiceContext, accountId?: number): Map<number, string | null> {
  return new Map(onboardingDates(ctx, accountId).map((r) => [r.accountId, r.achievedDate]));
}

/** Accounts whose latest decided renewal (on or before the as-of date) was a churn. */
export function churnedAccounts(ctx: ServiceContext, asOf: string, accountId?: number): Set<number> {
  const rows = latestDecidedRenewals(ctx, asOf, accountId);
  return new Set(rows.filter((r) => r.outcome === 'churned').map((r) => r.account_id));
}

export function listAccounts(ctx: ServiceContext, input: MethodInput<'accounts.list'>): MethodOutput<'accounts.list'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const rows = accountsByName(ctx, input.search);
  const onboarding = onboardingMilestones(ctx);
  const churned = churnedAccounts(ctx, asOf);
  const lengths = readMetricsSettings(ctx).stageLengths;
  let items = rows.map((row) => toSummary(row, asOf, onboarding, churned, lengths));
  if (input.stage) items = items.filter((a) => a.stage === input.stage);
  return { items, total: items.length };
}

export function getAccount(ctx: ServiceContext, input: MethodInput<'accounts.get'>): AccountSummary {
  const row = accountRow(ctx, input.id);
  if (!row) throw new AppError('not_found', `There is no account with id ${input.id}.`);
  const asOf = input.asOf ?? todayOf(ctx);
  return toSummary(row, asOf, onboardingMilestones(ctx, row.id), churnedAccounts(ctx, asOf, row.id), readMetricsSettings(ctx).stageLengths);
}

export function setStageOverride(ctx: ServiceContext, id: number, stage: Stage | null): AccountSummary {
  const current = getAccount(ctx, { id });
  const now = ctx.now().getTime();
  const unchanged = current.stageOverridden && current.stage === stage;
  // Time in an overridden stage counts from when the CSM set it; setting the same stage again keeps that day.
  const changes = unchanged ? { updatedAt: now } : { stageOverride: stage, stageOverrideAt: stage === null ? null : now, updatedAt: now };
  updateAccountStage(ctx, id, changes);
  return getAccount(ctx, { id });
}

export function accountHandlers(
  ctx: ServiceContext,
): HandlerGroup<'accounts.list' | 'accounts.get' | 'accounts.setStageOverride'> {
  return {
    'accounts.list': (input) => listAccounts(ctx, input),
    'accounts.get': (input) => getAccount(ctx, input),
    'accounts.setStageOverride': (input) => setStageOverride(ctx, input.id, input.stage),
  };
}
