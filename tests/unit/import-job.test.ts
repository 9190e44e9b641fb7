// Import jobs through the API of a real backend: the worker-thread runner (host 'web') and the in-process one
// (host 'cli'), rollups, cancel, the history's rejects CSV, remembered mappings, queued jobs, and files built to
// stress the reader (a 5 MB cell, 300 columns). Undo has its own file (import-job-undo.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { ImportProgress, Inspection } from '../../src/shared/contract';
import { writeEventsCsv } from '../../bench/events-csv';
import { runImport } from '../../src/main/import/job';
import { ok, tempBackend, tempDir } from '../helpers/backend';
import { chooseFile, count, fixture, rollupsAndEvents, runJob, snapshot } from '../helpers/import-jobs';


let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  // Some of these stores hold 100,000+ rows: not left behind in the temp folder.
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let work: string;
let large: string;
let medium: string;
beforeAll(async () => {
  work = tempDir('bearing-import-job-');
  // Big enough that a cancel lands while it is being read (about a second of work), small enough to build fast.
  large = path.join(work, 'large.csv');
  await writeEventsCsv(large, { rows: 120_000, users: 2_000, accounts: 50 });
  // Long enough that the jobs started after it wait in the queue.
  medium = path.join(work, 'medium.csv');
  await writeEventsCsv(medium, { rows: 20_000, users: 200, accounts: 10 });
});

