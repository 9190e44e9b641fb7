// Runs an import job: in a worker thread for the app's hosts (the window and the web host stay responsive) and for
// the CLI's large files (faster there: CLI_WORKER_MIN_BYTES), in process for the CLI's smaller files (no thread to
// start), the unit tests and bench:import's phase-timed run. Both use their own connection to the database file,
// so the job's long transaction never blocks the services' connection from reading.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ImportSummary } from '../../shared/contract/imports';
import { connect } from '../db/open';
import { runImport, type ImportJobOptions, type ImportProgressUpdate } from '../import/job';
import { takePhaseClock } from '../import/phase-clock';
import type { WorkerCommand, WorkerMessage } from '../import/worker-protocol';
import type { Host, ServiceContext } from './context';
import { checkpointImportAside, warmHealthHelpers } from './health-threads';
import { workerScript } from './worker-script';

/** The file's size in bytes, 0 when it cannot be read (the job reports that itself). */
export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export type JobSpec = Omit<ImportJobOptions, 'sqlite' | 'signal' | 'onProgress' | 'onCommitted'>;

/**
 * The CLI imports a file at least this large in the import worker, a smaller one in process. The worker's young
 * generation makes its import faster (IMPORT_YOUNG_GENERATION_MB), but starting it costs about 0.8 s under tsx, as
 * `npm run cli` runs. Whole job with history, Pendo-shaped exports, interleaved pairs in process / in the worker:
 * 20k rows (2.6 MB) 2.3–2.4 s / 3.1–3.2 s; 100k (13 MB) 3.5–3.6 s / 4.2–4.4 s; 250k (33 MB) 4.9–5.0 s / 5.2–6.8 s;
 * 500k (66 MB) 7.0–7.5 s / 6.7–6.8 s; 1M (127 MB) 11.9–15.2 s / 10.4–13.2 s.
 */
export const CLI_WORKER_MIN_BYTES = 48 * 1024 * 1024;

/** Where a job of this many bytes runs: the host's choice when it made one, else by host and size. */
export function importRunnerFor(host: Host, chosen: ServiceContext['importRunner'], sizeBytes: number): 'worker' | 'in-process' {
  if (chosen !== undefined) return chosen;
  return host === 'cli' && sizeBytes < CLI_WORKER_MIN_BYTES ? 'in-process' : 'worker';
}

export interface JobHandle {
  done: Promise<{ summary: ImportSummary; accountIds: number[]; healthRefreshed: boolean }>;
  cancel(): void;
}

export function runInProcess(databaseFile: string, job: JobSpec, onProgress: (u: ImportProgressUpdate) => void, nativeBinding?: string): JobHandle {
  const controller = new AbortController();
  warmHealthHelpers(fileSize(job.path));
  const { sqlite } = connect(databaseFile, nativeBinding);
  const committed = checkpointImportAside({ sqlite, databaseFile, nativeBinding });
  let accountIds: number[] = [];
  const onCommitted = (ids: number[]) => {
    committed();
    accountIds = ids;
  };
  const done = runImport({ ...job, sqlite, signal: controller.signal, onProgress, onCommitted })
    .then((summary) => ({ summary, accountIds, healthRefreshed: false }))
    .finally(() => sqlite.close());
  return { done, cancel: () => controller.abort() };
}

/**
 * The import worker's young generation: a file's parsed rows are short-lived garbage by the million, and with
 * V8's default a 1M-row import spent 1.3–1.7 s in scavenges (counted in the CLI's process). Measured on the 1M-row
 * Pendo-shaped export through the web host's path (the whole job, history included; six pairs of runs,
 * interleaved): 12.9–15.4 s with the default, 11.7–12.7 s with 96 MB, better in every pair; no better with 192 MB.
 * The same for the CLI's in-process import (--max-semi-space-size=32 on its main thread) was within the machine's
 * noise in nine interleaved runs and cost 40–200 MB more peak memory, so the CLI keeps V8's default.
 */
const IMPORT_YOUNG_GENERATION_MB = 96;

/**
 * A spare import worker, started before its job: starting one (a thread, the bundle and its packages evaluated)
 * takes 0.3–0.4 s in the built app and 0.8 s from TypeScript under tsx (the web host), a wait added to every
 * import, the smallest included. The hosts start it when a file is inspected, while the CSM reads the preview, and
 * when a job waits behind another; the next job takes it. It holds no connection until its job comes, and is let
 * go after SPARE_IDLE_MS unused.
 */
