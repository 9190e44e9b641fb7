// Looking at the database file before anything writes to it, so that a damaged, empty, unreadable or newer
// file stops the start with a reason a CSM can act on, instead of a driver's stack trace or, worse, migrations
// that turn it into a new empty book over the CSM's data.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { headerProblem, walInUse } from './backup-file';

export type DatabaseProblemCode =
  | 'empty_database'
  | 'not_a_database'
  | 'damaged_database'
  | 'unreadable_database'
  | 'newer_database'
  | 'not_bearing_database';

export interface DatabaseProblem {
  code: DatabaseProblemCode;
  /** The database file's full path. */
  file: string;
  /** What is wrong, as the end of "The database … ": written for the CSM. */
  reason: string;
}

/** Thrown by openDatabase when the file is there but cannot be opened as Bearing's book. Nothing was written. */
export class DatabaseProblemError extends Error {
  readonly code: DatabaseProblemCode;
  constructor(readonly problem: DatabaseProblem) {
    super(`Bearing cannot open its database ${problem.file}: it ${problem.reason}. The file has not been changed.`);
    this.code = problem.code;
  }
}

function readableAndWritable(file: string): string | null {
  try {
    fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    return null;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'EACCES';
  }
}

/** Reads the schema and the migration count on a throwaway connection; SQLite's complaint becomes a problem. */
function schemaProblem(file: string, knownMigrations: number, nativeBinding?: string): Omit<DatabaseProblem, 'file'> | null {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const tables = new Set(
      (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    const userTables = [...tables].filter((t) => !t.startsWith('sqlite_'));
    if (userTables.length === 0) return null;
    if (!tables.has('__drizzle_migrations') && !tables.has('accounts')) {
      return { code: 'not_bearing_database', reason: 'is a database, but not one of Bearing\'s (it has no accounts in it)' };
    }
    const applied = tables.has('__drizzle_migrations')
      ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n
      : 0;
    if (applied > knownMigrations) {
      return {
        code: 'newer_database',
        reason:
          `was written by a newer version of Bearing (its database has ${applied} upgrades, this version knows ` +
          `${knownMigrations}): install the newer Bearing to open it`,
      };
    }
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { code: 'damaged_database', reason: `is damaged (SQLite says: "${message}")` };
  } finally {
    sqlite?.close();
  }
}

/** What stops the existing database file from opening as this version's book, or null when nothing does. */
export function diagnoseDatabase(file: string, knownMigrations: number, nativeBinding?: string): DatabaseProblem | null {
  const denied = readableAndWritable(file);
  if (denied) {
    return {
      file,
      code: 'unreadable_database',
      reason: `cannot be opened: the system does not let Bearing read and write it (${denied}); check the file's owner and permissions`,
    };
  }
  let header: ReturnType<typeof headerProblem>;
  try {
    if (!fs.statSync(file).isFile()) {
      return { file, code: 'unreadable_database', reason: 'is not a file: a folder or a device has its name' };
    }
    header = headerProblem(file, walInUse(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { file, code: 'unreadable_database', reason: `cannot be read (${code}); the disk or the file system may be failing` };
  }
  switch (header) {
    case 'empty':
      return {
        file,
        code: 'empty_database',
        reason: 'is empty (0 bytes): it holds no book, and Bearing will not start a new one in its place by itself',
      };
    case 'not_database':
      return { file, code: 'not_a_database', reason: 'is not a database: its content is not SQLite\'s, as if another file was written over it' };
    case 'truncated':
      return {
        file,
        code: 'damaged_database',
        reason: 'is cut off: it is shorter than its own header says, as a copy that did not finish or a full disk leaves a file',
      };
    case null:
      break;
  }
  const problem = schemaProblem(file, knownMigrations, nativeBinding);
  return problem ? { file, ...problem } : null;
}
