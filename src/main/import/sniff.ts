// Sniffing: from the first 64 KB only, decide whether this is a CSV at all, its encoding, separator and line
// endings, its header and a sample of rows for shape detection, mapping suggestions and the preview. Nothing
// here reads the rest of the file, so dropping a 2 GB export answers instantly.
import { open } from 'node:fs/promises';
import { assertText, decodeSample, detectEncoding, SNIFF_BYTES } from './decode';
import { createFooterCheck } from './footer';
import { cleanHeaders } from './headers';
import { assertImportableFile } from './file-check';
import { formatCount, ImportError } from './import-error';
import { isBlankRow, newlinesIn, parseChunk } from './papa-chunk';
import { DELIMITERS, type CsvRecord, type Delimiter, type TextEncodingName } from './types';

export interface SniffResult {
  encoding: TextEncodingName;
  hasBom: boolean;
  delimiter: Delimiter;
  lineEnding: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
  /** Unique, trimmed header names ("Column 7" for a blank one); the mapping refers to these. */
  headers: string[];
  /** The header as written (before trimming and de-duplication). */
  rawHeaders: string[];
  headerLine: number;
  /** The first data records (blank lines skipped, footers included: the validator decides about those). */
  sampleRows: CsvRecord[];
  /** True when the sample is the whole file. */
  complete: boolean;
  bytesSampled: number;
}

export interface SniffOptions {
  /** How many data records to keep as samples (default 100). */
  sampleRows?: number;
  /** Force a separator instead of guessing. */
  delimiter?: Delimiter;
}

/**
 * How far sniffing reads to find the end of the header: 64 KB first, more only for a header that does not fit
 * (thousands of columns), and never past 16 MB, where a line that has not ended is not a CSV's line.
 */
const SNIFF_WINDOWS = [SNIFF_BYTES, 1024 * 1024, 16 * 1024 * 1024];

/** Refused beyond this: no usage, account or people export has anywhere near as many columns. */
export const MAX_COLUMNS = 5_000;

/** Sniffs the start of a file; reads 64 KB unless the header is longer (see SNIFF_WINDOWS). */
export async function sniffFile(path: string, options: SniffOptions = {}): Promise<SniffResult> {
  // Checked before opening: opening a named pipe would wait for a writer forever.
  const size = assertImportableFile(path);
  const handle = await open(path, 'r');
  try {
    let buf = Buffer.alloc(0);
    let n = 0;
    for (const window of SNIFF_WINDOWS) {
      const grown = Buffer.alloc(Math.min(window, Math.max(size, SNIFF_BYTES)));
      buf.copy(grown, 0, 0, n);
      buf = grown;
      while (n < buf.length) {
        const { bytesRead } = await handle.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
      }
      const complete = n >= size;
      try {
        return sniffBytes(buf.subarray(0, n), complete, options);
      } catch (error) {
        const last = window === SNIFF_WINDOWS[SNIFF_WINDOWS.length - 1];
        if (!(error instanceof ImportError) || error.code !== 'line_too_long' || complete || last) throw error;
      }
    }
    throw new ImportError('line_too_long', lineTooLongMessage(n), 1);
  } finally {
    await handle.close();
  }
}

function lineTooLongMessage(bytes: number): string {
  const mb = Math.round(bytes / (1024 * 1024));
  const size = mb >= 1 ? `${mb} MB` : `${Math.round(bytes / 1024)} KB`;
  return `Line 1 does not end within the first ${size} of the file: there is no line break, so this is not a CSV export (or its line breaks were lost). Open it in a text editor, or export it again as CSV.`;
}

/**
 * Sniffs a byte sample. `complete` says the sample is the whole file (so a missing row means "no rows", not "not
 * read yet"). Throws ImportError `not_text`, `empty_file`, `line_too_long` (no complete header in a partial
 * sample), `too_many_columns`, `no_data_rows` or `unterminated_quote`.
 */
