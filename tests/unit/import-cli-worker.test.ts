// The CLI imports a large file in the import worker, as the app does, and a small one in process
// (services/import-runner.ts importRunnerFor): the worker's import is faster, its start costs about 0.8 s under tsx.
// Checked on a real store with a Pendo-shaped export: the CLI's backend imports a small file in process, and in the
// worker when told to (the large files' path), where every row is stored and the history of the accounts it touched
// computed; bench:import's phase clock, asked for in this thread, is filled from the worker's timing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEventsCsv } from '../../bench/events-csv';
import { openBackend } from '../../src/main/app/backend';
import { IMPORT_PHASES, measureImportPhases } from '../../src/main/import/phase-clock';
import { CLI_WORKER_MIN_BYTES, importRunnerFor, importWorkersStarted } from '../../src/main/services/import-runner';
import { tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const ROWS = 3_000;
let work: string;
let file: string;
beforeAll(async () => {
  work = tempDir('bearing-cli-worker-');
  file = path.join(work, 'pendo-export.csv');
  await writeEventsCsv(file, { rows: ROWS, users: 240, accounts: 12, shape: 'export' });
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("the CLI's imports", () => {
  it('run in the worker from CLI_WORKER_MIN_BYTES on; the app always uses it, and a host that chose keeps its choice', () => {
    expect(importRunnerFor('cli', undefined, CLI_WORKER_MIN_BYTES - 1)).toBe('in-process');
    expect(importRunnerFor('cli', undefined, CLI_WORKER_MIN_BYTES)).toBe('worker');
    expect(importRunnerFor('cli', undefined, 127 * 1024 * 1024)).toBe('worker');
    expect(importRunnerFor('web', undefined, 1_000)).toBe('worker');
    expect(importRunnerFor('electron', undefined, 1_000)).toBe('worker');
    expect(importRunnerFor('cli', 'in-process', 127 * 1024 * 1024)).toBe('in-process');
    expect(importRunnerFor('web', 'in-process', 1_000)).toBe('in-process');
    // Between the sizes measured in process faster (33 MB) and in the worker faster (66 MB).
    expect(CLI_WORKER_MIN_BYTES).toBeGreaterThan(33 * 1024 * 1024);
    expect(CLI_WORKER_MIN_BYTES).toBeLessThan(66 * 1024 * 1024);
  });

  it('import a small file in process, starting no thread', async () => {
    const dataDir = tempDir('bearing-cli-worker-data-');
    // As src/main/cli/main.ts opens it: no runner named.
    const backend = openBackend({ host: 'cli', dataDir });
    try {
      const workersBefore = importWorkersStarted();
      const job = await runJob(backend, { path: file, timeZone: 'UTC' });
      expect(job.summary.status).toBe('imported');
      expect(importWorkersStarted()).toBe(workersBefore);
      expect(backend.database.sqlite.prepare('SELECT count(DISTINCT account_id) FROM health_snapshots').pluck().get()).toBe(12);
    } finally {
      backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("run a large file's job in the import worker, which stores every row and scores the accounts it touched", async () => {
    const dataDir = tempDir('bearing-cli-worker-data-');
    // The runner a file of CLI_WORKER_MIN_BYTES or more gets (named here: the test's file is small).
    const backend = openBackend({ host: 'cli', dataDir, importRunner: 'worker' });
    try {
      const workersBefore = importWorkersStarted();
      const job = await runJob(backend, { path: file, timeZone: 'UTC' });
      expect(job.summary.status).toBe('imported');
      expect(importWorkersStarted()).toBe(workersBefore + 1);
      const db = backend.database.sqlite;
      // The file's rows, counted apart (header excluded), are the accepted and duplicate rows; the stored events
      // are the accepted ones.
      const lines = fs.readFileSync(file, 'utf8').trim().split('\n').length - 1;
      expect(job.summary.counts.accepted + job.summary.counts.duplicates).toBe(lines);
      expect(db.prepare('SELECT count(*) FROM usage_events').pluck().get()).toBe(job.summary.counts.accepted);
      // The history was computed by the worker: every account with events has snapshots.
      expect(db.prepare('SELECT count(DISTINCT account_id) FROM usage_events').pluck().get()).toBe(12);
      expect(db.prepare('SELECT count(DISTINCT account_id) FROM health_snapshots').pluck().get()).toBe(12);
    } finally {
      backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("fill bench:import's phase clock from the worker's timing when it was asked for", async () => {
    const dataDir = tempDir('bearing-cli-worker-data-');
    const backend = openBackend({ host: 'cli', dataDir, importRunner: 'worker' });
    try {
      const workersBefore = importWorkersStarted();
      const clock = measureImportPhases();
      const job = await runJob(backend, { path: file, timeZone: 'UTC' });
      expect(job.summary.status).toBe('imported');
      expect(importWorkersStarted()).toBe(workersBefore + 1);
      for (const phase of ['read', 'validate', 'resolve', 'write', 'rollup', 'commit'] as const) expect(clock.ms[phase], phase).toBeGreaterThan(0);
      // The phases add up to the job's wall time in the worker, which includes the import's own duration.
      const total = IMPORT_PHASES.reduce((sum, phase) => sum + clock.ms[phase], 0);
      expect(total).toBeGreaterThanOrEqual(job.summary.durationMs * 0.9);
    } finally {
      backend.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
