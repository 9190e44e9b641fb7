// Dates as exports write them -> UTC epoch ms (instants) or YYYY-MM-DD (calendar dates). Formats: ISO 8601 with or
// without offset, "YYYY-MM-DD HH:MM:SS.ffffff" (Amplitude), epoch seconds / ms / µs (Mixpanel's `time` is
// seconds), US M/D/YYYY with 12-hour times (Salesforce, HubSpot in en-US), European dd.mm.yyyy, dd/mm/yyyy when
// the column says so, and month names ("Mar 5, 2024", "5 March 2024"). A time without an offset is read in the
// configured zone. No clock is read here: "now" is always passed in.
import { zoneClock } from './zone-clock';

/** How a column writes the ambiguous n/n/yyyy: decided once per column from its sample values. */
export interface DateColumnFormat {
  dayFirst: boolean;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Whether the value carried a time of day. */
  hasTime: boolean;
  /** Offset written in the value (ms east of UTC), or null when none was written. */
  offsetMs: number | null;
  /** Set when the value was an epoch number: the instant itself. */
  epochMs: number | null;
}

export type DateProblem = 'invalid' | 'future' | 'too_old';

/** Instants before this are placeholders (0, 1900-01-01, Excel's 1899-12-30), not usage. */
const MIN_PLAUSIBLE_MS = Date.UTC(1990, 0, 1);
/** "Future" allows a day of slack for clocks and zones. */
const FUTURE_TOLERANCE_MS = 86_400_000;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
  // German and French short forms seen in European exports.
  mär: 3, märz: 3, mrz: 3, mai: 5, okt: 10, dez: 12, janv: 1, févr: 2, fevr: 2, avr: 4, juil: 7, août: 8, aout: 8, déc: 12,
};

// time: 14:30 | 14:30:05 | 14:30:05.123456 | 2:30 PM | 2:30:05 p.m. ; offset: Z | UTC | +01:00 | +0100 | +01
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?`;
const ZONE = String.raw`\s*(Z|z|UTC|GMT|(?:UTC|GMT)?[+-]\d{2}(?::?\d{2})?)?`;
const ISO_RE = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:(?:[T ]|,?\s+)${TIME}${ZONE})?$`);
const NUMERIC_RE = new RegExp(String.raw`^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})\.?(?:(?:[T ]|,?\s+)${TIME}${ZONE})?$`);
const NAMED_DMY_RE = new RegExp(String.raw`^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\.?[\s-]([^\d\s,.-]{3,9})\.?[\s-],?\s*(\d{4})(?:(?:[T ]|,?\s+)${TIME}${ZONE})?$`);
const NAMED_MDY_RE = new RegExp(String.raw`^(?:[A-Za-z]{3,9},?\s+)?([^\d\s,.-]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:(?:[T ]|,?\s+|\s+at\s+)${TIME}${ZONE})?$`);
const EPOCH_RE = /^-?\d{9,16}(?:\.\d+)?$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1];
}

/** Two ASCII digits at i as a number, or NaN. */
function two(v: string, i: number): number {
  const a = v.charCodeAt(i) - 48;
  const b = v.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
}

/**
 * The hot path for the formats machine exports use (YYYY-MM-DD, YYYY-MM-DD[T ]HH:MM[:SS[.fff…]][Z|±HH[:]MM]),
 * read with charCodeAt and no allocation. Returns the instant, or NaN when the value is not in exactly this form
 * (the general parser then decides, including whether it is invalid).
 */