export function sniffBytes(bytes: Uint8Array, complete: boolean, options: SniffOptions = {}): SniffResult {
  const info = detectEncoding(bytes, complete);
  assertText(bytes, info);
  const { text, normalizer } = decodeSample(bytes, info.encoding, complete);
  if (text.trim() === '') throw new ImportError('empty_file', 'The file is empty: there is no header and no data.');

  const delimiter = options.delimiter ?? guessDelimiter(text);
  const parsed = parseChunk(text, delimiter, complete);
  const wanted = options.sampleRows ?? 100;

  let line = 1;
  let header: CsvRecord | null = null;
  const samples: CsvRecord[] = [];
  for (let i = 0; i < parsed.rows.length; i++) {
    const fields = parsed.rows[i];
    const quoteError = parsed.errors.find((e) => e.row === i && e.code === 'MissingQuotes');
    if (quoteError) {
      const opens = line + newlinesIn(fields, fields.length - 1);
      throw new ImportError('unterminated_quote', unterminatedMessage(opens), opens);
    }
    if (isBlankRow(fields)) {
      line++;
      continue;
    }
    if (header === null) header = { line, fields };
    else if (samples.length < wanted) samples.push({ line, fields });
    line += 1 + newlinesIn(fields);
    if (samples.length >= wanted) break;
  }
  // Nothing complete in a sample that is not the whole file: the header runs on past it, the file is not empty.
  if (header === null && !complete) throw new ImportError('line_too_long', lineTooLongMessage(bytes.length), 1);
  if (header === null) throw new ImportError('empty_file', 'The file is empty: there is no header and no data.');
  if (header.fields.length > MAX_COLUMNS) {
    throw new ImportError(
      'too_many_columns',
      `Line ${header.line} has ${formatCount(header.fields.length)} columns; Bearing reads files of up to ${formatCount(MAX_COLUMNS)}. Check that the file is a table separated by , ; tab or |, or export only the columns you need.`,
      header.line,
    );
  }
  if (samples.length === 0 && complete) {
    throw new ImportError('no_data_rows', 'The file has a header but no data rows.', header.line);
  }
  if (complete && samples.length > 0) {
    const footer = createFooterCheck(header.fields.length);
    if (samples.every((r) => footer(r.fields) !== null)) {
      throw new ImportError('no_data_rows', 'The file has a header and a report footer but no data rows.', header.line);
    }
  }

  const { crlf, loneCr } = normalizer;
  const lf = countLf(text) - crlf - loneCr;
  const kinds = [lf > 0, crlf > 0, loneCr > 0].filter(Boolean).length;
  const lineEnding = kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : loneCr > 0 ? 'cr' : lf > 0 ? 'lf' : 'none';

  return {
    encoding: info.encoding,
    hasBom: info.bomLength > 0,
    delimiter,
    lineEnding,
    headers: cleanHeaders(header.fields),
    rawHeaders: header.fields,
    headerLine: header.line,
    sampleRows: samples,
    complete,
    bytesSampled: bytes.length,
  };
}

export function unterminatedMessage(line: number): string {
  return `The quote that opens on line ${line} is never closed, so everything after it would be read as one value. Check line ${line} for a stray " character.`;
}

function countLf(text: string): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/**
 * The separator among , ; tab | that splits the first lines most consistently. Each candidate parses up to 50
 * rows with the real CSV parser (so quoted separators do not count); the score is the share of rows with the
 * header's field count, and only candidates that split the header into two or more fields compete. Ties go to
 * the candidate giving more fields, then to the order , ; tab |.
 */
export function guessDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  let bestFields = 1;
  const sample = text.length > 256 * 1024 ? text.slice(0, 256 * 1024) : text;
  for (const d of DELIMITERS) {
    const rows = parseChunk(sample, d, true, 50).rows.filter((r) => !isBlankRow(r));
    if (rows.length === 0) continue;
    const headerCount = rows[0].length;
    if (headerCount < 2) continue;
    const body = rows.slice(1, -1).length > 0 ? rows.slice(1, -1) : rows.slice(1); // the last row may be cut off
    const consistent = body.length === 0 ? 1 : body.filter((r) => r.length === headerCount).length / body.length;
    if (consistent > bestScore || (consistent === bestScore && headerCount > bestFields)) {
      best = d;
      bestScore = consistent;
      bestFields = headerCount;
    }
  }
  return best;
}
