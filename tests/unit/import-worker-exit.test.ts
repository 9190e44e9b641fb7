// The end of an import worker (services/import-runner.ts, workers/import-worker.ts): after answering its job it
// lets its health helpers finish (one checkpoints the WAL after the history's commit) and ends on its own. It used
// to be terminated at once, which terminated the helpers with it, possibly inside SQLite: better-sqlite3 can then
// abort the whole process (V8 "Empty MaybeLocal", WiseLibs/better-sqlite3#842).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeEventsCsv } from '../../bench/events-csv';
import { importWorkerExitCodes, runInWorker, type JobSpec } from '../../src/main/services/import-runner';
import { tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

let work: string;
let file: string;
beforeAll(async () => {
  work = tempDir('bearing-worker-exit-');
  // A Pendo-shaped export (its ten columns) past the 1 MB from which the worker starts its health helpers, over 60
  // accounts and two years: a history long enough to be shared with them.
  file = path.join(work, 'pendo-export.csv');
  await writeEventsCsv(file, { rows: 12_000, users: 900, accounts: 60, shape: 'export' });
  expect(fs.statSync(file).size).toBeGreaterThan(1_000_000);
  process.env.BEARING_HEALTH_THREADS = '1';
});
afterAll(() => {
  delete process.env.BEARING_HEALTH_THREADS;
  fs.rmSync(work, { recursive: true, force: true });
});

describe('an import worker after its job', () => {
  it('ends on its own once its health helpers have, rather than being terminated', async () => {
    const backend = tempBackend({ host: 'web' });
    try {
      const exitsBefore = importWorkerExitCodes().length;
      const job = await runJob(backend, { path: file, timeZone: 'UTC' });
      expect(job.summary.status).toBe('imported');
      expect(job.phases).toContain('scoring');
      await vi.waitFor(() => expect(importWorkerExitCodes().length).toBe(exitsBefore + 1), { timeout: 20_000, interval: 20 });
      // 0: it ended on its own, its helpers gone before it (a terminated thread ends with 1).
      expect(importWorkerExitCodes().slice(exitsBefore)).toEqual([0]);
      // Nothing lost meanwhile: every account the stored events name has its history (plain SQL over both tables).
      const missing = backend.database.sqlite
        .prepare('SELECT count(DISTINCT account_id) FROM usage_events WHERE account_id NOT IN (SELECT account_id FROM health_snapshots)')
        .pluck()
        .get();
      expect(missing).toBe(0);
      expect(backend.database.sqlite.prepare('SELECT count(DISTINCT account_id) FROM usage_events').pluck().get()).toBe(60);
    } finally {
      backend.close();
      fs.rmSync(backend.dataDir, { recursive: true, force: true });
    }
  }, 90_000);

  it('ends on its own too when it could not open the store, its job answered as failed', async () => {
    const exitsBefore = importWorkerExitCodes().length;
    // The addon the store is opened with does not exist: the worker answers 'failed' before reading a row.
    const job = { path: file, timeZone: 'UTC', now: Date.now() } as JobSpec;
    const handle = runInWorker(path.join(work, 'bearing.sqlite'), job, () => undefined, '/nonexistent/better_sqlite3.node');
    await expect(handle.done).rejects.toThrow(/.+/);
    await vi.waitFor(() => expect(importWorkerExitCodes().length).toBe(exitsBefore + 1), { timeout: 20_000, interval: 20 });
    expect(importWorkerExitCodes().slice(exitsBefore)).toEqual([0]);
  }, 60_000);
});
