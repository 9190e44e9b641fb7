// Reminders in the desktop app (issue #14, point 3): at the CSM's time of day (Settings → Reminders, in the book's
// time zone) the main process shows the daily digest as an OS notification; clicking it opens the app on Home
// (#/home). A reminder missed while the app was closed is shown once at the next start. Everything Electron or
// time-bound comes in as ports (clock, timer, notification, api), so the schedule is unit-tested with fakes.
import type { Api } from '../api/api';
import type { Digest, ReminderSettings } from '../../shared/contract';
import { addDays, isoDateIn, zonedTimeToEpoch } from '../../shared/dates';

export interface ReminderPorts {
  api: Pick<Api, 'invoke'>;
  now: () => number;
  setTimer: (fire: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** Shows an OS notification; `onClick` runs when the CSM clicks it. */
  notify: (n: { title: string; body: string; onClick: () => void }) => void;
  /** Brings the window up on Home (route #/home). */
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

/** Milliseconds until the next reminder time after `now` (today's if still to come, else tomorrow's). */
export function msUntilNext(settings: ReminderSettings, now: number, zone: string): number {
  const today = isoDateIn(now, zone);
  const at = reminderInstant(today, settings.time, zone);
  return (at > now ? at : reminderInstant(addDays(today, 1), settings.time, zone)) - now;
}

async function value<T>(api: ReminderPorts['api'], method: Parameters<Api['invoke']>[0], input: unknown): Promise<T> {
  const r = await api.invoke(method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

export function startReminders(ports: ReminderPorts): { check: () => Promise<void>; stop: () => void } {
  let timer: unknown = null;
  let stopped = false;
  const check = async (): Promise<void> => {
    if (stopped) return;
    const settings = await value<ReminderSettings>(ports.api, 'reminders.get', {});
    const zone = (await value<{ effectiveTimeZone: string }>(ports.api, 'settings.get', {})).effectiveTimeZone;
    const day = dueReminderDay(settings, ports.now(), zone);
    if (day !== null) {
      const digest = await value<Digest>(ports.api, 'reminders.digest', {});
      ports.notify({ title: 'Bearing: your day', body: digest.summary, onClick: ports.openHome });
      await value(ports.api, 'reminders.shown', { day });
    }
    if (stopped) return;
    if (timer !== null) ports.clearTimer(timer);
    const wait = Math.min(msUntilNext(settings, ports.now(), zone), MAX_WAIT_MS);
    timer = ports.setTimer(() => void check().catch(() => undefined), wait);
  };
  return {
    check,
    stop: () => {
      stopped = true;
      if (timer !== null) ports.clearTimer(timer);
    },
  };
}
