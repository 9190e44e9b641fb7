// Reminders in the desktop app (issue #14, point 3): at the CSM's time of day (Settings → Reminders, in the book's
// time zone) the main process shows the daily digest as an OS notification; clicking it opens the app on Home
// (#/home). A reminder missed while the app was closed is shown once at the next start. The schedule itself is
// src/shared/reminder-schedule.ts (the web host's page runs the same one); this adapts main's API to it.
import type { Api } from '../api/api';
import { scheduleReminders, type ReminderCalls, type ReminderSchedulePorts } from '../../shared/reminder-schedule';

export { dueReminderDay, MAX_WAIT_MS, msUntilNext, reminderInstant } from '../../shared/reminder-schedule';

export interface ReminderPorts extends Omit<ReminderSchedulePorts, 'call'> {
  api: Pick<Api, 'invoke'>;
}

export function startReminders({ api, ...ports }: ReminderPorts): { check: () => Promise<void>; stop: () => void } {
  const call = (async (method: string, input: unknown) => {
    const r = await api.invoke(method, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }) as ReminderCalls;
  return scheduleReminders({ ...ports, call });
}
