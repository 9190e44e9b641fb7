// QBR action items: reading them with their carry-over links resolved (see qbrs.ts for how carry-over works),
// and adding, editing and deleting one. Action items feed nothing health reads, so these writes announce
// 'qbr_action_items' only and leave the health snapshots alone.
import type { ActionItem, ActionItemStatus, MethodInput, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { prepared } from '../db/statements';
import { deleteWithUndo, storedRows } from './undo';

export interface ItemRow {
  id: number;
  qbrId: number;
  accountId: number;
  text: string;
  owner: string | null;
  dueDate: string | null;
  status: ActionItemStatus;
  carriedFromId: number | null;
}

const SELECT = `SELECT id, qbr_id AS qbrId, account_id AS accountId, text, owner, due_date AS dueDate, status,
                       carried_from_id AS carriedFromId FROM qbr_action_items`;

export function actionItemsOf(ctx: ServiceContext, accountId: number): ItemRow[] {
  return prepared(ctx.sqlite, `${SELECT} WHERE account_id = ? ORDER BY id`).all(accountId) as ItemRow[];
}

function requireItem(ctx: ServiceContext, id: number): ItemRow {
  const row = prepared(ctx.sqlite, `${SELECT} WHERE id = ?`).get(id) as ItemRow | undefined;
  if (!row) throw new AppError('not_found', `There is no action item with id ${id}.`);
  return row;
}

export function insertActionItem(ctx: ServiceContext, item: Omit<ItemRow, 'id'>): number {
  return Number(
    prepared(
      ctx.sqlite,
      'INSERT INTO qbr_action_items (qbr_id, account_id, text, owner, due_date, status, carried_from_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(item.qbrId, item.accountId, item.text, item.owner, item.dueDate, item.status, item.carriedFromId).lastInsertRowid,
  );
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
  const dates = prepared(ctx.sqlite, 'SELECT id, date FROM qbrs WHERE account_id = ?').all(row.accountId) as { id: number; date: string }[];
  const item = toActionItems(actionItemsOf(ctx, row.accountId), new Map(dates.map((d) => [d.id, d.date])), todayOf(ctx)).find((i) => i.id === id);
  if (!item) throw new AppError('not_found', `There is no action item with id ${id}.`);
  return item;
}

export function createActionItem(ctx: ServiceContext, input: MethodInput<'qbrs.actionItem.create'>): ActionItem {
  const qbr = prepared(ctx.sqlite, 'SELECT account_id AS accountId FROM qbrs WHERE id = ?').get(input.qbrId) as { accountId: number } | undefined;
  if (!qbr) throw new AppError('not_found', `There is no QBR with id ${input.qbrId}.`);
  const id = insertActionItem(ctx, {
    qbrId: input.qbrId,
    accountId: qbr.accountId,
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
  prepared(ctx.sqlite, 'UPDATE qbr_action_items SET status = ?, owner = ?, due_date = ?, text = ? WHERE id = ?').run(
    input.status ?? current.status,
    input.owner === undefined ? current.owner : input.owner,
    input.dueDate === undefined ? current.dueDate : input.dueDate,
    input.text ?? current.text,
    input.id,
  );
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
    { kind: 'action_item', name: row.text, accountId: row.accountId, deleted: [{ table: 'qbr_action_items', rows: storedRows(ctx, 'qbr_action_items', 'id = ?', id) }] },
    () => prepared(ctx.sqlite, 'DELETE FROM qbr_action_items WHERE id = ?').run(id),
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
