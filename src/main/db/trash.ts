// The trash table and the row-level copies undo needs: rows read exactly as stored (SQL column names) before a
// delete, and put back later with their original ids. Table and column names end up in SQL text here, so tables
// are limited to TRASH_TABLES and a row's columns must be checked against tableColumns before it is written.
import type { UndoKind } from '../../shared/contract';
import type { Store } from './open';
import { prepared } from './statements';

/** The only tables a trash entry may name: a hand-edited payload cannot reach anything else. */
export const TRASH_TABLES = [
  'milestones',
  'qbrs',
  'qbr_action_items',
  'touchpoints',
  'surveys',
  'saved_views',
  'success_outcomes',
  'success_outcome_milestones',
  'qbr_outcome_progress',
] as const;
export type TrashTable = (typeof TRASH_TABLES)[number];

/** A row as stored, keyed by SQL column name. */
export type StoredRow = Record<string, string | number | null>;

function storedRows(store: Store, table: TrashTable, where: string, ...params: (string | number)[]): StoredRow[] {
  return prepared(store.sqlite, `SELECT * FROM ${table} WHERE ${where} ORDER BY rowid`).all(...params) as StoredRow[];
}

export function storedRowsById(store: Store, table: TrashTable, id: number): StoredRow[] {
  return storedRows(store, table, 'id = ?', id);
}

export function storedActionItemsOfQbr(store: Store, qbrId: number): StoredRow[] {
  return storedRows(store, 'qbr_action_items', 'qbr_id = ?', qbrId);
}

/** The earlier items a QBR's items were carried over from, as far as they are still closed as 'dropped'. */
export function storedItemsCarriedInto(store: Store, qbrId: number): StoredRow[] {
  return storedRows(
    store,
    'qbr_action_items',
    "status = 'dropped' AND id IN (SELECT carried_from_id FROM qbr_action_items WHERE qbr_id = ?)",
    qbrId,
  );
}

/** The success plan's rows that hang off a milestone, a QBR or an outcome (links and progress have no id of their own). */
export function storedPlanRowsOf(store: Store, table: 'success_outcome_milestones' | 'qbr_outcome_progress', column: 'outcome_id' | 'milestone_id' | 'qbr_id', id: number): StoredRow[] {
  return storedRows(store, table, `${column} = ?`, id);
}

export function tableColumns(store: Store, table: TrashTable): Set<string> {
  const info = prepared(store.sqlite, `PRAGMA table_info(${table})`).all() as { name: string }[];
  return new Set(info.map((c) => c.name));
}

/** Re-inserts a row as stored, id included. Its columns must have been checked against tableColumns. */
export function insertStoredRow(store: Store, table: TrashTable, row: StoredRow): void {
  const columns = Object.keys(row);
  const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  prepared(store.sqlite, sql).run(...columns.map((c) => row[c]));
}

/** Writes a before-image back over the row with its id. Its columns must have been checked against tableColumns. */
export function updateStoredRow(store: Store, table: TrashTable, row: StoredRow): void {
  const columns = Object.keys(row).filter((c) => c !== 'id');
  if (columns.length === 0) return;
  const sql = `UPDATE ${table} SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`;
  prepared(store.sqlite, sql).run(...columns.map((c) => row[c]), row.id);
}

export interface TrashRow {
  token: string;
  kind: UndoKind;
  accountId: number | null;
  label: string;
  /** JSON text. */
  payload: string;
  createdAt: number;
  expiresAt: number;
}

export function insertTrash(store: Store, t: TrashRow): void {
  prepared(
    store.sqlite,
    'INSERT INTO trash (token, kind, account_id, label, payload, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(t.token, t.kind, t.accountId, t.label, t.payload, t.createdAt, t.expiresAt);
}

export function trashEntry(store: Store, token: string): Omit<TrashRow, 'token' | 'createdAt'> | undefined {
  return prepared(store.sqlite, 'SELECT kind, account_id AS accountId, label, payload, expires_at AS expiresAt FROM trash WHERE token = ?').get(
    token,
  ) as Omit<TrashRow, 'token' | 'createdAt'> | undefined;
}

export function deleteTrash(store: Store, token: string): void {
  prepared(store.sqlite, 'DELETE FROM trash WHERE token = ?').run(token);
}

export function purgeExpiredTrash(store: Store, now: number): void {
  prepared(store.sqlite, 'DELETE FROM trash WHERE expires_at <= ?').run(now);
}
