// One import job, start to finish, on its own database connection: sniff the file, choose kind and mapping,
// stream and validate every record, write through the StoreWriter, roll up, and commit — all in ONE transaction,
// so the store holds every accepted row of the file or none of them (cancel, crash and kill included).
import crypto from 'node:crypto';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportKind, ImportProgress, ImportSource, ImportSummary, Mapping } from '../../shared/contract/imports';
import { AppError } from '../../shared/errors';
import { accountsWithUsersFirstSeenFrom, lastUserId, markHealthStale } from '../db/health-stale';
import { applyOnboardingTemplate, markMilestonesFromUsage } from '../db/onboarding';
import { detectColumnFormats } from './column-formats';
import { missingRequired } from './fields';
import { headerSignature } from './headers';
import { takePhaseClock, type PhaseClock } from './phase-clock';
import { assertImportableFile } from './file-check';
import { emptySummary, finishedStatus, summarise, summaryError } from './import-summary';
import { suggestMapping, sanitizeMapping } from './mapping';
import { readImportBatches, sniffImportFile, type FileSniff } from './raw-exports';
import { LIST_LIMIT, RowIntake } from './row-intake';
import { detectShape } from './shapes';
import { StoreWriter } from './store-writer';
import { createRowValidator, type RowValidator } from './validate';
import { zoneClock } from './zone-clock';

export interface ImportProgressUpdate {
  /** 'scoring' comes from the runner, after the commit, while health snapshots are recomputed. */
  phase: 'reading' | 'saving' | 'scoring';
  rows: number;
  bytesRead: number;
  totalBytes: number;
  rowsPerSecond: number;
  secondsLeft: number | null;
  /** In 'scoring': the touched accounts whose health history is recomputed, and how many are done. */
  scoring?: { done: number; total: number };
}

export interface ImportJobOptions {
  sqlite: Database.Database;
  path: string;
  fileName?: string;
  kind?: ImportKind;
  mapping?: Mapping;
  /** The CSM's choices for event names the catalogue does not know: event name -> feature name. */
  eventFeatures?: Record<string, string>;
  timeZone: string;
  /** The import's "now" (epoch ms), for future-date checks and the history. */
  now: number;
  origin?: ImportProgress['origin'];
  /** Rows naming an account not in the store are skipped (account_not_in_book) instead of creating it. */
  onlyBookAccounts?: boolean;
  signal?: AbortSignal;
  onProgress?(update: ImportProgressUpdate): void;
  /** Called after the commit with the accounts whose data changed (for health snapshots). */
  onCommitted?(accountIds: number[]): void;
}

export interface Sniffed {
  sniff: FileSniff;
  kind: ImportKind;
  source: ImportSource;
  confidence: number;
  /** False when the file looked like no kind and none was chosen or remembered: it must not be imported as is. */
  kindRecognised: boolean;
  mapping: Mapping;
  mappingRemembered: boolean;
  samples: string[][];
}

/** Reads the head of the file and settles kind, source and mapping: explicit choice > remembered > suggested. */
export async function planImport(
  sqlite: Database.Database,
  file: string,
  choice: { kind?: ImportKind; mapping?: Mapping },
): Promise<Sniffed> {
  const sniff = await sniffImportFile(file);
  const samples = sniff.sampleRows.map((r) => r.fields);
  const shape = detectShape(sniff.headers, samples, { delimiter: sniff.delimiter });
  const stored = sqlite
    .prepare('SELECT kind, source, mapping FROM import_mappings WHERE header_signature = ?')
    .get(headerSignature(sniff.headers)) as { kind: ImportKind; source: ImportSource; mapping: string } | undefined;
  // A ticket or survey export once imported as usage (before Bearing knew them) is not usage: that memory is ignored.
  const remembered = stored !== undefined && USAGE_KINDS.has(stored.kind) && shape.recognised && NOT_USAGE_KINDS.has(shape.kind) ? undefined : stored;
  const kind = choice.kind ?? remembered?.kind ?? shape.kind;
  const source = sniff.jsonSource ?? shape.source;
  let mapping: Mapping;
  let mappingRemembered = false;
  if (choice.mapping) {
    mapping = sanitizeMapping(kind, choice.mapping, sniff.headers);
  } else if (remembered && remembered.kind === kind) {
    mapping = sanitizeMapping(kind, JSON.parse(remembered.mapping) as Mapping, sniff.headers);
    mappingRemembered = true;
  } else {
    mapping = suggestMapping(kind, source, sniff.headers, samples, { stats: shape.stats });
  }
  const kindRecognised = choice.kind !== undefined || remembered !== undefined || shape.recognised;
  return { sniff, kind, source, confidence: shape.confidence, kindRecognised, mapping, mappingRemembered, samples };
}

