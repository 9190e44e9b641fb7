// Files the CSM chose (issue #13): the page never names a path. Main mints an opaque handle for each file the OS
// dialog, a drop or an upload gave it, and the methods that read a file take that handle.
import { z } from 'zod';

/** What main answers for a chosen file; not a path, and unguessable (random, per run). */
export const FileHandle = z.string().regex(/^fh_[A-Za-z0-9_-]{32}$/, 'a file chosen in Bearing (Choose files… or a drop), not a path');
export type FileHandle = z.infer<typeof FileHandle>;

/** A chosen file as the page sees it: its handle, its name (for display only) and its size. */
export const ChosenFile = z.object({ file: FileHandle, name: z.string(), sizeBytes: z.number().int() });
export type ChosenFile = z.infer<typeof ChosenFile>;

/** The most the web host takes in one upload; the desktop app and the CLI read bigger files where they are. */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Said by the page before it sends a file that big, and by the host if one arrives anyway (code upload_too_large). */
export function uploadTooLargeMessage(name: string, maxBytes: number, bytes: number | null): string {
  const what = bytes === null ? `${name} is over ${sizeText(maxBytes)}` : `${name} is ${sizeText(bytes)}`;
  return `${what}: in the browser Bearing takes files up to ${sizeText(maxBytes)}. Split the export into smaller files, or import it with the desktop app or \`npm run -s cli -- import <file>\`. Nothing was imported.`;
}
