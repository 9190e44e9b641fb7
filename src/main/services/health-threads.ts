// A long health-history refresh shared with helper threads (workers/health-worker.ts): the accounts' series are
// independent, so the thread that refreshes (it holds the write lock) and its helpers take accounts a few at a time
// (TASKS_PER_CHUNK) from a shared counter, read their records and compute their rows; the helpers send their rows
// back, with each account's history start, and the refreshing thread writes every row, in its own transaction.
// Nothing is read before the helpers start: the job is the accounts' ids. Helpers read through their own
// connection: the refresher's transaction is IMMEDIATE, so nothing can commit while they read, and they see exactly
// what it read (its own uncommitted writes are only the snapshots and marks, which no series reads). A refresh
// inside another transaction, with writes the helpers could not see, is never shared. Waiting is synchronous
// (Atomics.wait, or polling where a thread may not block), so refreshHealthSnapshots stays a plain function for its
// callers. A helper that fails or falls silent is dropped and its accounts computed here: the rows are the same
// whichever thread computed them (snapshot-rows.ts historyChunkRows), and writing one twice replaces it.
import fs from 'node:fs';
import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { SNAPSHOT_COLUMNS } from '../db/health-snapshots';
import { autoCheckpointPages, checkpointWal, setAutoCheckpointPages } from '../db/open';
import type { StoreContext } from './context';
import { chunkBounds, chunkCount, HISTORY_CAP_DAYS, type HistoryJob, type HistoryTask } from './snapshot-rows';
import { workerScript } from './worker-script';

/** From the refresher to a helper: one refresh's accounts; `shared` holds the counter and the message sequence. */
export interface HealthWorkerJob extends HistoryJob {
  type: 'job';
  jobId: number;
  databaseFile: string;
  nativeBinding?: string;
  tasks: HistoryTask[];
  shared: SharedArrayBuffer;
}

/** From the refresher to an idle helper: checkpoint the store's WAL after a shared refresh's commit (checkpointAside). */
export interface HealthWorkerCheckpoint {
  type: 'checkpoint';
  databaseFile: string;
  nativeBinding?: string;
}

/** To a helper being let go: finish the message in hand (a checkpoint under way), then exit (stopHealthHelpers). */
export interface HealthWorkerStop {
  type: 'stop';
}

/** From a helper: rows of finished tasks (by index), the end of its share, or why it stopped. */
export type HealthWorkerReply =
  | { type: 'rows'; jobId: number; done: number[]; starts: (number | null)[]; values: unknown[] }
  | { type: 'done'; jobId: number }
  | { type: 'failed'; jobId: number; message: string };

/** The shared Int32Array's slots: the next chunk of tasks to take (TASKS_PER_CHUNK each), and the count of messages helpers have posted. */
export const NEXT_TASK = 0;
export const POSTED = 1;

/** Rows (values) a thread buffers before writing or sending them. */
export const ROWS_PER_FLUSH = 640 * SNAPSHOT_COLUMNS.length;

/** Below this many account-days a refresh runs on one thread: starting to share costs more than it saves. */
const MIN_SHARED_DAYS = 5_000;

/** At most this many helpers: each holds its own copy of the tasks' records and a connection. */
const MAX_HELPERS = 3;

/** A helper silent this long while it holds a task is taken as lost. */
const STALL_MS = 30_000;

/** Helpers are kept between refreshes (an import's history runs in chunks), and let go after this long idle. */
const IDLE_MS = 30_000;

/** Helpers started ahead of an import's refresh wait this long for it. */
const WARM_IDLE_MS = 120_000;

/**
 * A helper's young generation (V8's default is 16–32 MB): a year of an account's rows is short-lived garbage, and
 * with the default the helper spent a fifth of its time in scavenges. Measured on the 2,000-account backfill
 * (median of 5 runs, interleaved): 3.6–3.7 s with the default, 3.2–3.4 s with 64 MB.
 */
const HELPER_YOUNG_GENERATION_MB = 64;

interface Helper {
  worker: Worker;
  port: MessagePort;
}

const pool: Helper[] = [];
const helperExitCodes: number[] = [];

