import { z } from 'zod';
import { Backup } from './backup';
import { empty, method, TABLES } from './define';

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  /** Which host serves the app: the desktop shell or the local web host. */
  host: z.enum(['electron', 'web', 'cli']),
  demo: z.object({ loaded: z.boolean(), accounts: z.number().int() }),
  counts: z.object({ accounts: z.number().int(), usageEvents: z.number().int() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Why the book could not be opened at start-up (the file is left exactly as it was). */
export const DatabaseProblemCode = z.enum([
  'empty_database',
  'not_a_database',
  'damaged_database',
  'unreadable_database',
  'newer_database',
  'not_bearing_database',
]);

/**
 * Whether the book is open ('ready') or the app started in recovery: the database file could not be opened,
 * and only app.status and app.recover answer until a backup is put in its place.
 */
export const AppStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  z.object({
    state: z.literal('recovery'),
    problem: z.object({ code: DatabaseProblemCode, message: z.string(), file: z.string() }),
    dataDir: z.string(),
    /** The newest backup that is whole, Bearing's and not from a newer version; null when there is none. */
    newestGoodBackup: Backup.nullable(),
  }),
]);
export type AppStatus = z.infer<typeof AppStatus>;

export const systemMethods = {
  'app.info': method({ input: empty, output: AppInfo }),
  'app.status': method({ input: empty, output: AppStatus }),
  /**
   * In recovery only: set the database file aside (renamed, never deleted) and put the backup named by `file`
   * (a file name of the backup list) in its place, or, with `file: null`, start a new empty book; then the book
   * opens.
   */
  'app.recover': method({
    input: z.object({ file: z.string().min(1).max(255).nullable() }).strict(),
    output: z.object({ restoredFrom: Backup.nullable(), keptAs: z.array(z.string()) }),
    writes: TABLES,
  }),
};