function fastIsoInstant(v: string, timeZone: string): number {
  const len = v.length;
  if (len < 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return NaN;
  const year = two(v, 0) * 100 + two(v, 2);
  const month = two(v, 5);
  const day = two(v, 8);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let i = 10;
  if (len > 10) {
    const sep = v.charCodeAt(10);
    if ((sep !== 84 && sep !== 32) || len < 16 || v.charCodeAt(13) !== 58) return NaN;
    hour = two(v, 11);
    minute = two(v, 14);
    i = 16;
    if (len >= 19 && v.charCodeAt(16) === 58) {
      second = two(v, 17);
      i = 19;
      if (v.charCodeAt(19) === 46) {
        let digits = 0;
        i = 20;
        for (let c = v.charCodeAt(i) - 48; c >= 0 && c <= 9; c = v.charCodeAt(++i) - 48) {
          if (digits < 3) ms = ms * 10 + c;
          digits++;
        }
        if (digits === 0) return NaN;
        if (digits < 3) ms *= digits === 1 ? 100 : 10;
      }
    }
    if (!(hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (i === len) return zoneClock(timeZone).localToEpoch(local);
  const z = v.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === len) return local;
  if (z !== 43 && z !== 45) return NaN;
  const oh = two(v, i + 1);
  const om = len === i + 3 ? 0 : len === i + 5 ? two(v, i + 3) : len === i + 6 && v.charCodeAt(i + 3) === 58 ? two(v, i + 4) : NaN;
  const offset = (oh * 60 + om) * 60_000;
  return Number.isNaN(offset) ? NaN : z === 43 ? local - offset : local + offset;
}

function zoneOffset(z: string | undefined): number | null {
  if (!z) return null;
  const u = z.toUpperCase();
  if (u === 'Z' || u === 'UTC' || u === 'GMT') return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{2}):?(\d{2})?$/.exec(u);
  if (!m) return null;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return (m[1] === '-' ? -1 : 1) * mins * 60_000;
}

function build(year: number, month: number, day: number, t: (string | undefined)[] | null): DateParts | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const parts: DateParts = { year, month, day, hour: 0, minute: 0, second: 0, ms: 0, hasTime: false, offsetMs: null, epochMs: null };
  if (!t || t[0] === undefined) return parts;
  let hour = Number(t[0]);
  const minute = Number(t[1]);
  const second = t[2] === undefined ? 0 : Math.min(Number(t[2]), 59); // a leap second reads as :59
  const ampm = t[4];
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    const pm = ampm[0] === 'p' || ampm[0] === 'P';
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || Number(t[2] ?? 0) > 60) return null;
  parts.hour = hour;
  parts.minute = minute;
  parts.second = second;
  parts.ms = t[3] === undefined ? 0 : Number(`${t[3]}00`.slice(0, 3)); // µs and ns truncate to ms, no float error
  parts.hasTime = true;
  if (t[5] !== undefined) {
    parts.offsetMs = zoneOffset(t[5]);
    if (parts.offsetMs === null) return null;
  }
  return parts;
}

function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n; // two-digit years: 00-69 -> 20xx, as spreadsheets do
}

/**
 * Reads the date (and time) written in a cell, or null when it is not a date. `dayFirst` decides n/n/yyyy and
 * n-n-yyyy; dd.mm.yyyy is always day first.
 */
export function parseDateParts(raw: string, format: DateColumnFormat = { dayFirst: false }): DateParts | null {
  const value = raw.trim();
  if (value === '') return null;
  const c0 = value.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    let m = ISO_RE.exec(value);
    if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m.slice(4));
    m = NUMERIC_RE.exec(value);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const dayFirst = m[2] === '.' || format.dayFirst;
      return build(fullYear(m[4]), dayFirst ? b : a, dayFirst ? a : b, m.slice(5));
    }
    if (EPOCH_RE.test(value)) return fromEpoch(Number(value));
    m = COMPACT_RE.exec(value);
    if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), null);
    m = NAMED_DMY_RE.exec(value);
    if (m) {
      const month = MONTHS[m[2].toLowerCase()];
      return month ? build(Number(m[3]), month, Number(m[1]), m.slice(4)) : null;
    }
    return null;
  }
  let m = NAMED_MDY_RE.exec(value);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? build(Number(m[3]), month, Number(m[2]), m.slice(4)) : null;
  }
  m = NAMED_DMY_RE.exec(value);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? build(Number(m[3]), month, Number(m[1]), m.slice(4)) : null;
  }
  return null;
}

/** Epoch seconds, milliseconds or microseconds, told apart by size (seconds reach 1e11 only in the year 5138). */
function fromEpoch(n: number): DateParts | null {
  if (!Number.isFinite(n)) return null;
  const abs = Math.abs(n);
  const ms = abs < 1e11 ? n * 1000 : abs < 1e14 ? n : n / 1000;
  const epochMs = Math.floor(ms);
  const d = new Date(epochMs);
  if (Number.isNaN(d.getTime())) return null;
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds(),
    hasTime: true, offsetMs: 0, epochMs,
  };
}

/** The instant (UTC epoch ms) of parsed parts; a time with no offset is read in `timeZone`. */
function partsToEpoch(p: DateParts, timeZone: string): number {
  if (p.epochMs !== null) return p.epochMs;
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  if (p.offsetMs !== null) return local - p.offsetMs;
  return zoneClock(timeZone).toEpoch(p);
}

/**
 * The calendar date of parsed parts: the date as written when the cell wrote one (a CRM's "2026-03-31T00:00:00Z"
 * means March 31 wherever you are), the local date in `timeZone` for an epoch number.
 */