/** The exit codes of this thread's helpers that have ended, in order (for tests: 0 ended on its own, 1 terminated). */
export function healthHelperExitCodes(): readonly number[] {
  return helperExitCodes;
}
let idleTimer: NodeJS.Timeout | null = null;
let jobs = 0;

function spawnHelper(): Helper {
  const script = workerScript('health-worker');
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(script.code, {
    eval: script.eval,
    workerData: { port: port2 },
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: HELPER_YOUNG_GENERATION_MB },
  });
  // A helper that dies is found by its silence (the waiting thread cannot hear events); this keeps the error from
  // reaching the process as an unhandled one.
  worker.on('error', () => dropHelper(worker));
  worker.on('exit', (code) => {
    helperExitCodes.push(code);
    dropHelper(worker);
  });
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}

function dropHelper(worker: Worker): void {
  const at = pool.findIndex((h) => h.worker === worker);
  if (at >= 0) {
    pool[at].port.close();
    pool.splice(at, 1);
  }
  void worker.terminate();
}

/** Files from this size on are worth starting the helpers for while they import (their history is long). */
const WARM_FILE_BYTES = 1_000_000;

/**
 * Starts the helpers a long refresh will want while a file is still being imported, so that the health history
 * after its commit finds them ready: starting one takes about half a second, and the import leaves the other cores
 * idle meanwhile. Only for a file of WARM_FILE_BYTES or more on a machine with a core to spare; never throws.
 */
export function warmHealthHelpers(fileBytes: number): void {
  try {
    const setting = process.env.BEARING_HEALTH_THREADS;
    const wanted = setting ? Number(setting) : Math.min(MAX_HELPERS, os.availableParallelism() - 1);
    if (fileBytes < WARM_FILE_BYTES || !(wanted > 0)) return;
    while (pool.length < Math.min(MAX_HELPERS, wanted)) pool.push(spawnHelper());
    // Let go if no refresh comes (a file refused, an import cancelled); a long import's refresh starts them again.
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(stopHealthHelpers, WARM_IDLE_MS);
    idleTimer.unref();
  } catch {
    // A helper that cannot start now is started (or done without) when the refresh comes.
  }
}

/**
 * Whether this thread may block in Atomics.wait: Node's threads may; a thread that may not (V8 throws a TypeError,
 * as Chromium's main threads do, which Electron's main process may be) polls instead.
 */
let canBlock = true;

/**
 * Waits until a helper posts a message (POSTED moves from `seen`) or `ms` pass; true when the time ran out. Blocks
 * in Atomics.wait, or, where this thread may not block, polls: the refresher waits only for the helpers' last
 * accounts in flight, a few milliseconds.
 */
export function waitForPost(counters: Int32Array, seen: number, ms: number, block: boolean): boolean {
  if (block) {
    try {
      return Atomics.wait(counters, POSTED, seen, ms) === 'timed-out';
    } catch {
      canBlock = false;
    }
  }
  const until = Date.now() + ms;
  while (Atomics.load(counters, POSTED) === seen) if (Date.now() >= until) return true;
  return false;
}

/** How many helpers are started (idle or working). */
export function helperCount(): number {
  return pool.length;
}

/** A helper asked to stop that has not exited after this long (a checkpoint that hangs) is terminated. */
const STOP_GRACE_MS = 30_000;

/**
 * Ends the helper threads (the app closing, an import worker's job answered, a test's end). Each is asked to stop
 * and exits once the message in hand is done, rather than being terminated: a thread terminated inside a
 * better-sqlite3 call (a helper opening its connection for the checkpoint after a refresh's commit) can abort the
 * whole process with V8's "Empty MaybeLocal" (WiseLibs/better-sqlite3#842).
 * A stopping helper holds its thread (or the process) open until it has exited, so that a thread or process ending
 * right after a refresh does not cut it off either; one still running after STOP_GRACE_MS is terminated.
 */
export function stopHealthHelpers(): void {
  for (const h of pool.splice(0)) {
    h.port.postMessage({ type: 'stop' } satisfies HealthWorkerStop);
    h.worker.ref();
    const grace = setTimeout(() => void h.worker.terminate(), STOP_GRACE_MS);
    grace.unref();
    h.worker.once('exit', () => clearTimeout(grace));
  }
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
}

