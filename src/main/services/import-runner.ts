// Runs an import job: in a worker thread for the app's hosts (the window and the web host stay responsive), in
// process for the CLI (nothing to keep responsive, and no thread to start). Both use their own connection to the
// database file, so the job's long transaction never blocks the services' connection from reading.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportSummary } from '../../shared/contract/imports';
import { connect } from '../db/open';
import { runImport, type ImportJobOptions, type ImportProgressUpdate } from '../import/job';
import type { WorkerCommand, WorkerMessage, WorkerStart } from '../import/worker-protocol';

export type JobSpec = Omit<ImportJobOptions, 'sqlite' | 'signal' | 'onProgress' | 'onCommitted'>;

export interface JobHandle {
  done: Promise<{ summary: ImportSummary; accountIds: number[]; healthRefreshed: boolean }>;
  cancel(): void;
}

export function runInProcess(databaseFile: string, job: JobSpec, onProgress: (u: ImportProgressUpdate) => void, nativeBinding?: string): JobHandle {
  const controller = new AbortController();
  const { sqlite } = connect(databaseFile, nativeBinding);
  let accountIds: number[] = [];
  const done = runImport({ ...job, sqlite, signal: controller.signal, onProgress, onCommitted: (ids) => (accountIds = ids) })
    .then((summary) => ({ summary, accountIds, healthRefreshed: false }))
    .finally(() => sqlite.close());
  return { done, cancel: () => controller.abort() };
}

/** Where the worker's code is: the TypeScript source under tsx/vitest, the bundled entry in the built app. */
function workerScript(): { code: string | URL; eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const url = new URL('../workers/import-worker.ts', here).href;
    return { code: `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`, eval: true };
  }
  // Bundled: this code may sit in a shared chunk below out/main, the worker entry beside index.js.
  const dir = path.dirname(fileURLToPath(here));
  const candidates = [path.join(dir, 'import-worker.js'), path.join(dir, '..', 'import-worker.js')];
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new Error(`The import worker is missing from the build (looked for ${candidates.join(', ')}).`);
  return { code: pathToFileURL(found), eval: false };
}

export function runInWorker(databaseFile: string, job: JobSpec, onProgress: (u: ImportProgressUpdate) => void, nativeBinding?: string): JobHandle {
  const script = workerScript();
  const worker = new Worker(script.code, { eval: script.eval, workerData: { databaseFile, nativeBinding, job } satisfies WorkerStart });
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
