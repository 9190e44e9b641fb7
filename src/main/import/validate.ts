// Row validation: a record's cells + the mapping -> the row exactly as it will be stored, a rejection with a
// stable code and a reason a CSM understands (naming the column and the value), or a skip (report footers, empty
// rows). Built once per import (column positions, formats and readers resolved up front) and then called for
// every record, so it stays cheap: no per-row allocation beyond the row itself on the happy path.
import { CellReader, Reject, resolveFields, SkipRow, type CleanedCell } from './cell-reader';
import type { ColumnFormats } from './column-formats';
import { createFooterCheck } from './footer';
import { ROW_BUILDERS } from './row-builders';
import type { ColumnMapping, Kind, RowWarning, ValidationResult } from './types';

export interface ValidatorOptions {
  kind: Kind;
  mapping: ColumnMapping;
  headers: string[];
  /** IANA zone that times without an offset are read in (the setting, or --tz). */
  timeZone: string;
  /** The import's "now" (epoch ms): usage after now + 1 day is rejected as future_date. */
  now: number;
  columnFormats?: ColumnFormats;
  /** Currency of money cells that name none (default USD). */
  defaultCurrency?: string;
  /** Longest text kept in a mapped column (default 1,000 characters; ids 256). */
  maxTextLength?: number;
}

export type RowValidator = (fields: string[], line: number) => ValidationResult;

/**
 * Resolves the mapping once (fields, a reader over the cells, the kind's row builder), then for each record:
 * a report footer or empty row is skipped, a wrong number of fields is rejected, and the rest is built into a row.
 */
export function createRowValidator(options: ValidatorOptions): RowValidator {
  const headerCount = options.headers.length;
  const fields = resolveFields(options.kind, options.mapping, options.headers, options.columnFormats);
  const reader = new CellReader(options.timeZone, options.now, options.maxTextLength ?? 1000);
  const buildRow = ROW_BUILDERS[options.kind];
  const defaultCurrency = options.defaultCurrency ?? 'USD';
  const footer = createFooterCheck(headerCount);

  return (cells: string[], line: number): ValidationResult => {
    const skip = footer(cells);
    if (skip !== null) return { skip };
    if (cells.length !== headerCount && !onlyEmptyExtras(cells, headerCount)) return fieldCountReject(cells.length, headerCount, line);
    reader.cells = cells;
    if (reader.cleaned.length !== 0) reader.cleaned = [];
    try {
      const row = buildRow(reader, fields, defaultCurrency, options.headers);
      return reader.cleaned.length === 0 ? { ok: true, row } : { ok: true, row, warnings: [cleanedWarning(reader.cleaned)] };
    } catch (e) {
      if (e instanceof Reject) return { ok: false, code: e.code, reason: e.reason };
      if (e instanceof SkipRow) return { skip: e.reason };
      throw e;
    }
  };
}

/** One warning for a record whose stored cells lost control characters: which columns, how many, the first. */
function cleanedWarning(cleaned: CleanedCell[]): RowWarning {
  const removed = cleaned.reduce((n, c) => n + c.removed, 0);
  const columns = cleaned.map((c) => c.label).join(', ');
  return {
    code: 'control_characters',
    message: `Removed ${removed} control character${removed === 1 ? '' : 's'} (${cleaned[0].first}${removed > 1 ? ', …' : ''}) from ${columns}; the rest of the text was kept.`,
  };
}

/** Excel pads rows with trailing separators: extra cells that are all empty are harmless. */
function onlyEmptyExtras(cells: string[], headerCount: number): boolean {
  if (cells.length < headerCount) return false;
  for (let i = headerCount; i < cells.length; i++) if (cells[i].trim() !== '') return false;
  return true;
}

function fieldCountReject(count: number, headerCount: number, line: number): ValidationResult {
  return {
    ok: false,
    code: 'field_count',
    reason: `Line ${line} has ${count} field${count === 1 ? '' : 's'}; the header has ${headerCount}. Check for an unquoted separator.`,
  };
}
