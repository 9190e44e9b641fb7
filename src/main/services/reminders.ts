// Reminders (issue #14, point 3; docs/METRICS.md, "Daily digest"): the reminder setting (on/off, a time of day in
// the book's time zone, the last day a digest was shown) and the digest itself: open tasks overdue and due today,
// by account with the most ARR at stake first, and the renewals of the coming week.
import type { Digest, MethodInput, ReminderSettings } from '../../shared/contract';
import { ReminderSettings as ReminderSettingsSchema } from '../../shared/contract';
import { addDays, daysBetween } from '../../shared/dates';
import { plural } from '../../shared/format';
import { renewalsBetween } from '../db/reminders';
import { readSetting, writeSetting } from '../db/settings';
import type { HandlerGroup, ServiceContext } from './context';
import { listTasks } from './tasks';

const KEY = 'reminders';
export const DEFAULT_REMINDERS: ReminderSettings = { enabled: true, time: '08:30', lastShownOn: null };

export function readReminderSettings(ctx: ServiceContext): ReminderSettings {
  const parsed = ReminderSettingsSchema.safeParse({ ...DEFAULT_REMINDERS, ...(readSetting(ctx, KEY) as object | undefined) });
  return parsed.success ? parsed.data : DEFAULT_REMINDERS;
}

function writeReminderSettings(ctx: ServiceContext, next: ReminderSettings): ReminderSettings {
  writeSetting(ctx, KEY, next);
  return next;
}

export function buildDigest(ctx: ServiceContext): Digest {
  const { asOf, items } = listTasks(ctx, { due: 'today' });
  const byAccount = new Map<number, Digest['accounts'][number]>();
  for (const t of items) {
    if (t.due === null) continue;
    const a = byAccount.get(t.accountId) ?? {
      accountId: t.accountId,
      accountName: t.accountName,
      arr: t.arrMinor === null ? null : t.arrMinor / 100,
      currency: t.currency,
      overdue: 0,
      dueToday: 0,
      tasks: [],
    };
    if (t.due < asOf) a.overdue++;
    else a.dueToday++;
    a.tasks.push({ id: t.id, title: t.title, kind: t.kind, due: t.due });
    byAccount.set(t.accountId, a);
  }
  const accounts = [...byAccount.values()].sort((x, y) => (y.arr ?? -1) - (x.arr ?? -1) || x.accountName.localeCompare(y.accountName));
  const renewalsThisWeek = renewalsBetween(ctx, asOf, addDays(asOf, 6)).map((r) => ({
    accountId: r.accountId,
    accountName: r.accountName,
    renewalDate: r.renewalDate,
    daysToRenewal: daysBetween(asOf, r.renewalDate),
    arr: r.arrMinor === null ? null : r.arrMinor / 100,
    currency: r.currency,
  }));
  const overdue = accounts.reduce((n, a) => n + a.overdue, 0);
  const dueToday = accounts.reduce((n, a) => n + a.dueToday, 0);
  const work =
    overdue + dueToday === 0
      ? 'Nothing overdue or due today'
      : `${overdue} overdue, ${dueToday} due today across ${plural(accounts.length, 'account')}`;
  const summary = `${work}; ${renewalsThisWeek.length === 0 ? 'no renewal' : plural(renewalsThisWeek.length, 'renewal')} this week.`;
  return { asOf, overdue, dueToday, accounts, renewalsThisWeek, summary };
}

export function reminderHandlers(ctx: ServiceContext): HandlerGroup<'reminders.get' | 'reminders.update' | 'reminders.digest' | 'reminders.shown'> {
  return {
    'reminders.get': () => readReminderSettings(ctx),
    'reminders.update': (input: MethodInput<'reminders.update'>) => writeReminderSettings(ctx, { ...readReminderSettings(ctx), ...input }),
    'reminders.digest': () => buildDigest(ctx),
    'reminders.shown': (input) => writeReminderSettings(ctx, { ...readReminderSettings(ctx), lastShownOn: input.day }),
  };
}


