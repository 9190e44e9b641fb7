// Watched folders: the usual way a scheduled export (Salesforce report, Pendo data sync) reaches a laptop. A new
// or changed CSV in a watched folder is imported with its remembered mapping, once its size has stopped changing;
// a file whose exact bytes were already imported is left alone. Runs in the app's hosts, not in the CLI.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isFileImported } from '../db/imports';
import { addWatchedFolder, removeWatchedFolder, watchedFolders } from '../db/watched-folders';
import type { HandlerGroup, ServiceContext } from './context';
import { fileHandles } from './file-handles';
import { startImport } from './imports';

// Text exports, and raw event exports (Mixpanel's JSON lines, gzipped or not; Amplitude's .zip; a warehouse's Parquet).
const IMPORTABLE = /\.(csv|tsv|txt|json|jsonl|ndjson|gz|zip|parquet)$/i;

interface Watching {
  watchers: Map<number, fs.FSWatcher>;
  timers: Map<string, NodeJS.Timeout>;
  /** Hashes of files queued or being imported. */
  inFlight: Set<string>;
  settleMs: number;
  stopped: boolean;
}

const watching = new WeakMap<ServiceContext, Watching>();

/** Streamed: a watched export can be hundreds of MB, which must not be read into memory to be recognised. */
async function fileHash(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Imports the file once it has stopped growing (an export being written is not read half-way). */
function consider(ctx: ServiceContext, state: Watching, file: string): void {
  if (!IMPORTABLE.test(file)) return;
  clearTimeout(state.timers.get(file));
  let lastSize = -1;
  const check = () => {
    // lstat: a symbolic link dropped into a watched folder (to a key file, say) is never followed.
    const stat = state.stopped ? undefined : fs.lstatSync(file, { throwIfNoEntry: false });
    if (!stat?.isFile()) return state.timers.delete(file);
    const size = stat.size;
    if (size !== lastSize) {
      lastSize = size;
      state.timers.set(file, setTimeout(check, state.settleMs));
      return;
    }
    state.timers.delete(file);
    if (size === 0) return;
    void fileHash(file)
      .then((hash) => {
        // The hash is recorded when the import commits; until then the same bytes seen again (a second change
        // event, the folder re-read) must not queue a second import of them.
        if (state.stopped || state.inFlight.has(hash) || isFileImported(ctx, hash)) return;
        state.inFlight.add(hash);
        return startImport(ctx, { path: file, origin: 'watch' }).done.finally(() => state.inFlight.delete(hash));
      })
      .catch(() => undefined);
  };
  state.timers.set(file, setTimeout(check, state.settleMs));
}

function watchFolder(ctx: ServiceContext, state: Watching, folder: { id: number; path: string }): void {
  if (!fs.existsSync(folder.path)) return;
  for (const name of fs.readdirSync(folder.path)) consider(ctx, state, path.join(folder.path, name));
  try {
    const watcher = fs.watch(folder.path, (_event, name) => {
      if (name) consider(ctx, state, path.join(folder.path, name.toString()));
    });
    watcher.on('error', () => undefined);
    state.watchers.set(folder.id, watcher);
  } catch {
    // A folder that cannot be watched (removed drive, no permission) is listed as it is and retried at next start.
  }
}

/** Starts watching every saved folder; returns a stop function. */
export function startWatching(ctx: ServiceContext, options: { settleMs?: number } = {}): () => void {
  const state: Watching = { watchers: new Map(), timers: new Map(), inFlight: new Set(), settleMs: options.settleMs ?? 1500, stopped: false };
  watching.set(ctx, state);
  for (const folder of watchedFolders(ctx)) watchFolder(ctx, state, folder);
  return () => {
    state.stopped = true;
    for (const w of state.watchers.values()) w.close();
    for (const t of state.timers.values()) clearTimeout(t);
    watching.delete(ctx);
  };
}

export function watchHandlers(ctx: ServiceContext): HandlerGroup<'watch.list' | 'watch.add' | 'watch.remove'> {
  return {
    'watch.list': () => watchedFolders(ctx).map((f) => ({ ...f, exists: fs.existsSync(f.path) })),
    'watch.add': ({ folder: handle }) => {
      const folder = fileHandles(ctx).resolve(handle, 'folder').path;
      const row = addWatchedFolder(ctx, folder);
      const state = watching.get(ctx);
      if (state && !state.watchers.has(row.id)) watchFolder(ctx, state, row);
      return { ...row, exists: true };
    },
    'watch.remove': ({ id }) => {
      const removed = removeWatchedFolder(ctx, id);
      const state = watching.get(ctx);
      state?.watchers.get(id)?.close();
      state?.watchers.delete(id);
      return { removed };
    },
  };
}
