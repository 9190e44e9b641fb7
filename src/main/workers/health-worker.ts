// A helper thread of a long health-history refresh (services/health-threads.ts): for each job it opens its own
// connection, takes chunks of accounts from the shared counter until none is left, reads their records, computes
// their snapshot rows with the refresher's own function (historyChunkRows) and sends them back with each account's
// history start; the refresher writes them. It reads inside one read transaction, so every account sees the same
// store (the refresher holds the write lock meanwhile).
import path from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';
import { checkpointWal, connect } from '../db/open';
import type { StoreContext } from '../services/context';
import { NEXT_TASK, POSTED, ROWS_PER_FLUSH, type HealthWorkerCheckpoint, type HealthWorkerJob, type HealthWorkerReply, type HealthWorkerStop } from '../services/health-threads';
import { chunkBounds, chunkCount, historyChunkRows } from '../services/snapshot-rows';

const port = (workerData as { port: MessagePort }).port;

function run(job: HealthWorkerJob, post: (reply: HealthWorkerReply) => void): void {
  const store = connect(job.databaseFile, job.nativeBinding);
  const ctx: StoreContext = { ...store, dataDir: path.dirname(job.databaseFile), databaseFile: job.databaseFile, now: () => new Date() };
  const counters = new Int32Array(job.shared);
  try {
    store.sqlite.exec('BEGIN');
    const rows: unknown[] = [];
    const done: number[] = [];
    const starts: (number | null)[] = [];
    const started = (task: number, start: number | null) => {
      done.push(task);
      starts.push(start);
    };
    // After each account: its rows are whole, so it can be reported done with them.
    const flush = () => {
      if (rows.length < ROWS_PER_FLUSH) return;
      // Posting copies the arrays, so they are emptied in place: the computation holds `rows` meanwhile.
      post({ type: 'rows', jobId: job.jobId, done, starts, values: rows });
      rows.length = 0;
      done.length = 0;
      starts.length = 0;
    };
    const chunks = chunkCount(job.tasks.length);
    for (let c = Atomics.add(counters, NEXT_TASK, 1); c < chunks; c = Atomics.add(counters, NEXT_TASK, 1)) {
      historyChunkRows(ctx, job.tasks, ...chunkBounds(c, job.tasks.length), job, rows, started, flush);
    }
    if (done.length > 0) post({ type: 'rows', jobId: job.jobId, done, starts, values: rows });
    post({ type: 'done', jobId: job.jobId });
  } finally {
    if (store.sqlite.inTransaction) store.sqlite.exec('COMMIT');
    store.sqlite.close();
  }
}

/** A checkpoint asked for after a shared refresh's commit; a failure is left to the next automatic one. */
function checkpoint(message: HealthWorkerCheckpoint): void {
  try {
    const store = connect(message.databaseFile, message.nativeBinding);
    try {
      checkpointWal(store.sqlite);
    } finally {
      store.sqlite.close();
    }
  } catch {
    // The store's next commit past the threshold checkpoints it.
  }
}

port.on('message', (message: HealthWorkerJob | HealthWorkerCheckpoint | HealthWorkerStop) => {
  if (message.type === 'stop') {
    // Nothing else holds this thread: with its port closed it exits, after whatever was asked before this.
    port.close();
    return;
  }
  if (message.type === 'checkpoint') {
    checkpoint(message);
    return;
  }
  const job = message;
  const counters = new Int32Array(job.shared);
  // Each message wakes the refresher, which waits on the count of messages posted.
  const post = (reply: HealthWorkerReply) => {
    port.postMessage(reply);
    Atomics.add(counters, POSTED, 1);
    Atomics.notify(counters, POSTED);
  };
  try {
    run(job, post);
  } catch (error) {
    post({ type: 'failed', jobId: job.jobId, message: error instanceof Error ? error.message : String(error) });
  }
});
