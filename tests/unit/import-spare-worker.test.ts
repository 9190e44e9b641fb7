// The spare import worker (services/import-runner.ts): the app's hosts start it when a file is inspected, so the
// CSM's import does not wait for a thread to start and its bundle to load; files dropped together each find one.
import fs from 'node:fs';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { ImportProgress } from '../../src/shared/contract';
import { hasSpareImportWorker, importWorkersStarted, stopSpareImportWorker } from '../../src/main/services/import-runner';
import { ok, tempBackend } from '../helpers/backend';
import { chooseFile, fixture, runJob } from '../helpers/import-jobs';

let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
  stopSpareImportWorker();
});

/** The data rows of a CSV file, counted by papaparse: what an import must account for. */
function dataRows(file: string): number {
  return Papa.parse(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data.length;
}

function eventsIn(b: Backend): unknown[] {
  return b.database.sqlite.prepare('SELECT account_id, user_id, feature_id, ts, day, count, line FROM usage_events ORDER BY ts, line').all();
}

describe('the spare import worker', () => {
  it('is started by an inspection on the web host and runs the import that follows, starting no other thread', async () => {
    stopSpareImportWorker();
    backend = tempBackend({ host: 'web' });
    const file = fixture('pendo-events.csv');
    expect(hasSpareImportWorker()).toBe(false);
    await ok(backend.api.invoke('import.inspect', { file: chooseFile(backend, file) }));
    expect(hasSpareImportWorker()).toBe(true);
    const before = importWorkersStarted();
    const job = await runJob(backend, { path: file, timeZone: 'UTC' });
    expect(importWorkersStarted()).toBe(before);
    expect(hasSpareImportWorker()).toBe(false);
    expect(job.summary.status).toBe('imported');
    // The fixture's four rows, all accepted (counted here by papaparse, not by the importer).
    expect(job.summary.counts).toMatchObject({ rows: dataRows(file), accepted: 4, rejected: 0 });
    expect(job.phases.at(-1)).toBe('done');

    // The same file imported by a worker started cold (no inspection) into another store: the same events.
    const warm = eventsIn(backend);
    const cold = tempBackend({ host: 'web' });
    try {
      const coldStarted = importWorkersStarted();
      await runJob(cold, { path: file, timeZone: 'UTC' });
      expect(importWorkersStarted()).toBe(coldStarted + 1);
      expect(eventsIn(cold)).toEqual(warm);
    } finally {
      cold.close();
      fs.rmSync(cold.dataDir, { recursive: true, force: true });
    }
  });

  it('is started for the next of files dropped together while the first imports', async () => {
    stopSpareImportWorker();
    backend = tempBackend({ host: 'web' });
    const files = [fixture('pendo-events.csv'), fixture('amplitude-events.csv')];
    for (const file of files) await ok(backend.api.invoke('import.inspect', { file: chooseFile(backend, file) }));
    const before = importWorkersStarted();
    // Whether a spare waits while the first job reports from its worker (past 'queued' and 'reading', sent here).
    const spareWhileFirstRan: boolean[] = [];
    const watch = (p: ImportProgress) => {
      if (p.phase !== 'queued' && p.phase !== 'reading' && p.phase !== 'done') spareWhileFirstRan.push(hasSpareImportWorker());
    };
    const jobs = await Promise.all(files.map((file, i) => runJob(backend!, { path: file, timeZone: 'UTC' }, i === 0 ? watch : undefined)));
    expect(spareWhileFirstRan.length).toBeGreaterThan(0);
    expect(spareWhileFirstRan.every(Boolean)).toBe(true);
    // Each file read to its end by its own job (the second repeats some of the first's events: duplicates).
    expect(jobs.map((j) => j.summary.counts.rows)).toEqual(files.map(dataRows));
    expect(jobs.map((j) => j.summary.status)).toEqual(['imported', 'imported_with_rejections']);
    // One spare from the inspections, taken by the first job; one started for the second while the first ran.
    expect(importWorkersStarted()).toBe(before + 1);
    expect(hasSpareImportWorker()).toBe(false);
    expect(backend.database.sqlite.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 2 });
  });

  it('is not started by the CLI, which imports in process, and is let go when the host closes', async () => {
    stopSpareImportWorker();
    const cli = tempBackend();
    try {
      await ok(cli.api.invoke('import.inspect', { file: chooseFile(cli, fixture('pendo-events.csv')) }));
      expect(hasSpareImportWorker()).toBe(false);
    } finally {
      cli.close();
      fs.rmSync(cli.dataDir, { recursive: true, force: true });
    }
    backend = tempBackend({ host: 'web' });
    await ok(backend.api.invoke('import.inspect', { file: chooseFile(backend, fixture('pendo-events.csv')) }));
    expect(hasSpareImportWorker()).toBe(true);
    backend.close();
    expect(hasSpareImportWorker()).toBe(false);
    fs.rmSync(backend.dataDir, { recursive: true, force: true });
    backend = undefined;
  });
});
