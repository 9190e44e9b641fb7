// The import methods of the contract: inspect a file (detected kind, source, mapping and a preview), start a job
// and report its progress as events, cancel it, and the history (list, rejects as CSV, undo).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportProgress, ImportRecord, ImportSummary, Inspection, MethodInput, MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { isValidTimeZone } from '../../shared/dates';
import { KIND_SPECS } from '../import/fields';
import { planImport } from '../import/job';
import { previewRows } from '../import/preview';
import { scanEventNames } from '../import/event-scan';
import { detectColumnFormats } from '../import/column-formats';
import { toCsv } from '../import/csv-safety';
import { assertImportableFile } from '../import/file-check';
import { undoImportRows } from '../import/undo-import';
import { accountsCreatedByImport, removeAccountsAndUsage } from '../db/account-removal';
import { accountExists } from '../db/accounts';
import { markMilestonesFromUsage } from '../db/onboarding';
import { withoutForeignKeys } from '../db/demo';
import {
  accountsOfImport,
  allRejects,
  countRejects,
  firstRejects,
  importRow as storedImport,
  markImportUndone,
  recentImports,
  type ImportRow,
} from '../db/imports';
import { timeZoneOf } from './clock';
import { unknownEvents } from './features';
import type { HandlerGroup, ServiceContext } from './context';
import { dropOrphanMarks, markHealthStale } from '../db/health-stale';
import { refreshHealthSnapshots } from './health-snapshots';
import { repairNow, scheduleHealthRepair } from './health-repair';
import { onlyBookAccountsSetting } from './settings';
import { emptySummary } from '../import/import-summary';
import { importRunnerFor, prestartImportWorker, runInProcess, runInWorker, type JobHandle } from './import-runner';
import { fileHandles } from './file-handles';

/**
 * What the importer is given inside main: a real path. Only main builds one, from a handle the CSM's choice
 * minted (the API), a watched folder, the demo book's own files, or the CLI's argument; the page never names one.
 */
export type InspectRequest = Omit<MethodInput<'import.inspect'>, 'file'> & { path: string; fileName?: string };
export type StartRequest = Omit<MethodInput<'import.start'>, 'file'> & { path: string; fileName?: string; origin?: 'manual' | 'watch' };

interface Job {
  progress: ImportProgress;
  handle: JobHandle | null;
  cancelled: boolean;
}

/** Jobs run one after another: each holds the write lock for its whole transaction. */
const queues = new WeakMap<ServiceContext, Promise<unknown>>();

const jobsByContext = new WeakMap<ServiceContext, Map<string, Job>>();
function jobs(ctx: ServiceContext): Map<string, Job> {
  let map = jobsByContext.get(ctx);
  if (!map) jobsByContext.set(ctx, (map = new Map()));
  return map;
}

function zoneFor(ctx: ServiceContext, requested?: string): string {
  if (requested === undefined) return timeZoneOf(ctx);
  if (!isValidTimeZone(requested)) throw new AppError('invalid_time_zone', `"${requested}" is not a time zone Bearing knows (try Europe/Berlin or America/New_York).`);
  return requested;
}

function requireFile(file: string): void {
  assertImportableFile(file);
}

