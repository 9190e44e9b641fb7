// The import job's thread: the window (Electron) and the web host stay responsive while a large file is read.
// A thin entry: it opens its own connection to the store (no API, no migrations, no watchers), runs the job, then
// recomputes the health history of the accounts the import touched. Its one transaction commits or rolls back as
// a whole, so terminating the worker (or the process) leaves no partial import. Once its job is answered it ends
// on its own, after its health helpers (import-runner.ts lets it go rather than terminate it).
import path from 'node:path';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { connect } from '../db/open';
import { runImport, type ImportProgressUpdate } from '../import/job';
import { measureImportPhases } from '../import/phase-clock';
import type { WorkerCommand, WorkerMessage, WorkerStart } from '../import/worker-protocol';
import type { StoreContext } from '../services/context';
import { repairNow } from '../services/health-repair';
import { checkpointImportAside, stopHealthHelpers, warmHealthHelpers } from '../services/health-threads';
import { fileSize } from '../services/import-runner';

if (parentPort) {
  const port = parentPort;
  const controller = new AbortController();
  let started = false;
  // Started ahead of its job (import-runner.ts keeps a spare while the CSM reads a file's preview): the modules are
  // loaded by the time the job comes, and it runs one job, then the runner lets it go.
  port.on('message', (message: WorkerCommand) => {
    if (message.type === 'cancel') controller.abort();
    else if (message.type === 'start' && !started) {
      started = true;
      runJob(port, message.start, controller.signal);
    }
  });
}

function runJob(port: MessagePort, start: WorkerStart, signal: AbortSignal): void {
  let sqlite: ReturnType<typeof connect>['sqlite'];
  try {
    sqlite = connect(start.databaseFile, start.nativeBinding).sqlite;
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
    // Answered, and nothing started: the thread ends now (the runner lets it go rather than terminate it).
    port.unref();
    return;
  }
  warmHealthHelpers(fileSize(start.job.path));
  const committed = checkpointImportAside({ sqlite, databaseFile: start.databaseFile, nativeBinding: start.nativeBinding });
  let accountIds: number[] = [];
  let last: ImportProgressUpdate | null = null;
  const phases = start.timePhases ? measureImportPhases() : null;
  runImport({
    ...start.job,
    onCommitted: (ids) => {
      committed();
      accountIds = ids;
    },
    sqlite,
    signal,
    onProgress: (update) => {
      last = update;
      port.postMessage({ type: 'progress', update } satisfies WorkerMessage);
    },
  })
    .then((summary) => {
      sqlite.close();
      // Committed: from here the CSM sees "updating health", accounts done of those to do, and nothing is left to cancel.
      const scoring = (progress?: { done: number; total: number }) => {
        const update: ImportProgressUpdate = { rows: summary.counts.rows, bytesRead: 0, totalBytes: 0, ...last, phase: 'scoring', rowsPerSecond: 0, secondsLeft: null };
        port.postMessage({ type: 'progress', update: progress ? { ...update, scoring: progress } : update } satisfies WorkerMessage);
      };
      if (accountIds.length > 0) scoring();
      const healthRefreshed = accountIds.length > 0 && refreshHealth(start, accountIds, scoring);
      port.postMessage({ type: 'done', summary, accountIds, healthRefreshed, ...(phases ? { phases: phases.ms } : {}) } satisfies WorkerMessage);
    })
    .catch((error: unknown) => port.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage))
    .finally(() => {
      if (sqlite.open) sqlite.close();
      // The job is answered; this thread now ends on its own once its health helpers have (one may still be
      // checkpointing the WAL): ending it sooner would cut them off inside SQLite (health-threads.ts stopHealthHelpers).
      stopHealthHelpers();
      port.unref();
    });
}

/**
 * Recomputing the daily health history of the accounts an import touched takes seconds on a big book: it is done
 * here, off the main thread, after the import has committed, from the day the import marked (health_stale) on.
 * A failure (a store busy for longer than the wait) leaves the import in place and the marks for main's
 * background repair. The clock is the job's, so tests with a fixed clock agree.
 */
function refreshHealth(start: WorkerStart, accountIds: number[], onProgress: (p: { done: number; total: number }) => void): boolean {
  try {
    const store = connect(start.databaseFile, start.nativeBinding);
    const ctx: StoreContext = {
      ...store,
      dataDir: path.dirname(start.databaseFile),
      databaseFile: start.databaseFile,
      now: () => new Date(start.job.now),
      nativeBinding: start.nativeBinding,
    };
    try {
      repairNow(ctx, accountIds, onProgress);
    } finally {
      store.sqlite.close();
    }
    return true;
  } catch {
    return false;
  }
}
