// The success plan (issue #14, point 5): the handoff facts, the desired outcomes with their KPI and milestone
// links, and the progress each QBR records. Inputs are validated by the contract; here, what needs the store:
// the account, milestone and QBR must exist and belong together, or the call is refused and nothing is written.
import { formatDate } from '../../shared/format';
import type { Handoff, MethodInput, MethodOutput, Outcome, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { milestonesOf } from '../db/milestones';
import {
  clearProgress,
  deleteOutcomeRow,
  handoffOf,
  insertOutcome,
  outcomeMilestoneIds,
  outcomeRow,
  outcomesOf,
  progressOf,
  recordProgress,
  saveHandoff,
  setOutcomeMilestones,
  updateOutcomeRow,
  type OutcomeRow,
} from '../db/success-plan';
import { storedPlanRowsOf, storedRowsById } from '../db/trash';
import { requireAccount } from './account-lookup';
import type { HandlerGroup, ServiceContext } from './context';
import { requireQbr } from './qbrs';
import { deleteWithUndo } from './undo';

function requireOutcome(ctx: ServiceContext, id: number): OutcomeRow {
  const row = outcomeRow(ctx, id);
  if (!row) throw new AppError('not_found', `There is no success-plan outcome with id ${id}.`);
  return row;
}

function handoff(ctx: ServiceContext, accountId: number): Handoff {
  const row = handoffOf(ctx, accountId);
  return row ?? { accountId, whyBought: null, buyer: null, users: null, complexity: null, complexityNote: null, updatedAt: null };
}

function outcomesWithProgress(ctx: ServiceContext, accountId: number): Outcome[] {
  const links = outcomeMilestoneIds(ctx, accountId);
  const progress = progressOf(ctx, accountId);
  return outcomesOf(ctx, accountId).map((o) => {
    const mine = progress.filter((p) => p.outcomeId === o.id).map(({ qbrId, qbrDate, value, note }) => ({ qbrId, qbrDate, value, note }));
    return {
      ...o,
      milestoneIds: links.filter((l) => l.outcomeId === o.id).map((l) => l.milestoneId),
      progress: mine,
      latest: mine.findLast((p) => p.value !== null) ?? null,
    };
  });
}

function outcome(ctx: ServiceContext, id: number): Outcome {
  const row = requireOutcome(ctx, id);
  const found = outcomesWithProgress(ctx, row.accountId).find((o) => o.id === id);
  if (!found) throw new AppError('not_found', `There is no success-plan outcome with id ${id}.`);
  return found;
}

export function getSuccessPlan(ctx: ServiceContext, accountId: number): MethodOutput<'successPlan.get'> {
  const account = requireAccount(ctx, accountId);
  return { accountId: account.id, handoff: handoff(ctx, account.id), outcomes: outcomesWithProgress(ctx, account.id) };
}

export function setHandoff(ctx: ServiceContext, input: MethodInput<'successPlan.setHandoff'>): Handoff {
  const account = requireAccount(ctx, input.accountId);
  saveHandoff(ctx, {
    accountId: account.id,
    whyBought: input.whyBought?.trim() || null,
    buyer: input.buyer?.trim() || null,
    users: input.users?.trim() || null,
    complexity: input.complexity ?? null,
    complexityNote: input.complexityNote?.trim() || null,
    updatedAt: ctx.now().getTime(),
  });
  return handoff(ctx, account.id);
}

/** Milestones must be the account's own: a foreign or unknown id is refused, not silently dropped. */
function checkMilestones(ctx: ServiceContext, accountId: number, milestoneIds: readonly number[] | undefined): void {
  if (!milestoneIds) return;
  const own = new Set(milestonesOf(ctx, accountId).map((m) => m.id));
  const foreign = milestoneIds.find((m) => !own.has(m));
  if (foreign !== undefined) {
    throw new AppError('invalid_outcome', `Milestone ${foreign} is not one of this account's milestones: link only the account's own milestones.`);
  }
}

export function createOutcome(ctx: ServiceContext, input: MethodInput<'successPlan.outcomes.create'>): Outcome {
  const account = requireAccount(ctx, input.accountId);
  checkMilestones(ctx, account.id, input.milestoneIds);
  const id = ctx.sqlite.transaction(() => {
    const created = insertOutcome(
      ctx,
      {
        accountId: account.id,
        title: input.title.trim(),
        kpiName: input.kpiName.trim(),
        kpiUnit: input.kpiUnit?.trim() ?? '',
        baseline: input.baseline ?? null,
        target: input.target,
        targetDate: input.targetDate,
        status: input.status ?? 'not_started',
      },
      ctx.now().getTime(),
    );
    setOutcomeMilestones(ctx, created, input.milestoneIds ?? []);
    return created;
  })();
  return outcome(ctx, id);
}

export function updateOutcome(ctx: ServiceContext, input: MethodInput<'successPlan.outcomes.update'>): Outcome {
  const row = requireOutcome(ctx, input.id);
  checkMilestones(ctx, row.accountId, input.milestoneIds);
  ctx.sqlite.transaction(() => {
    updateOutcomeRow(ctx, {
      id: row.id,
      title: input.title?.trim() ?? row.title,
      kpiName: input.kpiName?.trim() ?? row.kpiName,
      kpiUnit: input.kpiUnit?.trim() ?? row.kpiUnit,
      baseline: input.baseline === undefined ? row.baseline : input.baseline,
      target: input.target ?? row.target,
      targetDate: input.targetDate ?? row.targetDate,
      status: input.status ?? row.status,
    });
    if (input.milestoneIds) setOutcomeMilestones(ctx, row.id, input.milestoneIds);
  })();
  return outcome(ctx, row.id);
}

export function deleteOutcome(ctx: ServiceContext, id: number): UndoTicket {
  const row = requireOutcome(ctx, id);
  return deleteWithUndo(
    ctx,
    {
      kind: 'outcome',
      name: row.title,
      accountId: row.accountId,
      // Its milestone links and QBR progress go with it (ON DELETE CASCADE) and come back with it.
      deleted: [
        { table: 'success_outcomes', rows: storedRowsById(ctx, 'success_outcomes', id) },
        { table: 'success_outcome_milestones', rows: storedPlanRowsOf(ctx, 'success_outcome_milestones', 'outcome_id', id) },
        { table: 'qbr_outcome_progress', rows: storedPlanRowsOf(ctx, 'qbr_outcome_progress', 'outcome_id', id) },
      ],
    },
    () => deleteOutcomeRow(ctx, id),
  );
}

export function recordOutcomeProgress(ctx: ServiceContext, input: MethodInput<'successPlan.progress.record'>): Outcome {
  const qbr = requireQbr(ctx, input.qbrId);
  const row = requireOutcome(ctx, input.outcomeId);
  if (qbr.accountId !== row.accountId) {
    throw new AppError('invalid_progress', `The QBR of ${formatDate(qbr.date)} belongs to another account than the outcome “${row.title}”: record progress from that account's own QBR.`);
  }
  const note = input.note?.trim() || null;
  if (input.value === null && note === null) clearProgress(ctx, qbr.id, row.id);
  else recordProgress(ctx, { qbrId: qbr.id, outcomeId: row.id, value: input.value, note });
  return outcome(ctx, row.id);
}

export function successPlanHandlers(
  ctx: ServiceContext,
): HandlerGroup<
  | 'successPlan.get'
  | 'successPlan.setHandoff'
  | 'successPlan.outcomes.create'
  | 'successPlan.outcomes.update'
  | 'successPlan.outcomes.delete'
  | 'successPlan.progress.record'
> {
  return {
    'successPlan.get': (input) => getSuccessPlan(ctx, input.accountId),
    'successPlan.setHandoff': (input) => setHandoff(ctx, input),
    'successPlan.outcomes.create': (input) => createOutcome(ctx, input),
    'successPlan.outcomes.update': (input) => updateOutcome(ctx, input),
    'successPlan.outcomes.delete': (input) => deleteOutcome(ctx, input.id),
    'successPlan.progress.record': (input) => recordOutcomeProgress(ctx, input),
  };
}
