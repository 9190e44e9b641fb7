// The relationship half of the schema (DESIGN.md, "Data"): milestones, QBRs and their action items, touchpoints,
// surveys, renewals, and the app's own tables (health snapshots, settings, trash, saved views). Split from
// schema-book.ts (accounts, people, features, imports, usage) only for size; schema.ts exports both.
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accounts, createdAt, imports, users } from './schema-book';

export const milestones = sqliteTable(
  'milestones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['kickoff', 'onboarding_complete', 'first_key_action', 'basic_value', 'exceeded_value', 'custom'],
    }).notNull(),
    name: text('name').notNull(),
    targetDate: text('target_date'),
    achievedDate: text('achieved_date'),
    notes: text('notes'),
    createdAt: createdAt(),
    /** Who set achievedDate: 'usage' (marked from the usage data, docs/METRICS.md) or 'csm'; null = not achieved. */
    achievedSource: text('achieved_source', { enum: ['usage', 'csm'] }),
  },
  (t) => [index('milestones_account').on(t.accountId)],
);

export const qbrs = sqliteTable(
  'qbrs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    date: text('date').notNull(),
    attendees: text('attendees', { mode: 'json' }).notNull().$type<string[]>(),
    goalsReviewed: text('goals_reviewed'),
    outcomes: text('outcomes'),
    customerResponse: text('customer_response', { enum: ['positive', 'neutral', 'negative', 'none'] })
      .notNull()
      .default('none'),
    createdAt: createdAt(),
  },
  (t) => [index('qbrs_account').on(t.accountId, t.date)],
);

export const qbrActionItems = sqliteTable(
  'qbr_action_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    qbrId: integer('qbr_id')
      .notNull()
      .references(() => qbrs.id, { onDelete: 'cascade' }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    owner: text('owner'),
    dueDate: text('due_date'),
    status: text('status', { enum: ['open', 'done', 'dropped'] })
      .notNull()
      .default('open'),
    /** The item this one carries over from an earlier QBR. */
    carriedFromId: integer('carried_from_id'),
  },
  (t) => [index('qbr_action_items_qbr').on(t.qbrId)],
);

export const touchpoints = sqliteTable(
  'touchpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['call', 'email', 'meeting', 'support_case', 'campaign'] }).notNull(),
    date: text('date').notNull(),
    title: text('title').notNull(),
    notes: text('notes'),
    /** Support cases: open or closed, when closed, and whether resolved within SLA (null = no SLA set). */
    caseStatus: text('case_status', { enum: ['open', 'closed'] }),
    closedDate: text('closed_date'),
    resolved: integer('resolved', { mode: 'boolean' }),
    withinSla: integer('within_sla', { mode: 'boolean' }),
    /** Campaigns: the feature promoted and whether the customer responded. */
    featureId: integer('feature_id'),
    responded: integer('responded', { mode: 'boolean' }),
    /** Meetings from a calendar file: who was in it (e-mails, "; "), the event's UID (#occurrence) and the import. */
    attendees: text('attendees'),
    externalId: text('external_id'),
    importId: integer('import_id'),
    createdAt: createdAt(),
  },
  (t) => [index('touchpoints_account').on(t.accountId, t.date), index('touchpoints_external').on(t.externalId)],
);

export const surveys = sqliteTable(
  'surveys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: integer('user_id'),
    date: text('date').notNull(),
    kind: text('kind', { enum: ['nps', 'csat', 'proficiency'] }).notNull(),
    score: real('score').notNull(),
    /** The respondent's own words, when the survey tool exported them. */
    comment: text('comment'),
    /** The import that brought the answer in (null: typed in) and the tool's response id (re-imports skip it). */
    importId: integer('import_id').references(() => imports.id, { onDelete: 'set null' }),
    responseId: text('response_id'),
  },
  (t) => [index('surveys_account').on(t.accountId, t.date), uniqueIndex('surveys_response').on(t.accountId, t.kind, t.responseId)],
);

/**
 * Support tickets imported from a help desk's export (Zendesk, Freshdesk, Intercom, HubSpot). The relationship
 * metrics read them beside the support cases a CSM logs as touchpoints (docs/METRICS.md, "Support").
 */
export const supportCases = sqliteTable(
  'support_cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    /** The help desk's ticket id (a re-import updates the ticket instead of adding it again). */
    ticketId: text('ticket_id').notNull(),
    source: text('source').notNull(),
    subject: text('subject'),
    openedDate: text('opened_date').notNull(),
    solvedDate: text('solved_date'),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    priority: text('priority'),
    /** True: the SLA was breached; false: met; null: the export says nothing of an SLA. */
    slaBreached: integer('sla_breached', { mode: 'boolean' }),
    requesterEmail: text('requester_email'),
    /** How the ticket found its account: the file's organization id, its organization name, or the e-mail domain. */
    matchedBy: text('matched_by', { enum: ['organization_id', 'organization', 'email_domain'] }).notNull(),
    importId: integer('import_id').references(() => imports.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('support_cases_ticket').on(t.source, t.ticketId), index('support_cases_account').on(t.accountId, t.openedDate)],
);

