// Metrics and recommendations (docs/METRICS.md). Ratios are in [0, 1]; a
// null is "no data", never 0. The camelCase names of `metrics.account` are the CLI's JSON contract: add, never rename.
import { z } from 'zod';
import { Stage } from './accounts';
import { accountAsOfInput, id, isoDate, method } from './define';
import { HealthStatus, StatusCounts } from './health';

export { RENEWAL_WINDOW_DAYS } from '../metrics/portfolio-kpis';

/** One schema per kind of figure, so a reader (the CLI's text output) can tell a ratio from a day count by it. */
const ratio = z.number().nullable();
const count = z.number().int().nullable();
const days = z.number().nullable();
export { ratio as RatioFigure };

const Coverage = z.object({ name: z.string(), users: z.number().int(), covered: z.boolean() });
const SurveyScore = z.object({ value: z.number(), responses: z.number().int(), date: isoDate }).nullable();
const ResponseRate = z.object({ period: z.string(), invited: z.number().int(), responded: z.number().int(), rate: ratio });

export const EarlyWarning = z.object({ kind: z.enum(['early_support_cases', 'low_onboarding_usage']), message: z.string() });
export const OnboardCohort = z.object({ cohort: z.string(), onboarded: z.number().int(), withinExpected: z.number().int(), rate: ratio });

export const AccountMetrics = z.object({
  id,
  name: z.string(),
  asOf: isoDate,
  dau: count,
  wau: count,
  mau: count,
  meanDau: z.number().nullable(),
  stickiness: ratio,
  licenseUtilization: ratio,
  unusedLicenses: count,
  dailyUtilization: ratio,
  eligibleUsers: count,
  eligibleUsersDefinition: z.enum(['known_users', 'licenses']),
  adoptionRateActive: ratio,
  adoptedUsers: count,
  adoptionRateAdopted: ratio,
  adoptedAccount: z.boolean().nullable(),
  /** Feature key → users of the feature ÷ active users, last 30 days. */
  featureAdoption: z.record(z.string(), ratio),
  breadth: ratio,
  breadthDetail: z.object({ used: z.array(z.string()), enabled: z.array(z.string()) }),
  timeToFirstKeyActionDays: days,
  /** Users whose first key-feature event is on record by D: the median above is over them. */
  timeToFirstKeyActionUsers: z.number().int(),
  /** Users on record for the account (the adopted rate's denominator). */
  knownUsers: z.number().int(),
  engagementScore: z.number().nullable(),
  exposure: ratio,
  exposureDetail: z.object({
    roles: z.array(Coverage),
    departments: z.array(Coverage),
    executives: z.array(z.object({ id, name: z.string(), activeDays30: z.number().int(), weeksActive: z.number().int() })),
  }),
  usageCadence: z.array(
    z.object({
      id,
      name: z.string(),
      role: z.string(),
      department: z.string().nullable(),
      activeDays: z.number().int(),
      cadence: z.string(),
      expected: z.string(),
      meets: z.boolean(),
    }),
  ),
  stage: Stage.nullable(),
  stageOverridden: z.boolean(),
  computedStage: Stage.nullable(),
  ttvBasicDays: days,
  ttvExceededDays: days,
  timeToOnboardDays: days,
  milestones: z.array(
    z.object({
      id,
      kind: z.string(),
      name: z.string(),
      targetDate: isoDate.nullable(),
      achievedDate: isoDate.nullable(),
      state: z.enum(['achieved', 'achieved_late', 'late', 'due', 'no_target']),
      daysLate: days,
    }),
  ),
  earlyWarnings: z.array(EarlyWarning),
  adoptionCurve: z.object({
    months: z.array(z.object({ month: z.number().int(), activeUsers: z.number().int(), featuresUsed: z.number().int(), complete: z.boolean() })),
    slope: z.number().nullable(),
  }),
  qbrDaysSince: days,
  qbrOverdue: z.boolean().nullable(),
  responseRates: z.object({ quarters: z.array(ResponseRate), lastYear: ResponseRate }),
  supportCaseSuccessRate: ratio,
  supportCases: z.object({ closed: z.number().int(), succeeded: z.number().int(), open: z.number().int() }),
  touchpointTrend: z.object({ days: z.number().int(), current: z.number().int(), previous: z.number().int(), lastYear: z.number().int() }),
  satisfaction: z.object({ nps: SurveyScore, csat: SurveyScore, proficiency: SurveyScore }),
  campaignUplift: z.array(
    z.object({
      title: z.string(),
      date: isoDate,
      feature: z.string().nullable(),
      before: z.number(),
      after: z.number(),
      uplift: ratio,
      complete: z.boolean(),
    }),
  ),
  /** The health score (0–100) and its status; `health.account` explains it. */
  health: z.number().nullable(),
  healthStatus: HealthStatus.nullable(),
});
export type AccountMetrics = z.infer<typeof AccountMetrics>;

export const Recommendation = z.object({
  kind: z.enum(['feature_not_needed', 'revisit_training', 'key_feature_reminder', 'downgrade_risk', 'escalate_onboarding']),
  severity: z.enum(['info', 'warning', 'critical']),
  title: z.string(),
  detail: z.string(),
  users: z.array(z.object({ id, name: z.string() })),
  features: z.array(z.object({ id, name: z.string() })),
  milestones: z.array(z.object({ id, name: z.string() })),
});

const asOfInput = z.object({ asOf: isoDate.optional() }).strict();

export const metricsMethods = {
  'metrics.account': method({ input: accountAsOfInput, output: AccountMetrics }),
  'metrics.portfolio': method({
    input: asOfInput,
    output: z.object({
      asOf: isoDate,
      accounts: z.number().int(),
      counts: StatusCounts,
      meanHealth: z.number().nullable(),
      mau: z.number().int(),
      licenses: z.number().int(),
      licenseUtilization: ratio,
      timeToOnboard: z.array(OnboardCohort),
    }),
  }),
  'recommendations.account': method({ input: accountAsOfInput, output: z.object({ items: z.array(Recommendation) }) }),
};
