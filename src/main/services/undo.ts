// Undo for deletes. A delete moves what it removes into the `trash` table in the same transaction: the deleted
// rows exactly as stored (parent first, then children, e.g. a QBR and its action items) and the before-image of
// rows it changed (a carried-over action item reopened). `undo.apply` re-inserts the rows with their original
// ids (AUTOINCREMENT never hands an id out twice, so they are free) and writes the before-images back.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { MethodOutput, TrashKind, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { prepared } from '../db/statements';

/** Long enough for "Undo" in a toast and for changing one's mind later in the day. */
export const UNDO_TTL_MS = 24 * 60 * 60 * 1000;

/** The only tables a trash entry may name: a hand-edited payload cannot reach anything else. */
const TRASH_TABLES = ['milestones', 'qbrs', 'qbr_action_items', 'touchpoints', 'surveys', 'saved_views'] as const;
type TrashTable = (typeof TRASH_TABLES)[number];
/** Deleting or restoring rows of these changes what health reads. */
const HEALTH_TABLES: ReadonlySet<TrashTable> = new Set(['milestones', 'qbrs', 'touchpoints', 'surveys']);

const SqlValue = z.union([z.string(), z.number(), z.null()]);
const Row = z.record(z.string(), SqlValue);
export type Row = z.infer<typeof Row>;
const Group = z.object({ table: z.enum(TRASH_TABLES), rows: z.array(Row) });
export type TrashGroup = z.infer<typeof Group>;
const Payload = z.object({ deleted: z.array(Group), before: z.array(Group) });

/** The rows of a table matching a condition, exactly as stored (SQL column names). */
export function storedRows(ctx: ServiceContext, table: TrashTable, where: string, ...params: (string | number)[]): Row[] {
  return prepared(ctx.sqlite, `SELECT * FROM ${table} WHERE ${where} ORDER BY id`).all(...params) as Row[];
}

export interface TrashEntry {
  kind: TrashKind;
  name: string;
  accountId: number | null;
  deleted: TrashGroup[];
  before?: TrashGroup[];
}

/** Runs the delete and records what it removed, in one transaction; returns the ticket for undo.apply. */
export function deleteWithUndo(ctx: ServiceContext, entry: TrashEntry, remove: () => void): UndoTicket {
  const now = ctx.now().getTime();
  const token = randomUUID();
  const expiresAt = now + UNDO_TTL_MS;
  const payload = { deleted: entry.deleted, before: entry.before ?? [] } satisfies z.input<typeof Payload>;
  ctx.sqlite.transaction(() => {
    prepared(ctx.sqlite, 'DELETE FROM trash WHERE expires_at <= ?').run(now);
    remove();
    prepared(
      ctx.sqlite,
      'INSERT INTO trash (token, kind, account_id, label, payload, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(token, entry.kind, entry.accountId, entry.name, JSON.stringify(payload), now, expiresAt);
  })();
  return { token, kind: entry.kind, name: entry.name, accountId: entry.accountId, expiresAt };
}

function columnsOf(ctx: ServiceContext, table: TrashTable): Set<string> {
  const info = prepared(ctx.sqlite, `PRAGMA table_info(${table})`).all() as { name: string }[];
  return new Set(info.map((c) => c.name));
}

/** Column names come from the payload: only the table's real columns are ever put into SQL. */
function checkedColumns(ctx: ServiceContext, table: TrashTable, row: Row): string[] {
  const known = columnsOf(ctx, table);
  const columns = Object.keys(row);
  const unknown = columns.find((c) => !known.has(c));
  if (unknown !== undefined) throw new AppError('undo_conflict', 'This can no longer be undone: the data has changed shape since.');
  return columns;
}

function insertRow(ctx: ServiceContext, table: TrashTable, row: Row): void {
  const columns = checkedColumns(ctx, table, row);
  const sql = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  try {
    prepared(ctx.sqlite, sql).run(...columns.map((c) => row[c]));
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT')) {
      throw new AppError('undo_conflict', 'This cannot be put back: something with the same name or id exists now.');
    }
    throw error;
  }
}

function restoreRow(ctx: ServiceContext, table: TrashTable, row: Row): void {
  const columns = checkedColumns(ctx, table, row).filter((c) => c !== 'id');
  if (columns.length === 0) return;
  const sql = `UPDATE ${table} SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`;
  prepared(ctx.sqlite, sql).run(...columns.map((c) => row[c]), row.id);
}

export function applyUndo(ctx: ServiceContext, token: string): MethodOutput<'undo.apply'> {
  const entry = prepared(ctx.sqlite, 'SELECT kind, account_id AS accountId, label, payload, expires_at AS expiresAt FROM trash WHERE token = ?').get(
    token,
  ) as { kind: TrashKind; accountId: number | null; label: string; payload: string; expiresAt: number } | undefined;
  if (!entry) throw new AppError('undo_not_found', 'There is nothing to undo: it was undone already or has expired.');
  if (entry.expiresAt <= ctx.now().getTime()) {
    prepared(ctx.sqlite, 'DELETE FROM trash WHERE token = ?').run(token);
    throw new AppError('undo_expired', 'This can no longer be undone: undo lasts a day.');
  }
  if (entry.accountId !== null && !prepared(ctx.sqlite, 'SELECT 1 FROM accounts WHERE id = ?').get(entry.accountId)) {
    throw new AppError('undo_conflict', 'This cannot be put back: its account no longer exists.');
  }
  const payload = Payload.parse(JSON.parse(entry.payload));
  let restoredRows = 0;
  ctx.sqlite.transaction(() => {
    for (const group of payload.deleted) {
      for (const row of group.rows) insertRow(ctx, group.table, row);
      restoredRows += group.rows.length;
    }
    for (const group of payload.before) for (const row of group.rows) restoreRow(ctx, group.table, row);
    prepared(ctx.sqlite, 'DELETE FROM trash WHERE token = ?').run(token);
  })();
  const touchesHealth = [...payload.deleted, ...payload.before].some((g) => HEALTH_TABLES.has(g.table));
  if (entry.accountId !== null && touchesHealth) refreshHealthSnapshots(ctx, { accountIds: [entry.accountId] });
  return { kind: entry.kind, name: entry.label, accountId: entry.accountId, restoredRows };
}

export function undoHandlers(ctx: ServiceContext): HandlerGroup<'undo.apply'> {
  return { 'undo.apply': (input) => applyUndo(ctx, input.token) };
}
