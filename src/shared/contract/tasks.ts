// The work queue (issue #14, point 1): tasks made by hand, QBR action items (read from their own table, not
// copied), and tasks generated from signals, each with its reason and the facts behind it. The field names of
// `tasks.list` items are the CLI's JSON contract (`tasks --json`): add, never rename. docs/METRICS.md, "Work queue",
// gives each signal's rule.
import { z } from 'zod';
import { id, isoDate, method } from './define';

export const TASK_KINDS = [
  'manual',
  'action_item',
  'recommendation',
  'early_warning',
  'qbr_overdue',
  'renewal_conversation',
  'no_touchpoint',
  'stakeholder_dormant',
  'milestone_overdue',
  'health_drop',
  'renewal_outcome',
] as const;
export const TaskKind = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKind>;
export const TaskStatus = z.enum(['open', 'snoozed', 'done', 'dismissed']);
export type TaskStatus = z.infer<typeof TaskStatus>;
export const TaskPriority = z.enum(['high', 'medium', 'low']);
export type TaskPriority = z.infer<typeof TaskPriority>;

/**
 * A task's id: "t" and the number of a task (manual or generated), "a" and the number of a QBR action item (the
 * item itself: marking it done sets the action item's status).
 */
export const TaskId = z.string().regex(/^[ta][1-9]\d*$/, {
  error: (issue) => `"${String(issue.input)}" is not a task id: task ids look like t12 (a task) or a5 (a QBR action item)`,
});

const text = (max: number) => z.string().trim().min(1).max(max);

export const Task = z.object({
  id: TaskId,
  accountId: id,
  accountName: z.string(),
  title: z.string(),
  kind: TaskKind,
  /** Why the task exists, in a sentence a CSM reads; null for a manual task without one. */
  reason: z.string().nullable(),
  /** The facts behind a generated task (dates, numbers, names), as the rule saw them. */
  facts: z.record(z.string(), z.unknown()),
  due: isoDate.nullable(),
  priority: TaskPriority,
  status: TaskStatus,
  snoozedUntil: isoDate.nullable(),
  dismissReason: z.string().nullable(),
  /** How it was closed: by the CSM ('user') or because its signal cleared ('signal'); null while open. */
  closedBy: z.enum(['user', 'signal']).nullable(),
  closedOn: isoDate.nullable(),
  arrMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
});
export type Task = z.infer<typeof Task>;

export const TaskDue = z.enum(['today', 'overdue', 'week']);

const taskRef = z.object({ id: TaskId }).strict();

export const taskMethods = {
  /**
   * The queue as of today (the service clock): reconciles the generated tasks with the signals first (cheap when
   * nothing changed since the last reconcile). Default status: open (snoozed tasks whose date has come are open).
   * due: today = due on or before today; overdue = before today; week = on or before today + 6. Sorted by due date
   * (none last), then priority, then account name.
   */
  'tasks.list': method({
    input: z
      .object({ due: TaskDue.optional(), accountId: id.optional(), status: z.union([TaskStatus, z.literal('all')]).optional() })
      .strict(),
    output: z.object({ asOf: isoDate, items: z.array(Task) }),
  }),
  /** Re-runs every signal rule now, whatever the cache says; returns how many tasks it raised and closed. */
  'tasks.reconcile': method({
    input: z.object({}).strict(),
    output: z.object({ asOf: isoDate, raised: z.number().int(), closed: z.number().int(), reopened: z.number().int() }),
    writes: ['tasks'],
  }),
  'tasks.create': method({
    input: z
      .object({ accountId: id, title: text(300), due: isoDate.nullable().optional(), priority: TaskPriority.optional(), reason: text(1000).optional() })
      .strict(),
    output: Task,
    writes: ['tasks'],
  }),
  'tasks.update': method({
    input: z.object({ id: TaskId, title: text(300).optional(), due: isoDate.nullable().optional(), priority: TaskPriority.optional() }).strict(),
    output: Task,
    writes: ['tasks', 'qbr_action_items'],
  }),
  'tasks.done': method({ input: taskRef, output: Task, writes: ['tasks', 'qbr_action_items'] }),
  'tasks.snooze': method({ input: z.object({ id: TaskId, until: isoDate }).strict(), output: Task, writes: ['tasks'] }),
  'tasks.dismiss': method({ input: z.object({ id: TaskId, reason: text(500) }).strict(), output: Task, writes: ['tasks', 'qbr_action_items'] }),
  'tasks.reopen': method({ input: taskRef, output: Task, writes: ['tasks', 'qbr_action_items'] }),
};
