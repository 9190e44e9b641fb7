// The app's own tables (DESIGN.md, "Data"): what Bearing derives or keeps for itself rather than what the CSM's
// files and edits say: the health snapshots and their stale marks, settings, the trash, saved views, and the work
// queue with its dirty marks. Split from schema-relationship.ts at that seam; schema.ts exports all three.
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts, createdAt } from './schema-book';

/**
 * The daily health snapshots as stored: the score and each component score in whole tenths (72.5 is 725), which
 * SQLite keeps in 2 bytes where a REAL takes 8 (migration 0022). Code and SQL read the view `health_snapshots`
 * (hand-written in migration 0022, drizzle-kit cannot declare it), the same columns in points (725 / 10.0 is the
 * same double as the model's 72.5); db/health-snapshots.ts alone writes this table.
 */
export const healthSnapshotsTenths = sqliteTable(
  'health_snapshots_tenths',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    score: integer('score'),
    status: text('status'),
    // The day's component scores, one column per name of shared/metrics/settings.ts COMPONENT_NAMES (a new component
    // needs a migration), 0–1000 tenths (null: no data that day), and the license utilization (0–1, a REAL).
    usage: integer('usage'),
    breadth: integer('breadth'),
    frequency: integer('frequency'),
    exposure: integer('exposure'),
    relationship: integer('relationship'),
    satisfaction: integer('satisfaction'),
    licenseUtilization: real('license_utilization'),
    /** The rules that fired, as {"rule.<id>": 1, …}; null when none did (most days). */
    rules: text('rules'),
  },
  // Clustered on the key (WITHOUT ROWID, migrations 0020 and 0022; drizzle-kit cannot declare it): a backfill writes
  // one B-tree, and the sparklines' range seeks read the narrow rows themselves, so no covering index is kept. No
  // trigger marks the work queue: db/health-snapshots.ts, the only writer, marks the accounts it writes.
  (t) => [primaryKey({ columns: [t.accountId, t.day] })],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});

/**
 * What a delete removed, kept for a while so that "Undo" can put it back with its original ids: the deleted rows
 * (parent first, then children) and the before-image of rows the delete changed, as JSON. No foreign key on the
 * account: the demo loader deletes with foreign keys off, and a restore checks that the account still exists.
 */
export const trash = sqliteTable(
  'trash',
  {
    token: text('token').primaryKey(),
    kind: text('kind').notNull(),
    accountId: integer('account_id'),
    label: text('label').notNull(),
    payload: text('payload', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('trash_expires').on(t.expiresAt)],
);

/** The portfolio's saved views: a name, the filters and the sort, as the screen sets them. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    filters: text('filters', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    sort: text('sort', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('saved_views_name').on(t.name)],
);

/**
 * Accounts whose health history is stale: marked in the same transaction as a write that changes what health
 * reads (an import, a catalogue or settings change), or just before an edit, and cleared by the recompute that
 * covers it. `fromDay` (day number) is the first day to recompute, null for the whole history; `generation` grows
 * with every mark, so a recompute clears only the mark it read. No foreign key: the demo loader deletes accounts
 * with foreign keys off, and a mark of a removed account is dropped by the next recompute.
 */
export const healthStale = sqliteTable('health_stale', {
  accountId: integer('account_id').primaryKey(),
  fromDay: integer('from_day'),
  generation: integer('generation').notNull(),
});

/**
 * The work queue (issue #14, point 1): tasks made by hand and tasks generated from signals. QBR action items are
 * not copied here: the queue reads qbr_action_items itself. A generated task is keyed by (account, kind, signal
 * key), so a signal that stands raises one task however often the queue is reconciled, and a dismissed one stays
 * dismissed while its key stands; manual tasks have no signal key (NULLs never collide in a unique index).
 */
export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    signalKey: text('signal_key'),
    title: text('title').notNull(),
    reason: text('reason'),
    facts: text('facts', { mode: 'json' }).$type<Record<string, unknown>>(),
    due: text('due'),
    priority: text('priority', { enum: ['high', 'medium', 'low'] }).notNull().default('medium'),
    status: text('status', { enum: ['open', 'snoozed', 'done', 'dismissed'] }).notNull().default('open'),
    snoozedUntil: text('snoozed_until'),
    dismissReason: text('dismiss_reason'),
    /** Who closed it: the CSM ('user') or the reconcile that found its signal cleared ('signal'). */
    closedBy: text('closed_by', { enum: ['user', 'signal'] }),
    closedOn: text('closed_on'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('tasks_signal').on(t.accountId, t.kind, t.signalKey), index('tasks_status').on(t.status, t.due)],
);

/**
 * Accounts whose work-queue inputs changed since the last reconcile (issue #14): filled by triggers on every table
 * a signal reads (hand-written in the migrations) but usage_daily and health_snapshots_tenths, whose writers mark it,
 * emptied by the reconcile, so a write to one account reconciles that account alone. Account id 0 stands for the
 * whole book (the feature catalogue changed).
 */
export const taskDirty = sqliteTable('task_dirty', {
  accountId: integer('account_id').primaryKey(),
});
