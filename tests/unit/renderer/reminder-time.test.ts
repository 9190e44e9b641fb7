// Settings › Reminders' pure helpers: the time of day the CSM types, and the wording of the next reminder.
import { describe, expect, it } from 'vitest';
import { describeNextReminder, parseTimeOfDay } from '../../../src/renderer/src/settings/reminder-time';

describe('parseTimeOfDay', () => {
  it('reads HH:MM, and H:MM as HH:MM', () => {
    expect(parseTimeOfDay('08:30')).toEqual({ time: '08:30' });
    expect(parseTimeOfDay(' 8:05 ')).toEqual({ time: '08:05' });
    expect(parseTimeOfDay('00:00')).toEqual({ time: '00:00' });
    expect(parseTimeOfDay('23:59')).toEqual({ time: '23:59' });
  });

  it('refuses what is not a time of day, saying why', () => {
    expect(parseTimeOfDay('25:00')).toEqual({ error: '25:00 is not a time of day: hours go from 00 to 23 (midnight is 00:00). Write such as 08:30 or 17:45.' });
    expect(parseTimeOfDay('24:00')).toHaveProperty('error');
    expect(parseTimeOfDay('12:60')).toEqual({ error: '12:60 is not a time of day: minutes go from 00 to 59.' });
    expect(parseTimeOfDay('8.30')).toEqual({ error: '“8.30” is not a time: write hours and minutes as HH:MM, 24-hour, such as 08:30 or 17:45.' });
    expect(parseTimeOfDay('8:30 pm')).toHaveProperty('error');
    expect(parseTimeOfDay('')).toEqual({ error: 'Write a time of day, such as 08:30.' });
  });
});

describe('describeNextReminder', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it('says today, tomorrow or the date, in the book\'s zone', () => {
    expect(describeNextReminder(Date.parse('2026-11-24T12:01:00Z'), now, 'UTC')).toBe('today at 12:01');
    expect(describeNextReminder(Date.parse('2026-11-25T08:30:00Z'), now, 'UTC')).toBe('tomorrow at 08:30');
    // 23:30 UTC on the 24th is 00:30 on the 25th in Berlin (UTC+1): tomorrow there.
    expect(describeNextReminder(Date.parse('2026-11-24T23:30:00Z'), now, 'Europe/Berlin')).toBe('tomorrow at 00:30');
    expect(describeNextReminder(Date.parse('2026-11-27T08:30:00Z'), now, 'UTC')).toBe('Fri, Nov 27 at 08:30');
  });
});
