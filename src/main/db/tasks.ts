// The tasks table (the work queue's own and generated tasks) and the few whole-book reads its signals need that the
// account bundles do not carry: the last touch, the last renewal conversation, executives' last activity, health
// 30 days apart. Each read is one statement for the whole book.
import type Database from 'better-sqlite3';
import type { TaskPriority, TaskStatus } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import type { Store } from './open';
import { prepared } from './statements';

export interface TaskRow {
  id: number;
  accountId: number;
  kind: string;
  signalKey: string | null;
  title: string;
  reason: string | null;
  facts: string | null;
  due: string | null;
  priority: TaskPriority;
  status: TaskStatus;
  snoozedUntil: string | null;
  dismissReason: string | null;
  closedBy: 'user' | 'signal' | null;
  closedOn: string | null;
}

const COLUMNS = `t.id, t.account_id AS accountId, t.kind, t.signal_key AS signalKey, t.title, t.reason, t.facts, t.due, t.priority,
  t.status, t.snoozed_until AS snoozedUntil, t.dismiss_reason AS dismissReason, t.closed_by AS closedBy, t.closed_on AS closedOn`;

/** An SQL filter on an account id column to the accounts in `only` (null: every account), and its argument. */
function accountFilter(column: string, only: readonly number[] | null): { sql: string; args: string[] } {
  return only === null ? { sql: '', args: [] } : { sql: ` AND ${column} IN (SELECT value FROM json_each(?))`, args: [JSON.stringify(only)] };
}

export function taskRow(store: Store, id: number): TaskRow | undefined {
  return prepared(store.sqlite, `SELECT ${COLUMNS} FROM tasks t WHERE t.id = ?`).get(id) as TaskRow | undefined;
}

export type LiveTask = Pick<TaskRow, 'id' | 'accountId' | 'kind' | 'signalKey' | 'status' | 'title' | 'reason' | 'facts'>;

