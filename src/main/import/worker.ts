// The import job off the main thread: the window (Electron) and the web host stay responsive while a large file
// is read. The worker opens its own connection to the same database file; its one transaction commits or rolls
// back as a whole, so terminating the worker (or the process) leaves no partial import.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyPragmas } from '../db/open';
import { runImport, type ImportJobOptions } from './job';

export interface WorkerStart {
  databaseFile: string;
  nativeBinding?: string;
  job: Omit<ImportJobOptions, 'sqlite' | 'signal' | 'onProgress'>;
}

export type WorkerMessage =
  | { type: 'progress'; update: Parameters<NonNullable<ImportJobOptions['onProgress']>>[0] }
  | { type: 'done'; summary: Awaited<ReturnType<typeof runImport>>; accountIds: number[] }
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
  runImport({
    ...start.job,
    onCommitted: (ids) => {
      accountIds = ids;
    },
    sqlite,
    signal: controller.signal,
    onProgress: (update) => port.postMessage({ type: 'progress', update } satisfies WorkerMessage),
  })
    .then((summary) => port.postMessage({ type: 'done', summary, accountIds } satisfies WorkerMessage))
    .catch((error: unknown) => port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage))
    .finally(() => sqlite.close());
}
