// The work queue (issue #14, point 1): tasks.* over the tasks table and the QBR action items. Generated tasks come
// from task-signals.ts through reconcile: a standing signal raises one task (keyed by account, kind and signal key),
// a cleared one closes its task (done, closed by 'signal') and retires its key; a dismissed or done task stays so
// while its signal stands. tasks.list reconciles first, incrementally: only the accounts whose inputs were written
// since the last reconcile (table task_dirty: marked by triggers, and by the writers of usage_daily and
// health_snapshots themselves), in full when the day or the settings changed.
import type { MethodInput, MethodOutput, Task, TaskStatus } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { compareNatural, formatDate } from '../../shared/format';
import { AppError } from '../../shared/errors';
import { accountExists } from '../db/accounts';
import { actionItemRow, setActionItemStatus, updateActionItemRow } from '../db/qbr-action-items';
import {
  insertTask,
  liveGeneratedTasks,
  queueRows,
  retireTask,
  setTaskStatus,
  takeDirtyAccounts,
  taskRow,
  updateTaskFields,
  type QueueRow,
} from '../db/tasks';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext, StoreContext } from './context';
import { readMetricsSettings } from './metrics-settings';
import { detectSignals } from './task-signals';

/** The day and the settings of the last reconcile, per connection: a change of either reconciles the whole book. */
const reconciledAt = new WeakMap<object, string>();

/**
 * Reconciles the whole book, or only the accounts in `only` (their signals against their live tasks: an account
 * left out keeps its tasks as they are).
 */