/** Generated tasks whose signal key still stands (a cleared signal's task has its key set to NULL): all, or those of some accounts. */
export function liveGeneratedTasks(store: Store, accountIds: readonly number[] | null = null): LiveTask[] {
  const sql = 'SELECT id, account_id AS accountId, kind, signal_key AS signalKey, status, title, reason, facts FROM tasks WHERE signal_key IS NOT NULL';
  if (accountIds === null) return prepared(store.sqlite, sql).all() as LiveTask[];
  return prepared(store.sqlite, `${sql} AND account_id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(accountIds)) as LiveTask[];
}

/**
 * Marks accounts' work-queue inputs changed (0: every account's), for the writers of tables that have no trigger to
 * do it (usage_daily since migration 0021, health_snapshots since 0020): an account already marked, or any account
 * once the whole book is, is left as it is. Runs in the writer's transaction, so the mark and the write land or
 * roll back together.
 */
export function markTasksDirty(sqlite: Database.Database, accountIds: Iterable<number>): void {
  const mark = prepared(sqlite, 'INSERT INTO task_dirty (account_id) SELECT ? WHERE NOT EXISTS (SELECT 1 FROM task_dirty WHERE account_id IN (0, ?))');
  for (const id of accountIds) mark.run(id, id);
}

/**
 * Takes the accounts marked dirty by the triggers of migration 0013 since the last take (0 = the whole book) and
 * clears the marks in the same statement, so a write that lands after this marks its account again.
 */
export function takeDirtyAccounts(store: Store): number[] {
  return prepared(store.sqlite, 'DELETE FROM task_dirty RETURNING account_id').pluck().all() as number[];
}

export interface QueueRow extends TaskRow {
  accountName: string;
  arrMinor: number | null;
  currency: string | null;
}

/** Tasks and open-or-closed QBR action items, each with its account's name and ARR (filters applied by the service). */
export function queueRows(store: Store, accountId: number | null): { tasks: QueueRow[]; items: QueueRow[] } {
  const where = accountId === null ? '' : 'WHERE t.account_id = ?';
  const args = accountId === null ? [] : [accountId];
  const tasks = prepared(
    store.sqlite,
    `SELECT ${COLUMNS}, a.name AS accountName, a.arr_minor AS arrMinor, a.currency FROM tasks t JOIN accounts a ON a.id = t.account_id ${where}`,
  ).all(...args) as QueueRow[];
  // Action items: the items themselves. An item carried to a later QBR (dropped, with a successor) is not listed twice.
  const items = prepared(
    store.sqlite,
    `SELECT t.id, t.account_id AS accountId, 'action_item' AS kind, NULL AS signalKey, t.text AS title,
            'Agreed at the QBR of ' || q.date || coalesce(' (owner: ' || t.owner || ')', '') AS reason,
            json_object('qbrId', q.id, 'qbrDate', q.date, 'owner', t.owner) AS facts, t.due_date AS due,
            CASE WHEN t.due_date IS NOT NULL THEN 'medium' ELSE 'low' END AS priority,
            CASE t.status WHEN 'open' THEN 'open' WHEN 'done' THEN 'done' ELSE 'dismissed' END AS status,
            NULL AS snoozedUntil, CASE t.status WHEN 'dropped' THEN 'dropped at the QBR' END AS dismissReason,
            CASE WHEN t.status = 'open' THEN NULL ELSE 'user' END AS closedBy, NULL AS closedOn,
            a.name AS accountName, a.arr_minor AS arrMinor, a.currency
     FROM qbr_action_items t JOIN qbrs q ON q.id = t.qbr_id JOIN accounts a ON a.id = t.account_id
     ${where ? `${where} AND` : 'WHERE'} NOT EXISTS (SELECT 1 FROM qbr_action_items n WHERE n.carried_from_id = t.id)`,
  ).all(...args) as QueueRow[];
  return { tasks, items };
}

export function insertTask(
  store: Store,
  t: { accountId: number; kind: string; signalKey: string | null; title: string; reason: string | null; facts: string | null; due: string | null; priority: TaskPriority },
): number {
  return Number(
    prepared(
      store.sqlite,
      'INSERT INTO tasks (account_id, kind, signal_key, title, reason, facts, due, priority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(t.accountId, t.kind, t.signalKey, t.title, t.reason, t.facts, t.due, t.priority).lastInsertRowid,
  );
}

export function updateTaskFields(store: Store, id: number, f: Partial<Pick<TaskRow, 'title' | 'due' | 'priority' | 'reason' | 'facts'>>): void {
  const cols = Object.keys(f) as (keyof typeof f)[];
  if (cols.length === 0) return;
  const sql = `UPDATE tasks SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
  prepared(store.sqlite, sql).run(...cols.map((c) => f[c] ?? null), id);
}

export function setTaskStatus(
  store: Store,
  id: number,
  s: { status: TaskStatus; snoozedUntil?: string | null; dismissReason?: string | null; closedBy?: 'user' | 'signal' | null; closedOn?: string | null },
): void {
  prepared(store.sqlite, 'UPDATE tasks SET status = ?, snoozed_until = ?, dismiss_reason = ?, closed_by = ?, closed_on = ? WHERE id = ?').run(
    s.status,
    s.snoozedUntil ?? null,
    s.dismissReason ?? null,
    s.closedBy ?? null,
    s.closedOn ?? null,
    id,
  );
}

/** A cleared signal: its task is closed (if it was open or snoozed) and its key retired, so a new episode raises a new task. */
export function retireTask(store: Store, id: number, closeOn: string | null): void {
  if (closeOn === null) prepared(store.sqlite, 'UPDATE tasks SET signal_key = NULL WHERE id = ?').run(id);
  else
    prepared(
      store.sqlite,
      "UPDATE tasks SET signal_key = NULL, status = 'done', closed_by = 'signal', closed_on = ?, snoozed_until = NULL WHERE id = ?",
    ).run(closeOn, id);
}

/** Per account, the date of the last call, e-mail, meeting or QBR on or before asOf. */
export function lastTouches(store: Store, asOf: string, only: readonly number[] | null = null): Map<number, string> {
  const f = accountFilter('account_id', only);
  const rows = prepared(
    store.sqlite,
    `SELECT account_id, max(date) FROM (
       SELECT account_id, date FROM touchpoints WHERE kind IN ('call', 'email', 'meeting') AND date <= ?${f.sql}
       UNION ALL SELECT account_id, date FROM qbrs WHERE date <= ?${f.sql}) GROUP BY account_id`,
  )
    .raw()
    .all(asOf, ...f.args, asOf, ...f.args) as [number, string][];
  return new Map(rows);
}

/** Per account, the last call, e-mail or meeting on or before asOf whose title or notes mention a renewal ("renew…"). */
export function lastRenewalConversations(store: Store, asOf: string, only: readonly number[] | null = null): Map<number, string> {
  const f = accountFilter('account_id', only);
  const rows = prepared(
    store.sqlite,
    `SELECT account_id, max(date) FROM touchpoints WHERE kind IN ('call', 'email', 'meeting') AND date <= ?
       AND (title LIKE '%renew%' OR coalesce(notes, '') LIKE '%renew%')${f.sql} GROUP BY account_id`,
  )
    .raw()
    .all(asOf, ...f.args) as [number, string][];
  return new Map(rows);
}

/** Per account, each executive's last active day in [fromDay, toDay] (executives with none are left out). */
export function executivesLastActive(
  store: Store,
  fromDay: number,
  toDay: number,
  only: readonly number[] | null = null,
): Map<number, { userId: number; name: string; lastDay: number }[]> {
  const f = accountFilter('u.account_id', only);
  const rows = prepared(
    store.sqlite,
    `SELECT * FROM (SELECT u.account_id AS accountId, u.id AS userId, coalesce(u.name, u.email, u.external_id, 'user ' || u.id) AS name,
       (SELECT max(x.day) FROM usage_daily x WHERE x.account_id = u.account_id AND x.day BETWEEN ? AND ? AND x.user_id = u.id AND x.events > 0) AS lastDay
     FROM users u WHERE u.role = 'executive'${f.sql}) WHERE lastDay IS NOT NULL`,
  ).all(fromDay, toDay, ...f.args) as { accountId: number; userId: number; name: string; lastDay: number }[];
  const out = new Map<number, { userId: number; name: string; lastDay: number }[]>();
  for (const r of rows) out.set(r.accountId, [...(out.get(r.accountId) ?? []), r]);
  return out;
}

/**
 * Per account, the health score on asOf and `days` earlier: each the latest snapshot in the week up to that day
 * (a snapshot is written when health is computed, so a day may lack one). Accounts missing either are left out.
 */
export function healthAround(store: Store, asOf: string, days: number, only: readonly number[] | null = null): Map<number, { now: number; nowDay: string; then: number; thenDay: string }> {
  const then = addDays(asOf, -days);
  const pick = () =>
    `(SELECT day || '|' || score FROM health_snapshots s WHERE s.account_id = a.id AND s.day BETWEEN ? AND ? AND s.score IS NOT NULL ORDER BY s.day DESC LIMIT 1)`;
  const f = accountFilter('a.id', only);
  const rows = prepared(store.sqlite, `SELECT a.id, ${pick()} AS n, ${pick()} AS t FROM accounts a WHERE 1${f.sql}`)
    .raw()
    .all(addDays(asOf, -6), asOf, addDays(then, -6), then, ...f.args) as [number, string | null, string | null][];
  const out = new Map<number, { now: number; nowDay: string; then: number; thenDay: string }>();
  for (const [id, n, t] of rows) {
    if (n === null || t === null) continue;
    const [nowDay, now] = n.split('|');
    const [thenDay, was] = t.split('|');
    out.set(id, { now: Number(now), nowDay, then: Number(was), thenDay });
  }
  return out;
}

/**
 * Per account, the open items of the work queue on `today`: open tasks, snoozed ones whose day has come, and open
 * QBR action items (one carried to a later QBR counts once, as the queue lists it). Accounts with none are left out.
 */
export function openTaskCounts(store: Store, today: string): Map<number, number> {
  const rows = prepared(
    store.sqlite,
    `SELECT account_id, count(*) FROM (
       SELECT account_id FROM tasks WHERE status = 'open' OR (status = 'snoozed' AND snoozed_until <= ?)
       UNION ALL SELECT t.account_id FROM qbr_action_items t WHERE t.status = 'open'
         AND NOT EXISTS (SELECT 1 FROM qbr_action_items n WHERE n.carried_from_id = t.id)) GROUP BY account_id`,
  )
    .raw()
    .all(today) as [number, number][];
  return new Map(rows);
}

/** Accounts with any usage on record up to day `toDay` (one index seek each): the rest have no usage data at all. */
export function accountsWithUsage(store: Store, toDay: number, only: readonly number[] | null = null): Set<number> {
  const f = accountFilter('a.id', only);
  const rows = prepared(store.sqlite, `SELECT a.id FROM accounts a WHERE EXISTS (SELECT 1 FROM usage_daily u WHERE u.account_id = a.id AND u.day <= ?)${f.sql}`)
    .pluck()
    .all(toDay, ...f.args) as number[];
  return new Set(rows);
}
