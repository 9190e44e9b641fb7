// The messages between the import runner (in the app's process) and the import worker's thread.
import type { ImportSummary } from '../../shared/contract/imports';
import type { ImportJobOptions, ImportProgressUpdate } from './job';
import type { PhaseTimes } from './phase-clock';

export interface WorkerStart {
  databaseFile: string;
  nativeBinding?: string;
  /** bench:import asked for the job's phases (phase-clock.ts): timed in the worker, answered with `done`. */
  timePhases?: boolean;
  job: Omit<ImportJobOptions, 'sqlite' | 'signal' | 'onProgress' | 'onCommitted'>;
}

/**
 * From the runner to the worker. A worker is started ahead of its job (a spare, import-runner.ts) and waits for
 * `start`; `cancel` stops the job it runs.
 */
export type WorkerCommand = { type: 'start'; start: WorkerStart } | { type: 'cancel' };

/** From the worker to the runner. */
export type WorkerMessage =
  | { type: 'progress'; update: ImportProgressUpdate }
  | { type: 'done'; summary: ImportSummary; accountIds: number[]; healthRefreshed: boolean; phases?: PhaseTimes }
  | { type: 'failed'; message: string };