/** A connection and the file it opened (a services context, or an import job's own connection). */
type CheckpointStore = Pick<StoreContext, 'sqlite' | 'databaseFile'> & { nativeBinding?: string };

/**
 * Holds back the store's automatic checkpoint for the commit of a shared refresh (the connection's
 * wal_autocheckpoint set to 0): that commit leaves a year of 2,000 accounts' snapshots in the WAL, about 10,000
 * pages, and copying them into the database file took the refreshing thread 0.12-0.14 s after its commit, on the
 * path the CSM waits on. Returns the setting to restore (checkpointAside).
 */
export function holdCheckpoint(ctx: CheckpointStore): number {
  const previous = autoCheckpointPages(ctx.sqlite);
  setAutoCheckpointPages(ctx.sqlite, 0);
  return previous;
}

/**
 * After the commit: restores the automatic checkpoint and has an idle helper checkpoint the WAL (PASSIVE: it waits
 * for no reader or writer; the next shared job queues behind it). Without a helper left, checkpoints here. A
 * checkpoint that does not happen loses nothing: the next commit past the threshold checkpoints as always.
 */
export function checkpointAside(ctx: CheckpointStore, previous: number): void {
  setAutoCheckpointPages(ctx.sqlite, previous);
  const helper = pool[0];
  if (helper !== undefined) {
    helper.port.postMessage({ type: 'checkpoint', databaseFile: ctx.databaseFile, nativeBinding: ctx.nativeBinding } satisfies HealthWorkerCheckpoint);
    return;
  }
  try {
    checkpointWal(ctx.sqlite);
  } catch {
    // Left to the next commit's automatic checkpoint.
  }
}

/**
 * For an import's own connection, when helpers are started (warmHealthHelpers: a large file): holds its automatic
 * checkpoint for the import's commit and returns what to call once it has committed (checkpointAside). A million
 * rows leave about 150 MB in the WAL, and copying them took the commit 0.45-0.55 s on the path the CSM waits on;
 * a helper copies them while the import's health history is computed. Without helpers, nothing changes.
 */
export function checkpointImportAside(store: CheckpointStore): () => void {
  if (pool.length === 0) return () => undefined;
  const previous = holdCheckpoint(store);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    checkpointAside(store, previous);
  };
}

/**
 * How many helpers a refresh of these tasks takes: none for a short one, one begun inside another transaction
 * (insideOther: its writes are not visible to the helpers' connections) or a store with no file; else one fewer
 * than the cores, at most MAX_HELPERS (BEARING_HEALTH_THREADS sets it: 0 turns sharing off).
 */
export function helpersFor(ctx: StoreContext, tasks: readonly HistoryTask[], today: number, insideOther: boolean): number {
  const setting = process.env.BEARING_HEALTH_THREADS;
  const fixed = setting === undefined || setting === '' ? null : Number(setting);
  if (fixed !== null && !(Number.isInteger(fixed) && fixed >= 0)) throw new Error(`BEARING_HEALTH_THREADS wants a whole number of helper threads, not "${setting}".`);
  if (fixed === 0 || insideOther || ctx.databaseFile === ':memory:' || !fs.existsSync(ctx.databaseFile)) return 0;
  if (fixed !== null) return Math.min(fixed, MAX_HELPERS);
  let days = 0;
  // A whole history is counted at its longest: its start (the first event) is read by whichever thread computes it.
  for (const t of tasks) days += today - Math.max(t.requested ?? -Infinity, today - HISTORY_CAP_DAYS) + 1;
  return days < MIN_SHARED_DAYS ? 0 : Math.min(MAX_HELPERS, Math.max(0, os.availableParallelism() - 1));
}

/** Computes tasks [first, end) into rows, telling `started` each one's history start (snapshot-rows.ts historyChunkRows). */
export type ComputeChunk = (
  first: number,
  end: number,
  rows: unknown[],
  started: (task: number, start: number | null) => void,
  taskDone: () => void,
) => void;

