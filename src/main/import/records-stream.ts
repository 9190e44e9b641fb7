// The streaming reader: bytes in, batches of {line, fields} out, never the whole file in memory. It pulls from
// the source (so a slow consumer slows the disk, not the heap), decodes and normalizes line endings, hands text
// to papaparse in 256 KB slices, keeps the unfinished last row for the next slice, and numbers every record by the
// physical line it starts on (header = line 1; blank lines and the '\n' inside quoted cells are counted).
import { createReadStream } from 'node:fs';
import { assertText, detectEncoding, SNIFF_BYTES, TextChunkDecoder } from './decode';
import { formatCount, ImportError } from './import-error';
import { isBlankRow, newlinesIn, parseChunk } from './papa-chunk';
import { unterminatedMessage } from './sniff';
import type { CsvRecord, Delimiter, TextEncodingName } from './types';

export interface RecordBatch {
  records: CsvRecord[];
  /** Bytes of the file read so far (for a progress bar against the file size). */
  bytesRead: number;
  /** Data records produced so far, this batch included. */
  recordsRead: number;
  /**
   * The encoding the text has been read as so far: a guessed UTF-8 can turn out to be Windows-1252 at the first
   * accented byte, however deep in the file, so the last batch's is the file's.
   */
  encoding?: TextEncodingName;
}

export interface ReadRecordsOptions {
  delimiter: Delimiter;
  /** Known from sniffing; detected from the first bytes when absent. */
  encoding?: TextEncodingName;
  /**
   * The encoding was guessed from a sample without a byte order mark: UTF-8 then stays open until the first bytes
   * past ASCII, which may show a Windows-1252 file (decode.ts TextChunkDecoder). Detected here, it always is.
   */
  encodingGuessed?: boolean;
  signal?: AbortSignal;
  /** Characters handed to the parser at a time (default SLICE). */
  sliceChars?: number;
  /** A record longer than this is refused (default 32 Mi characters): a safety net for an unclosed quote. */
  maxRecordChars?: number;
}

/**
 * Characters parsed at a time, and bytes decoded at a time (a read is cut into slices). Two limits set it:
 * - A slice's rows are all alive until the parser returns them: with 1 MB slices (7,800 rows of an export) most of
 *   each slice outlived the young generation's collections and was copied, then promoted (stop 28: 1 MB -> 256 KB,
 *   the reader's scavenges 0.95 s -> 0.13 s on the 1M-row export).
 * - Every string over V8's largest regular object (128 KB) is allocated in the large-object space, each in pages of
 *   its own, faulted in and given back one by one: a 256 KB slice's decoded text and its copy flattened with the
 *   unparsed rest before it were two such strings a slice. A slice of text with any character past Latin-1 is
 *   two bytes a character, so 32 Ki characters keep it at 64 KB, under the limit whatever the file's language. On
 *   the 1M-row export, the reader alone: 1.53-1.92 s -> 0.64-0.69 s (system time 1.0 -> 0.5 s); with one non-Latin-1
 *   character every 50 rows, 64 KB slices 1.88-1.93 s, 32 KB 0.88-1.16 s. The whole import (CLI's path, four
 *   interleaved pairs at 64 KB): its read phase 2.85-3.10 s -> 2.27-2.47 s.
 */
export const SLICE = 32 * 1024;

/**
 * Bytes a read asks for: off V8's heap (a Buffer), so its size is free of SLICE's limits. Each read is a trip to
 * libuv's thread pool, 4,000 of them for the 1M-row export at 32 KB: the reader alone 0.68-0.73 s with reads of a
 * slice, 0.51-0.57 s with reads of 256 KB (three interleaved pairs; 1 MB was no better, and holds more).
 */
export const READ_BYTES = 256 * 1024;

/** A file as a byte source with reads of READ_BYTES. */
export function fileSource(path: string, signal?: AbortSignal): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: READ_BYTES, signal });
}

function cancelled(): ImportError {
  return new ImportError('cancelled', 'The import was cancelled.');
}

/**
 * Yields the data records of a CSV (the header record is read and dropped: sniffing already has it).
 * Throws ImportError: `not_text`, `empty_file`, `unterminated_quote` (with the line where the quote opens; the
 * records before it have been yielded), `record_too_large`, `cancelled` (when `signal` aborts).
 */