/**
 * The import, as the CSM lives it: plan it (or say why it cannot start), then in one transaction open it, read
 * every record through validation into the store, roll the usage up and commit; any failure rolls it all back.
 */
export async function runImport(options: ImportJobOptions): Promise<ImportSummary> {
  const started = Date.now();
  // Only bench:import asks; planning reads the file's head, so it counts as reading.
  const phases = takePhaseClock();
  phases?.enter('read');
  const { sqlite, timeZone } = options;
  const summary = emptySummary(options.fileName ?? path.basename(options.path), timeZone);
  const planned = await planOrRecordFailure(options, summary);
  if (planned === null) return summarise(summary, started);
  const { plan, totalBytes } = planned;
  summary.encoding = plan.sniff.format === 'parquet' ? null : plan.sniff.encoding;
  const validate = validatorFor(plan, options);
  const clock = zoneClock(timeZone);
  const foreignKeys = pauseForeignKeys(sqlite);
  try {
    const importId = beginImport(options, plan, summary.fileName, totalBytes);
    summary.importId = importId;
    const lastUserBefore = lastUserId(sqlite);
    const writer = new StoreWriter(sqlite, importId, timeZone, {
      listLimit: LIST_LIMIT,
      eventChoices: options.eventFeatures,
      onlyBookAccounts: options.onlyBookAccounts === true,
      hasAccountColumn: Boolean(plan.mapping.accountId || plan.mapping.accountName),
      source: plan.source,
      phases,
    });
    const intake = new RowIntake(sqlite, importId, summary, validate, writer, clock, phases);
    const fileHash = await readEveryRecord(options, plan, totalBytes, intake, summary, phases);
    phases?.enter('other');
    options.onProgress?.({ phase: 'saving', rows: summary.counts.rows, bytesRead: totalBytes, totalBytes, rowsPerSecond: 0, secondsLeft: null });
    intake.rollUp();
    // Onboarding that starts itself, in the import's transaction (undoing the import removes what it added).
    applyOnboardingTemplate(sqlite, importId, options.now);
    markMilestonesFromUsage(sqlite, plan.kind === 'features' ? 'all' : writer.accountIds);
    summary.status = finishedStatus(summary.counts);
    summarise(summary, started);
    // The health history of the accounts written is stale from the import's first day (its whole history for an
    // accounts, users, features or renewals file): marked in the import's own transaction, so a job killed after
    // its commit but before scoring leaves the mark for the next start to find.
    const fromDay = USAGE_KINDS.has(plan.kind) ? firstDayTouched(summary) : null;
    markHealthStale(sqlite, writer.accountIds, fromDay);
    if (fromDay !== null) markHealthStale(sqlite, accountsWithUsersFirstSeenFrom(sqlite, writer.accountIds, lastUserBefore, fromDay), null);
    phases?.enter('commit');
    commitImport(options, plan, summary, fileHash);
    phases?.enter('other');
    options.onCommitted?.(writer.accountIds);
    return summary;
  } catch (error) {
    abandonImport(options, summary, plan, totalBytes, error);
    return summarise(summary, started);
  } finally {
    if (foreignKeys) sqlite.pragma('foreign_keys = ON');
  }
}

export const KIND_UNKNOWN_MESSAGE =
  'Bearing cannot tell what this file holds: its columns look like no usage, accounts, users, tickets, survey or campaign export. Choose what it holds (on the Import screen, or with --kind), then import it again. Nothing was imported.';

const USAGE_KINDS: ReadonlySet<ImportKind> = new Set(['events', 'daily_usage', 'weekly_usage', 'usage_summary']);
const NOT_USAGE_KINDS: ReadonlySet<ImportKind> = new Set(['tickets', 'surveys', 'meetings', 'campaigns']);