export async function inspectFile(ctx: ServiceContext, input: InspectRequest): Promise<Omit<Inspection, 'file'>> {
  requireFile(input.path);
  const timeZone = zoneFor(ctx, input.timeZone);
  // The app's hosts import in a worker thread: started now, it is ready by the time the CSM has read the preview.
  if (ctx.host !== 'cli') prestartImportWorker();
  const plan = await planImport(ctx.sqlite, input.path, { kind: input.kind, mapping: input.mapping });
  const spec = KIND_SPECS[plan.kind];
  const required = new Set(spec.requires.filter((g) => g.length === 1).map((g) => g[0]));
  const lines = previewRows(
    {
      kind: plan.kind,
      mapping: plan.mapping,
      headers: plan.sniff.headers,
      timeZone,
      now: ctx.now().getTime(),
      columnFormats: detectColumnFormats(plan.sniff.headers, plan.samples, { delimiter: plan.sniff.delimiter, source: plan.source }),
    },
    plan.sniff.sampleRows,
    12,
  );
  return {
    fileName: input.fileName ?? path.basename(input.path),
    sizeBytes: fs.statSync(input.path).size,
    encoding: plan.sniff.encoding,
    delimiter: plan.sniff.delimiter,
    headers: plan.sniff.headers,
    kind: plan.kind,
    source: plan.source,
    confidence: plan.confidence,
    kindRecognised: plan.kindRecognised,
    mapping: plan.mapping,
    mappingRemembered: plan.mappingRemembered,
    fields: spec.fields.map((f) => ({ field: f.key, label: f.label, required: required.has(f.key) })),
    requiresOneOf: spec.requires.filter((g) => g.length > 1),
    unknownEvents: unknownEvents(ctx, await scanEventNames(input.path, plan)),
    preview: lines.map(({ line, result }) => {
      if (result.ok === true) {
        // What is stored, under the fields' names: not the row's kind, nor where a nameless account's name came from;
        // a list cell (the features an account pays for) shows as the CSM would write it.
        const values = Object.fromEntries(
          Object.entries(result.row).filter(([key]) => key !== 'kind' && key !== 'nameFrom').map(([k, v]) => [k, Array.isArray(v) ? v.join('; ') : v]),
        ) as Record<string, string | number | boolean | null>;
        return { line, outcome: 'accepted' as const, values, reason: null };
      }
      if (result.ok === false) return { line, outcome: 'rejected' as const, values: {}, reason: result.reason };
      return { line, outcome: 'skipped' as const, values: {}, reason: result.skip };
    }),
  };
}

/** `internal.origin`: who started it when it is not the CSM's own call (the demo book's files are 'demo'). */
export function startImport(
  ctx: ServiceContext,
  input: StartRequest,
  internal: { origin?: ImportProgress['origin'] } = {},
): { jobId: string; done: Promise<ImportSummary> } {
  requireFile(input.path);
  const timeZone = zoneFor(ctx, input.timeZone);
  const jobId = crypto.randomUUID();
  const fileName = input.fileName ?? path.basename(input.path);
  const origin = internal.origin ?? input.origin ?? (ctx.host === 'cli' ? 'cli' : 'manual');
  const progress: ImportProgress = {
    jobId, fileName, origin, phase: 'queued', rows: 0, bytesRead: 0, totalBytes: fs.statSync(input.path).size,
    rowsPerSecond: 0, secondsLeft: null, summary: null,
  };
  const job: Job = { progress, handle: null, cancelled: false };
  jobs(ctx).set(jobId, job);
  const report = (changes: Partial<ImportProgress>) => {
    Object.assign(progress, changes);
    ctx.emit('import.progress', { ...progress });
  };
  report({});
  const run = importRunnerFor(ctx.host, ctx.importRunner, progress.totalBytes) === 'in-process' ? runInProcess : runInWorker;
  const previous = queues.get(ctx) ?? Promise.resolve();
  const done = previous
    .catch(() => undefined)
    .then(async (): Promise<ImportSummary> => {
      if (job.cancelled) {
        return { ...cancelledSummary(fileName, timeZone) };
      }
      report({ phase: 'reading' });
      job.handle = run(
        ctx.databaseFile,
        {
          path: input.path, fileName, kind: input.kind, mapping: input.mapping, eventFeatures: input.eventFeatures, timeZone, now: ctx.now().getTime(), origin,
          onlyBookAccounts: input.onlyBookAccounts ?? onlyBookAccountsSetting(ctx),
        },
        (update) => report(update),
        ctx.nativeBinding,
      );
      // Files dropped together: the next one's worker starts while this one imports.
      if (ctx.host !== 'cli' && jobs(ctx).size > 1) prestartImportWorker();
      const { summary, accountIds, healthRefreshed } = await job.handle.done;
      try {
        // The worker recomputes health itself, off the main thread. When it could not (a busy store) or the job ran
        // in process (the CLI's smaller files, tests), the CLI does it here; the app's hosts leave the marks to the
        // background repair.
        if (accountIds.length > 0 && !healthRefreshed && ctx.host === 'cli') {
          report({ phase: 'scoring' });
          repairNow(ctx, accountIds, (scoring) => report({ phase: 'scoring', scoring }));
        }
      } catch (error) {
        // The import is committed and its accounts are marked: their history is recomputed on the next start.
        process.stderr.write(`Bearing: health history not recomputed after import (${AppError.from(error).message}).\n`);
      }
      if (ctx.host !== 'cli') void scheduleHealthRepair(ctx);
      return summary;
    })
    .then(
      (summary) => {
        jobs(ctx).delete(jobId);
        const phase = summary.status === 'cancelled' ? 'cancelled' : summary.status === 'error' ? 'failed' : 'done';
        report({ phase, summary, secondsLeft: 0 });
        ctx.emit('changed', { tables: ['imports', 'usage', 'accounts', 'users', 'features', 'renewals', 'health'] });
        return summary;
      },
      (error: unknown) => {
        // The runner itself failed (a worker that could not start or died): its transaction never committed.
        jobs(ctx).delete(jobId);
        const e = AppError.from(error);
        const summary: ImportSummary = {
          ...cancelledSummary(fileName, timeZone), status: 'error', error: { code: e.code, message: e.message, line: e.line },
          message: `${e.message} Nothing was imported.`,
        };
        report({ phase: 'failed', summary, secondsLeft: 0 });
        throw error;
      },
    );
  queues.set(ctx, done);
  done.catch(() => undefined);
  return { jobId, done };
}