describe('import jobs through the API', () => {
  it('runs in a worker thread for the app hosts, reports progress, and keeps the rollups equal to the events', async () => {
    backend = tempBackend({ host: 'web' });
    const job = await runJob(backend, { path: large, timeZone: 'UTC' });
    expect(job.summary).toMatchObject({ status: 'imported', kind: 'events', source: 'pendo', rowsAccepted: 120_000 });
    expect(job.phases[0]).toBe('queued');
    expect(job.phases).toContain('reading');
    expect(job.phases.at(-1)).toBe('done');
    // Committed before health is recomputed: 'scoring' (no Cancel any more) sits between saving and done.
    const scoring = job.phases.indexOf('scoring');
    expect(scoring).toBeGreaterThan(job.phases.lastIndexOf('saving'));
    // Then only the scoring's own progress (accounts done), and done.
    expect(job.phases.slice(scoring + 1, -1).every((p) => p === 'scoring')).toBe(true);
    expect(job.phases.at(-1)).toBe('done');
    const { rollups, fromEvents } = rollupsAndEvents(backend.database.sqlite);
    expect(rollups.length).toBeGreaterThan(100_000);
    expect(rollups).toEqual(fromEvents);
    // The commit is visible to the services' own connection, and the history lists it.
    const list = await ok<{ origin: string; rowsAccepted: number }[]>(backend.api.invoke('imports.list', {}));
    expect(list[0]).toMatchObject({ origin: 'manual', rowsAccepted: 120_000 });
  });

  it('keeps usage_daily equal to a GROUP BY over usage_events across imports that overlap (in process)', async () => {
    backend = tempBackend();
    for (const name of ['daily-usage.csv', 'european-semicolon.csv', 'weekly-usage.csv', 'pendo-events.csv', 'amplitude-events.csv', 'daily-usage.csv']) {
      const job = await runJob(backend, { path: fixture(name), timeZone: 'UTC' });
      // In process too, health is recomputed after the commit; the last file adds nothing, so there is nothing to score.
      expect(job.phases.includes('scoring')).toBe(job.summary.rowsAccepted > 0);
    }
    const { rollups, fromEvents } = rollupsAndEvents(backend.database.sqlite);
    expect(rollups.length).toBeGreaterThan(10);
    expect(rollups).toEqual(fromEvents);
    expect(backend.database.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(backend.database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it("writes without foreign-key checks on the job's own connection and turns them back on, after success and failure", async () => {
    backend = tempBackend();
    const sqlite = backend.database.sqlite;
    const done = await runImport({ sqlite, path: fixture('pendo-events.csv'), timeZone: 'UTC', now: Date.parse('2026-11-24T12:00:00Z') });
    expect(done.status).toBe('imported');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const failed = await runImport({ sqlite, path: fixture('unterminated-quote.csv'), timeZone: 'UTC', now: Date.parse('2026-11-24T12:00:00Z') });
    expect(failed.status).toBe('error');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it.each(['cli', 'web'] as const)('cancel leaves the store exactly as it was (%s host)', async (host) => {
    backend = tempBackend({ host });
    const b = backend;
    await runJob(b, { path: fixture('daily-usage.csv'), timeZone: 'UTC' });
    await runJob(b, { path: fixture('salesforce-accounts.csv'), timeZone: 'UTC' });
    const before = snapshot(b.database.sqlite);
    let cancelled = false;
    const job = await runJob(b, { path: large, timeZone: 'UTC' }, (p: ImportProgress, jobId) => {
      // Cancel as soon as rows are being read: part of the file is already in the open transaction.
      if (!cancelled && p.phase === 'reading' && p.rows > 0) {
        cancelled = true;
        void b.api.invoke('import.cancel', { jobId });
      }
    });
    expect(cancelled).toBe(true);
    expect(job.summary).toMatchObject({ status: 'cancelled', rowsAccepted: 0, error: { code: 'cancelled' } });
    expect(job.summary.message).toBe('Import cancelled: nothing was changed.');
    expect(job.phases.at(-1)).toBe('cancelled');
    expect(snapshot(b.database.sqlite)).toEqual(before);
    expect(count(b.database.sqlite, 'SELECT count(*) FROM usage_events')).toBe(4);
  });

  it('cancelling a queued job before it starts never runs it', async () => {
    backend = tempBackend();
    const b = backend;
    const first = runJob(b, { path: medium, timeZone: 'UTC' });
    const second = ok<{ jobId: string }>(b.api.invoke('import.start', { file: chooseFile(b, fixture('daily-usage.csv')), timeZone: 'UTC' }));
    const { jobId } = await second;
    expect(await ok(b.api.invoke('import.cancel', { jobId }))).toEqual({ cancelled: true });
    expect((await first).summary.status).toBe('imported');
    // The queue moves on; the cancelled job left nothing behind.
    await new Promise((r) => setTimeout(r, 50));
    expect(count(b.database.sqlite, "SELECT count(*) FROM imports WHERE file_name = 'daily-usage.csv'")).toBe(0);
  });

  it('queues concurrent starts instead of failing them on the write lock', async () => {
    backend = tempBackend({ host: 'web' });
    const b = backend;
    const order: string[] = [];
    const off = b.api.subscribe((event, payload) => {
      if (event === 'import.progress') order.push(`${(payload as ImportProgress).jobId}:${(payload as ImportProgress).phase}`);
    });
    const jobs = await Promise.all([
      runJob(b, { path: medium, timeZone: 'UTC' }),
      runJob(b, { path: fixture('daily-usage.csv'), timeZone: 'UTC' }),
      runJob(b, { path: fixture('salesforce-accounts.csv'), timeZone: 'UTC' }),
    ]);
    off();
    expect(jobs.map((j) => j.summary.status)).toEqual(['imported', 'imported', 'imported']);
    // One at a time, in the order started: each starts reading only after the one before it is done.
    for (let i = 1; i < jobs.length; i++) {
      expect(order.indexOf(`${jobs[i].jobId}:reading`)).toBeGreaterThan(order.indexOf(`${jobs[i - 1].jobId}:done`));
      expect(order.indexOf(`${jobs[i].jobId}:queued`)).toBeLessThan(order.indexOf(`${jobs[0].jobId}:done`));
    }
    const list = await ok<{ fileName: string; status: string }[]>(b.api.invoke('imports.list', {}));
    expect(list.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
  });
});

describe('who an event belongs to', () => {
  it("attributes an empty account cell to the user's one known account, and rejects it as missing_account for an unknown user", async () => {
    backend = tempBackend();
    await runJob(backend, { path: fixture('daily-usage.csv'), timeZone: 'UTC' }); // u-1001 is in acme
    const file = path.join(work, 'no-account.csv');
    fs.writeFileSync(file, 'user_id,account_id,event,timestamp\nu-1001,,Login,2025-03-05 09:00:00\nu-9999,,Login,2025-03-05 09:00:00\n');
    const job = await runJob(backend, { path: file, timeZone: 'UTC' });
    expect(job.summary).toMatchObject({ status: 'imported_with_rejections', rowsAccepted: 1, distinctAccounts: 1 });
    expect(job.summary.rejected).toEqual([{ line: 3, code: 'missing_account', reason: expect.stringContaining('"u-9999" is not known') }]);
    const acme = count(backend.database.sqlite, "SELECT id FROM accounts WHERE external_id = 'acme'");
    expect(job.summary.attributed).toEqual([{ line: 2, accountId: acme }]);
    const account = backend.database.sqlite
      .prepare("SELECT a.external_id FROM usage_events e JOIN accounts a ON a.id = e.account_id WHERE e.import_id = ?")
      .pluck()
      .get(job.summary.importId);
    expect(account).toBe('acme');
    // The rejected row created nothing: no user u-9999.
    expect(count(backend.database.sqlite, "SELECT count(*) FROM users WHERE external_id = 'u-9999'")).toBe(0);
  });
});

describe('files that stress the reader', () => {
  it('imports a file with a 5 MB cell without stalling; a 5 MB value in a mapped column is rejected, not stored', async () => {
    const file = path.join(work, 'huge-cell.csv');
    const huge = 'x'.repeat(5 * 1024 * 1024);
    fs.writeFileSync(
      file,
      'account_id,user_id,event,timestamp,note\n' +
        `acme,u-1,Login,2025-03-04 09:00:00,"${huge}"\n` +
        `acme,u-2,"${huge}",2025-03-04 09:05:00,short\n` +
        'acme,u-3,Login,2025-03-04 09:10:00,short\n',
    );
    backend = tempBackend();
    const job = await runJob(backend, { path: file, timeZone: 'UTC' });
    expect(job.summary).toMatchObject({ status: 'imported_with_rejections', rowsAccepted: 2 });
    expect(job.summary.rejected).toEqual([{ line: 3, code: 'value_too_long', reason: expect.stringContaining('the limit is 1,000') }]);
    // The reject keeps a bounded copy of the row, not 5 MB.
    const raw = backend.database.sqlite.prepare('SELECT length(raw) FROM import_rejects').pluck().get() as number;
    expect(raw).toBeLessThanOrEqual(2000);
  });

  it('imports a 300-column file', async () => {
    const file = path.join(work, 'wide.csv');
    const extra = Array.from({ length: 296 }, (_, i) => `prop_${i + 1}`);
    const rows = ['user_id,account_id,' + extra.slice(0, 150).join(',') + ',event,timestamp,' + extra.slice(150).join(',')];
    for (let r = 0; r < 2_000; r++) {
      const cells = extra.map((_, i) => String((r * 7 + i) % 1000));
      rows.push(`u-${r % 50},acct-${r % 5},${cells.slice(0, 150).join(',')},Feature ${r % 9},2025-03-0${1 + (r % 9)}T10:${String(r % 60).padStart(2, '0')}:00Z,${cells.slice(150).join(',')}`);
    }
    fs.writeFileSync(file, rows.join('\n') + '\n');
    backend = tempBackend();
    const inspection = await ok<Inspection>(backend.api.invoke('import.inspect', { file: chooseFile(backend, file) }));
    expect(inspection.headers).toHaveLength(300);
    expect(inspection.mapping).toMatchObject({ userId: 'user_id', accountId: 'account_id', event: 'event', timestamp: 'timestamp' });
    const job = await runJob(backend, { path: file, timeZone: 'UTC' });
    expect(job.summary).toMatchObject({ status: 'imported', kind: 'events', distinctAccounts: 5, distinctUsers: 50 });
    expect(job.summary.rowsAccepted + job.summary.counts.duplicates).toBe(2_000);
  });
});

describe('the history', () => {
  it('saves the rejects as CSV with every cell that starts with = + - @ neutralized', async () => {
    const file = path.join(work, 'formula-rejects.csv');
    fs.writeFileSync(
      file,
      'account_id,user_id,event,timestamp,count\n' +
        'acme,u-1,Login,2025-03-04 09:00:00,1\n' +
        '=cmd|\' /C calc\'!A0,u-2,Login,not a date,1\n' +
        '+acme,u-3,Login,2025-03-04 09:10:00,=1+1\n' +
        '-acme,u-4,Login,2025-03-04 09:10:00,@SUM(A1)\n' +
        '@acme,u-5,Login,2025-03-04 09:10:00,-3\n',
    );
    backend = tempBackend();
    const job = await runJob(backend, { path: file, timeZone: 'UTC' });
    expect(job.summary.rejected.map((r) => [r.line, r.code])).toEqual([[3, 'invalid_date'], [4, 'not_a_number'], [5, 'not_a_number'], [6, 'negative_count']]);
    const id = job.summary.importId as number;
    const details = await ok<{ rejects: { line: number }[]; rejectsTotal: number }>(backend.api.invoke('imports.get', { id }));
    expect(details.rejectsTotal).toBe(4);
    const { fileName, csv } = await ok<{ fileName: string; csv: string }>(backend.api.invoke('imports.rejectsCsv', { id }));
    expect(fileName).toBe('formula-rejects-rejected-rows.csv');
    const parsed = Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(['line', 'code', 'reason', 'row as read']);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(['3', '4', '5', '6']);
    for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
    // The row is kept as read, behind the apostrophe that stops a spreadsheet from running it.
    expect(parsed[1][3]).toBe("'=cmd|' /C calc'!A0,u-2,Login,not a date,1");
  });

  it('remembers a mapping for the next file with the same headers', async () => {
    backend = tempBackend();
    const first = path.join(work, 'custom-a.csv');
    const second = path.join(work, 'custom-b.csv');
    // Headers no alias knows: the CSM maps them by hand once.
    fs.writeFileSync(first, 'who,org,what,when_it_happened\nu-1,acme,Login,2025-03-04 09:00:00\n');
    fs.writeFileSync(second, 'when_it_happened,what,org,who\n2025-03-05 09:00:00,Login,acme,u-2\n');
    const mapping = { userId: 'who', accountId: 'org', event: 'what', timestamp: 'when_it_happened' };
    const before = await ok<Inspection>(backend.api.invoke('import.inspect', { file: chooseFile(backend, second), kind: 'events' }));
    expect(before.mappingRemembered).toBe(false);
    const job = await runJob(backend, { path: first, kind: 'events', mapping, timeZone: 'UTC' });
    expect(job.summary).toMatchObject({ status: 'imported', rowsAccepted: 1 });
    // Same header set in another order: recognised, with the kind and mapping chosen last time.
    const after = await ok<Inspection>(backend.api.invoke('import.inspect', { file: chooseFile(backend, second) }));
    expect(after).toMatchObject({ kind: 'events', mappingRemembered: true, mapping });
    const next = await runJob(backend, { path: second, timeZone: 'UTC' });
    expect(next.summary).toMatchObject({ status: 'imported', rowsAccepted: 1, kind: 'events' });
  });

  it('names every required field a mapping leaves out, once, and imports nothing', async () => {
    backend = tempBackend();
    const file = path.join(work, 'unmapped.csv');
    fs.writeFileSync(file, 'who,org,what,when_it_happened\nu-1,acme,Login,2025-03-04 09:00:00\n');
    const job = await runJob(backend, { path: file, kind: 'events', mapping: { userId: 'who', event: 'what' }, timeZone: 'UTC' });
    expect(job.summary.error).toEqual({ code: 'mapping_incomplete', message: 'Nothing was mapped to a required field. Choose the column for Time.', line: 1 });
    expect(job.summary.rowsAccepted).toBe(0);
    expect(count(backend.database.sqlite, 'SELECT count(*) FROM usage_events')).toBe(0);
  });
});

describe('health after an import', () => {
  it('is backfilled right after an import (in the worker), on the clock of the import', async () => {
    backend = tempBackend({ host: 'web' });
    const job = await runJob(backend, { path: fixture('daily-usage.csv'), timeZone: 'UTC' });
    expect(job.summary.status).toBe('imported');
    const latest = backend.database.sqlite.prepare('SELECT max(day) AS day, count(*) AS n FROM health_snapshots').get() as { day: string; n: number };
    // tempBackend's clock says 2026-11-24; the worker used the job's "now", not the wall clock.
    expect(latest.day).toBe('2026-11-24');
    expect(latest.n).toBeGreaterThan(1);
  });
});
