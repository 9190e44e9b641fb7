// Back up now and restore from a backup (Settings). A backup is VACUUM INTO a file in the backups folder, safe
// while the app runs. A restore cannot reopen the database (every service holds the one open connection), so it
// replaces the live database's CONTENT instead: the chosen backup is copied aside and brought up to this build's
// schema by the ordinary migrations, a safety backup of the current data is taken, and then every table is
// emptied and refilled from the copy in one transaction through ATTACH. Either all of it happens or none.
import fs from 'node:fs';
import path from 'node:path';
import type { Backup, MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { backupsDir, backupTo, DB_FILE_NAME, MigrationError, openDatabase, timestampForFile } from '../db/open';
import { isCompleteBackup } from '../db/backup-file';
import { appliedMigrations, probeBackup, replaceContent } from '../db/restore';
import type { HandlerGroup, ServiceContext } from './context';

const KINDS: [prefix: string, kind: Backup['kind']][] = [
  ['backup-', 'manual'],
  ['before-migration-', 'before_migration'],
  ['before-restore-', 'before_restore'],
];

function describe(ctx: ServiceContext, file: string): Backup {
  return describeBackup(ctx.dataDir, file);
}

/** A backup of the data folder's backups folder, by file name, as the contract shows it. */
export function describeBackup(dataDir: string, file: string): Backup {
  const full = path.join(backupsDir(dataDir), file);
  const stat = fs.statSync(full);
  return {
    file,
    path: full,
    createdAt: stat.mtimeMs,
    sizeBytes: stat.size,
    kind: KINDS.find(([prefix]) => file.startsWith(prefix))?.[1] ?? 'other',
  };
}

/**
 * The backups a restore can use: whole SQLite files only. One being written ends in .partial; an empty or
 * cut-off file (a backup an older Bearing was writing when the disk filled or it was killed) is not listed.
 */
export function listBackups(ctx: ServiceContext): Backup[] {
  const dir = backupsDir(ctx.dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    // A link under a backup's name is not listed (restoring it would read whatever it points to).
    .filter((f) => f.endsWith('.sqlite') && fs.lstatSync(path.join(dir, f)).isFile() && isCompleteBackup(path.join(dir, f)))
    .map((f) => describe(ctx, f))
    .sort((a, b) => b.createdAt - a.createdAt || b.file.localeCompare(a.file));
}

/** A new backup named after the moment; never overwrites one (backupTo replaces an existing file). */
function backupNamed(ctx: ServiceContext, prefix: string): Backup {
  const dir = backupsDir(ctx.dataDir);
  const stem = `${prefix}${timestampForFile(ctx.now())}`;
  let file = `${stem}.sqlite`;
  for (let n = 2; fs.existsSync(path.join(dir, file)); n++) file = `${stem}-${n}.sqlite`;
  backupTo(ctx.sqlite, path.join(dir, file));
  return describe(ctx, file);
}

export function createBackup(ctx: ServiceContext): Backup {
  return backupNamed(ctx, 'backup-');
}

/** Only a plain file name of a backup in the backups folder: a path from the client never reaches the disk. */
function requireBackupFile(ctx: ServiceContext, file: string): string {
  if (path.basename(file) !== file || file.startsWith('.') || !file.endsWith('.sqlite')) {
    throw new AppError('invalid_backup_file', 'Choose one of the backups listed in Settings.');
  }
  const full = path.join(backupsDir(ctx.dataDir), file);
  const stat = fs.lstatSync(full, { throwIfNoEntry: false });
  if (!stat) throw new AppError('not_found', `There is no backup called ${file}.`);
  // A link put in the backups folder would restore (and copy in) whatever file it points to.
  if (!stat.isFile()) throw new AppError('invalid_backup_file', `${file} is not a backup Bearing made (it is a link or a folder): choose one of the backups listed in Settings.`);
  return full;
}

/** Copies the backup aside and migrates the copy to this build's schema; refuses what is not a Bearing database. */
function stagedCopy(ctx: ServiceContext, source: string, stagingDir: string): string {
  const staged = path.join(stagingDir, DB_FILE_NAME);
  fs.copyFileSync(source, staged);
  try {
    const probe = probeBackup(staged, ctx.nativeBinding);
    if (!probe.intact || !probe.isBearing) throw new AppError('invalid_backup', 'This file is not a Bearing backup, or it is damaged.');
    if ((probe.migrations ?? 0) > appliedMigrations(ctx.sqlite)) {
      throw new AppError('backup_too_new', 'This backup was made by a newer version of Bearing: update Bearing, then restore it.');
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_backup', 'This file is not a Bearing backup, or it is damaged.');
  }
  try {
    openDatabase({ dataDir: stagingDir, nativeBinding: ctx.nativeBinding }).close();
  } catch (error) {
    const reason = error instanceof MigrationError ? error.message : String(error);
    throw new AppError('invalid_backup', `This backup could not be brought up to date (${reason}).`);
  }
  return staged;
}

export function restoreBackup(ctx: ServiceContext, file: string): MethodOutput<'backup.restore'> {
  const source = requireBackupFile(ctx, file);
  const restoredFrom = describe(ctx, file);
  const stagingDir = fs.mkdtempSync(path.join(ctx.dataDir, 'restore-'));
  try {
    const staged = stagedCopy(ctx, source, stagingDir);
    const safetyBackup = backupNamed(ctx, 'before-restore-');
    replaceContent(ctx.sqlite, staged);
    return { restoredFrom, safetyBackup };
  } finally {
    fs.rmSync(stagingDir, { recursive: true, force: true });
  }
}

export function backupHandlers(ctx: ServiceContext): HandlerGroup<'backup.create' | 'backup.restore'> {
  return {
    'backup.create': () => createBackup(ctx),
    'backup.restore': (input) => restoreBackup(ctx, input.file),
  };
}