let spare: { worker: Worker; failed: boolean; timer: NodeJS.Timeout } | null = null;

const SPARE_IDLE_MS = 5 * 60_000;

let started = 0;

/** How many import workers this process has started (for tests: a job that took the spare started none). */
export function importWorkersStarted(): number {
  return started;
}

function newImportWorker(): Worker {
  started += 1;
  const script = workerScript('import-worker');
  return new Worker(script.code, { eval: script.eval, resourceLimits: { maxYoungGenerationSizeMb: IMPORT_YOUNG_GENERATION_MB } });
}

/** Starts the spare import worker if there is none; never throws (the job starts its own worker then). */
export function prestartImportWorker(): void {
  if (spare) {
    spare.timer.refresh();
    return;
  }
  try {
    const worker = newImportWorker();
    const entry = { worker, failed: false, timer: setTimeout(stopSpareImportWorker, SPARE_IDLE_MS) };
    entry.timer.unref();
    // A spare that fails to start or exits is not handed a job; until taken it holds neither the process nor errors.
    const drop = () => {
      entry.failed = true;
      if (spare === entry) stopSpareImportWorker();
    };
    worker.on('error', drop);
    worker.on('exit', drop);
    worker.unref();
    spare = entry;
  } catch {
    spare = null;
  }
}

/** Lets the spare import worker go (a host closing, or none taken within SPARE_IDLE_MS). */
export function stopSpareImportWorker(): void {
  const entry = spare;
  spare = null;
  if (!entry) return;
  clearTimeout(entry.timer);
  void entry.worker.terminate();
}

/** Whether a spare import worker is waiting (for tests). */
export function hasSpareImportWorker(): boolean {
  return spare !== null && !spare.failed;
}

function takeImportWorker(): Worker {
  const entry = spare;
  spare = null;
  if (entry && !entry.failed) {
    clearTimeout(entry.timer);
    entry.worker.removeAllListeners();
    entry.worker.ref();
    return entry.worker;
  }
  if (entry) void entry.worker.terminate();
  return newImportWorker();
}

/** A finished import worker that has not ended on its own after this long is terminated. */
const WORKER_GRACE_MS = 60_000;

/**
 * After its job: the worker ends on its own once its health helpers have finished (import-worker.ts), which it may
 * still be waiting for (a checkpoint after the history's commit). Terminating it at once would terminate them too,
 * possibly inside SQLite, which can abort the process (health-threads.ts stopHealthHelpers). It holds nothing open
 * meanwhile, and one that has not ended after WORKER_GRACE_MS is terminated.
 */
function letGo(worker: Worker): void {
  worker.removeAllListeners('message');
  if (worker.threadId === -1) return; // already ended (an error, or an exit that failed the job)
  worker.unref();
  const grace = setTimeout(() => void worker.terminate(), WORKER_GRACE_MS);
  grace.unref();
  worker.once('exit', (code) => {
    clearTimeout(grace);
    finishedExitCodes.push(code);
  });
}

const finishedExitCodes: number[] = [];

/** The exit codes of import workers that ended after their job, in order (for tests: 0 ended on its own, 1 terminated). */
export function importWorkerExitCodes(): readonly number[] {
  return finishedExitCodes;
}

export function runInWorker(databaseFile: string, job: JobSpec, onProgress: (u: ImportProgressUpdate) => void, nativeBinding?: string): JobHandle {
  const worker = takeImportWorker();
  // bench:import's phase clock, asked for in this thread: the worker times the job and answers the figures.
  const clock = takePhaseClock();
  const done = new Promise<{ summary: ImportSummary; accountIds: number[]; healthRefreshed: boolean }>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.update);
      else if (message.type === 'done') {
        if (clock && message.phases) Object.assign(clock.ms, message.phases);
        resolve({ summary: message.summary, accountIds: message.accountIds, healthRefreshed: message.healthRefreshed });
      } else reject(new Error(message.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The import stopped unexpectedly (code ${code}); nothing was changed.`));
    });
  }).finally(() => letGo(worker));
  worker.postMessage({ type: 'start', start: { databaseFile, nativeBinding, job, timePhases: clock !== null } } satisfies WorkerCommand);
  return { done, cancel: () => worker.postMessage({ type: 'cancel' } satisfies WorkerCommand) };
}