function partsToIsoDate(p: DateParts, timeZone: string): string {
  if (p.epochMs !== null) return zoneClock(timeZone).isoDate(p.epochMs);
  return `${p.year}-${p.month < 10 ? '0' : ''}${p.month}-${p.day < 10 ? '0' : ''}${p.day}`;
}

export type InstantResult = { ok: true; epochMs: number } | { ok: false; problem: DateProblem };
export type CalendarResult = { ok: true; date: string } | { ok: false; problem: DateProblem };

export interface DateReadOptions {
  timeZone: string;
  format?: DateColumnFormat;
  /** Reject instants after now + 1 day (usage cannot happen in the future). Omit for renewal dates. */
  now?: number;
}

/** Parses an instant; `invalid`, `future` (with `now`) or `too_old` (before 1990) otherwise. */
export function parseInstant(value: string, options: DateReadOptions): InstantResult {
  let epochMs = fastIsoInstant(value, options.timeZone);
  if (Number.isNaN(epochMs)) {
    const p = parseDateParts(value, options.format);
    if (!p) return { ok: false, problem: 'invalid' };
    epochMs = partsToEpoch(p, options.timeZone);
  }
  if (!Number.isFinite(epochMs)) return { ok: false, problem: 'invalid' };
  if (epochMs < MIN_PLAUSIBLE_MS) return { ok: false, problem: 'too_old' };
  if (options.now !== undefined && epochMs > options.now + FUTURE_TOLERANCE_MS) return { ok: false, problem: 'future' };
  return { ok: true, epochMs };
}

/** Parses a calendar date (YYYY-MM-DD); `future` compares with the local date of now + 1 day in the zone. */
export function parseCalendarDate(value: string, options: DateReadOptions): CalendarResult {
  let date: string;
  const v = value.trim();
  if (v.length === 10 && v.charCodeAt(4) === 45 && v.charCodeAt(7) === 45 && !Number.isNaN(fastIsoInstant(v, 'UTC'))) {
    date = v; // already YYYY-MM-DD and valid: the common case, no parsing objects
  } else {
    const p = parseDateParts(v, options.format);
    if (!p) return { ok: false, problem: 'invalid' };
    date = partsToIsoDate(p, options.timeZone);
  }
  if (date < '1990-01-01') return { ok: false, problem: 'too_old' };
  if (options.now !== undefined && date > zoneClock(options.timeZone).isoDate(options.now + FUTURE_TOLERANCE_MS)) {
    return { ok: false, problem: 'future' };
  }
  return { ok: true, date };
}

export interface DateColumnInfo extends DateColumnFormat {
  /** Share of the non-empty samples that read as dates (0..1); 0 when the column has no values. */
  dateRatio: number;
  /** Some sample carries a time of day other than midnight. */
  hasTime: boolean;
  /** The samples are epoch numbers. */
  epoch: boolean;
  /** Distinct calendar dates in the samples (for telling daily rows from weekly ones). */
  dates: string[];
}

/**
 * Decides a column's date format from sample values: n/n/yyyy is day first when some first part is above 12 (or
 * the separator is a dot), month first when some second part is above 12, and month first (US) when nothing
 * tells. Also reports how date-like the column is, for shape detection and mapping.
 */
export function detectDateColumn(samples: string[]): DateColumnInfo {
  let dayFirstVotes = 0;
  let monthFirstVotes = 0;
  for (const s of samples) {
    const m = /^\s*(\d{1,2})([./-])(\d{1,2})\2\d{2,4}/.exec(s);
    if (!m) continue;
    if (m[2] === '.') dayFirstVotes++;
    else if (Number(m[1]) > 12) dayFirstVotes++;
    else if (Number(m[3]) > 12) monthFirstVotes++;
  }
  const dayFirst = dayFirstVotes > monthFirstVotes;
  let nonEmpty = 0;
  let parsed = 0;
  let hasTime = false;
  let epochs = 0;
  const dates = new Set<string>();
  for (const s of samples) {
    if (s.trim() === '') continue;
    nonEmpty++;
    const p = parseDateParts(s, { dayFirst });
    if (!p) continue;
    parsed++;
    if (p.epochMs !== null) epochs++;
    if (p.hasTime && (p.hour !== 0 || p.minute !== 0 || p.second !== 0 || p.ms !== 0)) hasTime = true;
    dates.add(partsToIsoDate(p, 'UTC'));
  }
  return {
    dayFirst,
    dateRatio: nonEmpty === 0 ? 0 : parsed / nonEmpty,
    hasTime,
    epoch: parsed > 0 && epochs === parsed,
    dates: [...dates].sort(),
  };
}