function cancelledSummary(fileName: string, timeZone: string): ImportSummary {
  return { ...emptySummary(fileName, timeZone), status: 'cancelled', message: 'Import cancelled: nothing was changed.' };
}

function toRecord(r: ImportRow): ImportRecord {
  const summary = r.summary ? (JSON.parse(r.summary) as { message?: string }) : null;
  return {
    id: r.id, fileName: r.file_name, filePath: r.file_path, source: r.source, kind: r.kind, status: r.status, origin: r.origin,
    mapping: r.mapping ? (JSON.parse(r.mapping) as Record<string, string | null>) : null, timeZone: r.time_zone,
    rowsAccepted: r.rows_accepted, rowsRejected: r.rows_rejected, rowsDuplicate: r.rows_duplicate, rowsSkipped: r.rows_skipped,
    sizeBytes: r.size_bytes, startedAt: r.started_at, finishedAt: r.finished_at, undoneAt: r.undone_at, message: summary?.message ?? null,
  };
}

function importRow(ctx: ServiceContext, id: number): ImportRow {
  const row = storedImport(ctx, id);
  if (!row) throw new AppError('not_found', `There is no import with id ${id}.`);
  return row;
}

export function listImports(ctx: ServiceContext): ImportRecord[] {
  return recentImports(ctx).map(toRecord);
}

export function importDetails(ctx: ServiceContext, id: number): MethodOutput<'imports.get'> {
  const record = toRecord(importRow(ctx, id));
  return { record, rejects: firstRejects(ctx, id), rejectsTotal: countRejects(ctx, id) };
}

export function rejectsCsv(ctx: ServiceContext, id: number): MethodOutput<'imports.rejectsCsv'> {
  const record = importRow(ctx, id);
  const rows = allRejects(ctx, id);
  const base = record.file_name.replace(/\.[^.]+$/, '');
  return { fileName: `${base}-rejected-rows.csv`, csv: toCsv(rows.map((r) => [String(r.line), String(r.code), String(r.reason), String(r.raw ?? '')]), { columns: ['line', 'code', 'reason', 'row as read'] }) };
}

