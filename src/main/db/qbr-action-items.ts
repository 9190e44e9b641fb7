// The qbr_action_items table: what was agreed at a QBR, with carried_from_id linking an item to the earlier one it
// continues (services/qbrs.ts explains carry-over).
import type { ActionItemStatus } from '../../shared/contract';
import type { Store } from './open';
import { prepared } from './statements';

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

export function actionItemsOf(store: Store, accountId: number): ItemRow[] {
  return prepared(store.sqlite, `${SELECT} WHERE account_id = ? ORDER BY id`).all(accountId) as ItemRow[];
}

export function actionItemRow(store: Store, id: number): ItemRow | undefined {
  return prepared(store.sqlite, `${SELECT} WHERE id = ?`).get(id) as ItemRow | undefined;
}

/** One QBR's items, in the order they were added. */
export function actionItemsOfQbr(store: Store, qbrId: number): Pick<ItemRow, 'text' | 'owner' | 'dueDate' | 'status'>[] {
  return prepared(
    store.sqlite,
    'SELECT text, owner, due_date AS dueDate, status FROM qbr_action_items WHERE qbr_id = ? ORDER BY id',
  ).all(qbrId) as Pick<ItemRow, 'text' | 'owner' | 'dueDate' | 'status'>[];
}

/** The account's items still open from QBRs held up to `date`, other than QBR `exceptQbrId`, oldest QBR first. */
export function openItemsUpTo(
  store: Store,
  accountId: number,
  date: string,
  exceptQbrId: number,
): Pick<ItemRow, 'id' | 'text' | 'owner' | 'dueDate'>[] {
  return prepared(
    store.sqlite,
    `SELECT i.id, i.text, i.owner, i.due_date AS dueDate FROM qbr_action_items i JOIN qbrs q ON q.id = i.qbr_id
         WHERE i.account_id = ? AND i.status = 'open' AND q.date <= ? AND q.id <> ? ORDER BY q.date, i.id`,
  ).all(accountId, date, exceptQbrId) as Pick<ItemRow, 'id' | 'text' | 'owner' | 'dueDate'>[];
}

export function insertActionItem(store: Store, item: Omit<ItemRow, 'id'>): number {
  return Number(
    prepared(
      store.sqlite,
      'INSERT INTO qbr_action_items (qbr_id, account_id, text, owner, due_date, status, carried_from_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(item.qbrId, item.accountId, item.text, item.owner, item.dueDate, item.status, item.carriedFromId).lastInsertRowid,
  );
}

export function setActionItemStatus(store: Store, id: number, status: ActionItemStatus): void {
  prepared(store.sqlite, 'UPDATE qbr_action_items SET status = ? WHERE id = ?').run(status, id);
}

export function updateActionItemRow(store: Store, item: Pick<ItemRow, 'id' | 'status' | 'owner' | 'dueDate' | 'text'>): void {
  prepared(store.sqlite, 'UPDATE qbr_action_items SET status = ?, owner = ?, due_date = ?, text = ? WHERE id = ?').run(
    item.status,
    item.owner,
    item.dueDate,
    item.text,
    item.id,
  );
}

export function deleteActionItemRow(store: Store, id: number): void {
  prepared(store.sqlite, 'DELETE FROM qbr_action_items WHERE id = ?').run(id);
}
