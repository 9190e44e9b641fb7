import type { z } from 'zod';
import type { Contract, EventName, EventPayload, MethodName, MethodOutput } from '../../shared/contract';
import type { Store } from '../db/open';

export type Host = 'electron' | 'web' | 'cli';

/** The store, where it lives and the clock: all that reading and computing from the store needs. */
export interface StoreContext extends Store {
  dataDir: string;
  databaseFile: string;
  /** The wall clock, injectable so tests are reproducible. */
  now(): Date;
  /** The better-sqlite3 addon built for Electron's ABI, when running in Electron (worker threads need it too). */
  nativeBinding?: string;
}

/** What every service function of the API gets: the store, the host it runs in and a way to tell clients. */
export interface ServiceContext extends StoreContext {
  host: Host;
  /**
   * Where import jobs run, when the host chose: the import worker, or this thread ('in-process': the unit tests, which
   * would otherwise start a thread per import, and bench:import's phase-timed run). Unset: the app's hosts use the
   * worker, the CLI by the file's size (import-runner.ts importRunnerFor).
   */
  importRunner?: 'worker' | 'in-process';
  version: string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** One function per contract method, taking the already-validated input. */
export type Handlers = {
  [K in MethodName]: (input: z.output<Contract[K]['input']>) => MethodOutput<K> | Promise<MethodOutput<K>>;
};

/** The handlers one feature owns: each service declares its own group, and the API merges them. */
export type HandlerGroup<K extends MethodName> = Pick<Handlers, K>;
