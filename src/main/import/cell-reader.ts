// Reading one record's cells as the values an import stores. Each field is resolved once per import (its column,
// the name the CSM knows it by, its format); each reader then answers null for an unmapped field or an empty
// cell, the value, or throws a Reject naming the column and the value. One reader serves every record of a file
// (the validator points it at each record in turn), so reading allocates nothing but the values themselves.
import { controlCharName, hasControlChars, stripControlChars } from '../../shared/clean-text';
import type { ColumnFormat, ColumnFormats } from './column-formats';
import { parseCalendarDate, parseInstant, type DateProblem } from './dates';
import { fieldKeys, fieldSpec } from './fields';
import { formatCount, quoteValue } from './import-error';
import { parseMinutes, parseNumber } from './numbers';
import type { ColumnMapping, Kind, RejectCode } from './types';

/** A field of this import. Readers take these (same-shaped objects: fast property loads on the hot path). */
export interface FieldRef {
  /** Column index, -1 when the field is not mapped. */
  i: number;
  label: string;
  format: ColumnFormat;
}

export type Fields = Record<string, FieldRef>;

/** Thrown inside the validator only (a plain object, not an Error: no stack trace to build), caught per row. */
export class Reject {
  constructor(
    readonly code: RejectCode,
    readonly reason: string,
  ) {}
}

/** A record that is no error but holds nothing to store (an open opportunity in a renewals report): listed as skipped. */
export class SkipRow {
  constructor(readonly reason: string) {}
}

const DEFAULT_FORMAT: ColumnFormat = { dayFirst: false, decimal: '.' };
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Each field of the kind resolved once, by its key: the header it is read from, its label and its format. */
export function resolveFields(kind: Kind, mapping: ColumnMapping, headers: string[], columnFormats: ColumnFormats | undefined): Fields {
  const F: Fields = {};
  for (const key of fieldKeys(kind)) {
    const header = mapping[key] ?? null;
    F[key] = {
      i: header === null ? -1 : headers.indexOf(header),
      label: header === null ? (fieldSpec(kind, key)?.label ?? key) : `"${header}"`,
      format: (header !== null && columnFormats?.[header]) || DEFAULT_FORMAT,
    };
  }
  // Shared readers (account, user, anonymous check) may ask for a field this kind does not have: unmapped.
  for (const key of ['accountId', 'accountName', 'userId', 'email', 'userName', 'deviceId']) F[key] ??= { i: -1, label: key, format: DEFAULT_FORMAT };
  return F;
}

function dateReason(column: string, value: string, problem: DateProblem): Reject {
  if (problem === 'future') return new Reject('future_date', `${column} is ${quoteValue(value)}, which is in the future.`);
  if (problem === 'too_old') return new Reject('invalid_date', `${column} is ${quoteValue(value)}, before 1990: a placeholder, not a real date.`);
  return new Reject('invalid_date', `${column} is ${quoteValue(value)}, which is not a date Bearing can read.`);
}

/** A column of the record whose control characters were removed (see src/shared/clean-text.ts). */
export interface CleanedCell {
  label: string;
  removed: number;
  /** The first character removed, as "U+001B". */
  first: string;
}

export class CellReader {
  /** The record being read: set by the validator before each row is built. */
  cells: string[] = [];
  /** The cells of this record that lost control characters: emptied by the validator before each record. */
  cleaned: CleanedCell[] = [];

  constructor(
    /** IANA zone that times without an offset are read in. */
    private readonly timeZone: string,
    /** The import's "now" (epoch ms), for future-date checks. */
    private readonly now: number,
    /** Longest text kept in a mapped column. */
    private readonly maxText: number,
  ) {}

  /** The trimmed cell without control characters, or null. */
  raw(f: FieldRef): string | null {
    const i = f.i;
    if (i < 0) return null;
    let v = this.cells[i];
    if (v === undefined || v === '') return null;
    if (hasControlChars(v)) v = this.clean(f, i, v);
    const t = v.trim();
    return t === '' ? null : t;
  }

  /** The cell without its control characters, noted once per column (the cell is replaced: read twice, noted once). */
  private clean(f: FieldRef, i: number, v: string): string {
    const { text, removed } = stripControlChars(v);
    this.cleaned.push({ label: f.label, removed, first: controlCharName(v) ?? '' });
    this.cells[i] = text;
    return text;
  }

  text(f: FieldRef, max = this.maxText): string | null {
    const v = this.raw(f);
    if (v !== null && v.length > max) {
      throw new Reject('value_too_long', `${f.label} has a value of ${formatCount(v.length)} characters (${quoteValue(v, 24)}); the limit is ${formatCount(max)}.`);
    }
    return v;
  }

  id(f: FieldRef): string | null {
    return this.text(f, 256);
  }

  /** True when the instant is after the import's "now" (a meeting still to come). */
  isFuture(epochMs: number): boolean {
    return epochMs > this.now;
  }

  required<T>(f: FieldRef, value: T | null): T {
    if (value === null) throw new Reject('missing_value', `${f.label} is empty.`);
    return value;
  }

  email(f: FieldRef): string | null {
    const v = this.text(f, 320);
    if (v === null) return null;
    if (!EMAIL_RE.test(v)) throw new Reject('invalid_email', `${f.label} is ${quoteValue(v)}, which is not an email address.`);
    return v.toLowerCase();
  }

  instant(f: FieldRef, noFuture = true): number | null {
    const v = this.raw(f);
    if (v === null) return null;
    const r = parseInstant(v, { timeZone: f.format.timeZone ?? this.timeZone, format: f.format, now: noFuture ? this.now : undefined });
    if (!r.ok) throw dateReason(f.label, v, r.problem);
    return r.epochMs;
  }

  calendar(f: FieldRef, noFuture: boolean): string | null {
    const v = this.raw(f);
    if (v === null) return null;
    const r = parseCalendarDate(v, { timeZone: f.format.timeZone ?? this.timeZone, format: f.format, now: noFuture ? this.now : undefined });
    if (!r.ok) throw dateReason(f.label, v, r.problem);
    return r.date;
  }

  count(f: FieldRef): number | null {
    const v = this.raw(f);
    if (v === null) return null;
    const n = parseNumber(v, f.format.decimal);
    if (n === null || Number.isNaN(n)) throw new Reject('not_a_number', `${f.label} is ${quoteValue(v)}, which is not a number.`);
    if (n < 0) throw new Reject('negative_count', `${f.label} is ${quoteValue(v)}: a count cannot be negative.`);
    if (!Number.isInteger(n)) throw new Reject('not_a_number', `${f.label} is ${quoteValue(v)}, which is not a whole number.`);
    return n;
  }

  duration(f: FieldRef): number | null {
    const v = this.raw(f);
    if (v === null) return null;
    const n = parseMinutes(v, f.format.decimal);
    if (n === null || Number.isNaN(n)) throw new Reject('not_a_number', `${f.label} is ${quoteValue(v)}, which is not a number of minutes.`);
    if (n < 0) throw new Reject('negative_duration', `${f.label} is ${quoteValue(v)}: a duration cannot be negative.`);
    return n;
  }
}
