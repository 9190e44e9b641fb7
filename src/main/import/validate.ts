// Row validation: a record's cells + the mapping -> the row exactly as it will be stored, a rejection with a
// stable code and a reason a CSM understands (naming the column and the value), or a skip (report footers, empty
// rows). Built once per import (column positions, formats and readers resolved up front) and then called for
// every record, so it stays cheap: no per-row allocation beyond the row itself on the happy path.
import { type ColumnFormat, type ColumnFormats } from './column-formats';
import { parseCalendarDate, parseInstant, type DateProblem } from './dates';
import { fieldSpec, fieldKeys } from './fields';
import { createFooterCheck } from './footer';
import { formatCount, quoteValue } from './import-error';
import { parseMinutes, parseMoney, parseNumber } from './numbers';
import { normalizeRole } from './roles';
import type { ColumnMapping, Kind, NormalizedRow, RejectCode, ValidationResult } from './types';

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

/** Thrown inside the validator only (a plain object, not an Error: no stack trace to build), caught per row. */
interface FieldRef {
  /** Column index, -1 when the field is not mapped. */
  i: number;
  label: string;
  format: ColumnFormat;
}

class Reject {
  constructor(
    readonly code: RejectCode,
    readonly reason: string,
  ) {}
}

const DEFAULT_FORMAT: ColumnFormat = { dayFirst: false, decimal: '.' };
const EMAIL_RE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Anonymous ids: Mixpanel's "$device:…" distinct ids (and Segment-style "anon…" ids). */
export function isAnonymousId(id: string): boolean {
  return id.startsWith('$device:') || /^anon(ymous)?[-_:]/i.test(id);
}

/**
 * Amplitude's `groups` cell holds JSON such as {"company_id":["acme"]}: the account is its first value. Any
 * other cell is returned as is.
 */
export function groupValue(cell: string): string | null {
  if (cell.charCodeAt(0) !== 123 /* { */) return cell;
  try {
    const parsed: unknown = JSON.parse(cell);
    if (parsed && typeof parsed === 'object') {
      for (const v of Object.values(parsed as Record<string, unknown>)) {
        const first = Array.isArray(v) ? v[0] : v;
        if (typeof first === 'string' && first !== '') return first;
        if (typeof first === 'number') return String(first);
      }
      return null;
    }
  } catch {
    // Not JSON after all: keep the text.
  }
  return cell;
}

function dateReason(column: string, value: string, problem: DateProblem): Reject {
  if (problem === 'future') return new Reject('future_date', `${column} is ${quoteValue(value)}, which is in the future.`);
  if (problem === 'too_old') return new Reject('invalid_date', `${column} is ${quoteValue(value)}, before 1990: a placeholder, not a real date.`);
  return new Reject('invalid_date', `${column} is ${quoteValue(value)}, which is not a date Bearing can read.`);
}

