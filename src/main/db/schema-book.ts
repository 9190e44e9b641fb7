// The whole domain in one schema (DESIGN.md, "Data"). Instants are UTC epoch milliseconds; calendar dates
// (contract start, renewal, milestone targets) are ISO `YYYY-MM-DD` text because they carry no time of day;
// usage days are integer day numbers (days since 1970-01-01 of the local date in the configured time zone).
// Money is in integer minor units with an ISO currency code.
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/** Creation instant, epoch ms, set by SQLite. */
export const createdAt = () =>
  integer('created_at')
    .notNull()
    .default(sql`(unixepoch() * 1000)`);

export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    externalId: text('external_id'),
    name: text('name').notNull(),
    owner: text('owner'),
    industry: text('industry'),
    arrMinor: integer('arr_minor'),
    currency: text('currency').notNull().default('USD'),
    licenses: integer('licenses'),
    contractStart: text('contract_start'),
    renewalDate: text('renewal_date'),
    /** Lifecycle stage as the CRM export says it; informative only. */
    crmStage: text('crm_stage'),
    /** The CSM's override of the computed journey stage. */
    stageOverride: text('stage_override', { enum: ['onboarding', 'adoption', 'renewal'] }),
    /** When the override was set (epoch ms): an overridden stage's time in stage counts from here. */
    stageOverrideAt: integer('stage_override_at'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: integer('updated_at')
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [uniqueIndex('accounts_external_id').on(t.externalId), index('accounts_name').on(t.name)],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** The analytics tool's user id (visitor id, distinct_id, user_id); falls back to the email. */
    externalId: text('external_id').notNull(),
    email: text('email'),
    name: text('name'),
    role: text('role', { enum: ['end_user', 'manager', 'executive', 'admin'] })
      .notNull()
      .default('end_user'),
    department: text('department'),
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_external_id').on(t.externalId), index('users_account').on(t.accountId)],
);

/**
 * The feature catalogue: features as the CSM names them. `key` is the name in lower case (names are unique without
 * regard to case). A feature merged into another keeps its row, its rules and its name (`mergedInto` points at
 * the feature it now counts as), so that a merge is undone by clearing one field and files that still say the old
 * name land on the feature it became.
 */
export const features = sqliteTable(
  'features',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    isKey: integer('is_key', { mode: 'boolean' }).notNull().default(false),
    isPaid: integer('is_paid', { mode: 'boolean' }).notNull().default(false),
    mergedInto: integer('merged_into'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('features_key').on(t.key)],
);

/**
 * The catalogue's rules: which event names count as which feature. A pattern is an exact event name or holds `*`
 * (any run of characters); both match without regard to case. `key` is the pattern in lower case.
 */
export const featureEvents = sqliteTable(
  'feature_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    featureId: integer('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    pattern: text('pattern').notNull(),
    key: text('key').notNull(),
    /** Made by an import that met the name and kept it as its own feature: a rule the CSM wrote wins over it. */
    auto: integer('auto', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [uniqueIndex('feature_events_key').on(t.key), index('feature_events_feature').on(t.featureId)],
);

/** Every product event name the store has seen, as first written; `key` is the name in lower case. */
export const eventNames = sqliteTable(
  'event_names',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    key: text('key').notNull(),
  },
  (t) => [uniqueIndex('event_names_key').on(t.key)],
);

export const entitlements = sqliteTable(
  'entitlements',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    featureId: integer('feature_id')
      .notNull()
      .references(() => features.id, { onDelete: 'cascade' }),
    /** Whether the account pays for the feature (an unused paid feature is a downgrade risk). */
    paid: integer('paid', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.featureId] })],
);

export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  fileName: text('file_name').notNull(),
  filePath: text('file_path'),
  /** SHA-256 of the file's bytes: the same file imported again is recognised. */
  fileHash: text('file_hash'),
  sizeBytes: integer('size_bytes').notNull().default(0),
  source: text('source').notNull(),
  kind: text('kind').notNull(),
  mapping: text('mapping', { mode: 'json' }).$type<Record<string, string | null>>(),
  timeZone: text('time_zone'),
  status: text('status').notNull(),
  rowsAccepted: integer('rows_accepted').notNull().default(0),
  rowsRejected: integer('rows_rejected').notNull().default(0),
  rowsDuplicate: integer('rows_duplicate').notNull().default(0),
  rowsSkipped: integer('rows_skipped').notNull().default(0),
  summary: text('summary', { mode: 'json' }).$type<Record<string, unknown>>(),
  origin: text('origin').notNull().default('manual'),
  startedAt: integer('started_at').notNull(),
  finishedAt: integer('finished_at'),
  undoneAt: integer('undone_at'),
});

