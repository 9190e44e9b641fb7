// Raw event exports as the tools write them: one JSON object per line (Mixpanel's raw export; each hourly file of
// Amplitude's Export API archive). Each object is flattened into columns named by their path ("properties.time",
// "groups.company", "event_properties.plan"), so the mapping screen offers nested properties like a CSV's headers,
// and the lines become the same {line, fields} records the CSV reader yields. The columns are the union of the keys
// of the sampled lines; a key first seen after the sample is not a column (the mapping could not name it anyway).
// `$insert_id` de-duplicates inside the file: a second line with an insert id already read counts as a duplicate
// of the first; across imports the stored event's identity (user, instant, event, account) does the rest.
import { TextDecoder } from 'node:util';
import { ImportError } from './import-error';
import { SLICE } from './records-stream';
import type { CsvRecord, RejectCode, TextEncodingName } from './types';

/** A record of any file format: a line that could not be read carries its reason, a repeat its first line. */
export interface SourceRecord extends CsvRecord {
  problem?: { code: RejectCode; reason: string };
  duplicateOf?: number;
}

export interface SourceBatch {
  records: SourceRecord[];
  bytesRead: number;
  recordsRead: number;
  /** A CSV's text encoding as read so far (records-stream.ts RecordBatch). */
  encoding?: TextEncodingName;
}

/** Nested objects deeper than this are kept as JSON text in one column. */
const MAX_DEPTH = 3;

/** Flattens one event into path -> text. Arrays of one scalar read as that scalar; other arrays as JSON text. */
export function flattenEvent(value: Record<string, unknown>, out: Map<string, string> = new Map(), prefix = '', depth = 0): Map<string, string> {
  for (const key of Object.keys(value)) {
    const v = value[key];
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && depth < MAX_DEPTH) {
      flattenEvent(v as Record<string, unknown>, out, path, depth + 1);
    } else out.set(path, cellText(v));
  }
  return out;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.length === 1 && (v[0] === null || typeof v[0] !== 'object')) return cellText(v[0]);
  if (Array.isArray(v) && v.length === 0) return '';
  return JSON.stringify(v);
}

/** The line's object, or why it is not one. */
export function parseJsonLine(text: string): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `This line is not valid JSON (${(e as Error).message}); each line of a raw event export is one JSON object.` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'This line is valid JSON but not an object; each line of a raw event export is one {"event": …} object.' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** Column order: the first line's paths as written, then paths first met later, in the order met. */
export function headersOf(events: Map<string, string>[]): string[] {
  const seen = new Set<string>();
  for (const e of events) for (const k of e.keys()) seen.add(k);
  return [...seen];
}

/** Header names that hold the insert id (Mixpanel nests it in properties, Amplitude writes it at the top). */
const INSERT_ID_HEADERS = ['properties.$insert_id', '$insert_id'];

export function insertIdColumn(headers: string[]): number {
  for (const h of INSERT_ID_HEADERS) {
    const i = headers.indexOf(h);
    if (i !== -1) return i;
  }
  return -1;
}

/**
 * Insert ids read so far, as 53-bit hashes (a million ids in ~40 MB rather than the ids themselves); two different
 * ids share a hash with odds of about 1 in 10^4 per million-line file, which would count one event once too few.
 */
export class InsertIds {
  private readonly seen = new Map<number, number>();

  /** The line an earlier event with this id was on, else undefined (and remembers this one). */
  repeatOf(id: string, line: number): number | undefined {
    if (id === '') return undefined;
    const h = hash53(id);
    const first = this.seen.get(h);
    if (first === undefined) this.seen.set(h, line);
    return first;
  }
}

/** cyrb53: a fast, well-mixed 53-bit string hash. */
function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

export interface JsonLinesOptions {
  headers: string[];
  signal?: AbortSignal;
  /** Lines handed out per batch (default 5,000). */
  batchLines?: number;
  /** Bytes of the file consumed so far, when the source is not the file's own bytes (a zip's entries). */
  fileBytes?: () => number;
}

/**
 * Streams JSON lines into records in `headers` order, numbered by physical line (the first line is line 1; blank
 * lines count). A line that is not a JSON object is a record with a problem (rejected by line, not the file).
 */
export async function* readJsonLineBatches(source: AsyncIterable<Uint8Array>, options: JsonLinesOptions): AsyncGenerator<SourceBatch, void, undefined> {
  const { headers, signal } = options;
  const index = new Map(headers.map((h, i) => [h, i]));
  const insertAt = insertIdColumn(headers);
  const ids = new InsertIds();
  const batchLines = options.batchLines ?? 5000;
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let line = 0;
  let bytesRead = 0;
  let recordsRead = 0;
  let records: SourceRecord[] = [];

  const take = (text: string): void => {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') return;
    recordsRead++;
    const parsed = parseJsonLine(trimmed);
    if (!parsed.ok) {
      records.push({ line, fields: [trimmed.slice(0, 500)], problem: { code: 'invalid_json', reason: parsed.reason } });
      return;
    }
    const fields: string[] = new Array<string>(headers.length).fill('');
    for (const [k, v] of flattenEvent(parsed.value)) {
      const i = index.get(k);
      if (i !== undefined) fields[i] = v;
    }
    const record: SourceRecord = { line, fields };
    if (insertAt !== -1) {
      const first = ids.repeatOf(fields[insertAt], line);
      if (first !== undefined) record.duplicateOf = first;
    }
    records.push(record);
  };
  const batch = (): SourceBatch => {
    const out = { records, bytesRead: options.fileBytes?.() ?? bytesRead, recordsRead };
    records = [];
    return out;
  };

  for await (const chunk of source) {
    if (signal?.aborted) throw new ImportError('cancelled', 'The import was cancelled.');
    // Decoded a slice at a time, so no text lands in V8's large-object space (records-stream.ts SLICE).
    for (let slice = 0; slice < chunk.length; slice += SLICE) {
      const part = chunk.subarray(slice, slice + SLICE);
      bytesRead += part.length;
      pending += decoder.decode(part, { stream: true });
      let at = pending.indexOf('\n');
      let start = 0;
      while (at !== -1) {
        take(pending.slice(start, at));
        start = at + 1;
        at = pending.indexOf('\n', start);
      }
      pending = pending.slice(start);
    }
    if (records.length >= batchLines) yield batch();
  }
  pending += decoder.decode();
  if (pending !== '') take(pending);
  if (records.length > 0) yield batch();
}
