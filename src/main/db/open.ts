// The one place that opens SQLite: pragmas, a backup before any migration, then the migrations.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { writeBackup } from './backup-file';
import { makePrivateDir, PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tightenMode } from './data-dir';
import * as schema from './schema';
import { DatabaseProblemError, diagnoseDatabase } from './startup-check';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** One connection as the queries of db/ take it: drizzle's typed builder and the raw handle statements are cached on. */
export interface Store {
  db: Db;
  sqlite: Database.Database;
}

export interface OpenOptions {
  dataDir: string;
  /** Folder of drizzle-kit's SQL migrations; found beside the app by default. */
  migrationsFolder?: string;
  /** Path to a better-sqlite3 addon built for another ABI (Electron). */
  nativeBinding?: string;
  readonly?: boolean;
}

export interface OpenedDb extends Store {
  file: string;
  /** Path of the copy taken before migrating, when migrations ran on an existing file. */
  backupFile: string | null;
  close(): void;
}

export const DB_FILE_NAME = 'bearing.sqlite';

export class MigrationError extends Error {
  readonly code = 'migration_failed';
  constructor(
    message: string,
    readonly backupFile: string | null,
  ) {
    super(message);
  }
}

export function findMigrationsFolder(start = import.meta.dirname): string {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, 'drizzle');
    if (fs.existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No drizzle migrations folder found above ${start}`);
    dir = parent;
  }
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
}

/** The connection's automatic checkpoint threshold in WAL pages (0: none). */
export function autoCheckpointPages(sqlite: Database.Database): number {
  return Number(sqlite.pragma('wal_autocheckpoint', { simple: true }));
}

/** Sets the connection's automatic checkpoint threshold (0 turns it off for this connection only). */
export function setAutoCheckpointPages(sqlite: Database.Database, pages: number): void {
  sqlite.pragma(`wal_autocheckpoint = ${Math.max(0, Math.trunc(pages))}`);
}

/** Copies what the WAL holds into the database file, waiting for no reader or writer (PASSIVE). */
export function checkpointWal(sqlite: Database.Database): void {
  sqlite.pragma('wal_checkpoint(PASSIVE)');
}

/** How many migrations this version of Bearing knows (drizzle-kit's journal beside the SQL files). */
export function knownMigrations(migrationsFolder: string): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

function pendingMigrations(sqlite: Database.Database, migrationsFolder: string): number {
  const known = knownMigrations(migrationsFolder);
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!hasTable) return known;
  const row = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
  return known - row.n;
}

/**
 * A consistent copy of the live database (safe while it is open, WAL included), written aside and renamed into
 * place, so a full disk or a killed process never leaves a partial file under a backup's name.
 */
export function backupTo(sqlite: Database.Database, file: string): void {
  writeBackup(sqlite, file);
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

export function timestampForFile(now = new Date()): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * A second connection to a store that openDatabase has already opened and migrated: the import job's and the
 * import worker's own, so their long transaction never blocks the services' connection from reading.
 */
export function connect(file: string, nativeBinding?: string): Store {
  const sqlite = new Database(file, nativeBinding ? { nativeBinding } : {});
  applyPragmas(sqlite);
  return { db: drizzle(sqlite, { schema }) as Db, sqlite };
}

/**
 * Opens (or creates) the book. An existing file is looked at first and refused with a DatabaseProblemError,
 * before anything writes to it, when it is empty, damaged, unreadable, not Bearing's or from a newer Bearing.
 * The folder is made 0700 and the database 0600 (SQLite gives its -wal and -shm the database's mode).
 */
export function openDatabase(options: OpenOptions): OpenedDb {
  makePrivateDir(options.dataDir);
  const file = path.join(options.dataDir, DB_FILE_NAME);
  const existed = fs.existsSync(file);
  const migrationsFolder = options.migrationsFolder ?? findMigrationsFolder();
  if (existed) {
    const problem = diagnoseDatabase(file, knownMigrations(migrationsFolder), options.nativeBinding);
    if (problem) throw new DatabaseProblemError(problem);
    // A folder an older Bearing made readable by others; only one that holds the book, never a shared folder
    // that BEARING_DATA_DIR happens to name before the book is in it.
    tightenMode(options.dataDir, PRIVATE_DIR_MODE);
  }
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  for (const f of [file, `${file}-wal`, `${file}-shm`]) tightenMode(f, PRIVATE_FILE_MODE);
  applyPragmas(sqlite);
  let backupFile: string | null = null;
  const hasUserTables =
    existed &&
    sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").get() !==
      undefined;
  if (hasUserTables && pendingMigrations(sqlite, migrationsFolder) > 0) {
    backupFile = path.join(backupsDir(options.dataDir), `before-migration-${timestampForFile()}.sqlite`);
    backupTo(sqlite, backupFile);
  }
  const db = drizzle(sqlite, { schema }) as Db;
  try {
    migrate(db, { migrationsFolder });
  } catch (error) {
    sqlite.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      `Bearing could not update its database (${reason}). Your data is untouched` +
        (backupFile ? ` and a copy was kept at ${backupFile}.` : '.'),
      backupFile,
    );
  }
  return { db, sqlite, file, backupFile, close: () => sqlite.close() };
}
