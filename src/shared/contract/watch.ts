// Watched folders: scheduled exports that land in them are imported as they arrive.
import { z } from 'zod';
import { empty, id, method } from './define';
import { FileHandle } from './files';

export const WatchedFolder = z.object({ id, path: z.string(), exists: z.boolean() });

export const watchMethods = {
  'watch.list': method({ input: empty, output: z.array(WatchedFolder) }),
  /** `folder`: the handle of a folder the CSM chose in the OS folder dialog (the desktop app's Add folder…). */
  'watch.add': method({ input: z.object({ folder: FileHandle }).strict(), output: WatchedFolder, writes: ['settings'] }),
  'watch.remove': method({ input: z.object({ id }).strict(), output: z.object({ removed: z.boolean() }), writes: ['settings'] }),
};