/**
 * The first day (day number) the import's usage can change: the UTC day of its earliest row, less one for the
 * time zone (a local day starts at most 14 hours from UTC's); null (the whole history) when it stored no usage.
 */
function firstDayTouched(summary: ImportSummary): number | null {
  if (summary.dateRange === null) return null;
  return Math.floor(Date.parse(summary.dateRange.min) / 86_400_000) - 1;
}

/**
 * The plan and the file's size, or null when the import cannot start (no file, not a CSV it can read, nothing
 * mapped to a required field): then the summary says why and the history lists the attempt.
 */
async function planOrRecordFailure(options: ImportJobOptions, summary: ImportSummary): Promise<{ plan: Sniffed; totalBytes: number } | null> {
  let plan: Sniffed;
  let totalBytes: number;
  try {
    totalBytes = assertImportableFile(options.path);
    plan = await planImport(options.sqlite, options.path, options);
  } catch (error) {
    summary.error = summaryError(AppError.from(error));
    // A header without rows is a report with nothing in its period: no data. A file with no header either
    // (0 bytes, only a BOM, only blank lines) is not an export at all: an error.
    summary.status = summary.error.code === 'no_data_rows' ? 'no_data' : 'error';
    recordFailure(options, summary, 0);
    return null;
  }
  summary.source = plan.source;
  if (!plan.kindRecognised) {
    // Never a guess: a file that looks like nothing Bearing reads is not imported as usage (or anything else).
    summary.error = { code: 'kind_unknown', message: KIND_UNKNOWN_MESSAGE, line: 1 };
    recordFailure(options, summary, totalBytes);
    return null;
  }
  summary.kind = plan.kind;
  const missing = missingRequired(plan.kind, plan.mapping);
  if (missing.length > 0) {
    summary.error = { code: 'mapping_incomplete', message: `Nothing was mapped to a required field. ${missing.join(' ')}`, line: 1 };
    recordFailure(options, summary, totalBytes);
    return null;
  }
  return { plan, totalBytes };
}

/** The validator for the planned kind and mapping, with each column's format read from the samples. */
function validatorFor(plan: Sniffed, options: ImportJobOptions): RowValidator {
  return createRowValidator({
    kind: plan.kind,
    mapping: plan.mapping,
    headers: plan.sniff.headers,
    timeZone: options.timeZone,
    now: options.now,
    columnFormats: detectColumnFormats(plan.sniff.headers, plan.samples, { delimiter: plan.sniff.delimiter, source: plan.source }),
  });
}

/**
 * Foreign keys are not checked while the import writes (about 0.3 s of a million rows): every id it writes is
 * one it read or created inside its own transaction, which holds the write lock from the first read to the
 * commit, so nothing can delete an account or user under it. The pragma cannot change inside a transaction:
 * off before BEGIN, back on after COMMIT or ROLLBACK. The job has a connection of its own (worker or CLI).
 * Returns whether they were on (and must be turned back on).
 */
function pauseForeignKeys(sqlite: Database.Database): boolean {
  const foreignKeys = !sqlite.inTransaction && sqlite.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) sqlite.pragma('foreign_keys = OFF');
  return foreignKeys;
}

