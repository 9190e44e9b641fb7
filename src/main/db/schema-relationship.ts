// The relationship part of the schema (DESIGN.md, "Data"): milestones, QBRs and their action items, touchpoints,
// surveys, support cases, renewals, stakeholders, success plans and campaign touchpoints. Split from schema-book.ts
// (accounts, people, features, imports, usage) for size and from schema-app.ts (the app's own tables) at that
// seam; schema.ts exports all three.
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
