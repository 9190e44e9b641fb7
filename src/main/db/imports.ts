// The import history as services read it: imports, their rejected lines, and which accounts an import's events
// touched. The import pipeline (src/main/import) writes these tables with its own bulk statements.
import type { Store } from './open';
import { prepared } from './statements';

/** An imports row as stored (SQL column names). */
export interface ImportRow {
  id: number;
  file_name: string;
  file_path: string | null;
  source: string;
  kind: string;
  status: string;
  origin: string;
  mapping: string | null;
  time_zone: string | null;
  rows_accepted: number;
  rows_rejected: number;
  rows_duplicate: number;
  rows_skipped: number;
  size_bytes: number;
  started_at: number;
  finished_at: number | null;
  undone_at: number | null;
  summary: string | null;
}

export function importRow(store: Store, id: number): ImportRow | undefined {
  return prepared(store.sqlite, 'SELECT * FROM imports WHERE id = ?').get(id) as ImportRow | undefined;
}

/** The latest 500 finished imports (undone ones included), newest first. */
export function recentImports(store: Store): ImportRow[] {
  return prepared(store.sqlite, "SELECT * FROM imports WHERE status != 'running' ORDER BY id DESC LIMIT 500").all() as ImportRow[];
}

/** The first 1,000 rejected lines of an import, in line order. */
export function firstRejects(store: Store, importId: number): { line: number; code: string; reason: string }[] {
  return prepared(store.sqlite, 'SELECT line, code, reason FROM import_rejects WHERE import_id = ? ORDER BY line LIMIT 1000').all(importId) as {
    line: number;
    code: string;
    reason: string;
  }[];
}

export function countRejects(store: Store, importId: number): number {
  return (prepared(store.sqlite, 'SELECT count(*) AS n FROM import_rejects WHERE import_id = ?').get(importId) as { n: number }).n;
}

/** Every rejected line of an import with the row as read, in line order. */
export function allRejects(store: Store, importId: number): { line: number; code: string; reason: string; raw: string | null }[] {
  return prepared(store.sqlite, 'SELECT line, code, reason, raw FROM import_rejects WHERE import_id = ? ORDER BY line').all(importId) as {
    line: number;
    code: string;
    reason: string;
    raw: string | null;
  }[];
}

/**
 * An import's stored events, as a FROM clause with the parameter :importId. usage_events has no index by import (it
 * is clustered on the event's identity, which starts with the user): they are read user by user for the users the
 * import stored events for (import_users, written by the import).
 */
export const IMPORT_EVENTS = 'usage_events WHERE user_id IN (SELECT user_id FROM import_users WHERE import_id = :importId) AND import_id = :importId';

/** The accounts that an import's usage events belong to. */
export function accountsOfImport(store: Store, importId: number): number[] {
  return (prepared(store.sqlite, `SELECT DISTINCT account_id FROM ${IMPORT_EVENTS}`).all({ importId }) as { account_id: number }[]).map(
    (r) => r.account_id,
  );
}

export function markImportUndone(store: Store, importId: number, at: number): void {
  prepared(store.sqlite, 'UPDATE imports SET undone_at = ? WHERE id = ?').run(at, importId);
}

/** Whether a file with these bytes (SHA-256) was imported and not undone. */
export function isFileImported(store: Store, fileHash: string): boolean {
  return prepared(store.sqlite, 'SELECT 1 FROM imports WHERE file_hash = ? AND undone_at IS NULL LIMIT 1').get(fileHash) !== undefined;
}
