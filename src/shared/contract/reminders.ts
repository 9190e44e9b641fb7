// Reminders (issue #14, point 3): at a time of day the CSM picks, the desktop app's main process shows an OS
// notification (the web host an in-app one) with the daily digest of what is due. `reminders.digest` is also the
// CLI's `digest [--json]`; its field names are that command's JSON contract: add, never rename.
import { z } from 'zod';
import { empty, id, isoDate, method } from './define';
import { TASK_KINDS } from './tasks';

/** "HH:MM", 24-hour, in the book's time zone. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Write the time as HH:MM, 24-hour (such as 08:30).');

export const ReminderSettings = z.object({
  enabled: z.boolean(),
  time: TimeOfDay,
  /** The last day a digest was shown (null: never): a missed reminder is shown once, at the next start. */
  lastShownOn: isoDate.nullable(),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const DigestTask = z.object({ id: z.string(), title: z.string(), kind: z.enum(TASK_KINDS), due: isoDate });

export const DigestAccount = z.object({
  accountId: id,
  accountName: z.string(),
  /** The account's ARR in major units (null: not on record), in its own currency. */
  arr: z.number().nullable(),
  currency: z.string().nullable(),
  overdue: z.number().int(),
  dueToday: z.number().int(),
  tasks: z.array(DigestTask),
});

export const DigestRenewal = z.object({
  accountId: id,
  accountName: z.string(),
  renewalDate: isoDate,
  daysToRenewal: z.number().int(),
  arr: z.number().nullable(),
  currency: z.string().nullable(),
});

export const Digest = z.object({
  asOf: isoDate,
  /** Open tasks due before today, and due today. */
  overdue: z.number().int(),
  dueToday: z.number().int(),
  /** Accounts with an overdue or due-today task, the most ARR at stake first. */
  accounts: z.array(DigestAccount),
  /** Renewal dates from today through today + 6, soonest first. */
  renewalsThisWeek: z.array(DigestRenewal),
  /** One line for a notification: "3 overdue, 2 due today across 4 accounts; 1 renewal this week." */
  summary: z.string(),
});
export type Digest = z.infer<typeof Digest>;

export const reminderMethods = {
  'reminders.get': method({ input: empty, output: ReminderSettings }),
  'reminders.update': method({
    input: z.object({ enabled: z.boolean().optional(), time: TimeOfDay.optional() }).strict(),
    output: ReminderSettings,
    writes: ['settings'],
  }),
  'reminders.digest': method({ input: empty, output: Digest }),
  /** The digest of `day` was shown (by the OS notification or in the app): the next start does not show it again. */
  'reminders.shown': method({ input: z.object({ day: isoDate }).strict(), output: ReminderSettings, writes: ['settings'] }),
};