export const renewals = sqliteTable(
  'renewals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    renewalDate: text('renewal_date').notNull(),
    outcome: text('outcome', { enum: ['renewed', 'expanded', 'downsized', 'churned', 'pending'] }).notNull(),
    arrMinor: integer('arr_minor'),
    /** A churn's reason from the list (RENEWAL_CHURN_REASONS) and the CSM's own words. */
    reason: text('reason'),
    note: text('note'),
    /** The import that wrote it (undoing the import removes it); null when recorded by hand. */
    importId: integer('import_id').references(() => imports.id, { onDelete: 'set null' }),
    /**
     * The account's term just before this outcome rolled it (its newest kept-customer outcome moves the contract
     * start, renewal date and ARR on): what the account was on any date before the outcome. Null columns with
     * termRolled 0 when the outcome changed nothing.
     */
    termRolled: integer('term_rolled', { mode: 'boolean' }).notNull().default(false),
    beforeContractStart: text('before_contract_start'),
    beforeRenewalDate: text('before_renewal_date'),
    beforeArrMinor: integer('before_arr_minor'),
  },
  (t) => [index('renewals_account').on(t.accountId)],
);

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
 * Stakeholders (issue #14, point 9): the CSM's flag on a person of an account (sponsor, champion or detractor),
 * one per person; no row = not flagged. The CSM's current judgement, not dated history.
 */
export const stakeholders = sqliteTable('stakeholders', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  flag: text('flag', { enum: ['sponsor', 'champion', 'detractor'] }).notNull(),
  updatedAt: integer('updated_at').notNull(),
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
 * a signal reads (hand-written in the migrations) but usage_daily and health_snapshots, whose writers mark it, emptied by the reconcile, so a write to one account reconciles
 * that account alone. Account id 0 stands for the whole book (the feature catalogue changed).
 */
export const taskDirty = sqliteTable('task_dirty', {
  accountId: integer('account_id').primaryKey(),
});

/**
 * The success plan (issue #14, point 5): the sales handoff facts per account (why they bought, who bought vs who
 * uses, how complex the implementation is), the desired outcomes each with a measurable KPI and a target date,
 * their links to milestones, and the progress each QBR records on them.
 */
export const successPlans = sqliteTable('success_plans', {
  accountId: integer('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  whyBought: text('why_bought'),
  buyer: text('buyer'),
  users: text('users'),
  complexity: text('complexity', { enum: ['low', 'medium', 'high'] }),
  complexityNote: text('complexity_note'),
  updatedAt: integer('updated_at').notNull(),
});

export const successOutcomes = sqliteTable(
  'success_outcomes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kpiName: text('kpi_name').notNull(),
    kpiUnit: text('kpi_unit').notNull(),
    baseline: real('baseline'),
    target: real('target').notNull(),
    targetDate: text('target_date').notNull(),
    status: text('status', { enum: ['not_started', 'on_track', 'at_risk', 'achieved', 'missed'] })
      .notNull()
      .default('not_started'),
    createdAt: createdAt(),
  },
  (t) => [index('success_outcomes_account').on(t.accountId)],
);

export const successOutcomeMilestones = sqliteTable(
  'success_outcome_milestones',
  {
    outcomeId: integer('outcome_id')
      .notNull()
      .references(() => successOutcomes.id, { onDelete: 'cascade' }),
    milestoneId: integer('milestone_id')
      .notNull()
      .references(() => milestones.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.outcomeId, t.milestoneId] })],
);

export const qbrOutcomeProgress = sqliteTable(
  'qbr_outcome_progress',
  {
    qbrId: integer('qbr_id')
      .notNull()
      .references(() => qbrs.id, { onDelete: 'cascade' }),
    outcomeId: integer('outcome_id')
      .notNull()
      .references(() => successOutcomes.id, { onDelete: 'cascade' }),
    value: real('value'),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.qbrId, t.outcomeId] }), index('qbr_outcome_progress_outcome').on(t.outcomeId)],
);

/**
 * One contact's response to one e-mail campaign, imported from a HubSpot or Marketo export. Each counts as a
 * campaign touchpoint on the contact's account (docs/METRICS.md, "Campaigns from files"): responded = clicked or
 * replied. A re-import of the same campaign and contact updates it (a later click), recorded for undo.
 */
export const campaignTouchpoints = sqliteTable(
  'campaign_touchpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    source: text('source').notNull(),
    campaign: text('campaign').notNull(),
    email: text('email').notNull(),
    date: text('date').notNull(),
    opened: integer('opened', { mode: 'boolean' }).notNull(),
    clicked: integer('clicked', { mode: 'boolean' }).notNull(),
    replied: integer('replied', { mode: 'boolean' }).notNull(),
    responded: integer('responded', { mode: 'boolean' }).notNull(),
    /** The catalogue feature the campaign promotes (a column of the file, else named in the campaign's name). */
    featureId: integer('feature_id'),
    /** How the contact found its account: their e-mail in the book, or (alone at one account) its domain. */
    matchedBy: text('matched_by', { enum: ['email', 'email_domain'] }).notNull(),
    importId: integer('import_id').references(() => imports.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('campaign_touchpoints_contact').on(t.source, t.campaign, t.email), index('campaign_touchpoints_account').on(t.accountId, t.date)],
);
