// Which reader a file needs, told by its content rather than its name: a ZIP archive (Amplitude's Export API: one
// gzipped JSON-lines file per hour), a gzipped file (a Mixpanel raw export saved compressed), JSON lines (Mixpanel's
// raw export), else a CSV. The JSON formats are sniffed into the same SniffResult as a CSV (headers = flattened
// property paths, sample rows) and read into the same records, so kind and source detection, mapping, preview,
// validation and the store are the CSV's own.
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { assertImportableFile } from './file-check';
import { ImportError } from './import-error';
import { ICS_HEADERS, looksLikeIcs, readIcs } from './ics-records';
import { flattenEvent, headersOf, parseJsonLine, readJsonLineBatches, type SourceBatch } from './json-records';
import { isParquet, readParquetBatches, sniffParquet } from './parquet-records';
import { fileSource, readRecordBatches } from './records-stream';
import { sniffFile, type SniffResult } from './sniff';
import type { CsvRecord, Source } from './types';

export type FileFormat = 'csv' | 'jsonl' | 'jsonl_gzip' | 'zip_jsonl' | 'parquet' | 'ics';

export interface FileSniff extends SniffResult {
  format: FileFormat;
  /** The tool a JSON export's structure names (a CSV's source comes from its headers). */
  jsonSource?: Source;
}

const HEAD_BYTES = 64 * 1024;

/** The format from the first bytes: ZIP and gzip by signature, JSON lines by a first line that is an object. */
export function formatOf(head: Uint8Array): FileFormat {
  if (isParquet(head)) return 'parquet';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'zip_jsonl';
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'jsonl_gzip';
  const text = Buffer.from(head.subarray(0, 4096)).toString('utf8').replace(/^\ufeff/, '').trimStart();
  if (looksLikeIcs(text)) return 'ics';
  if (!text.startsWith('{')) return 'csv';
  const firstLine = text.split('\n', 1)[0];
  // A first line cut off by the 4 KB window still opens with {"key": — a CSV never does.
  return parseJsonLine(firstLine).ok || /^\{\s*"[^"]*"\s*:/.test(firstLine) ? 'jsonl' : 'csv';
}

/** Sniffs any supported file: a CSV as before, a JSON export from its first lines. */
export async function sniffImportFile(path: string): Promise<FileSniff> {
  const size = assertImportableFile(path);
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(Math.min(HEAD_BYTES, Math.max(size, 1)));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const format = formatOf(head);
  if (format === 'csv') return { ...(await sniffFile(path)), format };
  if (format === 'ics') return sniffIcs(await readFile(path, 'utf8'));
  if (format === 'parquet') {
    const p = await sniffParquet(path);
    return { format, encoding: 'utf-8', hasBom: false, delimiter: ',', lineEnding: 'none', headers: p.headers, rawHeaders: p.headers, headerLine: 0, sampleRows: p.sampleRows, complete: p.complete, bytesSampled: size };
  }
  const sample = await firstBytes(jsonSource(path, format), HEAD_BYTES * 4);
  return sniffJsonLines(sample.bytes, sample.complete, format);
}

/** The sample of a JSON-lines export: complete lines only, the first 100 events as records. */
export function sniffJsonLines(bytes: Uint8Array, complete: boolean, format: FileFormat): FileSniff {
  let text = Buffer.from(bytes).toString('utf8').replace(/^\ufeff/, '');
  if (!complete) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const events: { line: number; flat: Map<string, string> }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length && events.length < 100; i++) {
    const t = lines[i].trim();
    if (t === '') continue;
    const parsed = parseJsonLine(t);
    if (parsed.ok) events.push({ line: i + 1, flat: flattenEvent(parsed.value) });
  }
  if (events.length === 0) {
    if (text.trim() === '' && complete) throw new ImportError('empty_file', 'The file is empty: there are no events in it.');
    if (format === 'zip_jsonl') {
      throw new ImportError('not_text', 'This file is an Excel workbook or a ZIP archive without JSON-lines events in it (an Amplitude export holds one .json.gz file per hour). Export or save it as CSV and import that.');
    }
    throw new ImportError('not_text', 'This file looks like JSON lines but none of its first lines is a JSON object. A raw event export has one {"event": …} object per line.', 1);
  }
  const headers = headersOf(events.map((e) => e.flat));
  const sampleRows: CsvRecord[] = events.map((e) => ({ line: e.line, fields: headers.map((h) => e.flat.get(h) ?? '') }));
  return {
    format,
    jsonSource: jsonSourceOf(headers),
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    lineEnding: 'lf',
    headers,
    rawHeaders: headers,
    headerLine: 0,
    sampleRows,
    complete,
    bytesSampled: bytes.length,
  };
}

