// QBR action items: reading them with their carry-over links resolved (see qbrs.ts for how carry-over works),
// and adding, editing and deleting one. Action items feed nothing health reads, so these writes announce
// 'qbr_action_items' only and leave the health snapshots alone.
import type { ActionItem, MethodInput, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import {
  actionItemRow,
  actionItemsOf,
  deleteActionItemRow,
  insertActionItem,
  updateActionItemRow,
  type ItemRow,
} from '../db/qbr-action-items';
import { qbrAccountId, qbrDatesOf } from '../db/qbrs';
import { storedRowsById } from '../db/trash';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { deleteWithUndo } from './undo';

function requireItem(ctx: ServiceContext, id: number): ItemRow {
  const row = actionItemRow(ctx, id);
  if (!row) throw new AppError('not_found', `There is no action item with id ${id}.`);
  return row;
}

/** The items of one account, with where each was carried to and the QBR date it was first raised at. */
export function toActionItems(rows: readonly ItemRow[], qbrDates: ReadonlyMap<number, string>, asOf: string): ActionItem[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const carriedTo = new Map<number, number>();
  for (const r of rows) if (r.carriedFromId !== null) carriedTo.set(r.carriedFromId, Math.max(r.id, carriedTo.get(r.carriedFromId) ?? 0));
  const raisedOn = (row: ItemRow): string => {
    let root = row;
    const seen = new Set<number>([row.id]);
    for (let prev = root.carriedFromId === null ? undefined : byId.get(root.carriedFromId); prev && !seen.has(prev.id); ) {
      seen.add(prev.id);
      root = prev;
      prev = root.carriedFromId === null ? undefined : byId.get(root.carriedFromId);
    }
    return qbrDates.get(root.qbrId) ?? qbrDates.get(row.qbrId) ?? asOf;
  };
  return rows.map((r) => {
    const next = carriedTo.get(r.id) ?? null;
    return {
      ...r,
      status: r.status === 'dropped' && next !== null ? 'carried' : r.status,
      overdue: r.status === 'open' && r.dueDate !== null && r.dueDate < asOf,
      carriedToId: next,
      raisedOn: raisedOn(r),
    };
  });
}

function itemById(ctx: ServiceContext, id: number): ActionItem {
  const row = requireItem(ctx, id);
  const dates = qbrDatesOf(ctx, row.accountId);
  const item = toActionItems(actionItemsOf(ctx, row.accountId), new Map(dates.map((d) => [d.id, d.date])), todayOf(ctx)).find((i) => i.id === id);
  if (!item) throw new AppError('not_found', `There is no action item with id ${id}.`);
  return item;
}

export function createActionItem(ctx: ServiceContext, input: MethodInput<'qbrs.actionItem.create'>): ActionItem {
  const accountId = qbrAccountId(ctx, input.qbrId);
  if (accountId === undefined) throw new AppError('not_found', `There is no QBR with id ${input.qbrId}.`);
  const id = insertActionItem(ctx, {
    qbrId: input.qbrId,
    accountId,
    text: input.text,
    owner: input.owner ?? null,
    dueDate: input.dueDate ?? null,
    status: input.status ?? 'open',
    carriedFromId: null,
  });
  return itemById(ctx, id);
}

export function updateActionItem(ctx: ServiceContext, input: MethodInput<'qbrs.actionItem.update'>): ActionItem {
  const current = requireItem(ctx, input.id);
  updateActionItemRow(ctx, {
    id: input.id,
    status: input.status ?? current.status,
    owner: input.owner === undefined ? current.owner : input.owner,
    dueDate: input.dueDate === undefined ? current.dueDate : input.dueDate,
    text: input.text ?? current.text,
  });
  return itemById(ctx, input.id);
}

/**
 * Deleting one item removes it from its QBR only. Unlike deleting a whole QBR, the item it continued is not
 * reopened: taking a carried item off the list is the CSM saying it no longer goes on.
 */
export function deleteActionItem(ctx: ServiceContext, id: number): UndoTicket {
  const row = requireItem(ctx, id);
  return deleteWithUndo(
    ctx,
    { kind: 'action_item', name: row.text, accountId: row.accountId, deleted: [{ table: 'qbr_action_items', rows: storedRowsById(ctx, 'qbr_action_items', id) }] },
    () => deleteActionItemRow(ctx, id),
  );
}

export function actionItemHandlers(
  ctx: ServiceContext,
): HandlerGroup<'qbrs.actionItem.create' | 'qbrs.actionItem.update' | 'qbrs.actionItem.delete'> {
  return {
    'qbrs.actionItem.create': (input) => createActionItem(ctx, input),
    'qbrs.actionItem.update': (input) => updateActionItem(ctx, input),
    'qbrs.actionItem.delete': (input) => deleteActionItem(ctx, input.id),
  };
}