/** Opens the import's one transaction and lists the import in it as running; returns its id. */
function beginImport(options: ImportJobOptions, plan: Sniffed, fileName: string, totalBytes: number): number {
  // Called inside runImport's try: a store locked by another writer for longer than busy_timeout is a failed
  // import, reported.
  options.sqlite.exec('BEGIN IMMEDIATE');
  return Number(
    options.sqlite
      .prepare(
        `INSERT INTO imports (file_name, file_path, file_hash, size_bytes, source, kind, mapping, time_zone, status, origin, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
      )
      .run(fileName, options.path, null, totalBytes, plan.source, plan.kind, JSON.stringify(plan.mapping), options.timeZone, options.origin ?? 'manual', options.now)
      .lastInsertRowid,
  );
}

/**
 * Reads the file once, start to end: every record goes through the intake, 'reading' progress is reported after
 * a batch (at most every 100 ms), and the bytes are hashed on the way. Returns the file's hash.
 */
async function readEveryRecord(
  options: ImportJobOptions,
  plan: Sniffed,
  totalBytes: number,
  intake: RowIntake,
  summary: ImportSummary,
  phases: PhaseClock | null,
): Promise<string> {
  const hash = crypto.createHash('sha256');
  let lastReport = 0;
  const readStarted = Date.now();
  for await (const batch of readImportBatches(options.path, plan.sniff, { signal: options.signal, onFileBytes: (b) => hash.update(b) })) {
    if (batch.encoding !== undefined) summary.encoding = batch.encoding;
    for (const r of batch.records) {
      if (r.problem !== undefined) intake.refuse(r.line, r.problem.code, r.problem.reason, r.fields);
      else if (r.duplicateOf !== undefined) intake.repeat(r.line, r.duplicateOf);
      else intake.take(r.fields, r.line);
    }
    // Waiting for the next batch is reading, decoding and parsing it.
    phases?.enter('read');
    const now = Date.now();
    if (options.onProgress && now - lastReport > 100) {
      lastReport = now;
      options.onProgress(readingProgress(summary.counts.rows, batch.bytesRead, totalBytes, now - readStarted));
    }
  }
  return hash.digest('hex');
}

function readingProgress(rows: number, bytesRead: number, totalBytes: number, elapsedMs: number): ImportProgressUpdate {
  const seconds = Math.max(0.001, elapsedMs / 1000);
  const rate = bytesRead / seconds;
  return {
    phase: 'reading',
    rows,
    bytesRead,
    totalBytes,
    rowsPerSecond: Math.round(rows / seconds),
    secondsLeft: rate > 0 ? Math.max(0, (totalBytes - bytesRead) / rate) : null,
  };
}

/** Records the finished import and, when it stored anything, remembers its mapping for these headers; commits. */
function commitImport(options: ImportJobOptions, plan: Sniffed, summary: ImportSummary, fileHash: string): void {
  const { sqlite } = options;
  sqlite
    .prepare(
      `UPDATE imports SET status = ?, file_hash = ?, rows_accepted = ?, rows_rejected = ?, rows_duplicate = ?, rows_skipped = ?, summary = ?, finished_at = ? WHERE id = ?`,
    )
    .run(summary.status, fileHash, summary.counts.accepted, summary.counts.rejected, summary.counts.duplicates, summary.counts.skipped,
      JSON.stringify({ message: summary.message, distinctAccounts: summary.distinctAccounts, distinctUsers: summary.distinctUsers, dateRange: summary.dateRange }),
      options.now + summary.durationMs, summary.importId);
  if (summary.counts.accepted > 0 || summary.counts.duplicates > 0) {
    sqlite
      .prepare(
        `INSERT INTO import_mappings (header_signature, source, kind, mapping, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (header_signature) DO UPDATE SET source = excluded.source, kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at`,
      )
      .run(headerSignature(plan.sniff.headers), plan.source, plan.kind, JSON.stringify(plan.mapping), options.now);
  }
  sqlite.exec('COMMIT');
}

/**
 * Rolls the transaction back and starts the summary over with why: nothing of the file stays. A failure is
 * listed in the history; a cancel, which the CSM chose, is not.
 */
function abandonImport(options: ImportJobOptions, summary: ImportSummary, plan: Sniffed, totalBytes: number, error: unknown): void {
  if (options.sqlite.inTransaction) options.sqlite.exec('ROLLBACK');
  const e = AppError.from(error);
  Object.assign(summary, emptySummary(summary.fileName, options.timeZone), { kind: plan.kind, source: plan.source, encoding: summary.encoding });
  summary.status = e.code === 'cancelled' ? 'cancelled' : 'error';
  summary.error = summaryError(e);
  if (e.code !== 'cancelled') recordFailure(options, summary, totalBytes);
}

/** A failed import leaves no rows, but it is listed in the history so the CSM can see what happened. */
function recordFailure(options: ImportJobOptions, summary: ImportSummary, size: number): void {
  const message = summary.error ? summary.error.message : '';
  const id = options.sqlite
    .prepare(
      `INSERT INTO imports (file_name, file_path, size_bytes, source, kind, time_zone, status, origin, started_at, finished_at, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(summary.fileName, options.path, size, summary.source ?? 'generic', summary.kind ?? 'unknown', options.timeZone, summary.status,
      options.origin ?? 'manual', options.now, options.now, JSON.stringify({ message, error: summary.error }));
  summary.importId = Number(id.lastInsertRowid);
}
