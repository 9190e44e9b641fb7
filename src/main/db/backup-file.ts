// Writing a backup so that only a whole one ever carries a backup's name, and telling a whole SQLite file from
// an empty, foreign or cut-off one without trusting SQLite to notice (a truncated file opens and half-reads).
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { makePrivateDir, PRIVATE_FILE_MODE } from './data-dir';

/** What a backup is written with; tests pass one that fails half-way, as a full disk does. */
export type CopyDatabase = (sqlite: Database.Database, target: string) => void;

/** SQLite's own consistent copy of a live database (WAL included), safe while it is open. */
export const vacuumInto: CopyDatabase = (sqlite, target) => {
  sqlite.prepare('VACUUM INTO ?').run(target);
};

/** Suffix of a backup being written: never ends in .sqlite, so no listing ever shows one. */
export const PARTIAL_SUFFIX = '.partial';

/**
 * Writes `file` as a copy of the database: into `<file>.partial` (created 0600, and VACUUM INTO wants it
 * empty), flushed to disk, then renamed. A copy that fails (disk full) or a process killed half-way leaves no
 * file under the backup's name; a failure removes its partial file.
 */
export function writeBackup(sqlite: Database.Database, file: string, copy: CopyDatabase = vacuumInto): void {
  makePrivateDir(path.dirname(file));
  removeStalePartials(path.dirname(file));
  const partial = file + PARTIAL_SUFFIX;
  fs.closeSync(fs.openSync(partial, 'w', PRIVATE_FILE_MODE));
  try {
    copy(sqlite, partial);
    const fd = fs.openSync(partial, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const full = code === 'ENOSPC' || /SQLITE_FULL|disk is full/i.test(String(error));
    const reason = full ? 'the disk is full' : error instanceof Error ? error.message : String(error);
    throw new AppError('backup_failed', `The backup could not be written (${reason}). No backup was kept under ${path.basename(file)}; your data is unchanged.`);
  }
}

/** A partial file untouched this long belongs to a backup that was killed, not to one still being written. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** Removes what killed backups left (a partial file can be as large as the database), never a running one's. */
function removeStalePartials(dir: string, now = Date.now()): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue;
    const full = path.join(dir, name);
    try {
      if (now - fs.statSync(full).mtimeMs > STALE_PARTIAL_MS) fs.rmSync(full, { force: true });
    } catch {
      // Gone already (another process cleaned it): nothing to do.
    }
  }
}

export type HeaderProblem = 'empty' | 'not_database' | 'truncated';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is wrong with a database file judged by its first 100 bytes and its size, or null when nothing is.
 * The page count in the header is trusted only when SQLite marks it valid, and `walInUse` says a -wal file
 * holds pages not yet copied back, when the main file may be legitimately shorter than its header (a
 * checkpoint cut short by a crash, which SQLite finishes on the next open).
 */
export function headerProblem(file: string, walInUse = false): HeaderProblem | null {
  const size = fs.statSync(file).size;
  if (size === 0) return 'empty';
  if (size < 100) return 'not_database';
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.subarray(0, 16).equals(MAGIC)) return 'not_database';
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return 'not_database';
  const pages = header.readUInt32BE(28);
  const countIsValid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  if (countIsValid && !walInUse && size < pages * pageSize) return 'truncated';
  return null;
}

/** A -wal file beside the database with frames in it (more than its 32-byte header). */
export function walInUse(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 32;
  } catch {
    return false;
  }
}

/** A backup file that is whole: a complete SQLite file (backups are written with no -wal of their own). */
export function isCompleteBackup(file: string): boolean {
  try {
    return fs.statSync(file).isFile() && headerProblem(file) === null;
  } catch {
    return false;
  }
}
