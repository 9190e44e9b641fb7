// The Portfolio screen in one call: the KPI strip and one row per account with everything the table, the
// journey lanes and the command palette need, read from the daily health snapshots (fast at 2,000 accounts).
import { z } from 'zod';
import { AccountSummary } from './accounts';
import { isoDate, method } from './define';
import { HealthStatus, StatusCounts } from './health';
import { EarlyWarning, OnboardCohort } from './metrics';

export { ATTENTION_REASONS } from '../metrics/portfolio-kpis';

/** Money in major units (e.g. dollars) with its ISO currency. */
export const Money = z.object({ currency: z.string(), amount: z.number() });
export type Money = z.infer<typeof Money>;

/** A sum over accounts that may mix currencies: one figure per currency (largest first) and the primary one. */
export const MoneyTotal = z.object({ byCurrency: z.array(Money), primary: Money.nullable() });
export type MoneyTotal = z.infer<typeof MoneyTotal>;

/** An account as the portfolio shows it: its own fields as accounts.get has them (but the external id), and what the
 * table, the journey lanes and the command palette add from the daily health snapshots. */
export const PortfolioRow = AccountSummary.pick({
  id: true, name: true, owner: true, industry: true, stage: true, stageOverridden: true, churned: true,
  arr: true, currency: true, licenses: true, contractStart: true, renewalDate: true, isDemo: true,
}).extend({
  /** The first day of the stage in force, and the days since (journey lanes: "42 days in adoption"). */
  stageStartedOn: isoDate.nullable(),
  timeInStageDays: z.number().int().nullable(),
  /** renewal − as-of; negative once the date has passed. */
  daysToRenewal: z.number().int().nullable(),
  /** Days since the renewal date passed with no outcome recorded ("renewal passed 12 days ago: record the outcome"); else null. */
  renewalPassedDays: z.number().int().nullable(),
  /** status is the colour shown; scoreStatus the colour the score alone earns (thresholds in Settings). They differ
   * when a health rule capped or forced the colour (docs/METRICS.md, "Rules"): the table marks that score. */
  health: z.object({ score: z.number().nullable(), status: HealthStatus.nullable(), scoreStatus: HealthStatus.nullable() }),
  /** Daily scores for the sparkline, oldest first, ending on the as-of date; rounded; null = no snapshot. */
  trend: z.array(z.number().nullable()),
  /** The score 30 days before, from its snapshot; null = none (then there is no change to show). */
  previous30: z.number().nullable(),
  /** Score now − score 30 days before, each in tenths as the explanation shows them; null without both. */
  delta30: z.number().nullable(),
  /** MAU ÷ licenses (docs/METRICS.md); null without licenses or usage. */
  licenseUtilization: z.number().nullable(),
  lastQbrDate: isoDate.nullable(),
  qbrOverdue: z.boolean().nullable(),
  /** TTV milestones past their target and not achieved. */
  overdueMilestones: z.number().int(),
  /** Early warnings as metrics.account gives them (support cases in the first 30 days, low usage in onboarding). */
  earlyWarnings: z.array(EarlyWarning),
  /** The renewal date is before the as-of date and no renewed or churned outcome is on record for it. */
  renewalPassedWithoutOutcome: z.boolean(),
  // Behaviour (issue #14, point 4; docs/METRICS.md, "Behaviour segments"): each as it was on the as-of date D.
  /** Latest logged touchpoint or QBR dated on or before D, and the days from it to D; null = never. */
  lastTouchpointDate: isoDate.nullable(),
  daysSinceTouchpoint: z.number().int().nullable(),
  /** Latest day with a usage event on or before D, and the days from it to D (0 = active on D); null = none. */
  lastActiveDate: isoDate.nullable(),
  daysSinceActive: z.number().int().nullable(),
  /** Distinct active users in the 7 days ending D, and in the 7 days before those. */
  activeUsers7: z.number().int(),
  activeUsersPrev7: z.number().int(),
  /** activeUsers7 ÷ activeUsersPrev7 − 1; null when the earlier week had no active user. */
  activeUserTrend: z.number().nullable(),
  /** Usage events in the 7 days ending D (the "logins" of a segment: the product's events, not sign-ins). */
  events7: z.number().int(),
  /** D − the first contract start on record (before any renewal rolled the term); null without one or before it. */
  accountAgeDays: z.number().int().nullable(),
  /** Key features available to the account and never used on or before D: how many, and their names. */
  unusedKeyFeatures: z.number().int(),
  unusedKeyFeatureNames: z.array(z.string()),
  /** Open items in the work queue today (tasks open or back from snooze, open QBR action items), whatever the as-of date. */
  /** Open work-queue items today; null when the as-of date is in the past (the queue has no history). */
  openTasks: z.number().int().nullable(),
});
export type PortfolioRow = z.infer<typeof PortfolioRow>;

export const PortfolioKpis = z.object({
  /** Current customers: every account but the churned ones (the KPIs below count these only). */
  accounts: z.number().int(),
  churnedAccounts: z.number().int(),
  totalArr: MoneyTotal,
  arrAtRisk: z.object({
    red: MoneyTotal,
    redAccounts: z.number().int(),
    yellow: MoneyTotal,
    yellowAccounts: z.number().int(),
  }),
  /** Renewal date from the as-of date through 89 days after it. */
  renewalsNext90Days: z.object({ count: z.number().int(), arr: MoneyTotal }),
  /** Median basic-value TTV (achieved − contract start) over the accounts that achieved it; null if none. */
  medianTtvDays: z.number().nullable(),
  ttvAccounts: z.number().int(),
  statusCounts: StatusCounts,
  /** Accounts with at least one overdue milestone, and with an overdue QBR. */
  accountsWithOverdueMilestones: z.number().int(),
  accountsWithQbrOverdue: z.number().int(),
  /** Accounts with at least one reason to look (`accounts`), and how many have each reason; one account may have several. */
  needsAttention: z.object({
    accounts: z.number().int(),
    overdueMilestones: z.number().int(),
    qbrOverdue: z.number().int(),
    earlyWarnings: z.number().int(),
    renewalPassedWithoutOutcome: z.number().int(),
  }),
  /** Time to onboard KPI per cohort (quarter of contract start), as metrics.portfolio gives it. */
  timeToOnboard: z.object({ expectedDays: z.number().int(), cohorts: z.array(OnboardCohort) }),
});

export const PortfolioSortColumn = z.enum([
  'name',
  'owner',
  'stage',
  'health',
  'delta30',
  'arr',
  'renewalDate',
  'licenseUtilization',
  'lastQbrDate',
  'overdueMilestones',
  'timeInStageDays',
  'daysSinceTouchpoint',
  'lastActiveDate',
  'activeUserTrend',
  'events7',
  'accountAgeDays',
  'unusedKeyFeatures',
  'openTasks',
]);

/** The table's filters as a view stores them; each field has a default so old views keep parsing. */
export const portfolioMethods = {
  'portfolio.overview': method({
    input: z.object({ asOf: isoDate.optional(), trendDays: z.number().int().min(7).max(90).optional() }).strict(),
    output: z.object({
      asOf: isoDate,
      trendDays: z.number().int(),
      /** The currency most accounts are billed in: every MoneyTotal's `primary` is in it. */
      primaryCurrency: z.string().nullable(),
      kpis: PortfolioKpis,
      /** Every account, churned ones included (flagged), in name order. */
      rows: z.array(PortfolioRow),
    }),
  }),
};
