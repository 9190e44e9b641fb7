// Backups of the store: taken by the CSM, before every migration and before a restore; restored from Settings.
import { z } from 'zod';
import { empty, method, TABLES } from './define';

export const Backup = z.object({
  /** The file's name inside the backups folder: what backup.restore takes. */
  file: z.string(),
  path: z.string(),
  /** Epoch ms (the file's modification time). */
  createdAt: z.number(),
  sizeBytes: z.number().int(),
  /** Who took it: the CSM (Back up now), the app before a migration, or before a restore. */
  kind: z.enum(['manual', 'before_migration', 'before_restore', 'other']),
});
export type Backup = z.infer<typeof Backup>;

export const backupMethods = {
  'backup.create': method({ input: empty, output: Backup, writes: ['backups'] }),
  'backup.restore': method({
    input: z.object({ file: z.string().min(1).max(255) }).strict(),
    output: z.object({ restoredFrom: Backup, safetyBackup: Backup }),
    // Everything may differ after a restore.
    writes: TABLES,
  }),
};
