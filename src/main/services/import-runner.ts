// Runs an import job: in a worker thread for the app's hosts (the window and the web host stay responsive), in
// process for the CLI (nothing to keep responsive, and no thread to start). Both use their own connection to the
// database file, so the job's long transaction never blocks the services' connection from reading.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ImportSummary } from '../../shared/contract/imports';
import { connect } from '../db/open';
import { runImport, type ImportJobOptions, type ImportProgressUpdate } from '../import/job';
import type { WorkerCommand, WorkerMessage, WorkerStart } from '../import/worker-protocol';
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

export function runInWorker(databaseFile: string, job: JobSpec, onProgress: (u: ImportProgressUpdate) => void, nativeBinding?: string): JobHandle {
  const script = workerScript('import-worker');
  const worker = new Worker(script.code, {
    eval: script.eval,
    workerData: { databaseFile, nativeBinding, job } satisfies WorkerStart,
    resourceLimits: { maxYoungGenerationSizeMb: IMPORT_YOUNG_GENERATION_MB },
  });
  const done = new Promise<{ summary: ImportSummary; accountIds: number[]; healthRefreshed: boolean }>((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.update);
      else if (message.type === 'done') resolve({ summary: message.summary, accountIds: message.accountIds, healthRefreshed: message.healthRefreshed });
      else reject(new Error(message.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`The import stopped unexpectedly (code ${code}); nothing was changed.`));
    });
  }).finally(() => void worker.terminate());
  return { done, cancel: () => worker.postMessage({ type: 'cancel' } satisfies WorkerCommand) };
}