export function reconcileTasks(ctx: StoreContext, asOf = todayOf(ctx), only: ReadonlySet<number> | null = null): MethodOutput<'tasks.reconcile'> {
  const settings = readMetricsSettings(ctx);
  // A full reconcile reads everything: the marks taken before it are covered by it.
  if (only === null) takeDirtyAccounts(ctx);
  const signals = detectSignals(ctx, asOf, settings, only);
  let raised = 0;
  let closed = 0;
  // IMMEDIATE: a deferred transaction that reads the live tasks, then writes, fails at once (SQLITE_BUSY_SNAPSHOT,
  // no busy wait) when another connection committed in between: a second CLI command, or the app beside it.
  ctx.sqlite.transaction(() => {
    const live = new Map(liveGeneratedTasks(ctx, only === null ? null : [...only]).map((t) => [`${t.accountId}|${t.kind}|${t.signalKey}`, t]));
    const seen = new Set<string>();
    for (const s of signals) {
      const key = `${s.accountId}|${s.kind}|${s.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      // The title the signal gave is kept with the facts, so a later reconcile can tell a title the CSM edited.
      const facts = JSON.stringify({ ...s.facts, signalKey: s.key, signalTitle: s.title });
      const existing = live.get(key);
      if (existing) {
        live.delete(key);
        // The facts move on (days since, days to renewal, how far health fell) and an unedited title with them;
        // a title the CSM edited, the due date and the priority are theirs.
        if ((existing.status === 'open' || existing.status === 'snoozed') && (existing.facts !== facts || existing.reason !== s.reason)) {
          const given = parseFacts(existing.facts).signalTitle;
          const retitle = given !== undefined && existing.title === given && existing.title !== s.title;
          updateTaskFields(ctx, existing.id, { reason: s.reason, facts, ...(retitle ? { title: s.title } : {}) });
        }
        continue;
      }
      insertTask(ctx, { accountId: s.accountId, kind: s.kind, signalKey: s.key, title: s.title, reason: s.reason, facts, due: s.due, priority: s.priority });
      raised++;
    }
    for (const t of live.values()) {
      const open = t.status === 'open' || t.status === 'snoozed';
      retireTask(ctx, t.id, open ? asOf : null);
      if (open) closed++;
    }
  }).immediate();
  reconciledAt.set(ctx.sqlite, `${asOf}|${JSON.stringify(settings)}`);
  return { asOf, raised, closed, reopened: 0 };
}

/** Reconciles what changed since the last reconcile: nothing, the accounts written to, or everything. */
export function reconcileIfStale(ctx: StoreContext, asOf: string): void {
  if (reconciledAt.get(ctx.sqlite) !== `${asOf}|${JSON.stringify(readMetricsSettings(ctx))}`) {
    reconcileTasks(ctx, asOf);
    return;
  }
  const dirty = takeDirtyAccounts(ctx);
  if (dirty.length === 0) return;
  reconcileTasks(ctx, asOf, dirty.includes(0) ? null : new Set(dirty));
}

function parseFacts(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function toTask(r: QueueRow, prefix: 't' | 'a', asOf: string): Task {
  // A snooze whose day has come is over: the task is open again.
  const woke = r.status === 'snoozed' && r.snoozedUntil !== null && r.snoozedUntil <= asOf;
  return {
    id: `${prefix}${r.id}`,
    accountId: r.accountId,
    accountName: r.accountName,
    title: r.title,
    kind: r.kind as Task['kind'],
    reason: r.reason,
    facts: parseFacts(r.facts),
    due: r.due,
    priority: r.priority,
    status: woke ? 'open' : r.status,
    snoozedUntil: woke ? null : r.snoozedUntil,
    dismissReason: r.dismissReason,
    closedBy: r.closedBy,
    closedOn: r.closedOn,
    arrMinor: r.arrMinor,
    currency: r.currency,
  };
}

const PRIORITY = { high: 0, medium: 1, low: 2 } as const;

export function listTasks(ctx: ServiceContext, input: MethodInput<'tasks.list'>): MethodOutput<'tasks.list'> {
  const asOf = todayOf(ctx);
  if (input.accountId !== undefined && !accountExists(ctx, input.accountId)) throw new AppError('not_found', `There is no account with id ${input.accountId}.`);
  reconcileIfStale(ctx, asOf);
  const { tasks, items } = queueRows(ctx, input.accountId ?? null);
  const status = input.status ?? 'open';
  const weekEnd = addDays(asOf, 6);
  const all = [...tasks.map((r) => toTask(r, 't', asOf)), ...items.map((r) => toTask(r, 'a', asOf))].filter((t) => {
    if (status !== 'all' && t.status !== status) return false;
    if (input.due === undefined) return true;
    if (t.due === null) return false;
    if (input.due === 'overdue') return t.due < asOf;
    if (input.due === 'today') return t.due <= asOf;
    return t.due <= weekEnd;
  });
  all.sort(
    (a, b) =>
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      PRIORITY[a.priority] - PRIORITY[b.priority] ||
      compareNatural(a.accountName, b.accountName) ||
      // Ties end on the title, then the id as a number ("t9" before "t10"), so the order never depends on
      // which reconcile happened to create a task first.
      compareNatural(a.title, b.title) ||
      compareNatural(a.id, b.id),
  );
  return { asOf, items: all };
}

type Ref = { table: 'tasks' | 'items'; id: number };
const refOf = (id: string): Ref => ({ table: id.startsWith('a') ? 'items' : 'tasks', id: Number(id.slice(1)) });

function taskById(ctx: ServiceContext, id: string): Task {
  const asOf = todayOf(ctx);
  const ref = refOf(id);
  const accountId = ref.table === 'tasks' ? taskRow(ctx, ref.id)?.accountId : actionItemRow(ctx, ref.id)?.accountId;
  const rows = accountId === undefined ? undefined : queueRows(ctx, accountId);
  const row = (ref.table === 'tasks' ? rows?.tasks : rows?.items)?.find((r) => r.id === ref.id);
  if (!row) throw new AppError('not_found', ref.table === 'tasks' ? `There is no task ${id}.` : `There is no QBR action item ${id}.`);
  return toTask(row, ref.table === 'tasks' ? 't' : 'a', asOf);
}

function setStatus(ctx: ServiceContext, id: string, status: TaskStatus, extra: { snoozedUntil?: string; dismissReason?: string } = {}): Task {
  taskById(ctx, id);
  const ref = refOf(id);
  const asOf = todayOf(ctx);
  if (ref.table === 'items') {
    if (status === 'snoozed') throw new AppError('invalid_input', `${id} is a QBR action item: change its due date instead of snoozing it.`);
    const row = actionItemRow(ctx, ref.id);
    if (!row) throw new AppError('not_found', `There is no QBR action item ${id}.`);
    setActionItemStatus(ctx, ref.id, status === 'done' ? 'done' : status === 'dismissed' ? 'dropped' : 'open');
  } else {
    const closed = status === 'done' || status === 'dismissed';
    setTaskStatus(ctx, ref.id, {
      status,
      snoozedUntil: extra.snoozedUntil ?? null,
      dismissReason: extra.dismissReason ?? null,
      closedBy: closed ? 'user' : null,
      closedOn: closed ? asOf : null,
    });
  }
  return taskById(ctx, id);
}

export function createTask(ctx: ServiceContext, input: MethodInput<'tasks.create'>): Task {
  if (!accountExists(ctx, input.accountId)) throw new AppError('not_found', `There is no account with id ${input.accountId}.`);
  const id = insertTask(ctx, {
    accountId: input.accountId,
    kind: 'manual',
    signalKey: null,
    title: input.title.trim(),
    reason: input.reason?.trim() ?? null,
    facts: null,
    due: input.due ?? null,
    priority: input.priority ?? 'medium',
  });
  return taskById(ctx, `t${id}`);
}

export function updateTask(ctx: ServiceContext, input: MethodInput<'tasks.update'>): Task {
  const before = taskById(ctx, input.id);
  const ref = refOf(input.id);
  if (ref.table === 'items') {
    const row = actionItemRow(ctx, ref.id);
    if (!row) throw new AppError('not_found', `There is no QBR action item ${input.id}.`);
    if (input.priority !== undefined && input.priority !== before.priority) {
      throw new AppError('invalid_input', `${input.id} is a QBR action item: its priority follows its due date.`);
    }
    updateActionItemRow(ctx, { ...row, text: input.title?.trim() ?? row.text, dueDate: input.due === undefined ? row.dueDate : input.due });
  } else {
    updateTaskFields(ctx, ref.id, {
      ...(input.title !== undefined ? { title: input.title.trim() } : {}),
      ...(input.due !== undefined ? { due: input.due } : {}),
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
    });
  }
  return taskById(ctx, input.id);
}

export function taskHandlers(
  ctx: ServiceContext,
): HandlerGroup<'tasks.list' | 'tasks.reconcile' | 'tasks.create' | 'tasks.update' | 'tasks.done' | 'tasks.snooze' | 'tasks.dismiss' | 'tasks.reopen'> {
  return {
    'tasks.list': (input) => listTasks(ctx, input),
    'tasks.reconcile': () => reconcileTasks(ctx),
    'tasks.create': (input) => createTask(ctx, input),
    'tasks.update': (input) => updateTask(ctx, input),
    'tasks.done': (input) => setStatus(ctx, input.id, 'done'),
    'tasks.snooze': (input) => {
      if (input.until <= todayOf(ctx)) throw new AppError('invalid_date', `Snooze until a day after today (${formatDate(todayOf(ctx))}), not ${formatDate(input.until)}.`);
      return setStatus(ctx, input.id, 'snoozed', { snoozedUntil: input.until });
    },
    'tasks.dismiss': (input) => setStatus(ctx, input.id, 'dismissed', { dismissReason: input.reason.trim() }),
    'tasks.reopen': (input) => setStatus(ctx, input.id, 'open'),
  };
}
