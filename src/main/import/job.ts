// One import job, start to finish, on its own database connection: sniff the file, choose kind and mapping,
// stream and validate every record, write through the StoreWriter, roll up, and commit — all in ONE transaction,
// so the store holds every accepted row of the file or none of them (cancel, crash and kill included).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ImportKind, ImportProgress, ImportSource, ImportSummary, Mapping } from '../../shared/contract/imports';
import { AppError } from '../../shared/errors';
import { detectColumnFormats } from './column-formats';
import { missingRequired } from './fields';
import { headerSignature } from './headers';
import { suggestMapping, sanitizeMapping } from './mapping';
import { fileSource, readRecordBatches } from './records-stream';
import { detectShape } from './shapes';
import { sniffFile } from './sniff';
import type { UsageFact, WriteOutcome } from './store-facts';
import { StoreWriter } from './store-writer';
import type { NormalizedRow } from './types';
import { createRowValidator } from './validate';
import { zoneClock } from './zone-clock';
import { summaryMessage } from './summary-message';

export interface ImportProgressUpdate {
  /** 'scoring' comes from the runner, after the commit, while health snapshots are recomputed. */
  phase: 'reading' | 'saving' | 'scoring';
  rows: number;
  bytesRead: number;
  totalBytes: number;
  rowsPerSecond: number;
  secondsLeft: number | null;
}

export interface ImportJobOptions {
  sqlite: Database.Database;
  path: string;
  fileName?: string;
  kind?: ImportKind;
  mapping?: Mapping;
  timeZone: string;
  /** The import's "now" (epoch ms), for future-date checks and the history. */
  now: number;
  origin?: ImportProgress['origin'];
  signal?: AbortSignal;
  onProgress?(update: ImportProgressUpdate): void;
  /** Called after the commit with the accounts whose data changed (for health snapshots). */
  onCommitted?(accountIds: number[]): void;
}

/** Lists in the summary stop here on huge files; the counts never do, and every reject is kept in the store. */
const LIST_LIMIT = 10_000;
const STORED_REJECTS_LIMIT = 100_000;

export interface Sniffed {
  sniff: Awaited<ReturnType<typeof sniffFile>>;
  kind: ImportKind;
  source: ImportSource;
  confidence: number;
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
  const sniff = await sniffFile(file);
  const samples = sniff.sampleRows.map((r) => r.fields);
  const shape = detectShape(sniff.headers, samples, { delimiter: sniff.delimiter });
  const remembered = sqlite
    .prepare('SELECT kind, source, mapping FROM import_mappings WHERE header_signature = ?')
    .get(headerSignature(sniff.headers)) as { kind: ImportKind; source: ImportSource; mapping: string } | undefined;
  const kind = choice.kind ?? remembered?.kind ?? shape.kind;
  const source = shape.source;
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
  return { sniff, kind, source, confidence: shape.confidence, mapping, mappingRemembered, samples };
}

function emptySummary(fileName: string, timeZone: string): ImportSummary {
  return {
    importId: null,
    fileName,
    status: 'error',
    kind: null,
    source: null,
    rowsAccepted: 0,
    rejected: [],
    skipped: [],
    duplicates: [],
    counts: { rows: 0, accepted: 0, rejected: 0, duplicates: 0, skipped: 0 },
    distinctAccounts: 0,
    distinctUsers: 0,
    dateRange: null,
    error: null,
    message: '',
    durationMs: 0,
    timeZone,
  };
}

/** The file's bytes, hashed on the way to the parser: one read of the file, not two. */
function hashing(source: AsyncIterable<Uint8Array>, hash: crypto.Hash): AsyncIterable<Uint8Array> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const chunk of source) {
        hash.update(chunk);
        yield chunk;
      }
    },
  };
}

