// Undo for deletes. A delete moves what it removes into the `trash` table in the same transaction: the deleted
// rows exactly as stored (parent first, then children, e.g. a QBR and its action items) and the before-image of
// rows it changed (a carried-over action item reopened). `undo.apply` re-inserts the rows with their original
// ids (AUTOINCREMENT never hands an id out twice, so they are free) and writes the before-images back.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { MethodOutput, UndoKind, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { accountExists } from '../db/accounts';
import {
  deleteTrash,
  insertStoredRow,
  insertTrash,
  purgeExpiredTrash,
  tableColumns,
  trashEntry,
  TRASH_TABLES,
  updateStoredRow,
  type StoredRow,
  type TrashTable,
} from '../db/trash';
import { loadCatalogue, rederiveUsage, restoreCatalogue, type CatalogueImage } from '../db/feature-catalogue';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';

/** Long enough for "Undo" in a toast and for changing one's mind later in the day. */
export const UNDO_TTL_MS = 24 * 60 * 60 * 1000;

/** Deleting or restoring rows of these changes what health reads. */
const HEALTH_TABLES: ReadonlySet<TrashTable> = new Set(['milestones', 'qbrs', 'touchpoints', 'surveys']);

const SqlValue = z.union([z.string(), z.number(), z.null()]);
const Row = z.record(z.string(), SqlValue);
const Group = z.object({ table: z.enum(TRASH_TABLES), rows: z.array(Row) });
export type TrashGroup = z.infer<typeof Group>;
const CatalogueRows = z.object({ features: z.array(Row), rules: z.array(Row) });
/** `catalogue`: the feature catalogue as it was before a change to it (Settings › Features), put back whole. */
const Payload = z.object({ deleted: z.array(Group), before: z.array(Group), catalogue: CatalogueRows.optional() });

export interface TrashEntry {
  kind: UndoKind;
  name: string;
  accountId: number | null;
  deleted: TrashGroup[];
  before?: TrashGroup[];
  catalogue?: CatalogueImage;
}

/** Runs the delete and records what it removed, in one transaction; returns the ticket for undo.apply. */
export function deleteWithUndo(ctx: ServiceContext, entry: TrashEntry, remove: () => void): UndoTicket {
  const now = ctx.now().getTime();
  const token = randomUUID();
  const expiresAt = now + UNDO_TTL_MS;
  const payload = { deleted: entry.deleted, before: entry.before ?? [], catalogue: entry.catalogue } satisfies z.input<typeof Payload>;
  ctx.sqlite.transaction(() => {
    purgeExpiredTrash(ctx, now);
    remove();
    insertTrash(ctx, { token, kind: entry.kind, accountId: entry.accountId, label: entry.name, payload: JSON.stringify(payload), createdAt: now, expiresAt });
  })();
  return { token, kind: entry.kind, name: entry.name, accountId: entry.accountId, expiresAt };
}

/** Column names come from the payload: only the table's real columns are ever put into SQL. */
function checkColumns(ctx: ServiceContext, table: TrashTable, row: StoredRow): void {
  const known = tableColumns(ctx, table);
  const unknown = Object.keys(row).find((c) => !known.has(c));
  if (unknown !== undefined) throw new AppError('undo_conflict', 'This can no longer be undone: the data has changed shape since.');
}

function insertRow(ctx: ServiceContext, table: TrashTable, row: StoredRow): void {
  checkColumns(ctx, table, row);
  try {
    insertStoredRow(ctx, table, row);
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_CONSTRAINT')) {
      throw new AppError('undo_conflict', 'This cannot be put back: something with the same name or id exists now.');
    }
    throw error;
  }
}

function restoreRow(ctx: ServiceContext, table: TrashTable, row: StoredRow): void {
  checkColumns(ctx, table, row);
  updateStoredRow(ctx, table, row);
}

export function applyUndo(ctx: ServiceContext, token: string): MethodOutput<'undo.apply'> {
  const entry = trashEntry(ctx, token);
  if (!entry) throw new AppError('undo_not_found', 'There is nothing to undo: it was undone already or has expired.');
  if (entry.expiresAt <= ctx.now().getTime()) {
    deleteTrash(ctx, token);
    throw new AppError('undo_expired', 'This can no longer be undone: undo lasts a day.');
  }
  if (entry.accountId !== null && !accountExists(ctx, entry.accountId)) {
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
    if (payload.catalogue) {
      restoreCatalogue(ctx, payload.catalogue as unknown as CatalogueImage);
      rederiveUsage(ctx, loadCatalogue(ctx));
      restoredRows += payload.catalogue.features.length;
    }
    deleteTrash(ctx, token);
  })();
  // Usage moved back between features, in any account: every account's history is rescored.
  if (payload.catalogue) refreshHealthSnapshots(ctx);
  const touchesHealth = [...payload.deleted, ...payload.before].some((g) => HEALTH_TABLES.has(g.table));
  if (entry.accountId !== null && touchesHealth) refreshHealthSnapshots(ctx, { accountIds: [entry.accountId] });
  return { kind: entry.kind, name: entry.label, accountId: entry.accountId, restoredRows };
}

export function undoHandlers(ctx: ServiceContext): HandlerGroup<'undo.apply'> {
  return { 'undo.apply': (input) => applyUndo(ctx, input.token) };
}
