import type { AccountSummary, MethodInput, MethodOutput, Stage } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { termAsOf } from '../../shared/metrics/as-of';
import type { RenewalRecord } from '../../shared/metrics/benchmarks';
import { journeyStage, type StageLengths } from '../../shared/metrics/journey';
import { accountByExternalId, accountRow, accountsByName, updateAccountStage, type AccountRow } from '../db/accounts';
import { onboardingDates } from '../db/milestones';
import { lastRenewedDates, latestDecidedRenewals, renewalTerms } from '../db/renewals';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { readMetricsSettings } from './metrics-settings';

function toSummary(
  row: AccountRow,
  asOf: string,
  onboarding: Map<number, string | null>,
  churned: Set<number>,
  lengths: StageLengths,
  renewed: Map<number, string>,
): AccountSummary {
  const isChurned = churned.has(row.id);
  const computed = isChurned ? null : journeyStage({
    contractStart: row.contractStart,
    renewalDate: row.renewalDate,
    renewedOn: renewed.get(row.id) ?? null,
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

/** The account row with the term (contract start, renewal date, ARR) it had on asOf (termAsOf). */
export function rowAsOf<R extends { contractStart: string | null; renewalDate: string | null; arrMinor: number | null }>(
  row: R,
  renewals: readonly RenewalRecord[] | undefined,
  asOf: string,
): R {
  return renewals ? termAsOf(row, renewals, asOf) : row;
}

/** Each account's latest kept-customer renewal on or before asOf. */
export function renewedOn(ctx: ServiceContext, asOf: string): Map<number, string> {
  return new Map(lastRenewedDates(ctx, asOf).map((r) => [r.id, r.date]));
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
  const terms = renewalTerms(ctx);
  const renewed = renewedOn(ctx, asOf);
  let items = rows.map((row) => toSummary(rowAsOf(row, terms.get(row.id), asOf), asOf, onboarding, churned, lengths, renewed));
  if (input.stage) items = items.filter((a) => a.stage === input.stage);
  return { items, total: items.length };
}

export function getAccount(ctx: ServiceContext, input: MethodInput<'accounts.get'>): AccountSummary {
  const row = accountRow(ctx, input.id);
  if (!row) throw new AppError('not_found', `There is no account with id ${input.id}.`);
  const asOf = input.asOf ?? todayOf(ctx);
  const renewals = renewalTerms(ctx, row.id).get(row.id);
  const lengths = readMetricsSettings(ctx).stageLengths;
  return toSummary(rowAsOf(row, renewals, asOf), asOf, onboardingMilestones(ctx, row.id), churnedAccounts(ctx, asOf, row.id), lengths, renewedOn(ctx, asOf));
}

/**
 * An account named by Bearing's id or by its CRM id. A number that is both (Bearing's id of one account, the CRM
 * id of another) is refused as ambiguous rather than guessed: `id:12` or `ext:12` says which.
 */
export function resolveAccount(ctx: ServiceContext, ref: string): MethodOutput<'accounts.resolve'> {
  const prefixed = /^(id|ext):(.+)$/i.exec(ref);
  const scope = prefixed ? (prefixed[1].toLowerCase() as 'id' | 'ext') : 'either';
  const value = prefixed ? prefixed[2].trim() : ref;
  const asId = scope !== 'ext' && /^\d{1,15}$/.test(value) ? accountRow(ctx, Number(value)) : undefined;
  const byId = asId ? { id: asId.id, externalId: asId.externalId, name: asId.name } : undefined;
  const byExternal = scope !== 'id' ? accountByExternalId(ctx, value) : undefined;
  if (byId && byExternal && byId.id !== byExternal.id) {
    throw new AppError(
      'ambiguous_account',
      `"${value}" is both Bearing's id of "${byId.name}" and the CRM id of "${byExternal.name}". Say which: --account id:${value} or --account ext:${value}.`,
    );
  }
  const found = byId ?? byExternal;
  if (found) return found;
  const what = scope === 'id' ? "Bearing's id" : scope === 'ext' ? 'CRM id' : "Bearing's id or CRM id";
  throw new AppError('not_found', `No account has ${what} "${value}". The accounts command lists every account with both ids.`);
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
): HandlerGroup<'accounts.list' | 'accounts.get' | 'accounts.resolve' | 'accounts.setStageOverride'> {
  return {
    'accounts.list': (input) => listAccounts(ctx, input),
    'accounts.get': (input) => getAccount(ctx, input),
    'accounts.resolve': (input) => resolveAccount(ctx, input.ref),
    'accounts.setStageOverride': (input) => setStageOverride(ctx, input.id, input.stage),
  };
}