/** A calendar file: its meetings as records under fixed columns (the whole file is read: calendars are small). */
function sniffIcs(text: string): FileSniff {
  const { records, source } = readIcs(text, icsUntil());
  if (records.length === 0) throw new ImportError('no_data_rows', 'This calendar file holds no meetings that have taken place. Export a calendar with past meetings in it.');
  const headers = [...ICS_HEADERS];
  return {
    format: 'ics',
    jsonSource: source,
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    lineEnding: 'lf',
    headers,
    rawHeaders: headers,
    headerLine: 0,
    sampleRows: records.slice(0, 100),
    complete: records.length <= 100,
    bytesSampled: Buffer.byteLength(text),
  };
}

/** A series is expanded up to a day past now; the importer skips any meeting still to come. */
const icsUntil = () => Date.now() + 86_400_000;

/** Mixpanel nests every property under `properties`; Amplitude writes event_type and event_time at the top. */
function jsonSourceOf(headers: string[]): Source | undefined {
  const has = (h: string) => headers.includes(h);
  if (has('event') && (has('properties.distinct_id') || has('properties.time'))) return 'mixpanel';
  if (has('event_type') && (has('event_time') || has('amplitude_id') || has('client_event_time'))) return 'amplitude';
  return undefined;
}

async function firstBytes(source: AsyncIterable<Uint8Array>, max: number): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const chunk of source) {
    parts.push(chunk);
    n += chunk.length;
    if (n >= max) return { bytes: Buffer.concat(parts, n), complete: false };
  }
  return { bytes: Buffer.concat(parts, n), complete: true };
}

interface Progress {
  bytes: number;
}

/** The uncompressed JSON-lines bytes of a file of a JSON format; `progress.bytes` follows the file's own bytes. */
function jsonSource(path: string, format: FileFormat, signal?: AbortSignal, progress: Progress = { bytes: 0 }, onFileBytes?: (b: Uint8Array) => void): AsyncIterable<Uint8Array> {
  if (format === 'zip_jsonl') return zipEntries(path, progress, onFileBytes);
  const raw = tap(createReadStream(path, { highWaterMark: 1024 * 1024, signal }), (b) => {
    progress.bytes += b.length;
    onFileBytes?.(b);
  });
  return format === 'jsonl_gzip' ? Readable.from(raw).pipe(createGunzip()) : raw;
}

/**
 * The archive's files one after the other (gunzipped when they are .gz), in archive order, each ended with a line
 * break so the last event of one file never runs into the first of the next. Entries are read one at a time.
 */
async function* zipEntries(path: string, progress: Progress, onFileBytes?: (b: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  if (onFileBytes) for await (const b of createReadStream(path)) onFileBytes(b as Buffer);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (err, z) => (err ? reject(new ImportError('not_text', `This ZIP archive cannot be read (${err.message.replace(/\.+$/, "")}). Download the export again.`)) : resolve(z))),
  );
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(null));
        zip.once('error', reject);
        zip.readEntry();
      });
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      if (entry === null) return;
      if (entry.fileName.endsWith('/')) continue;
      const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
      const body: AsyncIterable<Uint8Array> = entry.fileName.endsWith('.gz') ? stream.pipe(createGunzip()) : stream;
      let last = 10;
      for await (const chunk of body) {
        const bytes = chunk as Uint8Array;
        if (bytes.length > 0) last = bytes[bytes.length - 1];
        yield bytes;
      }
      progress.bytes += entry.compressedSize;
      if (last !== 10) yield Buffer.from('\n');
    }
  } finally {
    zip.close();
  }
}

/** Every record of the file, in batches, whatever its format; the file's bytes go to `onFileBytes` (its hash). */
export async function* readImportBatches(path: string, sniff: FileSniff, options: { signal?: AbortSignal; onFileBytes?: (b: Uint8Array) => void }): AsyncGenerator<SourceBatch, void, undefined> {
  if (sniff.format === 'csv') {
    const bytes = fileSource(path, options.signal);
    const hashed: AsyncIterable<Uint8Array> = options.onFileBytes ? tap(bytes, options.onFileBytes) : bytes;
    yield* readRecordBatches(hashed, { delimiter: sniff.delimiter, encoding: sniff.encoding, encodingGuessed: !sniff.hasBom, signal: options.signal });
    return;
  }
  if (sniff.format === 'parquet') {
    yield* readParquetBatches(path, { signal: options.signal, onFileBytes: options.onFileBytes, sizeBytes: assertImportableFile(path) });
    return;
  }
  if (sniff.format === 'ics') {
    const bytes = await readFile(path);
    options.onFileBytes?.(bytes);
    const { records } = readIcs(bytes.toString('utf8'), icsUntil());
    yield { records, bytesRead: bytes.length, recordsRead: records.length };
    return;
  }
  const progress: Progress = { bytes: 0 };
  yield* readJsonLineBatches(jsonSource(path, sniff.format, options.signal, progress, options.onFileBytes), {
    headers: sniff.headers,
    signal: options.signal,
    fileBytes: () => progress.bytes,
  });
}

async function* tap(source: AsyncIterable<Uint8Array>, see: (b: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  for await (const b of source) {
    see(b);
    yield b;
  }
}
