// Per-column reading conventions decided once from the sample rows, so every row of a column is read the same
// way: day-first or month-first dates, "." or "," as the decimal separator, and a zone for times that tools write
// in UTC without saying so. Also the small per-column statistics mapping and shape detection score with.
import { detectDateColumn, type DateColumnInfo } from './dates';
import { normalizeHeader } from './headers';
import { detectDecimalSeparator, parseNumber, type DecimalSeparator } from './numbers';
import type { Delimiter, Source } from './types';

export interface ColumnFormat {
  dayFirst: boolean;
  decimal: DecimalSeparator;
  /** Read times without an offset in this zone instead of the configured one (Amplitude writes UTC). */
  timeZone?: string;
}

export type ColumnFormats = Record<string, ColumnFormat>;

// Amplitude documents these as UTC even though the text carries no "Z".
const AMPLITUDE_UTC = new Set(['eventtime', 'clienteventtime', 'serveruploadtime', 'clientuploadtime', 'processedtime', 'servereventtime']);

export interface ColumnStats {
  header: string;
  nonEmpty: number;
  date: DateColumnInfo;
  /** Share of non-empty samples that read as numbers with the column's decimal separator. */
  numberRatio: number;
  emailRatio: number;
  /** Share of samples that are plain integers (ids, counts). */
  integerRatio: number;
  /** Share of samples with a space inside (names rather than ids). */
  spaceRatio: number;
  /** A few distinct non-empty values, for the mapping screen. */
  examples: string[];
}

function columnSamples(sampleRows: string[][], index: number): string[] {
  const out: string[] = [];
  for (const r of sampleRows) {
    const v = r[index];
    if (v !== undefined) out.push(v.length > 200 ? v.slice(0, 200) : v);
  }
  return out;
}

/** The decimal separator to assume when a column's own values cannot tell. */
export function defaultDecimal(delimiter: Delimiter, sampleRows: string[][]): DecimalSeparator {
  if (delimiter === ';') return ',';
  const dotted = sampleRows.slice(0, 20).some((r) => r.some((c) => /^\s*\d{1,2}\.\d{1,2}\.\d{2,4}\b/.test(c)));
  return dotted ? ',' : '.';
}

export interface DetectFormatOptions {
  delimiter: Delimiter;
  source?: Source;
}

export function detectColumnFormats(headers: string[], sampleRows: string[][], options: DetectFormatOptions): ColumnFormats {
  const fallback = defaultDecimal(options.delimiter, sampleRows);
  const formats: ColumnFormats = {};
  headers.forEach((h, i) => {
    const samples = columnSamples(sampleRows, i);
    const format: ColumnFormat = {
      dayFirst: detectDateColumn(samples).dayFirst,
      decimal: detectDecimalSeparator(samples, fallback),
    };
    if (options.source === 'amplitude' && AMPLITUDE_UTC.has(normalizeHeader(h))) format.timeZone = 'UTC';
    formats[h] = format;
  });
  return formats;
}

export function columnStats(headers: string[], sampleRows: string[][], decimalFallback: DecimalSeparator = '.'): ColumnStats[] {
  return headers.map((header, i) => {
    const samples = columnSamples(sampleRows, i).filter((s) => s.trim() !== '');
    const decimal = detectDecimalSeparator(samples, decimalFallback);
    let numbers = 0;
    let emails = 0;
    let integers = 0;
    let spaced = 0;
    for (const s of samples) {
      if (/\S\s+\S/.test(s)) spaced++;
      const n = parseNumber(s, decimal);
      if (n !== null && !Number.isNaN(n)) numbers++;
      if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s.trim())) emails++;
      if (/^\d+$/.test(s.trim())) integers++;
    }
    const n = samples.length || 1;
    return {
      header,
      nonEmpty: samples.length,
      date: detectDateColumn(samples),
      numberRatio: numbers / n,
      emailRatio: emails / n,
      integerRatio: integers / n,
      spaceRatio: spaced / n,
      examples: [...new Set(samples)].slice(0, 3),
    };
  });
}