export async function runImport(options: ImportJobOptions): Promise<ImportSummary> {
  const started = Date.now();
  const { sqlite, timeZone } = options;
  const fileName = options.fileName ?? path.basename(options.path);
  const summary = emptySummary(fileName, timeZone);
  const finish = () => {
    summary.durationMs = Date.now() - started;
    summary.rowsAccepted = summary.counts.accepted;
    summary.message = summaryMessage(summary);
    return summary;
  };

  let plan: Sniffed;
  let totalBytes: number;
  try {
    if (!fs.existsSync(options.path)) throw new AppError('file_not_found', `Bearing cannot find ${options.path}. Was it moved?`);
    totalBytes = fs.statSync(options.path).size;
    plan = await planImport(sqlite, options.path, options);
  } catch (error) {
    summary.error = { ...AppError.from(error).toJSON(), line: AppError.from(error).line };
    summary.status = summary.error.code === 'no_data_rows' || summary.error.code === 'empty_file' ? 'no_data' : 'error';
    recordFailure(options, summary, 0);
    return finish();
  }
  summary.kind = plan.kind;
  summary.source = plan.source;
  const missing = missingRequired(plan.kind, plan.mapping);
  if (missing.length > 0) {
    summary.error = { code: 'mapping_incomplete', message: `Nothing was mapped to a required field. ${missing.join(' ')}`, line: 1 };
    recordFailure(options, summary, totalBytes);
    return finish();
  }

  const hash = crypto.createHash('sha256');
  const validate = createRowValidator({
    kind: plan.kind,
    mapping: plan.mapping,
    headers: plan.sniff.headers,
    timeZone,
    now: options.now,
    columnFormats: detectColumnFormats(plan.sniff.headers, plan.samples, { delimiter: plan.sniff.delimiter, source: plan.source }),
  });
  const clock = zoneClock(timeZone);
  let minDate = Infinity;
  let maxDate = -Infinity;
  const seeDate = (ms: number | null | undefined) => {
    if (ms === null || ms === undefined || !Number.isFinite(ms)) return;
    if (ms < minDate) minDate = ms;
    if (ms > maxDate) maxDate = ms;
  };
  const isoMs = (date: string | null) => (date ? Date.parse(`${date}T00:00:00Z`) : null);
  const localMidnight = (date: string) => clock.localToEpoch(Date.parse(`${date}T00:00:00Z`));

  // Foreign keys are not checked while the import writes (about 0.3 s of a million rows): every id it writes is
  // one it read or created inside its own transaction, which holds the write lock from the first read to the
  // commit, so nothing can delete an account or user under it. The pragma cannot change inside a transaction:
  // off before BEGIN, back on after COMMIT or ROLLBACK. The job has a connection of its own (worker or CLI).
  const foreignKeys = !sqlite.inTransaction && sqlite.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) sqlite.pragma('foreign_keys = OFF');
  try {
    // Inside the try: a store locked by another writer for longer than busy_timeout is a failed import, reported.
    sqlite.exec('BEGIN IMMEDIATE');
    const importId = Number(
      sqlite
        .prepare(
          `INSERT INTO imports (file_name, file_path, file_hash, size_bytes, source, kind, mapping, time_zone, status, origin, started_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
        )
        .run(fileName, options.path, null, totalBytes, plan.source, plan.kind, JSON.stringify(plan.mapping), timeZone, options.origin ?? 'manual', options.now)
        .lastInsertRowid,
    );
    summary.importId = importId;
    const writer = new StoreWriter(sqlite, importId, timeZone, { listLimit: LIST_LIMIT });
    const insertReject = sqlite.prepare('INSERT INTO import_rejects (import_id, line, code, reason, raw) VALUES (?, ?, ?, ?, ?)');

    // One fact object for every usage row: a million rows, no million short-lived objects.
    const fact: UsageFact = { accountExternalId: null, accountName: null, userExternalId: null, email: null, feature: null, ts: 0, day: undefined, count: 0, minutes: 0, dateMin: null, dateMax: null };
    const usage = (row: { accountId: string | null; accountName: string | null; userId: string | null; email: string | null }, feature: string | null, ts: number, day: number | undefined, count: number, minutes: number | null, line: number, dateMin: number | null = null, dateMax: number | null = null): WriteOutcome => {
      fact.dateMin = dateMin;
      fact.dateMax = dateMax;
      fact.accountExternalId = row.accountId;
      fact.accountName = row.accountName;
      fact.userExternalId = row.userId;
      fact.email = row.email;
      fact.feature = feature;
      fact.ts = ts;
      fact.day = day;
      fact.count = count;
      fact.minutes = minutes ?? 0;
      return writer.writeUsage(fact, line);
    };
    const write = (row: NormalizedRow, line: number): WriteOutcome => {
      switch (row.kind) {
        case 'events':
          return usage(row, row.event, row.ts, undefined, row.count, row.minutes, line);
        case 'daily_usage':
        case 'weekly_usage': {
          const date = row.kind === 'daily_usage' ? row.day : row.weekStart;
          return usage(row, row.event, localMidnight(date), Date.parse(`${date}T00:00:00Z`) / 86_400_000, row.events, row.minutes, line);
        }
        case 'usage_summary': {
          // A summary gives totals per user over a window; Bearing records them on the last-visit day.
          const at = row.lastVisit ?? (row.windowEnd ? localMidnight(row.windowEnd) : null);
          if (at === null) return { kind: 'rejected', code: 'missing_value', reason: 'The row has no last visit or window end, so its usage has no date.' };
          // Its dates (for the summary's date range) are more than its one ts: staged with the row.
          let lo = Infinity;
          let hi = -Infinity;
          for (const ms of [row.firstVisit, row.lastVisit, row.windowStart ? localMidnight(row.windowStart) : null, row.windowEnd ? localMidnight(row.windowEnd) : null]) {
            if (ms === null || ms === undefined || !Number.isFinite(ms)) continue;
            if (ms < lo) lo = ms;
            if (ms > hi) hi = ms;
          }
          return usage(row, null, at, undefined, row.events ?? row.daysActive ?? 0, row.minutes, line, Number.isFinite(lo) ? lo : null, Number.isFinite(hi) ? hi : null);
        }
        case 'accounts':
          return writer.writeAccount({
            externalId: row.externalId, name: row.name, owner: row.owner, industry: row.industry, arrMinor: row.arrMinor, currency: row.currency,
            licenses: row.licenses, contractStart: row.contractStart, renewalDate: row.renewalDate, crmStage: row.stage,
          });
        case 'users':
          return writer.writeUser({
            externalId: row.externalId, email: row.email, name: row.name, role: row.role, department: row.department, accountExternalId: row.accountId, accountName: row.accountName,
          });
      }
    };
    const datesOf = (row: NormalizedRow) => {
      switch (row.kind) {
        case 'events': return seeDate(row.ts);
        case 'daily_usage': return seeDate(localMidnight(row.day));
        case 'weekly_usage': return seeDate(localMidnight(row.weekStart));
        case 'usage_summary':
          seeDate(row.firstVisit);
          seeDate(row.lastVisit);
          if (row.windowStart) seeDate(localMidnight(row.windowStart));
          return row.windowEnd ? seeDate(localMidnight(row.windowEnd)) : undefined;
        case 'accounts': seeDate(isoMs(row.contractStart)); return seeDate(isoMs(row.renewalDate));
        case 'users': return;
      }
    };
    const reject = (line: number, code: string, reason: string, fields: string[]) => {
      summary.counts.rejected++;
      if (summary.rejected.length < LIST_LIMIT) summary.rejected.push({ line, code, reason });
      if (summary.counts.rejected <= STORED_REJECTS_LIMIT) insertReject.run(importId, line, code, reason, fields.join(',').slice(0, 2000));
    };

    let lastReport = 0;
    const readStarted = Date.now();
    for await (const batch of readRecordBatches(hashing(fileSource(options.path, options.signal), hash), {
      delimiter: plan.sniff.delimiter,
      encoding: plan.sniff.encoding,
      signal: options.signal,
    })) {
      for (const { line, fields } of batch.records) {
        summary.counts.rows++;
        const result = validate(fields, line);
        if (result.ok === true) {
          const outcome = write(result.row, line);
          if (outcome.kind === 'inserted') {
            summary.counts.accepted++;
            datesOf(result.row);
          } else if (outcome.kind === 'duplicate') {
            summary.counts.duplicates++;
            if (summary.duplicates.length < LIST_LIMIT) summary.duplicates.push({ line, duplicateOf: outcome.duplicateOf, importId: outcome.importId });
          } else {
            reject(line, outcome.code, outcome.reason, fields);
          }
        } else if (result.ok === false) {
          reject(line, result.code, result.reason, fields);
        } else {
          summary.counts.skipped++;
          if (summary.skipped.length < LIST_LIMIT) summary.skipped.push({ line, reason: result.skip });
        }
      }
      const now = Date.now();
      if (options.onProgress && now - lastReport > 100) {
        lastReport = now;
        const seconds = Math.max(0.001, (now - readStarted) / 1000);
        const rate = batch.bytesRead / seconds;
        options.onProgress({
          phase: 'reading',
          rows: summary.counts.rows,
          bytesRead: batch.bytesRead,
          totalBytes,
          rowsPerSecond: Math.round(summary.counts.rows / seconds),
          secondsLeft: rate > 0 ? Math.max(0, (totalBytes - batch.bytesRead) / rate) : null,
        });
      }
    }
    options.onProgress?.({ phase: 'saving', rows: summary.counts.rows, bytesRead: totalBytes, totalBytes, rowsPerSecond: 0, secondsLeft: null });
    // Usage rows were staged as 'inserted': the ones that turn out to be duplicates are moved to duplicates here
    // (an import holds one kind, so a usage file's duplicates and dates all come from this). The last chunk's
    // events and rollup are written now; the earlier chunks' were written as the file was read.
    const flushed = writer.flushUsage();
    if (flushed.duplicateCount > 0) {
      summary.counts.accepted -= flushed.duplicateCount;
      summary.counts.duplicates += flushed.duplicateCount;
      for (const d of flushed.duplicates) {
        if (summary.duplicates.length >= LIST_LIMIT) break;
        summary.duplicates.push(d);
      }
      minDate = flushed.dateRange?.min ?? Infinity;
      maxDate = flushed.dateRange?.max ?? -Infinity;
    }
    summary.distinctAccounts = writer.distinctAccounts;
    summary.distinctUsers = writer.distinctUsers;
    summary.dateRange = Number.isFinite(minDate) ? { min: new Date(minDate).toISOString(), max: new Date(maxDate).toISOString() } : null;
    summary.status = summary.counts.accepted === 0 ? 'no_data' : summary.counts.rejected > 0 ? 'imported_with_rejections' : 'imported';
    finish();
    sqlite
      .prepare(
        `UPDATE imports SET status = ?, file_hash = ?, rows_accepted = ?, rows_rejected = ?, rows_duplicate = ?, rows_skipped = ?, summary = ?, finished_at = ? WHERE id = ?`,
      )
      .run(summary.status, hash.digest('hex'), summary.counts.accepted, summary.counts.rejected, summary.counts.duplicates, summary.counts.skipped,
        JSON.stringify({ message: summary.message, distinctAccounts: summary.distinctAccounts, distinctUsers: summary.distinctUsers, dateRange: summary.dateRange }),
        options.now + summary.durationMs, importId);
    if (summary.counts.accepted > 0 || summary.counts.duplicates > 0) {
      sqlite
        .prepare(
          `INSERT INTO import_mappings (header_signature, source, kind, mapping, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (header_signature) DO UPDATE SET source = excluded.source, kind = excluded.kind, mapping = excluded.mapping, updated_at = excluded.updated_at`,
        )
        .run(headerSignature(plan.sniff.headers), plan.source, plan.kind, JSON.stringify(plan.mapping), options.now);
    }
    sqlite.exec('COMMIT');
    options.onCommitted?.(writer.accountIds);
    return summary;
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    const e = AppError.from(error);
    Object.assign(summary, emptySummary(fileName, timeZone), { kind: plan.kind, source: plan.source });
    summary.status = e.code === 'cancelled' ? 'cancelled' : 'error';
    summary.error = e.toJSON() as ImportSummary['error'];
    if (summary.error) summary.error.line = e.line;
    if (e.code !== 'cancelled') recordFailure(options, summary, totalBytes);
    return finish();
  } finally {
    if (foreignKeys) sqlite.pragma('foreign_keys = ON');
  }
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
      options.origin ?? 'manual', options.now, options.now, JSON.stringify({ message, error: summary.error })).lastInsertRowid;
  summary.importId = Number(id);
}
