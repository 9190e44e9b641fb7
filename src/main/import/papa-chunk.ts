// The one place that calls papaparse's parser. We drive Papa.Parser ourselves (rather than Papa.parse on a
// stream) because it returns, for a chunk of text, the complete rows plus the cursor where the unfinished last
// row begins: we keep that tail, append the next chunk and parse again. That gives us backpressure (we pull),
// abort between chunks, and exact physical line numbers (we count the '\n' inside quoted fields ourselves).
import Papa from 'papaparse';
import type { Delimiter } from './types';

export interface PapaError {
  code: string;
  /** Index (in this call's rows) of the row the error belongs to. */
  row: number;
}

export interface ChunkResult {
  rows: string[][];
  errors: PapaError[];
  /** Characters of the input consumed by `rows`; the rest is the start of an unfinished row. */
  consumed: number;
}

interface RawParseResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

/**
 * Parses `text` (LF line endings). With `final` false the last, possibly incomplete row is held back and only
 * rows that end in '\n' are returned; with `final` true everything is returned and an unterminated quote is
 * reported as a `MissingQuotes` error on the last row.
 */
export function parseChunk(text: string, delimiter: Delimiter, final: boolean, preview = 0): ChunkResult {
  const parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"', preview });
  const result = parser.parse(text, 0, !final) as RawParseResult;
  const errors: PapaError[] = [];
  for (const e of result.errors) {
    // With final false, errors can belong to the held-back row: it is parsed again with the next chunk.
    if (typeof e.row === 'number' && e.row < result.data.length) errors.push({ code: e.code, row: e.row });
  }
  return { rows: result.data, errors, consumed: final && !preview ? text.length : result.meta.cursor };
}

/** '\n' characters inside a row's cells: each is one more physical line of the file. */
export function newlinesIn(fields: string[], upTo = fields.length): number {
  let n = 0;
  for (let i = 0; i < upTo; i++) {
    const f = fields[i];
    let at = f.indexOf('\n');
    while (at !== -1) {
      n++;
      at = f.indexOf('\n', at + 1);
    }
  }
  return n;
}

/** A row the parser produced for an empty (or whitespace-only) line. */
export function isBlankRow(fields: string[]): boolean {
  return fields.length === 1 && (fields[0] === '' || fields[0].trim() === '');
}