export function undoImport(ctx: ServiceContext, id: number): ImportRecord {
  const row = importRow(ctx, id);
  if (row.undone_at !== null) throw new AppError('already_undone', `Import ${id} (${row.file_name}) was already undone.`);
  const accounts = accountsOfImport(ctx, id);
  const { catalogueChanged } = ctx.sqlite.transaction(() => {
    const undone = undoImportRows(ctx.sqlite, id);
    // Milestones usage marked follow the data back (a date only this import's events gave is cleared).
    markMilestonesFromUsage(ctx.sqlite, undone.catalogueChanged ? 'all' : accounts.filter((a) => accountExists(ctx, a)));
    markImportUndone(ctx, id, ctx.now().getTime());
    markHealthStale(ctx.sqlite, undone.catalogueChanged ? 'all' : accounts, null);
    return undone;
  })();
  const remaining = accounts.filter((a) => accountExists(ctx, a));
  // The catalogue changing back moves usage between features in any account.
  if (catalogueChanged) refreshHealthSnapshots(ctx);
  else if (remaining.length > 0) refreshHealthSnapshots(ctx, { accountIds: remaining });
  // The accounts the undo removed leave no history to recompute.
  dropOrphanMarks(ctx.sqlite);
  return toRecord(importRow(ctx, id));
}

/** imports.removeAccounts: the accounts an import created, removed with their users and usage, in one transaction. */
export function removeImportAccounts(ctx: ServiceContext, input: MethodInput<'imports.removeAccounts'>): MethodOutput<'imports.removeAccounts'> {
  const row = importRow(ctx, input.importId);
  const created = accountsCreatedByImport(ctx, input.importId);
  const foreign = input.accountIds.filter((a) => !created.has(a));
  if (foreign.length > 0) {
    throw new AppError(
      'not_created_by_import',
      `Account${foreign.length === 1 ? '' : 's'} ${foreign.join(', ')} ${foreign.length === 1 ? 'was' : 'were'} not created by ${row.file_name} (or already removed): only the accounts an import created can be removed here.`,
    );
  }
  return withoutForeignKeys(ctx, () => ctx.sqlite.transaction(() => removeAccountsAndUsage(ctx, input.accountIds))());
}

export function importHandlers(
  ctx: ServiceContext,
): HandlerGroup<'import.inspect' | 'import.start' | 'import.discard' | 'import.cancel' | 'import.jobs' | 'imports.list' | 'imports.get' | 'imports.rejectsCsv' | 'imports.undo' | 'imports.removeAccounts'> {
  return {
    'import.inspect': async ({ file, ...input }) => {
      const chosen = fileHandles(ctx).resolve(file);
      return { file, ...(await inspectFile(ctx, { ...input, path: chosen.path, fileName: chosen.name })) };
    },
    'import.start': ({ file, ...input }) => {
      const files = fileHandles(ctx);
      const chosen = files.resolve(file);
      const { jobId, done } = startImport(ctx, { ...input, path: chosen.path, fileName: chosen.name });
      // An upload is deleted once its rows are in; one whose left-out accounts the CSM may still add stays
      // until the card is dismissed (import.discard) or the host stops.
      if (chosen.temporary) {
        done.then(
          (summary) => {
            const imported = summary.status === 'imported' || summary.status === 'imported_with_rejections' || summary.status === 'no_data';
            if (imported && summary.accountsNotInBook.length === 0) files.release(file);
          },
          () => undefined,
        );
      }
      return { jobId };
    },
    'import.discard': ({ file }) => ({ discarded: fileHandles(ctx).release(file) }),
    'import.cancel': ({ jobId }) => {
      const job = jobs(ctx).get(jobId);
      if (!job) return { cancelled: false };
      job.cancelled = true;
      job.handle?.cancel();
      return { cancelled: true };
    },
    'import.jobs': () => [...jobs(ctx).values()].map((j) => ({ ...j.progress })),
    'imports.list': () => listImports(ctx),
    'imports.get': ({ id }) => importDetails(ctx, id),
    'imports.rejectsCsv': ({ id }) => rejectsCsv(ctx, id),
    'imports.undo': ({ id }) => undoImport(ctx, id),
    'imports.removeAccounts': (input) => removeImportAccounts(ctx, input),
  };
}
