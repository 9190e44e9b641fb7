import { z } from 'zod';
import { empty, method } from './define';

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

export const systemMethods = {
  'app.info': method({ input: empty, output: AppInfo }),
};
