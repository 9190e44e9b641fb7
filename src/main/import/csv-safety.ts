// CSV the app WRITES (rejected lines, exports) is opened in Excel or Sheets by the CSM. A cell starting with = + - @
// (or a tab / carriage return, which some spreadsheets skip before reading a formula) would run as a formula:
// "CSV injection". Every cell we write goes through neutralizeCell, which prefixes an apostrophe: spreadsheets
// show the text as typed and do not evaluate it. Imported values are stored as the file had them.
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

const DANGEROUS = /^[\s]*[=+\-@]|^[\t\r]/;

export function neutralizeCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return DANGEROUS.test(value) ? `'${value}` : value;
}

export interface ToCsvOptions {
  /** Column order and header names; for object rows, the keys to write (default: the first row's keys). */
  columns?: string[];
  /** Start with a UTF-8 byte order mark so Excel reads accents right (default true). */
  bom?: boolean;
  delimiter?: ',' | ';' | '\t';
}

/**
 * Writes rows (arrays with a `columns` header, or objects) as CSV with CRLF line ends, quoting where needed and
 * every cell neutralized; numbers are written as numbers (a negative amount is not a formula).
 */
export function toCsv(rows: readonly (readonly CsvCell[])[] | readonly Record<string, CsvCell>[], options: ToCsvOptions = {}): string {
  const first = rows[0];
  const isObjects = first !== undefined && !Array.isArray(first);
  const columns = options.columns ?? (isObjects ? Object.keys(first as Record<string, CsvCell>) : undefined);
  const data: string[][] = rows.map((r) =>
    Array.isArray(r) ? (r as readonly CsvCell[]).map(neutralizeCell) : (columns ?? []).map((c) => neutralizeCell((r as Record<string, CsvCell>)[c])),
  );
  const body = Papa.unparse(
    { fields: (columns ?? []).map(neutralizeCell), data },
    { delimiter: options.delimiter ?? ',', newline: '\r\n', header: columns !== undefined, quotes: false, escapeFormulae: false },
  );
  return (options.bom ?? true ? '\ufeff' : '') + body + (data.length > 0 || columns ? '\r\n' : '');
}
