import { describe, expect, it } from 'vitest';
import { zonedTimeToEpoch } from '../../src/shared/dates';
import { detectDateColumn, parseCalendarDate, parseDateParts, parseInstant, type DateReadOptions } from '../../src/main/import/dates';
import { zoneClock } from '../../src/main/import/zone-clock';

const utc = Date.UTC;
const at = (value: string, timeZone: string, extra: Partial<DateReadOptions> = {}) => {
  const r = parseInstant(value, { timeZone, ...extra });
  return r.ok ? r.epochMs : r.problem;
};

describe('parseInstant: formats', () => {
  it('ISO 8601 with and without offset', () => {
    expect(at('2025-03-04T10:30:00Z', 'America/New_York')).toBe(utc(2025, 2, 4, 10, 30));
    expect(at('2025-03-04T10:30:00+01:00', 'UTC')).toBe(utc(2025, 2, 4, 9, 30));
    expect(at('2025-03-04T10:30:00-0500', 'UTC')).toBe(utc(2025, 2, 4, 15, 30));
    expect(at('2025-03-04T10:30:00.250+05:30', 'UTC')).toBe(utc(2025, 2, 4, 5, 0, 0, 250));
    expect(at('2025-03-04 10:30', 'Europe/Berlin')).toBe(utc(2025, 2, 4, 9, 30)); // CET = UTC+1
    expect(at('2025-03-04', 'Europe/Berlin')).toBe(utc(2025, 2, 3, 23, 0));
    expect(at(' 2025-03-04 10:30:00 UTC ', 'Europe/Berlin')).toBe(utc(2025, 2, 4, 10, 30));
  });

  it('Amplitude YYYY-MM-DD HH:MM:SS.ffffff (microseconds truncate to ms)', () => {
    expect(at('2025-03-04 09:15:00.123456', 'UTC')).toBe(utc(2025, 2, 4, 9, 15, 0, 123));
    expect(at('2025-03-04 09:15:00.999999', 'UTC')).toBe(utc(2025, 2, 4, 9, 15, 0, 999));
    expect(at('2025-03-04 09:15:00.5', 'UTC')).toBe(utc(2025, 2, 4, 9, 15, 0, 500));
  });

  it('epoch seconds, milliseconds and microseconds by magnitude', () => {
    expect(at('1741079700', 'Europe/Berlin')).toBe(utc(2025, 2, 4, 9, 15));
    expect(at('1741079700123', 'Europe/Berlin')).toBe(utc(2025, 2, 4, 9, 15, 0, 123));
    expect(at('1741079700123456', 'Europe/Berlin')).toBe(utc(2025, 2, 4, 9, 15, 0, 123));
    expect(at('1741079700.5', 'UTC')).toBe(utc(2025, 2, 4, 9, 15, 0, 500));
  });

  it('US M/D/YYYY with 12-hour times, as Salesforce writes them', () => {
    const ny = 'America/New_York';
    expect(at('7/4/2025 12:00 PM', ny)).toBe(utc(2025, 6, 4, 16, 0)); // EDT = UTC-4
    expect(at('7/4/2025 12:00 AM', ny)).toBe(utc(2025, 6, 4, 4, 0));
    expect(at('4/23/2026, 9:14 AM', ny)).toBe(utc(2026, 3, 23, 13, 14));
    expect(at('1/6/2025 8:02 p.m.', ny)).toBe(utc(2025, 0, 7, 1, 2)); // EST = UTC-5
    expect(at('1/6/2025 13:00 PM', ny)).toBe('invalid');
  });

  it('European dd.mm.yyyy and day-first slashes when the column says so', () => {
    expect(at('04.03.2025 10:30', 'Europe/Berlin')).toBe(utc(2025, 2, 4, 9, 30));
    expect(at('04.03.25', 'UTC')).toBe(utc(2025, 2, 4));
    expect(at('04/03/2025', 'UTC', { format: { dayFirst: true } })).toBe(utc(2025, 2, 4));
    expect(at('04/03/2025', 'UTC', { format: { dayFirst: false } })).toBe(utc(2025, 3, 3));
  });

  it('month names and compact dates', () => {
    expect(at('Mar 4, 2025', 'UTC')).toBe(utc(2025, 2, 4));
    expect(at('4 March 2025 10:30', 'Europe/Berlin')).toBe(utc(2025, 2, 4, 9, 30));
    expect(at('04-Mar-2025', 'UTC')).toBe(utc(2025, 2, 4));
    expect(at('Tue, Mar 4, 2025 at 2:05 PM', 'UTC')).toBe(utc(2025, 2, 4, 14, 5));
    expect(at('4. März 2025', 'UTC')).toBe(utc(2025, 2, 4));
    expect(at('20250304', 'UTC')).toBe(utc(2025, 2, 4));
  });

  it('invalid, too old and future', () => {
    expect(at('2025-02-29', 'UTC')).toBe('invalid');
    expect(at('2024-02-29', 'UTC')).toBe(utc(2024, 1, 29));
    expect(at('13/13/2025', 'UTC')).toBe('invalid');
    expect(at('2025-03-04 25:00', 'UTC')).toBe('invalid');
    expect(at('yesterday', 'UTC')).toBe('invalid');
    expect(at('', 'UTC')).toBe('invalid');
    expect(at('1899-12-30', 'UTC')).toBe('too_old');
    expect(at('0', 'UTC')).toBe('invalid');
    const now = utc(2026, 3, 24, 12);
    expect(at('2026-04-25T11:00:00Z', 'UTC', { now })).toBe(utc(2026, 3, 25, 11)); // within a day: allowed
    expect(at('2026-04-25T13:00:00Z', 'UTC', { now })).toBe('future');
  });
});

