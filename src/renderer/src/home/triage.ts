// The Home screen's arithmetic (issue #14, point 2), kept pure so it is tested without a page: which tasks are
// today's (overdue or due today) and which are the rest of the week, today's grouped by account with the ARR at
// stake, the snooze presets, and the e-mail a task calls for.
import { addDays, dayNumber, isCalendarDate } from '../../../shared/dates';
import { formatDate, formatPercent } from '../../../shared/format';
import type { OutreachTemplateId, Task } from '../../../shared/contract';

export interface AccountGroup {
  accountId: number;
  accountName: string;
  /** The account's ARR in whole units (null when the book has none), counted once however many tasks it has. */
  arr: number | null;
  currency: string | null;
  tasks: Task[];
}

export interface HomeSections {
  /** Overdue and due-today tasks by account: most ARR first, then name. */
  today: AccountGroup[];
  /** Due after today and within the week (today + 6), in the queue's order. */
  week: Task[];
  /** Today's tasks in the order shown: the list j/k walks through, then the week's. */
  order: Task[];
}

export function homeSections(tasks: readonly Task[], asOf: string): HomeSections {
  const groups = new Map<number, AccountGroup>();
  const week: Task[] = [];
  if (!asOf) return { today: [], week, order: [] };
  const end = addDays(asOf, 6);
  for (const t of tasks) {
    if (t.due === null || t.due > end) continue;
    if (t.due > asOf) {
      week.push(t);
      continue;
    }
    let g = groups.get(t.accountId);
    if (!g) {
      g = { accountId: t.accountId, accountName: t.accountName, arr: t.arrMinor === null ? null : t.arrMinor / 100, currency: t.currency, tasks: [] };
      groups.set(t.accountId, g);
    }
    g.tasks.push(t);
  }
  const today = [...groups.values()].sort((a, b) => (b.arr ?? -1) - (a.arr ?? -1) || a.accountName.localeCompare(b.accountName));
  return { today, week, order: [...today.flatMap((g) => g.tasks), ...week] };
}

/** ARR at stake today: each account with an overdue or due-today task counted once, per currency. */
export function arrAtStake(groups: readonly AccountGroup[]): { currency: string; amount: number }[] {
  const sums = new Map<string, number>();
  for (const g of groups) if (g.arr !== null && g.currency) sums.set(g.currency, (sums.get(g.currency) ?? 0) + g.arr);
  return [...sums].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => b.amount - a.amount);
}

export interface SnoozePreset {
  label: string;
  until: string;
}

/** Tomorrow, in 3 days, next Monday and in a week: every preset is after today, as tasks.snooze requires. */
export function snoozePresets(asOf: string): SnoozePreset[] {
  // Day 0 of the day numbers is 1970-01-01, a Thursday: Monday is (n + 3) % 7 === 0.
  const toMonday = 7 - ((dayNumber(asOf) + 3) % 7);
  return [
    { label: 'Tomorrow', until: addDays(asOf, 1) },
    { label: 'In 3 days', until: addDays(asOf, 3) },
    { label: 'Next Monday', until: addDays(asOf, toMonday) },
    { label: 'In a week', until: addDays(asOf, 7) },
  ];
}

export interface TaskDraft {
  template: OutreachTemplateId;
  featureId?: number;
}

function firstFeatureId(facts: Record<string, unknown>): number | undefined {
  const features = facts.features;
  if (!Array.isArray(features)) return undefined;
  const id: unknown = (features[0] as { id?: unknown } | undefined)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * The template a task calls for: a quiet account gets the post-onboarding check-in, an overdue QBR the invitation,
 * a recommendation about a key feature nobody uses the reminder naming the feature (addressed to its skippers), a
 * renewal without a conversation the kickoff; anything else starts from the check-in, which the CSM can switch.
 */
export function draftForTask(task: Pick<Task, 'kind' | 'facts'>): TaskDraft {
  switch (task.kind) {
    case 'qbr_overdue':
      return { template: 'qbr_invitation' };
    case 'renewal_conversation':
      return { template: 'renewal_kickoff' };
    case 'recommendation': {
      const featureId = firstFeatureId(task.facts);
      return task.facts.recommendation === 'key_feature_reminder' && featureId !== undefined ? { template: 'feature_reminder', featureId } : { template: 'check_in' };
    }
    default:
      return { template: 'check_in' };
  }
}

function factValue(key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return isCalendarDate(value) ? formatDate(value) : value.replace(/_/g, ' ');
  if (typeof value === 'number') return /utilization|ratio|share/i.test(key) ? formatPercent(value) : String(Math.round(value * 10) / 10);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    const names = value.map((v: unknown) => (typeof v === 'string' ? v : (v as { name?: unknown } | null)?.name)).filter((n): n is string => typeof n === 'string');
    return names.length > 0 ? names.join(', ') : null;
  }
  return null;
}

/** The facts behind a generated task as "label: value" pairs a CSM reads (ids left out, dates formatted). */
export function factList(facts: Record<string, unknown>): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  for (const [key, raw] of Object.entries(facts)) {
    if (/id$/i.test(key) || key === 'signalKey' || key === 'signalTitle') continue;
    const value = factValue(key, raw);
    if (value === null) continue;
    const label = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    out.push({ label: label.charAt(0).toUpperCase() + label.slice(1), value });
  }
  return out;
}
