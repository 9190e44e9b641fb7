// Settings › Reminders' pure helpers: reading the time of day the CSM types (with a message that says what is wrong
// and what to write) and wording when the next reminder comes.
import { addDays, isoDateIn } from '../../../shared/dates';

/** "HH:MM" from what the CSM typed ("8:30" reads as 08:30), or a message saying why it is not a time of day. */
export function parseTimeOfDay(typed: string): { time: string } | { error: string } {
  const text = typed.trim();
  if (text === '') return { error: 'Write a time of day, such as 08:30.' };
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return { error: `“${text}” is not a time: write hours and minutes as HH:MM, 24-hour, such as 08:30 or 17:45.` };
  const [hour, minute] = [Number(m[1]), Number(m[2])];
  if (hour > 23) return { error: `${text} is not a time of day: hours go from 00 to 23 (midnight is 00:00). Write such as 08:30 or 17:45.` };
  if (minute > 59) return { error: `${text} is not a time of day: minutes go from 00 to 59.` };
  return { time: `${String(hour).padStart(2, '0')}:${m[2]}` };
}

/** "today at 12:01", "tomorrow at 08:30" (in `zone`), or the date for a later day. */
export function describeNextReminder(at: number, now: number, zone: string): string {
  const day = isoDateIn(at, zone);
  const today = isoDateIn(now, zone);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  if (day === today) return `today at ${time}`;
  if (day === addDays(today, 1)) return `tomorrow at ${time}`;
  const date = new Intl.DateTimeFormat('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric' }).format(at);
  return `${date} at ${time}`;
}
