// The QBR log. Carry-over: when a QBR is logged, the account's action items still open from earlier QBRs are
// copied into it (new rows pointing back through carried_from_id) and the earlier rows are closed as 'dropped',
// which screens show as 'carried' because a later item continues them. Closing the old row keeps "open action
// items" a plain status = 'open' query everywhere (deck, health, this file) with no item counted twice, and it is
// the convention the demo book already follows. Deleting a QBR reopens the items it had carried over.
import { z } from 'zod';
import { addDays, daysBetween } from '../../shared/dates';
import type { ActionItem, Contract, MethodInput, MethodOutput, Qbr, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { qbrDaysSince, qbrOverdue } from '../../shared/metrics/relationship';
import { actionItemsOf, insertActionItem, openItemsUpTo, setActionItemStatus } from '../db/qbr-action-items';
import { deleteQbrRow, insertQbr, qbrRow, qbrsOf, updateQbrRow, type QbrRow } from '../db/qbrs';
import { storedActionItemsOfQbr, storedItemsCarriedInto, storedPlanRowsOf, storedRowsById } from '../db/trash';
import { requireAccount } from './account-lookup';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { readMetricsSettings } from './metrics-settings';
import { toActionItems } from './qbr-action-items';
import { deleteWithUndo } from './undo';

const Attendees = z.array(z.string());

export function requireQbr(ctx: ServiceContext, id: number): QbrRow {
  const row = qbrRow(ctx, id);
  if (!row) throw new AppError('not_found', `There is no QBR with id ${id}.`);
  return row;
}

function attendeesOf(json: string): string[] {
  const parsed = Attendees.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

function toQbr(row: QbrRow, items: ActionItem[]): Qbr {
  return { ...row, attendees: attendeesOf(row.attendees), actionItems: items.filter((i) => i.qbrId === row.id) };
}

/** Every QBR of the account (newest first) with its action items, their carry-over links resolved. */
function accountQbrs(ctx: ServiceContext, accountId: number, asOf: string): Qbr[] {
  const rows = qbrsOf(ctx, accountId);
  const items = toActionItems(actionItemsOf(ctx, accountId), new Map(rows.map((q) => [q.id, q.date])), asOf);
  return rows.map((r) => toQbr(r, items));
}

export function listQbrs(ctx: ServiceContext, input: MethodInput<'qbrs.list'>): MethodOutput<'qbrs.list'> {
  requireAccount(ctx, input.accountId);
  return { accountId: input.accountId, items: accountQbrs(ctx, input.accountId, input.asOf ?? todayOf(ctx)) };
}

function qbrById(ctx: ServiceContext, id: number): Qbr {
  const row = requireQbr(ctx, id);
  const found = accountQbrs(ctx, row.accountId, todayOf(ctx)).find((q) => q.id === id);
  if (!found) throw new AppError('not_found', `There is no QBR with id ${id}.`);
  return found;
}

type CreateInput = z.output<Contract['qbrs.create']['input']>;

export function createQbr(ctx: ServiceContext, input: CreateInput): MethodOutput<'qbrs.create'> {
  requireAccount(ctx, input.accountId);
  let carriedOver = 0;
  const id = ctx.sqlite.transaction(() => {
    const qbrId = insertQbr(
      ctx,
      {
        accountId: input.accountId,
        date: input.date,
        attendees: JSON.stringify(input.attendees),
        goalsReviewed: input.goalsReviewed ?? null,
        outcomes: input.outcomes ?? null,
        customerResponse: input.customerResponse,
      },
      ctx.now().getTime(),
    );
    if (input.carryOver) {
      // Open items of the QBRs held up to this one's date: a QBR logged after the fact does not take over the
      // items of QBRs that came after it.
      const open = openItemsUpTo(ctx, input.accountId, input.date, qbrId);
      for (const item of open) {
        insertActionItem(ctx, { qbrId, accountId: input.accountId, text: item.text, owner: item.owner, dueDate: item.dueDate, status: 'open', carriedFromId: item.id });
        setActionItemStatus(ctx, item.id, 'dropped');
      }
      carriedOver = open.length;
    }
    for (const item of input.actionItems) {
      insertActionItem(ctx, {
        qbrId,
        accountId: input.accountId,
        text: item.text,
        owner: item.owner ?? null,
        dueDate: item.dueDate ?? null,
        status: item.status ?? 'open',
        carriedFromId: null,
      });
    }
    return qbrId;
  })();
  // QBR dates and responses feed health (relationship, the QBR-overdue rule).
  refreshHealthSnapshots(ctx, { accountIds: [input.accountId] });
  return { qbr: qbrById(ctx, id), carriedOver };
}

export function updateQbr(ctx: ServiceContext, input: MethodInput<'qbrs.update'>): Qbr {
  const current = requireQbr(ctx, input.id);
  updateQbrRow(ctx, {
    id: input.id,
    date: input.date ?? current.date,
    attendees: input.attendees === undefined ? current.attendees : JSON.stringify(input.attendees),
    goalsReviewed: input.goalsReviewed === undefined ? current.goalsReviewed : input.goalsReviewed,
    outcomes: input.outcomes === undefined ? current.outcomes : input.outcomes,
    customerResponse: input.customerResponse ?? current.customerResponse,
  });
  refreshHealthSnapshots(ctx, { accountIds: [current.accountId] });
  return qbrById(ctx, input.id);
}

export function deleteQbr(ctx: ServiceContext, id: number): UndoTicket {
  const qbr = requireQbr(ctx, id);
  const items = storedActionItemsOfQbr(ctx, id);
  // The earlier items this QBR carried over were closed when it was logged; without it they are open again.
  const carriedFrom = storedItemsCarriedInto(ctx, id);
  const ticket = deleteWithUndo(
    ctx,
    {
      kind: 'qbr',
      name: qbr.date,
      accountId: qbr.accountId,
      deleted: [
        { table: 'qbrs', rows: storedRowsById(ctx, 'qbrs', id) },
        { table: 'qbr_action_items', rows: items },
        // What it recorded on the success plan's outcomes (ON DELETE CASCADE) comes back with it.
        { table: 'qbr_outcome_progress', rows: storedPlanRowsOf(ctx, 'qbr_outcome_progress', 'qbr_id', id) },
      ],
      before: [{ table: 'qbr_action_items', rows: carriedFrom }],
    },
    () => {
      for (const row of carriedFrom) setActionItemStatus(ctx, Number(row.id), 'open');
      // Its action items go with it (ON DELETE CASCADE).
      deleteQbrRow(ctx, id);
    },
  );
  refreshHealthSnapshots(ctx, { accountIds: [qbr.accountId] });
  return ticket;
}

/**
 * The next QBR: a QBR already logged after the as-of date is the next one; otherwise the last QBR plus the
 * cadence, or the contract start plus the cadence before the first, or today. Overdue is docs/METRICS.md's QBR
 * cadence rule (the same function the portfolio and the health rule use).
 */
export function nextQbrSuggestion(ctx: ServiceContext, input: MethodInput<'qbrs.nextSuggestion'>): MethodOutput<'qbrs.nextSuggestion'> {
  const account = requireAccount(ctx, input.accountId);
  const asOf = input.asOf ?? todayOf(ctx);
  const cadenceDays = readMetricsSettings(ctx).qbrOverdueDays;
  const qbrs = qbrsOf(ctx, account.id);
  const held = qbrs.filter((q) => q.date <= asOf);
  const scheduled = qbrs.filter((q) => q.date > asOf).at(-1);
  const lastQbrDate = held[0]?.date ?? null;
  const [suggestedDate, basis] = scheduled
    ? [scheduled.date, 'scheduled' as const]
    : lastQbrDate
      ? [addDays(lastQbrDate, cadenceDays), 'last_qbr' as const]
      : account.contractStart
        ? [addDays(account.contractStart, cadenceDays), 'contract_start' as const]
        : [asOf, 'today' as const];
  const rows = actionItemsOf(ctx, account.id);
  const items = toActionItems(rows, new Map(qbrs.map((q) => [q.id, q.date])), asOf);
  return {
    accountId: account.id,
    asOf,
    cadenceDays,
    lastQbrDate,
    suggestedDate,
    basis,
    daysUntil: daysBetween(asOf, suggestedDate),
    overdue: qbrOverdue(qbrDaysSince(held, asOf), account.contractStart, asOf, cadenceDays) ?? false,
    openActionItems: items
      .filter((i) => i.status === 'open')
      .sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id - b.id),
  };
}

export function qbrHandlers(
  ctx: ServiceContext,
): HandlerGroup<'qbrs.list' | 'qbrs.create' | 'qbrs.update' | 'qbrs.delete' | 'qbrs.nextSuggestion'> {
  return {
    'qbrs.list': (input) => listQbrs(ctx, input),
    'qbrs.create': (input) => createQbr(ctx, input),
    'qbrs.update': (input) => updateQbr(ctx, input),
    'qbrs.delete': (input) => deleteQbr(ctx, input.id),
    'qbrs.nextSuggestion': (input) => nextQbrSuggestion(ctx, input),
  };
}

