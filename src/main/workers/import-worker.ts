// The import job off the main thread: the window (Electron) and the web host stay responsive while a large file
// is read. The worker opens its own connection to the same database file; its one transaction commits or rolls
// back as a whole, so terminating the worker (or the process) leaves no partial import.
import path from 'node:path';
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { openBackend } from '../app';
import { applyPragmas } from '../db/open';
import { refreshHealthSnapshots } from '../services/health-snapshots';
import { runImport, type ImportJobOptions, type ImportProgressUpdate } from './job';

export interface WorkerStart {
  databaseFile: string;
  nativeBinding?: string;
  job: Omit<ImportJobOptions, 'sqlite' | 'signal' | 'onProgress'>;
}

export type WorkerMessage =
  | { type: 'progress'; update: Parameters<NonNullable<ImportJobOptions['onProgress']>>[0] }
  | { type: 'done'; summary: Awaited<ReturnType<typeof runImport>>; accountIds: number[]; healthRefreshed: boolean }
  | { type: 'failed'; message: string };

if (parentPort) {
  const port = parentPort;
  const start = workerData as WorkerStart;
  const controller = new AbortController();
  port.on('message', (message: { type: string }) => {
    if (message.type === 'cancel') controller.abort();
  });
  const sqlite = new Database(start.databaseFile, start.nativeBinding ? { nativeBinding: start.nativeBinding } : {});
  applyPragmas(sqlite);
  let accountIds: number[] = [];
  let last: ImportProgressUpdate | null = null;
  runImport({
    ...start.job,
    onCommitted: (ids) => {
      accountIds = ids;
    },
    sqlite,
    signal: controller.signal,
    onProgress: (update) => {
      last = update;
      port.postMessage({ type: 'progress', update } satisfies WorkerMessage);
    },
  })
    .then((summary) => {
      sqlite.close();
      if (accountIds.length > 0) {
        // Committed: from here the CSM sees "updating health", and nothing is left to cancel.
        const update = { rows: summary.counts.rows, bytesRead: 0, totalBytes: 0, ...last, phase: 'scoring' as const, rowsPerSecond: 0, secondsLeft: null };
        port.postMessage({ type: 'progress', update } satisfies WorkerMessage);
      }
      const healthRefreshed = accountIds.length > 0 && refreshHealth(start, accountIds);
      port.postMessage({ type: 'done', summary, accountIds, healthRefreshed } satisfies WorkerMessage);
    })
    .catch((error: unknown) => port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage))
    .finally(() => {
      if (sqlite.open) sqlite.close();
    });
}

/**
 * Recomputing the daily health history of the accounts an import touched takes seconds on a big book: it is done
 * here, off the main thread, after the import has committed (a failure leaves the import in place and the
 * snapshots to be recomputed on the next read). The clock is the job's, so tests with a fixed clock agree.
 */
function refreshHealth(start: WorkerStart, accountIds: number[]): boolean {
  try {
    const backend = openBackend({
      host: 'cli',
      dataDir: path.dirname(start.databaseFile),
      nativeBinding: start.nativeBinding,
      now: () => new Date(start.job.now),
    });
    try {
      refreshHealthSnapshots(backend.context, { accountIds });
    } finally {
      backend.close();
    }
    return true;
  } catch {
    return false;
  }
}