export const importRejects = sqliteTable(
  'import_rejects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    code: text('code').notNull(),
    reason: text('reason').notNull(),
    raw: text('raw'),
  },
  (t) => [index('import_rejects_import').on(t.importId)],
);

/** A column mapping remembered per source and header set, reused for the next file with the same headers. */
export const importMappings = sqliteTable('import_mappings', {
  headerSignature: text('header_signature').primaryKey(),
  source: text('source').notNull(),
  kind: text('kind').notNull(),
  mapping: text('mapping', { mode: 'json' }).notNull().$type<Record<string, string | null>>(),
  updatedAt: integer('updated_at').notNull(),
});

export const watchedFolders = sqliteTable('watched_folders', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  path: text('path').notNull().unique(),
  createdAt: createdAt(),
});

/**
 * Usage as imported: one row per event (or per user-day / user-week for pre-aggregated exports). The same event
 * (same user, event name, instant and account) is stored once: the key is its content, exact, with no hash
 * collisions.
 */
export const usageEvents = sqliteTable(
  'usage_events',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /**
     * The catalogue feature the event counts as today (0 = none): derived from the event name through the
     * catalogue, or the file's own feature column (pinnedFeatureId), and re-derived when the catalogue changes.
     */
    featureId: integer('feature_id').notNull().default(0),
    /** The product's event name (event_names.id; 0 when the row names none): the event's identity. */
    eventId: integer('event_id').notNull().default(0),
    /** The feature the file's own feature column named for this row (0 = none): it wins over the catalogue. */
    pinnedFeatureId: integer('pinned_feature_id').notNull().default(0),
    ts: integer('ts').notNull(),
    day: integer('day').notNull(),
    count: integer('count').notNull().default(1),
    minutes: real('minutes').notNull().default(0),
    importId: integer('import_id'),
    line: integer('line'),
  },
  // The account is part of the identity: a consultant's daily rollup row at two customers is two rows, not one.
  // WITHOUT ROWID, clustered on the identity (migration 0023; drizzle-kit cannot say so, and a migration it generates
  // that rebuilds this table must keep it): one B-tree where a rowid table, its identity index and an index by
  // import were three, each written by every imported row. An import's events are found through import_users.
  (t) => [primaryKey({ columns: [t.userId, t.ts, t.eventId, t.accountId] })],
);

/**
 * The users an import stored events for: how undoing it finds its events (usage_events' key starts with the user)
 * without an index by import, which every imported row would write. A superset is harmless (the events are still
 * matched on import_id); a user removed since leaves a row that finds nothing.
 */
export const importUsers = sqliteTable(
  'import_users',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull(),
  },
  // WITHOUT ROWID (migration 0023).
  (t) => [primaryKey({ columns: [t.importId, t.userId] })],
);

/** What an import changed in accounts and users, so that undoing it can put every row back as it was. */
export const importChanges = sqliteTable(
  'import_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    tableName: text('table_name', { enum: ['accounts', 'users', 'features', 'feature_events', 'event_names', 'entitlements', 'milestones'] }).notNull(),
    rowId: integer('row_id').notNull(),
    /** The row before the import; null when the import created it. */
    before: text('before', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('import_changes_import').on(t.importId)],
);

/**
 * The accounts a user was seen at besides their home account (users.account_id): an agency consultant's e-mail at
 * two customers is one person, active at both. Written by the import when a row puts a known user at another
 * account; read as that account's known users. Rare by nature, so it is small and read whole.
 */
export const userAccounts = sqliteTable(
  'user_accounts',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.accountId] }), index('user_accounts_account').on(t.accountId)],
);

/** Per account, user, feature (0 = none) and day: what every usage metric reads. */
export const usageDaily = sqliteTable(
  'usage_daily',
  {
    accountId: integer('account_id').notNull(),
    userId: integer('user_id').notNull(),
    featureId: integer('feature_id').notNull().default(0),
    day: integer('day').notNull(),
    events: integer('events').notNull(),
    minutes: real('minutes').notNull().default(0),
  },
  // No index by user: every reader asks by account (the key's first column), and a second index would be written
  // in random order by every import (about a sixth of a million-row import's time). Undo finds the users that
  // still have rollups in one pass instead. The table is WITHOUT ROWID, clustered on its key (migration 0019):
  // drizzle-kit cannot say so, and a migration it generates that rebuilds this table must keep it. No trigger
  // marks the work queue (migration 0021): its writers call markTasksDirty (db/tasks.ts) for the accounts they write.
  (t) => [primaryKey({ columns: [t.accountId, t.day, t.userId, t.featureId] })],
);
