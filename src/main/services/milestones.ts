// TTV milestones (docs/METRICS.md, seed 003): the account's timeline with each milestone's status as of a date, and
// create / edit / complete / delete (with undo). Status and TTV come from the same shared functions as
// metrics.account (milestoneStatus, timeToValueDays), so the timeline and the metrics can never disagree.
import { daysBetween } from '../../shared/dates';
import type { MethodInput, MethodOutput, Milestone, MilestoneKind, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { TEMPLATE_NAMES } from '../../shared/metrics/onboarding';
import { milestoneStatus, timeToValueDays } from '../../shared/metrics/time-to-value';
import { deleteMilestoneRow, insertMilestone, milestoneRow, milestonesOf, updateMilestoneRow, type MilestoneRow } from '../db/milestones';
import { storedPlanRowsOf, storedRowsById } from '../db/trash';
import { requireAccount } from './account-lookup';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { deleteWithUndo } from './undo';

export const MILESTONE_NAMES: Record<MilestoneKind, string> = { ...TEMPLATE_NAMES, custom: 'Custom milestone' };
const KIND_ORDER = Object.keys(MILESTONE_NAMES);

function requireMilestone(ctx: ServiceContext, id: number): MilestoneRow {
  const row = milestoneRow(ctx, id);
  if (!row) throw new AppError('not_found', `There is no milestone with id ${id}.`);
  return row;
}

export function toMilestone(row: MilestoneRow, contractStart: string | null, asOf: string): Milestone {
  const s = milestoneStatus(row, asOf);
  const status = s.state === 'achieved' ? 'achieved_on_time' : s.state === 'achieved_late' ? 'achieved_late' : s.state === 'late' ? 'overdue' : 'upcoming';
  const achieved = row.achievedDate !== null && row.achievedDate <= asOf ? row.achievedDate : null;
  return {
    ...row,
    status,
    daysLate: s.daysLate,
    daysUntilDue: status === 'upcoming' && row.targetDate !== null ? daysBetween(asOf, row.targetDate) : null,
    daysFromContractStart: achieved !== null && contractStart !== null ? daysBetween(contractStart, achieved) : null,
  };
}

/** Timeline order: when it happened (or is due), undated last, then the usual order of the kinds. */
function timelineOrder(a: MilestoneRow, b: MilestoneRow): number {
  const da = a.achievedDate ?? a.targetDate;
  const db = b.achievedDate ?? b.targetDate;
  if (da !== db) return da === null ? 1 : db === null ? -1 : da.localeCompare(db);
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.id - b.id;
}

export function listMilestones(ctx: ServiceContext, input: MethodInput<'milestones.list'>): MethodOutput<'milestones.list'> {
  const account = requireAccount(ctx, input.accountId);
  const asOf = input.asOf ?? todayOf(ctx);
  const rows = milestonesOf(ctx, account.id).sort(timelineOrder);
  const items = rows.map((r) => toMilestone(r, account.contractStart, asOf));
  const ttv = (kind: Parameters<typeof timeToValueDays>[2]) => timeToValueDays(account.contractStart, rows, kind, asOf);
  return {
    accountId: account.id,
    asOf,
    contractStart: account.contractStart,
    items,
    overdue: items.filter((m) => m.status === 'overdue').length,
    ttv: {
      basicValueDays: ttv('basic_value'),
      exceededValueDays: ttv('exceeded_value'),
      onboardingDays: ttv('onboarding_complete'),
      firstKeyActionDays: ttv('first_key_action'),
    },
  };
}

/**
 * The rules every saved milestone keeps: one milestone of each standard kind per account (TTV and the journey
 * stage read "the" basic-value or onboarding milestone), a name for custom ones, no achieved date in the future.
 */
function validate(ctx: ServiceContext, m: Omit<MilestoneRow, 'id'> & { id: number | null }): void {
  if (m.kind !== 'custom') {
    const twin = milestonesOf(ctx, m.accountId).find((r) => r.kind === m.kind && r.id !== m.id);
    if (twin) {
      throw new AppError('duplicate_milestone', `This account already has a “${MILESTONE_NAMES[m.kind]}” milestone; edit that one instead.`);
    }
  }
  if (m.achievedDate !== null && m.achievedDate > todayOf(ctx)) {
    throw new AppError('invalid_date', 'An achieved date cannot be in the future; set it as the target date instead.');
  }
}

function saved(ctx: ServiceContext, id: number): Milestone {
  const row = requireMilestone(ctx, id);
  // Milestones feed health (the onboarding-late rule) and the journey stage: that account's history follows.
  refreshHealthSnapshots(ctx, { accountIds: [row.accountId] });
  return toMilestone(row, requireAccount(ctx, row.accountId).contractStart, todayOf(ctx));
}

export function createMilestone(ctx: ServiceContext, input: MethodInput<'milestones.create'>): Milestone {
  requireAccount(ctx, input.accountId);
  if (input.kind === 'custom' && !input.name) throw new AppError('invalid_milestone', 'A custom milestone needs a name.');
  const row = {
    id: null,
    accountId: input.accountId,
    kind: input.kind,
    name: input.name ?? MILESTONE_NAMES[input.kind],
    targetDate: input.targetDate ?? null,
    achievedDate: input.achievedDate ?? null,
    notes: input.notes ?? null,
    achievedSource: input.achievedDate ? ('csm' as const) : null,
  };
  validate(ctx, row);
  const id = insertMilestone(ctx, row, ctx.now().getTime());
  return saved(ctx, id);
}

export function updateMilestone(ctx: ServiceContext, input: MethodInput<'milestones.update'>): Milestone {
  const current = requireMilestone(ctx, input.id);
  const kind = input.kind ?? current.kind;
  // A milestone still named after its kind follows a change of kind ("Kickoff" → "Basic value").
  const defaultName = current.name === MILESTONE_NAMES[current.kind] && kind !== 'custom' ? MILESTONE_NAMES[kind] : current.name;
  const next = {
    ...current,
    kind,
    name: input.name ?? defaultName,
    targetDate: input.targetDate === undefined ? current.targetDate : input.targetDate,
    achievedDate: input.achievedDate === undefined ? current.achievedDate : input.achievedDate,
    notes: input.notes === undefined ? current.notes : input.notes,
    // A date the CSM enters is theirs (usage never overwrites it); the same date sent back with an edit keeps its
    // source; clearing it lets the usage data mark it again.
    achievedSource:
      input.achievedDate === undefined || input.achievedDate === current.achievedDate
        ? current.achievedSource
        : input.achievedDate === null
          ? null
          : ('csm' as const),
  };
  validate(ctx, next);
  updateMilestoneRow(ctx, next);
  return saved(ctx, next.id);
}

export function completeMilestone(ctx: ServiceContext, input: MethodInput<'milestones.complete'>): Milestone {
  return updateMilestone(ctx, { id: input.id, achievedDate: input.achievedDate ?? todayOf(ctx) });
}

export function deleteMilestone(ctx: ServiceContext, id: number): UndoTicket {
  const row = requireMilestone(ctx, id);
  const ticket = deleteWithUndo(
    ctx,
    {
      kind: 'milestone',
      name: row.name,
      accountId: row.accountId,
      deleted: [
        { table: 'milestones', rows: storedRowsById(ctx, 'milestones', id) },
        // Its links to success-plan outcomes (ON DELETE CASCADE) come back with it.
        { table: 'success_outcome_milestones', rows: storedPlanRowsOf(ctx, 'success_outcome_milestones', 'milestone_id', id) },
      ],
    },
    () => deleteMilestoneRow(ctx, id),
  );
  refreshHealthSnapshots(ctx, { accountIds: [row.accountId] });
  return ticket;
}

export function milestoneHandlers(
  ctx: ServiceContext,
): HandlerGroup<'milestones.list' | 'milestones.create' | 'milestones.update' | 'milestones.complete' | 'milestones.delete'> {
  return {
    'milestones.list': (input) => listMilestones(ctx, input),
    'milestones.create': (input) => createMilestone(ctx, input),
    'milestones.update': (input) => updateMilestone(ctx, input),
    'milestones.complete': (input) => completeMilestone(ctx, input),
    'milestones.delete': (input) => deleteMilestone(ctx, input.id),
  };
}