export async function* readRecordBatches(source: AsyncIterable<Uint8Array>, options: ReadRecordsOptions): AsyncGenerator<RecordBatch, void, undefined> {
  const { delimiter, signal } = options;
  const sliceChars = options.sliceChars ?? SLICE;
  const maxRecordChars = options.maxRecordChars ?? 32 * 1024 * 1024;

  let decoder: TextChunkDecoder | null = options.encoding ? new TextChunkDecoder(options.encoding, false, options.encodingGuessed ?? false) : null;
  // The first bytes, held until there are enough to check them (a list: small reads are not copied over and over).
  let head: Uint8Array[] | null = [];
  let headLength = 0;
  let bytesRead = 0;
  let recordsRead = 0;
  let line = 1; // physical line the next parsed row starts on
  let headerSeen = false;
  let headerLine = 1;
  // Text not parsed yet: the unfinished row from the last slice followed by newly decoded text.
  let pending = '';
  // Parse only when `pending` has grown by a slice; with a huge record, wait for it to double instead of
  // re-scanning it for every chunk (keeps a 5 MB cell linear rather than quadratic).
  let parseAt = sliceChars;

  const takeRows = (rows: string[][], out: CsvRecord[], quoted: boolean): void => {
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i];
      if (isBlankRow(fields)) {
        line++;
        continue;
      }
      const start = line;
      // Without a quote in the slice no cell can hold a newline: skip the scan on the fast path.
      line += quoted ? 1 + newlinesIn(fields) : 1;
      if (!headerSeen) {
        headerSeen = true;
        headerLine = start;
        continue;
      }
      out.push({ line: start, fields });
    }
  };

  /** Parses what is pending; a final parse also returns the unterminated-quote error, after the good rows. */
  const parsePending = (final: boolean): { records: CsvRecord[]; error: ImportError | null } => {
    const records: CsvRecord[] = [];
    if (pending === '') return { records, error: null };
    const quoted = pending.indexOf('"') !== -1;
    const result = parseChunk(pending, delimiter, final);
    const missing = final ? result.errors.find((e) => e.code === 'MissingQuotes') : undefined;
    if (missing) {
      takeRows(result.rows.slice(0, missing.row), records, quoted);
      const bad = result.rows[missing.row];
      const opens = line + newlinesIn(bad, bad.length - 1);
      pending = '';
      return { records, error: new ImportError('unterminated_quote', unterminatedMessage(opens), opens) };
    }
    takeRows(result.rows, records, quoted);
    pending = result.consumed >= pending.length ? '' : pending.slice(result.consumed);
    parseAt = Math.min(Math.max(sliceChars, pending.length * 2), maxRecordChars + 1);
    if (!final && pending.length > maxRecordChars) tooLarge();
    return { records, error: null };
  };

  const tooLarge = (): never => {
    // Parse what we hold as if the file ended here: an unclosed quote shows up as MissingQuotes.
    const result = parseChunk(pending, delimiter, true);
    const missing = result.errors.find((e) => e.code === 'MissingQuotes');
    if (missing) {
      let at = line;
      for (let i = 0; i < missing.row; i++) at += isBlankRow(result.rows[i]) ? 1 : 1 + newlinesIn(result.rows[i]);
      const bad = result.rows[missing.row];
      const opens = at + newlinesIn(bad, bad.length - 1);
      throw new ImportError(
        'unterminated_quote',
        `The quote that opens on line ${opens} is not closed within the next ${formatCount(maxRecordChars)} characters. Check line ${opens} for a stray " character.`,
        opens,
      );
    }
    throw new ImportError('record_too_large', `The record starting on line ${line} is longer than ${formatCount(maxRecordChars)} characters.`, line);
  };

  const emit = (records: CsvRecord[]): RecordBatch => {
    recordsRead += records.length;
    return { records, bytesRead, recordsRead, encoding: decoder?.encoding };
  };

  try {
    for await (const chunk of source) {
      if (signal?.aborted) throw cancelled();
      let bytes: Uint8Array = chunk;
      if (head !== null) {
        // Hold the first bytes until there are enough to tell the encoding and whether this is text at all.
        head.push(chunk);
        headLength += chunk.length;
        if (headLength < SNIFF_BYTES) continue;
        bytes = Buffer.concat(head, headLength);
        head = null;
        const info = detectEncoding(bytes);
        assertText(bytes, info);
        decoder ??= new TextChunkDecoder(info.encoding, false, info.bomLength === 0);
      }
      if (decoder === null) continue;
      // Decoded and parsed a slice at a time, however large the read (see SLICE).
      for (let at = 0; at < bytes.length; at += sliceChars) {
        if (at > 0 && signal?.aborted) throw cancelled();
        const part = bytes.subarray(at, at + sliceChars);
        bytesRead += part.length;
        pending += decoder.push(part);
        if (pending.length >= parseAt) {
          const { records } = parsePending(false);
          if (records.length > 0) yield emit(records);
        }
      }
    }
  } catch (error) {
    // A source opened with the same signal fails with its own AbortError: report it as a cancel.
    if (signal?.aborted) throw cancelled();
    throw error;
  }
  if (signal?.aborted) throw cancelled();
  if (head !== null) {
    if (headLength === 0) throw new ImportError('empty_file', 'The file is empty: there is no header and no data.');
    const first = Buffer.concat(head, headLength);
    const info = detectEncoding(first, true);
    assertText(first, info);
    decoder ??= new TextChunkDecoder(info.encoding, false, info.bomLength === 0);
    bytesRead += first.length;
    pending += decoder.push(first);
  }
  if (decoder !== null) pending += decoder.end();
  const { records, error } = parsePending(true);
  if (!headerSeen && !error) throw new ImportError('empty_file', 'The file is empty: there is no header and no data.');
  if (records.length > 0) yield emit(records);
  if (error) throw error;
  if (recordsRead === 0) throw new ImportError('no_data_rows', 'The file has a header but no data rows.', headerLine);
}

/** One record at a time, for callers that prefer it; batches are faster for large files. */
export async function* readRecords(source: AsyncIterable<Uint8Array>, options: ReadRecordsOptions): AsyncGenerator<CsvRecord, void, undefined> {
  for await (const batch of readRecordBatches(source, options)) yield* batch.records;
}
