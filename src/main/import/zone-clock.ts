// Wall-clock time <-> UTC for one IANA time zone, fast enough for a million rows. src/shared/dates.ts answers the
// same questions through Intl.DateTimeFormat.formatToParts (a few microseconds a call); an import converts every
// row, so we cache the zone's offset per UTC hour and only ask Intl for an hour we have not seen. Pure: no Node.
import { zoneOffsetMs } from '../../shared/dates';

const HOUR = 3_600_000;
const DAY = 86_400_000;

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  ms?: number;
}

export interface ZoneClock {
  readonly timeZone: string;
  /** Offset from UTC (ms) in force at an instant. */
  offsetAt(epochMs: number): number;
  /**
   * The instant of a wall-clock time. A time that happens twice (clocks go back) is the earlier instant; a time
   * that never happens (clocks go forward) is read with the offset before the change, i.e. moved forward, as
   * Temporal's "compatible" disambiguation does (Berlin 2024-03-31 02:30 -> 03:30 CEST).
   */
  toEpoch(wall: WallTime): number;
  /** The same, from the wall time written as if it were UTC (Date.UTC of its parts): no object per call. */
  localToEpoch(localMs: number): number;
  /** The local calendar date (YYYY-MM-DD) of an instant. */
  isoDate(epochMs: number): string;
  /** Days since 1970-01-01 of the local calendar date of an instant (usage_daily.day). */
  dayNumber(epochMs: number): number;
}

const clocks = new Map<string, ZoneClock>();

/** One shared clock per zone (the cache fills once per process). */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = createZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

function createZoneClock(timeZone: string): ZoneClock {
  const fixed = timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT';
  // hour bucket -> offset when constant over the hour, NaN when a change falls inside it (then ask Intl).
  const byHour = new Map<number, number>();

  const offsetAt = (epochMs: number): number => {
    if (fixed) return 0;
    const bucket = Math.floor(epochMs / HOUR);
    let o = byHour.get(bucket);
    if (o === undefined) {
      const start = zoneOffsetMs(bucket * HOUR, timeZone);
      const end = zoneOffsetMs(bucket * HOUR + HOUR - 1000, timeZone);
      o = start === end ? start : NaN;
      if (byHour.size > 200_000) byHour.clear(); // ~23 years of hours; a bound, not an expected size
      byHour.set(bucket, o);
    }
    return Number.isNaN(o) ? zoneOffsetMs(epochMs, timeZone) : o;
  };

  // day number -> the offset when it is the same from the start of the day before to the end of the day after
  // (then every wall time of that day maps with it), NaN when a change is near. Plus the last day seen, because
  // exports are sorted by time and consecutive rows share their day.
  const stableByDay = new Map<number, number>();
  let lastDay = NaN;
  let lastDayOffset = NaN;
  const stableOffset = (day: number): number => {
    if (day === lastDay) return lastDayOffset;
    let o = stableByDay.get(day);
    if (o === undefined) {
      const a = offsetAt((day - 1) * DAY);
      const b = offsetAt((day + 2) * DAY - 1000);
      o = a === b ? a : NaN;
      if (stableByDay.size > 100_000) stableByDay.clear();
      stableByDay.set(day, o);
    }
    lastDay = day;
    lastDayOffset = o;
    return o;
  };

  const localToEpoch = (local: number): number => {
    if (fixed) return local;
    const stable = stableOffset(Math.floor(local / DAY));
    if (!Number.isNaN(stable)) return local - stable;
    // Near a change: offsets a day either side are the only candidates (changes are months apart).
    const before = offsetAt(local - DAY);
    const after = offsetAt(local + DAY);
    const a = local - before;
    const okA = offsetAt(a) === before;
    const b = local - after;
    const okB = offsetAt(b) === after;
    if (okA && okB) return Math.min(a, b); // the wall time happens twice: the earlier
    if (okA) return a;
    if (okB) return b;
    return a; // in the gap: read with the earlier offset, which lands after the jump
  };

  const toEpoch = (wall: WallTime): number =>
    localToEpoch(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0, wall.second ?? 0, wall.ms ?? 0));

  const isoDate = (epochMs: number): string => {
    const d = new Date(epochMs + offsetAt(epochMs));
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    return `${y}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
  };

  const dayNumber = (epochMs: number): number => Math.floor((epochMs + offsetAt(epochMs)) / DAY);

  return { timeZone, offsetAt, toEpoch, localToEpoch, isoDate, dayNumber };
}
