// CSV the app WRITES (rejected lines, exports) is opened in Excel or Sheets by the CSM. A cell starting with = + - @
// (or a tab / carriage return, which some spreadsheets skip before reading a formula) would run as a formula:
// "CSV injection". Every cell we write goes through neutralizeCell, which prefixes an apostrophe: spreadsheets
// show the text as typed and do not evaluate it. Imported values are stored as the file had them.
//
// The reader's separator is not ours to choose: a semicolon-locale Excel splits `x;=1+1` at the `;` however we
// quote it if its parser leaves quote mode early, and a line break inside a cell starts a row for a lenient one.
// So every field is quoted, and a formula character right after any separator a reader may use (, ; tab |) or a
// line break inside a cell gets the apostrophe too: whatever splits the line, no piece starts a formula.
import Papa from 'papaparse';

export type CsvCell = string | number | boolean | null | undefined;

const DANGEROUS = /^[\s]*[=+\-@]|^[\t\r]/;
/** A separator some reader may split at, followed (after blanks) by a formula character. */
const DANGEROUS_AFTER_SEPARATOR = /([,;|\t\n]|\r(?!\n))(?=[ \t\r\n]*[=+\-@])/g;

export function neutralizeCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const inside = value.replace(DANGEROUS_AFTER_SEPARATOR, "$1'");
  return DANGEROUS.test(inside) ? `'${inside}` : inside;
}

export interface ToCsvOptions {
  /** Column order and header names; for object rows, the keys to write (default: the first row's keys). */
  columns?: string[];
  /** Start with a UTF-8 byte order mark so Excel reads accents right (default true). */
  bom?: boolean;
  delimiter?: ',' | ';' | '\t';
}

/**
 * Writes rows (arrays with a `columns` header, or objects) as CSV with CRLF line ends, every field quoted and
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
    { delimiter: options.delimiter ?? ',', newline: '\r\n', header: columns !== undefined, quotes: true, escapeFormulae: false },
  );
  return (options.bom ?? true ? '\ufeff' : '') + body + (data.length > 0 || columns ? '\r\n' : '');
}
