// The reminder schedule (issue #14, point 3), shared by both hosts: the desktop app's main process shows the daily
// digest as an OS notification (src/main/electron/reminder-scheduler.ts), the web host's page as an in-app one
// (src/renderer/src/components/ReminderWatcher.tsx). At the CSM's time of day (Settings → Reminders, in the book's
// time zone) today's digest is shown once; one missed while nothing was running is shown once at the next start.
// The clock, timer, notification and the way to call the API come in as ports, so the schedule is unit-tested.
import type { Digest, ReminderSettings } from './contract';
import { addDays, isoDateIn, zonedTimeToEpoch } from './dates';

/** The methods the schedule calls; resolves with the method's output, rejects when it fails. */
export interface ReminderCalls {
  (method: 'reminders.get', input: Record<string, never>): Promise<ReminderSettings>;
  (method: 'settings.get', input: Record<string, never>): Promise<{ effectiveTimeZone: string }>;
  (method: 'reminders.digest', input: Record<string, never>): Promise<Digest>;
  (method: 'reminders.shown', input: { day: string }): Promise<unknown>;
}

export interface ReminderSchedulePorts {
  call: ReminderCalls;
  now: () => number;
  setTimer: (fire: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Shows the digest; `onClick` (open Home) runs when the CSM clicks it. */
  notify: (n: { title: string; body: string; digest: Digest; onClick: () => void }) => void;
  /** Brings the app up on Home (route #/home). */
  openHome: () => void;
}

/** Wake at least this often: a changed setting or a machine back from sleep is picked up within it. */
export const MAX_WAIT_MS = 15 * 60 * 1000;

/** The epoch of `time` ("HH:MM") on `day` in `zone`. */
export function reminderInstant(day: string, time: string, zone: string): number {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return zonedTimeToEpoch({ year, month, day: date, hour, minute }, zone);
}

/**
 * The day whose reminder is due at `now`, or null: the latest reminder time at or before now (today's once its time
 * has come, else yesterday's), unless a digest was already shown for that day or later. A first run (nothing ever
 * shown) only owes today's.
 */
export function dueReminderDay(settings: ReminderSettings, now: number, zone: string): string | null {
  if (!settings.enabled) return null;
  const today = isoDateIn(now, zone);
  const latest = now >= reminderInstant(today, settings.time, zone) ? today : addDays(today, -1);
  if (settings.lastShownOn === null) return latest === today ? today : null;
  return settings.lastShownOn < latest ? latest : null;
}

/** The epoch of the next reminder time after `now` (today's if still to come, else tomorrow's). */
export function nextReminderAt(settings: Pick<ReminderSettings, 'time'>, now: number, zone: string): number {
  const today = isoDateIn(now, zone);
  const at = reminderInstant(today, settings.time, zone);
  return at > now ? at : reminderInstant(addDays(today, 1), settings.time, zone);
}

/** Milliseconds until the next reminder time after `now`. */
export function msUntilNext(settings: Pick<ReminderSettings, 'time'>, now: number, zone: string): number {
  return nextReminderAt(settings, now, zone) - now;
}

/**
 * Starts the schedule; `check()` looks now (at start, and after the CSM changes the setting) and sets the next wake.
 * Checks run one after another, so two of them never show the same day's digest twice.
 */
export function scheduleReminders(ports: ReminderSchedulePorts): { check: () => Promise<void>; stop: () => void } {
  let timer: unknown = null;
  let stopped = false;
  let queue: Promise<void> = Promise.resolve();
  const run = async (): Promise<void> => {
    if (stopped) return;
    const settings = await ports.call('reminders.get', {});
    const zone = (await ports.call('settings.get', {})).effectiveTimeZone;
    const day = dueReminderDay(settings, ports.now(), zone);
    if (day !== null) {
      const digest = await ports.call('reminders.digest', {});
      if (stopped) return;
      ports.notify({ title: 'Bearing: your day', body: digest.summary, digest, onClick: ports.openHome });
      await ports.call('reminders.shown', { day });
    }
    if (stopped) return;
    if (timer !== null) ports.clearTimer(timer);
    const wait = Math.min(msUntilNext(settings, ports.now(), zone), MAX_WAIT_MS);
    timer = ports.setTimer(() => void check().catch(() => undefined), wait);
  };
  const check = (): Promise<void> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    check,
    stop: () => {
      stopped = true;
      if (timer !== null) ports.clearTimer(timer);
    },
  };
}