describe('time zones around DST changes', () => {
  it('Europe/Berlin: spring forward (2025-03-30 02:00 -> 03:00) and fall back (2025-10-26 03:00 -> 02:00)', () => {
    const tz = 'Europe/Berlin';
    expect(at('2025-03-30 01:59:59', tz)).toBe(utc(2025, 2, 30, 0, 59, 59)); // CET
    expect(at('2025-03-30 03:00:00', tz)).toBe(utc(2025, 2, 30, 1, 0)); // CEST
    expect(at('2025-03-30 02:30:00', tz)).toBe(utc(2025, 2, 30, 1, 30)); // never happens: read as 03:30 CEST
    expect(at('2025-10-26 02:30:00', tz)).toBe(utc(2025, 9, 26, 0, 30)); // happens twice: the earlier (CEST)
    expect(at('2025-10-26 03:00:00', tz)).toBe(utc(2025, 9, 26, 2, 0)); // CET
    expect(at('2025-10-26 01:59:00', tz)).toBe(utc(2025, 9, 25, 23, 59)); // CEST
  });

  it('America/New_York: spring forward (2025-03-09 02:00) and fall back (2025-11-02 02:00)', () => {
    const tz = 'America/New_York';
    expect(at('3/9/2025 1:59 AM', tz)).toBe(utc(2025, 2, 9, 6, 59)); // EST
    expect(at('3/9/2025 3:00 AM', tz)).toBe(utc(2025, 2, 9, 7, 0)); // EDT
    expect(at('3/9/2025 2:30 AM', tz)).toBe(utc(2025, 2, 9, 7, 30)); // gap -> 3:30 EDT
    expect(at('11/2/2025 1:30 AM', tz)).toBe(utc(2025, 10, 2, 5, 30)); // twice: the earlier (EDT)
    expect(at('11/2/2025 2:00 AM', tz)).toBe(utc(2025, 10, 2, 7, 0)); // EST
  });

  it('agrees with src/shared zonedTimeToEpoch away from the ambiguous hour', () => {
    for (const tz of ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu']) {
      const clock = zoneClock(tz);
      for (let h = 0; h < 24 * 400; h += 7) {
        const d = new Date(utc(2025, 0, 1) + h * 3_600_000 + 17 * 60_000);
        const wall = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
        const mine = clock.toEpoch(wall);
        // Only compare wall times that exist exactly once (the shared helper differs in DST overlaps and gaps).
        const offsets = new Set([clock.offsetAt(mine - 86_400_000), clock.offsetAt(mine + 86_400_000)]);
        if (offsets.size > 1) continue;
        expect(mine, `${tz} ${d.toISOString()}`).toBe(zonedTimeToEpoch(wall, tz));
      }
    }
  });

  it('local calendar date and day number of an instant', () => {
    expect(zoneClock('America/New_York').isoDate(utc(2025, 2, 4, 3))).toBe('2025-03-03');
    expect(zoneClock('Europe/Berlin').isoDate(utc(2025, 2, 4, 23, 30))).toBe('2025-03-05');
    expect(zoneClock('America/New_York').dayNumber(utc(2025, 2, 4, 3))).toBe(utc(2025, 2, 3) / 86_400_000);
    expect(zoneClock('Europe/Berlin').dayNumber(utc(2025, 2, 4, 23, 30))).toBe(utc(2025, 2, 5) / 86_400_000);
  });
});

