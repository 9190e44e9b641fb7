// Calendar arithmetic on ISO dates (YYYY-MM-DD) and day numbers (days since 1970-01-01). No clock here:
// callers pass "now" explicitly so every result is reproducible.
const MS_PER_DAY = 86_400_000;

// Both conversions are memoized: a year of daily health history for 2,000 accounts converts the same few hundred
// days millions of times (a third of the backfill's time before). The maps are cleared when they grow past a
// bound, so odd inputs can never hold memory.
const MEMO_LIMIT = 50_000;
const dayOfIso = new Map<string, number>();
const isoOfDay = new Map<number, string>();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether text is a date that exists, written YYYY-MM-DD: 2026-02-28 is, 2026-02-31 and 2026-13-45 are not
 * (Date.parse would roll them over into March or refuse them only sometimes, so the parts are checked).
 */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
}

export function dayNumber(isoDate: string): number {
  let day = dayOfIso.get(isoDate);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY);
    if (dayOfIso.size >= MEMO_LIMIT) dayOfIso.clear();
    dayOfIso.set(isoDate, day);
  }
  return day;
}

export function isoFromDayNumber(day: number): string {
  let iso = isoOfDay.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoOfDay.size >= MEMO_LIMIT) isoOfDay.clear();
    isoOfDay.set(day, iso);
  }
  return iso;
}

export function addDays(isoDate: string, days: number): string {
  return isoFromDayNumber(dayNumber(isoDate) + days);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return dayNumber(toIso) - dayNumber(fromIso);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock parts of an instant in a time zone. */
function zonedParts(epochMs: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function isoDateIn(epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Day number of the local calendar date of an instant in a time zone. */
export function localDayNumber(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  return Math.floor(Date.UTC(p.year, p.month - 1, p.day) / MS_PER_DAY);
}

/** The offset (ms) of a time zone from UTC at an instant. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const p = zonedParts(epochMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (epochMs - (epochMs % 1000 + 1000) % 1000);
}

/**
 * The instant of a wall-clock time in a time zone. A time that happens twice (clocks go back) is the earlier
 * instant; a time that never happens (clocks go forward) is read with the offset before the change, so it moves
 * forward (Berlin 2025-03-30 02:30 -> 03:30 CEST), as Temporal's "compatible" disambiguation does.
 */
export function zonedTimeToEpoch(
  wall: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number; ms?: number },
  timeZone: string,
): number {
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0, wall.ms ?? 0);
  const before = zoneOffsetMs(local - MS_PER_DAY, timeZone);
  const after = zoneOffsetMs(local + MS_PER_DAY, timeZone);
  const candidates = [local - before, local - after].filter((t) => zoneOffsetMs(t, timeZone) === local - t);
  return candidates.length > 0 ? Math.min(...candidates) : local - before;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
