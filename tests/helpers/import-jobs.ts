// Running import jobs through the API as a screen does (start, then follow 'import.progress' to the end), and
// looking at the store the way the import tests compare it.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { expect, onTestFinished } from 'vitest';
import type { Backend, BackendOptions } from '../../src/main/app/backend';
import { fileHandles } from '../../src/main/services/file-handles';
import type { ImportProgress, ImportSummary, MethodInput } from '../../src/shared/contract';
import { tempBackend } from './backend';

export interface FollowedJob {
  jobId: string;
  summary: ImportSummary;
  phases: ImportProgress['phase'][];
}

const FINAL = new Set(['done', 'failed', 'cancelled']);

/** import.start's input, or with the file named by its path: then registered as the OS dialog would (chooseFile). */
export type JobInput = MethodInput<'import.start'> | (Omit<MethodInput<'import.start'>, 'file'> & { path: string });

/** The handle main gives for a file the CSM chose in the OS dialog (what a host does before any import). */
export function chooseFile(backend: Pick<Backend, 'context'>, file: string): string {
  return fileHandles(backend.context).add(path.resolve(file)).file;
}

/** The handle main gives for a folder the CSM chose in the OS folder dialog (a watched folder). */
export function chooseFolder(backend: Pick<Backend, 'context'>, folder: string): string {
  return fileHandles(backend.context).add(path.resolve(folder), { kind: 'folder' }).file;
}

/** Starts an import and resolves with its summary and every phase it reported, in order. */
export async function runJob(
  backend: Backend,
  input: JobInput,
  onProgress?: (p: ImportProgress, jobId: string) => void,
): Promise<FollowedJob> {
  const seen: ImportProgress[] = [];
  let wanted: string | null = null;
  let finish: (p: ImportProgress) => void = () => undefined;
  const finished = new Promise<ImportProgress>((resolve) => (finish = resolve));
  // Subscribed before the start: nothing the job reports can be missed.
  const off = backend.api.subscribe((event, payload) => {
    if (event !== 'import.progress') return;
    const p = payload as ImportProgress;
    seen.push(p);
    if (wanted !== null && p.jobId === wanted) {
      onProgress?.(p, wanted);
      if (FINAL.has(p.phase)) finish(p);
    }
  });
  const { path: file, ...rest } = 'path' in input ? input : { ...input, path: null };
  const started = await backend.api.invoke('import.start', file === null ? rest : { ...rest, file: chooseFile(backend, file) });
  if (!started.ok) {
    off();
    throw new Error(`import.start failed: ${JSON.stringify(started.error)}`);
  }
  const jobId = (started.value as { jobId: string }).jobId;
  wanted = jobId;
  const early = seen.find((p) => p.jobId === jobId && FINAL.has(p.phase));
  const end = early ?? (await finished);
  off();
  if (!end.summary) throw new Error(`job ${jobId} ended (${end.phase}) without a summary`);
  return { jobId, summary: end.summary, phases: seen.filter((p) => p.jobId === jobId).map((p) => p.phase) };
}

/** usage_daily next to the GROUP BY over usage_events it must equal (minutes rounded: float sums differ in order). */
export function rollupsAndEvents(sqlite: Database.Database): { rollups: unknown[]; fromEvents: unknown[] } {
  const rollups = sqlite
    .prepare('SELECT account_id, day, user_id, feature_id, events, round(minutes, 6) AS minutes FROM usage_daily ORDER BY 1, 2, 3, 4')
    .all();
  const fromEvents = sqlite
    .prepare(
      `SELECT account_id, day, user_id, feature_id, sum(count) AS events, round(sum(minutes), 6) AS minutes
       FROM usage_events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    .all();
  return { rollups, fromEvents };
}

/**
 * Every row of every table, in rowid (or key) order: two snapshots are equal when the store holds exactly the same.
 * task_dirty is left out: it holds the work queue's pending "look again" marks, which any write adds to.
 */
export function snapshot(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite
    .prepare(
      `SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
       AND name NOT LIKE '__drizzle%' AND name NOT IN ('sqlite_schema', 'sqlite_temp_schema') AND name <> 'task_dirty' ORDER BY name`,
    )
    .all() as { name: string; wr: number }[];
  const out: Record<string, unknown[]> = {};
  // A WITHOUT ROWID table (usage_daily) is read in its key's order.
  for (const t of tables) out[t.name] = sqlite.prepare(`SELECT * FROM "${t.name}"${t.wr ? '' : ' ORDER BY rowid'}`).all();
  return out;
}

export function count(sqlite: Database.Database, sql: string, ...params: unknown[]): number {
  return sqlite.prepare(sql).pluck().get(...params) as number;
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
/** A CSV from tests/fixtures/import. */
export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

/**
 * A book built only from these export files (UTC), on a fresh temp backend that is closed and removed when the
 * test ends; every file must import.
 */
export async function bookFrom(files: readonly string[], options: Partial<BackendOptions> = {}): Promise<Backend & { dataDir: string }> {
  const b = tempBackend(options);
  onTestFinished(() => {
    b.close();
    fs.rmSync(b.dataDir, { recursive: true, force: true });
  });
  for (const file of files) {
    const job = await runJob(b, { path: file, timeZone: 'UTC' });
    expect(job.summary.status, file).toMatch(/^imported/);
  }
  return b;
}