export function createRowValidator(options: ValidatorOptions): RowValidator {
  const { kind, mapping, headers, timeZone, now } = options;
  const maxText = options.maxTextLength ?? 1000;
  const defaultCurrency = options.defaultCurrency ?? 'USD';
  const headerCount = headers.length;
  const footer = createFooterCheck(headerCount);

  /**
   * Each field resolved once: its column index, how the CSM sees its name, and its format. Readers take these
   * refs (same-shaped objects: fast property loads on the hot path) rather than looking fields up by name.
   */
  const F: Record<string, FieldRef> = {};
  for (const key of fieldKeys(kind)) {
    const header = mapping[key] ?? null;
    F[key] = {
      i: header === null ? -1 : headers.indexOf(header),
      label: header === null ? (fieldSpec(kind, key)?.label ?? key) : `"${header}"`,
      format: (header !== null && options.columnFormats?.[header]) || DEFAULT_FORMAT,
    };
  }
  // Shared readers (account, user, anonymous check) may ask for a field this kind does not have: unmapped.
  for (const key of ['accountId', 'accountName', 'userId', 'email', 'deviceId']) F[key] ??= { i: -1, label: key, format: DEFAULT_FORMAT };

  // Readers: each returns null for an unmapped field or an empty cell, else the value or a thrown Reject.
  let cells: string[] = [];
  const raw = (f: FieldRef): string | null => {
    const i = f.i;
    if (i < 0) return null;
    const v = cells[i];
    if (v === undefined || v === '') return null;
    const t = v.trim();
    return t === '' ? null : t;
  };
  const text = (f: FieldRef, max = maxText): string | null => {
    const v = raw(f);
    if (v !== null && v.length > max) {
      throw new Reject('value_too_long', `${f.label} has a value of ${formatCount(v.length)} characters (${quoteValue(v, 24)}); the limit is ${formatCount(max)}.`);
    }
    return v;
  };
  const id = (f: FieldRef): string | null => text(f, 256);
  const required = <T>(f: FieldRef, value: T | null): T => {
    if (value === null) throw new Reject('missing_value', `${f.label} is empty.`);
    return value;
  };
  const emailOf = (f: FieldRef): string | null => {
    const v = text(f, 320);
    if (v === null) return null;
    if (!EMAIL_RE.test(v)) throw new Reject('invalid_email', `${f.label} is ${quoteValue(v)}, which is not an email address.`);
    return v.toLowerCase();
  };
  const instant = (f: FieldRef, noFuture = true): number | null => {
    const v = raw(f);
    if (v === null) return null;
    const r = parseInstant(v, { timeZone: f.format.timeZone ?? timeZone, format: f.format, now: noFuture ? now : undefined });
    if (!r.ok) throw dateReason(f.label, v, r.problem);
    return r.epochMs;
  };
  const calendar = (f: FieldRef, noFuture: boolean): string | null => {
    const v = raw(f);
    if (v === null) return null;
    const r = parseCalendarDate(v, { timeZone: f.format.timeZone ?? timeZone, format: f.format, now: noFuture ? now : undefined });
    if (!r.ok) throw dateReason(f.label, v, r.problem);
    return r.date;
  };
  const count = (f: FieldRef): number | null => {
    const v = raw(f);
    if (v === null) return null;
    const n = parseNumber(v, f.format.decimal);
    if (n === null || Number.isNaN(n)) throw new Reject('not_a_number', `${f.label} is ${quoteValue(v)}, which is not a number.`);
    if (n < 0) throw new Reject('negative_count', `${f.label} is ${quoteValue(v)}: a count cannot be negative.`);
    if (!Number.isInteger(n)) throw new Reject('not_a_number', `${f.label} is ${quoteValue(v)}, which is not a whole number.`);
    return n;
  };
  const duration = (f: FieldRef): number | null => {
    const v = raw(f);
    if (v === null) return null;
    const n = parseMinutes(v, f.format.decimal);
    if (n === null || Number.isNaN(n)) throw new Reject('not_a_number', `${f.label} is ${quoteValue(v)}, which is not a number of minutes.`);
    if (n < 0) throw new Reject('negative_duration', `${f.label} is ${quoteValue(v)}: a duration cannot be negative.`);
    return n;
  };
  const account = (): { accountId: string | null; accountName: string | null } => {
    const rawId = id(F.accountId);
    return { accountId: rawId === null ? null : groupValue(rawId), accountName: text(F.accountName) };
  };
  /** A user id that is really an anonymous device id counts as no user. */
  const userOf = (): string | null => {
    const u = id(F.userId);
    return u !== null && isAnonymousId(u) ? null : u;
  };
  const noOwner = (): Reject => {
    const device = raw(F.deviceId) ?? raw(F.userId);
    return new Reject(
      'anonymous_no_account',
      device !== null
        ? `No account and only an anonymous id (${quoteValue(device, 30)}): the activity cannot be tied to a customer.`
        : 'No account and no user: the activity cannot be tied to a customer.',
    );
  };

  /** Whose usage a row is: an account, a user or an email at least, else it cannot be tied to a customer. */
  const usageOwner = () => {
    const { accountId, accountName } = account();
    const userId = userOf();
    const email = emailOf(F.email);
    if (accountId === null && accountName === null && userId === null && email === null) throw noOwner();
    return { accountId, accountName, userId, email };
  };
  /** The counts of a per-day or per-week row. */
  const periodTotals = () => {
    const events = count(F.events);
    return { events: events ?? 0, minutes: duration(F.minutes) };
  };

  const build: Record<Kind, () => NormalizedRow> = {
    events: () => {
      const ts = required(F.timestamp, instant(F.timestamp));
      const who = usageOwner();
      const n = count(F.count);
      return { kind: 'events', ...who, event: text(F.event), ts, count: n ?? 1, minutes: duration(F.minutes) };
    },
    daily_usage: () => {
      const day = required(F.day, calendar(F.day, true));
      return { kind: 'daily_usage', ...usageOwner(), event: text(F.event), day, ...periodTotals() };
    },
    weekly_usage: () => {
      const weekStart = required(F.weekStart, calendar(F.weekStart, true));
      return { kind: 'weekly_usage', ...usageOwner(), event: text(F.event), weekStart, ...periodTotals() };
    },
    usage_summary: () => {
      const { accountId, accountName } = account();
      const userId = userOf();
      const email = emailOf(F.email);
      if (userId === null && email === null) {
        if (accountId === null && accountName === null) throw noOwner();
        throw new Reject('missing_value', `${F.userId.label} is empty: a usage summary line needs the user it describes.`);
      }
      const firstVisit = instant(F.firstVisit);
      const lastVisit = instant(F.lastVisit);
      if (firstVisit !== null && lastVisit !== null && firstVisit > lastVisit) {
        throw new Reject('invalid_date', `${F.firstVisit.label} (${quoteValue(raw(F.firstVisit) ?? '')}) is after ${F.lastVisit.label} (${quoteValue(raw(F.lastVisit) ?? '')}).`);
      }
      return {
        kind: 'usage_summary', accountId, accountName, userId, email,
        daysActive: count(F.daysActive), events: count(F.events), minutes: duration(F.minutes), firstVisit, lastVisit,
        windowStart: calendar(F.windowStart, true), windowEnd: calendar(F.windowEnd, false),
      };
    },
    accounts: () => {
      const name = required(F.name, text(F.name));
      let arrMinor: number | null = null;
      const currencyCell = raw(F.currency);
      const currencyCode = currencyCell !== null && /^[A-Za-z]{3}$/.test(currencyCell) ? currencyCell.toUpperCase() : null;
      if (currencyCell !== null && currencyCode === null) {
        throw new Reject('not_a_number', `${F.currency.label} is ${quoteValue(currencyCell)}, which is not a currency code like USD or EUR.`);
      }
      let currency = currencyCode ?? defaultCurrency;
      const arrCell = raw(F.arr);
      if (arrCell !== null) {
        const money = parseMoney(arrCell, F.arr.format.decimal, currency);
        if (money === null || !money.ok) throw new Reject('not_a_number', `${F.arr.label} is ${quoteValue(arrCell)}, which is not an amount of money.`);
        if (money.minor < 0) throw new Reject('not_a_number', `${F.arr.label} is ${quoteValue(arrCell)}: ARR cannot be negative.`);
        arrMinor = money.minor;
        currency = money.currency;
      }
      return {
        kind: 'accounts', externalId: id(F.externalId), name, owner: text(F.owner), arrMinor, currency,
        licenses: count(F.licenses), contractStart: calendar(F.contractStart, false), renewalDate: calendar(F.renewalDate, false),
        industry: text(F.industry), stage: text(F.stage),
      };
    },
    users: () => {
      const email = emailOf(F.email);
      const externalId = id(F.externalId) ?? email;
      if (externalId === null) throw new Reject('missing_value', `${F.externalId.label} and ${F.email.label} are both empty: the user cannot be identified.`);
      const first = text(F.firstName);
      const last = text(F.lastName);
      const name = text(F.name) ?? (first !== null || last !== null ? [first, last].filter((x) => x !== null).join(' ') : null);
      const title = text(F.role);
      const { accountId, accountName } = account();
      return { kind: 'users', externalId, email, name, title, role: normalizeRole(title), department: text(F.department), accountId, accountName };
    },
  };
  const buildRow = build[kind];

  return (fields: string[], line: number): ValidationResult => {
    if (fields.length !== headerCount) {
      const skip = footer(fields);
      if (skip !== null) return { skip };
      // Excel pads rows with trailing separators: extra cells that are all empty are harmless.
      let extraEmpty = fields.length > headerCount;
      for (let i = headerCount; extraEmpty && i < fields.length; i++) if (fields[i].trim() !== '') extraEmpty = false;
      if (!extraEmpty) {
        return {
          ok: false,
          code: 'field_count',
          reason: `Line ${line} has ${fields.length} field${fields.length === 1 ? '' : 's'}; the header has ${headerCount}. Check for an unquoted separator.`,
        };
      }
    } else {
      const skip = footer(fields);
      if (skip !== null) return { skip };
    }
    cells = fields;
    try {
      return { ok: true, row: buildRow() };
    } catch (e) {
      if (e instanceof Reject) return { ok: false, code: e.code, reason: e.reason };
      throw e;
    }
  };
}
