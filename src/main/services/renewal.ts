// Renewal outcomes (issue #12): the CSM records how a renewal ended (renewed, expanded, downsized, churned with a
// reason), the account's term rolls forward, and the outcome becomes data the benchmarks and the likelihood model
// learn from. The likelihood itself is in renewal-likelihood.ts.
import { formatDate } from '../../shared/format';
import { isCalendarDate } from '../../shared/dates';
import type { MethodInput, MethodOutput } from '../../shared/contract';
import type { ChurnReason } from '../../shared/contract/renewal';
import { AppError } from '../../shared/errors';
import {
  accountTerm,
  insertRenewal,
  isNewestOutcome,
  renewalHistory,
  termAfter,
  updateAccountTerm,
} from '../db/renewals';
import { requireAccount } from './account-lookup';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { renewalLikelihood } from './renewal-likelihood';

export function recordRenewal(ctx: ServiceContext, input: MethodInput<'renewal.record'>): MethodOutput<'renewal.record'> {
  requireAccount(ctx, input.id);
  const term = accountTerm(ctx, input.id);
  const today = todayOf(ctx);
  const date = input.date ?? (term.renewal_date !== null && term.renewal_date <= today ? term.renewal_date : today);
  if (date > today) throw new AppError('invalid_date', `${formatDate(date)} is in the future: record a renewal once it is decided.`);
  if (input.reason !== undefined && input.outcome !== 'churned') {
    throw new AppError('invalid_input', 'A reason is recorded for a churn only.');
  }
  const arrMinor =
    input.arr !== undefined ? Math.round(input.arr * 100) : input.outcome === 'churned' ? 0 : input.outcome === 'renewed' ? term.arr_minor : null;
  const after = ctx.sqlite.transaction(() => {
    const newest = isNewestOutcome(ctx, input.id, date);
    const changes = termAfter(term, { date, outcome: input.outcome, arrMinor }, newest);
    insertRenewal(ctx, {
      accountId: input.id,
      renewalDate: date,
      outcome: input.outcome,
      arrMinor,
      reason: input.outcome === 'churned' ? (input.reason ?? (input.note ? 'other' : null)) : null,
      note: input.note || null,
      termBefore: changes ? term : null,
    });
    if (changes) updateAccountTerm(ctx, input.id, changes, ctx.now().getTime());
    return { ...term, ...changes };
  })();
  refreshHealthSnapshots(ctx, { accountIds: [input.id] });
  return {
    id: input.id,
    outcome: input.outcome,
    date,
    arr: arrMinor === null ? null : arrMinor / 100,
    contractStart: after.contract_start,
    renewalDate: after.renewal_date,
  };
}

export function listRenewals(ctx: ServiceContext, input: MethodInput<'renewal.history'>): MethodOutput<'renewal.history'> {
  requireAccount(ctx, input.id);
  const rows = renewalHistory(ctx, input.id, input.asOf ?? todayOf(ctx));
  return {
    items: rows.map((r) => ({
      date: r.date,
      outcome: r.outcome as MethodOutput<'renewal.history'>['items'][number]['outcome'],
      arr: r.arrMinor === null ? null : r.arrMinor / 100,
      reason: r.reason as ChurnReason | null,
      note: r.note,
    })),
  };
}

/**
 * The demo book's renewal history (past terms and a pending one) as its plan dated it: stored as is, without
 * rolling the account's term, which the demo's accounts file already states.
 */
export function recordRenewalOutcome(
  ctx: ServiceContext,
  input: { accountId: number; renewalDate: string; outcome: 'renewed' | 'churned' | 'pending'; arrMinor: number | null },
): void {
  requireAccount(ctx, input.accountId);
  if (!isCalendarDate(input.renewalDate)) throw new AppError('invalid_date', `"${input.renewalDate}" is not a date (YYYY-MM-DD).`);
  insertRenewal(ctx, input);
  refreshHealthSnapshots(ctx, { accountIds: [input.accountId] });
}

export function renewalHandlers(ctx: ServiceContext): HandlerGroup<'renewal.likelihood' | 'renewal.record' | 'renewal.history'> {
  return {
    'renewal.likelihood': (input) => renewalLikelihood(ctx, input),
    'renewal.record': (input) => recordRenewal(ctx, input),
    'renewal.history': (input) => listRenewals(ctx, input),
  };
}
