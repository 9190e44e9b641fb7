import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, daysBetween, isoDateIn, localDayNumber, zonedTimeToEpoch } from '../../src/shared/dates';

describe('shared dates', () => {
  it('converts wall-clock times to instants, DST-aware', () => {
    expect(zonedTimeToEpoch({ year: 2026, month: 1, day: 15, hour: 9 }, 'Europe/Berlin')).toBe(Date.parse('2026-01-15T08:00:00Z'));
    expect(zonedTimeToEpoch({ year: 2026, month: 7, day: 15, hour: 9 }, 'America/New_York')).toBe(Date.parse('2026-07-15T13:00:00Z'));
    // 02:30 happens twice in Berlin on 2025-10-26: the earlier instant (still CEST, +02:00).
    expect(zonedTimeToEpoch({ year: 2025, month: 10, day: 26, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(Date.parse('2025-10-26T00:30:00Z'));
    // 02:30 never happens in Berlin on 2025-03-30: read with the offset before the change (-> 03:30 CEST).
    expect(zonedTimeToEpoch({ year: 2025, month: 3, day: 30, hour: 2, minute: 30 }, 'Europe/Berlin')).toBe(Date.parse('2025-03-30T01:30:00Z'));
    expect(zonedTimeToEpoch({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, 'America/New_York')).toBe(Date.parse('2025-03-09T07:30:00Z'));
  });

  it('gives the local calendar day of an instant', () => {
    const t = Date.parse('2026-11-24T23:30:00Z');
    expect(isoDateIn(t, 'UTC')).toBe('2026-11-24');
    expect(isoDateIn(t, 'Europe/Berlin')).toBe('2026-11-25');
    expect(localDayNumber(t, 'Europe/Berlin')).toBe(dayNumber('2026-11-25'));
  });

  it('does calendar arithmetic on ISO dates', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});
