// Watched folders: scheduled exports that land in them are imported as they arrive.
import { z } from 'zod';
import { empty, id, method } from './define';

export const WatchedFolder = z.object({ id, path: z.string(), exists: z.boolean() });

const folderPath = z.string().min(1).max(4096);

export const watchMethods = {
  'watch.list': method({ input: empty, output: z.array(WatchedFolder) }),
  'watch.add': method({ input: z.object({ path: folderPath }).strict(), output: WatchedFolder, writes: ['settings'] }),
  'watch.remove': method({ input: z.object({ id }).strict(), output: z.object({ removed: z.boolean() }), writes: ['settings'] }),
};