describe('parseCalendarDate', () => {
  const ny = { timeZone: 'America/New_York' };
  it('keeps the date as written, whatever the zone', () => {
    expect(parseCalendarDate('2026-03-31', ny)).toEqual({ ok: true, date: '2026-03-31' });
    expect(parseCalendarDate('2026-03-31T00:00:00Z', ny)).toEqual({ ok: true, date: '2026-03-31' });
    expect(parseCalendarDate('3/31/2026', ny)).toEqual({ ok: true, date: '2026-03-31' });
    expect(parseCalendarDate('31.03.2026', ny)).toEqual({ ok: true, date: '2026-03-31' });
  });

  it('an epoch number is a local date in the zone', () => {
    expect(parseCalendarDate('1741046400', ny)).toEqual({ ok: true, date: '2025-03-03' }); // 2025-03-04T00:00Z
  });

  it('future (usage days) and invalid', () => {
    const now = utc(2026, 3, 24, 12);
    expect(parseCalendarDate('2026-04-25', { ...ny, now })).toEqual({ ok: true, date: '2026-04-25' });
    expect(parseCalendarDate('2026-04-26', { ...ny, now })).toEqual({ ok: false, problem: 'future' });
    expect(parseCalendarDate('2026-02-30', ny)).toEqual({ ok: false, problem: 'invalid' });
  });
});

describe('detectDateColumn', () => {
  it('decides day-first from a first part above 12, month-first from a second part above 12', () => {
    expect(detectDateColumn(['3/4/2025', '13/4/2025', '']).dayFirst).toBe(true);
    expect(detectDateColumn(['3/4/2025', '4/13/2025']).dayFirst).toBe(false);
    expect(detectDateColumn(['3/4/2025', '5/6/2025']).dayFirst).toBe(false); // undecided: US
    expect(detectDateColumn(['03.04.2025']).dayFirst).toBe(true);
  });

  it('reports how date-like a column is, times of day and epochs', () => {
    expect(detectDateColumn(['2025-03-03', '2025-03-10', 'n/a', ''])).toMatchObject({ dateRatio: 2 / 3, hasTime: false, dates: ['2025-03-03', '2025-03-10'] });
    expect(detectDateColumn(['2025-03-03 00:00:00', '2025-03-04 00:00:00']).hasTime).toBe(false);
    expect(detectDateColumn(['2025-03-03 10:00'])).toMatchObject({ hasTime: true, epoch: false });
    expect(detectDateColumn(['1741079700', '1741083300'])).toMatchObject({ epoch: true, hasTime: true, dateRatio: 1 });
  });

  it('parseDateParts applies the column format', () => {
    expect(parseDateParts('01/02/2025', { dayFirst: true })).toMatchObject({ year: 2025, month: 2, day: 1 });
    expect(parseDateParts('01/02/2025', { dayFirst: false })).toMatchObject({ year: 2025, month: 1, day: 2 });
  });
});