/**
 * Computes every task's rows (compute, TASKS_PER_CHUNK at a time) and hands them to write, here and on `helpers`
 * helper threads; `started` gets each task's history start, from whichever thread computed it, before its rows are
 * written. Must run inside the refresher's IMMEDIATE transaction (see the top of this file). `helpersOnly` leaves
 * every task to the helpers unless they fail (for tests of the helpers' own path). Returns how many tasks helpers
 * computed.
 */
export function runHistoryTasks(
  ctx: StoreContext & { nativeBinding?: string },
  tasks: readonly HistoryTask[],
  job: HistoryJob,
  helpers: number,
  compute: ComputeChunk,
  write: (rows: unknown[]) => void,
  started: (task: number, start: number | null) => void,
  helpersOnly = false,
): number {
  const rows: unknown[] = [];
  const flush = () => {
    if (rows.length >= ROWS_PER_FLUSH) write(rows);
  };
  const chunks = chunkCount(tasks.length);
  const computeChunk = (c: number) => compute(...chunkBounds(c, tasks.length), rows, started, flush);
  if (helpers === 0 || chunks < 2) {
    for (let c = 0; c < chunks; c++) computeChunk(c);
    write(rows);
    return 0;
  }
  if (idleTimer) clearTimeout(idleTimer);
  try {
    while (pool.length < helpers) pool.push(spawnHelper());
  } catch {
    // No helper can start (a build without its entry): the ones there are, or this thread alone, do the work.
  }
  const team = pool.slice(0, helpers);
  if (team.length === 0) return runHistoryTasks(ctx, tasks, job, 0, compute, write, started);
  const shared = new SharedArrayBuffer(8);
  const counters = new Int32Array(shared);
  const jobId = ++jobs;
  const message: HealthWorkerJob = { ...job, type: 'job', jobId, databaseFile: ctx.databaseFile, nativeBinding: ctx.nativeBinding, tasks: [...tasks], shared };
  for (const h of team) h.port.postMessage(message);

  const finished = new Uint8Array(tasks.length);
  let left = tasks.length;
  const finish = (i: number) => {
    if (finished[i] === 0) {
      finished[i] = 1;
      left -= 1;
    }
  };
  let helped = 0;
  let lost = false;
  // Takes every message the helpers have posted; false when one failed.
  const drain = (): boolean => {
    for (const h of team) {
      for (let m = receiveMessageOnPort(h.port); m !== undefined; m = receiveMessageOnPort(h.port)) {
        const reply = m.message as HealthWorkerReply;
        if (reply.jobId !== jobId) continue;
        if (reply.type === 'failed') return false;
        if (reply.type === 'rows') {
          for (let k = 0; k < reply.done.length; k++) if (finished[reply.done[k]] === 0) started(reply.done[k], reply.starts[k]);
          write(reply.values);
          for (const i of reply.done) finish(i);
          helped += reply.done.length;
        }
      }
    }
    return true;
  };
  try {
    for (let c = helpersOnly ? chunks : Atomics.add(counters, NEXT_TASK, 1); c < chunks; c = Atomics.add(counters, NEXT_TASK, 1)) {
      computeChunk(c);
      const [first, end] = chunkBounds(c, tasks.length);
      for (let i = first; i < end; i++) finish(i);
      if (!drain()) lost = true;
      if (lost) break;
    }
    write(rows);
    let quietSince = Date.now();
    while (!lost && left > 0) {
      const seen = Atomics.load(counters, POSTED);
      const before = left;
      if (!drain()) lost = true;
      else if (left === before && waitForPost(counters, seen, 1_000, canBlock) && Date.now() - quietSince > STALL_MS) lost = true;
      if (left !== before) quietSince = Date.now();
    }
  } finally {
    if (lost || left > 0) {
      // The helpers' claims can no longer be trusted: stop them and compute here whatever no thread finished.
      Atomics.store(counters, NEXT_TASK, chunks);
      for (const h of team) dropHelper(h.worker);
    }
  }
  if (left > 0) {
    for (let i = 0; i < tasks.length; i++) {
      if (finished[i] === 1) continue;
      compute(i, i + 1, rows, started, flush);
    }
    write(rows);
  }
  idleTimer = setTimeout(stopHealthHelpers, IDLE_MS);
  idleTimer.unref();
  return helped;
}
