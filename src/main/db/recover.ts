// Putting a backup in place of a database that cannot be opened (see startup-check.ts). Nothing holds the file
// open, so unlike a restore from Settings this swaps files: the backup is copied beside the database, the bad
// file and its -wal/-shm are renamed aside (never overwritten, never deleted), and the copy takes its name.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { isCompleteBackup } from './backup-file';
import { PRIVATE_FILE_MODE } from './data-dir';
import { backupsDir, DB_FILE_NAME, timestampForFile } from './open';
import { probeBackup } from './restore';

const COMPANIONS = ['', '-wal', '-shm'];

/** Whether a backup can stand in for the book: whole, intact, Bearing's and not from a newer Bearing. */
export function isGoodBackup(file: string, knownMigrations: number, nativeBinding?: string): boolean {
  if (!isCompleteBackup(file)) return false;
  try {
    const probe = probeBackup(file, nativeBinding);
    return probe.intact && probe.isBearing && (probe.migrations ?? 0) <= knownMigrations;
  } catch {
    return false;
  }
}

/** Backup file names, newest first (by modification time, as Settings lists them). */
function backupsNewestFirst(dataDir: string): string[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sqlite'))
    .map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at || b.f.localeCompare(a.f))
    .map(({ f }) => f);
}

/** The newest backup that passes isGoodBackup, by file name; older ones are only checked while newer fail. */
export function newestGoodBackup(dataDir: string, knownMigrations: number, nativeBinding?: string): string | null {
  const dir = backupsDir(dataDir);
  return backupsNewestFirst(dataDir).find((f) => isGoodBackup(path.join(dir, f), knownMigrations, nativeBinding)) ?? null;
}

function flushed(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Sets the database file (and its -wal/-shm) aside as `bearing.sqlite.set-aside-<time>` and, when a backup is
 * named, puts a copy of it in its place; with none, the next start makes a new empty book. Returns the paths
 * the old files were kept under.
 */
export function replaceDatabaseFile(
  dataDir: string,
  backup: string | null,
  options: { knownMigrations: number; nativeBinding?: string; now: Date },
): { keptAs: string[] } {
  const file = path.join(dataDir, DB_FILE_NAME);
  let staged: string | null = null;
  if (backup !== null) {
    if (path.basename(backup) !== backup || backup.startsWith('.') || !backup.endsWith('.sqlite')) {
      throw new AppError('invalid_backup_file', 'Choose one of the backups Bearing lists.');
    }
    const source = path.join(backupsDir(dataDir), backup);
    if (!fs.existsSync(source)) throw new AppError('not_found', `There is no backup called ${backup}.`);
    if (!isGoodBackup(source, options.knownMigrations, options.nativeBinding)) {
      throw new AppError('invalid_backup', `The backup ${backup} is damaged, not Bearing's, or from a newer Bearing: choose another.`);
    }
    staged = `${file}.restoring`;
    fs.rmSync(staged, { force: true });
    fs.copyFileSync(source, staged);
    fs.chmodSync(staged, PRIVATE_FILE_MODE);
    flushed(staged);
  }
  const stamp = timestampForFile(options.now);
  const moved: [from: string, to: string][] = [];
  try {
    for (const suffix of COMPANIONS) {
      const from = file + suffix;
      if (!fs.existsSync(from)) continue;
      const to = `${file}.set-aside-${stamp}${suffix}`;
      if (fs.existsSync(to)) throw new AppError('recovery_failed', `${to} is already there: try again in a moment.`);
      fs.renameSync(from, to);
      moved.push([from, to]);
    }
    if (staged) fs.renameSync(staged, file);
  } catch (error) {
    // Put back what was moved, so a failure leaves the folder as it was.
    for (const [from, to] of moved.reverse()) fs.renameSync(to, from);
    if (staged) fs.rmSync(staged, { force: true });
    if (error instanceof AppError) throw error;
    throw new AppError('recovery_failed', `Bearing could not put the backup in place: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { keptAs: moved.map(([, to]) => to) };
}
