// Metrics, health, benchmarks, renewal likelihood and recommendations (docs/METRICS.md). Ratios are in [0, 1]; a
// null is "no data", never 0. The camelCase names of `metrics.account` are the CLI's JSON contract: add, never rename.
import { z } from 'zod';
import { Stage } from './accounts';
import { id, isoDate, method } from './define';
import { COMPONENT_NAMES, MetricsSettings } from '../metrics/settings';
import { BENCHMARK_METRICS } from '../metrics/benchmarks';

// The renderer reads the model's names, labels and settings types through the contract, never from the metrics.
export {
  COMPONENT_HINTS,
  COMPONENT_LABELS,
  COMPONENT_NAMES,
  type ComponentName,
  type HealthRule,
  type HealthThresholds,
  type HealthWeights,
  MetricsSettings,
  type RuleEffect,
} from '../metrics/settings';
export { RENEWAL_WINDOW_DAYS } from '../metrics/portfolio-kpis';

const ratio = z.number().nullable();
const count = z.number().int().nullable();
const days = z.number().nullable();

export const HealthStatus = z.enum(['green', 'yellow', 'red']);
export type HealthStatus = z.infer<typeof HealthStatus>;

export const HealthComponent = z.object({
  name: z.enum(COMPONENT_NAMES),
  label: z.string(),
  /** 0–100; null = no data, and the component is left out. */
  score: z.number().nullable(),
  /** The configured weight (e.g. 30). */
  weight: z.number(),
  /** The weight's share among the components with data. */
  share: z.number().nullable(),
  /** Points added to the score; the contributions sum to the score. */
  contribution: z.number().nullable(),
  /** The facts behind the score ("8 of 40 licensed users active in the last 30 days"); empty when from a snapshot. */
  facts: z.array(z.string()),
  noDataReason: z.string().nullable(),
});
export type HealthComponent = z.infer<typeof HealthComponent>;

export const HealthRuleFired = z.object({
  id: z.string(),
  kind: z.string(),
  effect: z.enum(['force_red', 'force_yellow', 'cap_yellow']),
  reason: z.string(),
});

export const AccountHealth = z.object({
  id,
  name: z.string(),
  asOf: isoDate,
  score: z.number().nullable(),
  /** After rules. */
  status: HealthStatus.nullable(),
  /** From the score alone. */
  scoreStatus: HealthStatus.nullable(),
  components: z.array(HealthComponent),
  leftOut: z.array(z.enum(COMPONENT_NAMES)),
  /** The rules applied, each with its reason. */
  rules: z.array(HealthRuleFired),
  /** Change since `days` days before (the daily snapshots); null when there is no earlier snapshot. */
  trend: z.object({ days: z.number().int(), previousScore: z.number().nullable(), delta: z.number().nullable() }),
  /** live = computed now with its facts; snapshot = read from the daily snapshot of that day. */
  source: z.enum(['live', 'snapshot']),
});
export type AccountHealth = z.infer<typeof AccountHealth>;

export const HealthPoint = z.object({ date: isoDate, score: z.number().nullable(), status: HealthStatus.nullable() });

const StatusCounts = z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), noData: z.number().int() });

export const StatusChange = z.object({
  id,
  name: z.string(),
  from: HealthStatus.nullable(),
  to: HealthStatus.nullable(),
  scoreFrom: z.number().nullable(),
  scoreTo: z.number().nullable(),
});

export const SettingsPreview = z.object({ changed: z.number().int(), counts: StatusCounts, changes: z.array(StatusChange) });

const Coverage = z.object({ name: z.string(), users: z.number().int(), covered: z.boolean() });
const SurveyScore = z.object({ value: z.number(), responses: z.number().int(), date: isoDate }).nullable();
const ResponseRate = z.object({ period: z.string(), invited: z.number().int(), responded: z.number().int(), rate: ratio });

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
  earlyWarnings: z.array(z.object({ kind: z.string(), message: z.string() })),
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

const Distribution = z.object({ n: z.number().int(), low: z.number(), median: z.number(), high: z.number() });

const RenewalDriver = z.object({ component: z.enum(COMPONENT_NAMES), effect: z.number(), value: z.number().nullable() });

const asOfInput = z.object({ asOf: isoDate.optional() }).strict();
const accountInput = z.object({ id, asOf: isoDate.optional() }).strict();

export const metricsMethods = {
  'health.list': method({
    input: z.object({ asOf: isoDate.optional(), explain: z.boolean().optional() }).strict(),
    output: z.object({ asOf: isoDate, items: z.array(AccountHealth), counts: StatusCounts }),
  }),
  'health.account': method({
    input: accountInput,
    output: AccountHealth.extend({ history: z.array(HealthPoint) }),
  }),
  'health.refresh': method({
    input: z.object({ accountIds: z.array(id).optional(), fromDate: isoDate.optional() }).strict(),
    output: z.object({ accounts: z.number().int(), snapshots: z.number().int() }),
    writes: ['health'],
  }),
  'health.settings.get': method({
    input: z.object({}).strict(),
    output: z.object({ settings: MetricsSettings, defaults: MetricsSettings }),
  }),
  'health.settings.preview': method({
    input: z.object({ settings: z.record(z.string(), z.unknown()), asOf: isoDate.optional() }).strict(),
    output: SettingsPreview,
  }),
  'health.settings.set': method({
    input: z.object({ settings: z.record(z.string(), z.unknown()) }).strict(),
    output: z.object({ settings: MetricsSettings, preview: SettingsPreview }),
    writes: ['settings', 'health'],
  }),
  'metrics.account': method({ input: accountInput, output: AccountMetrics }),
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
      timeToOnboard: z.array(z.object({ cohort: z.string(), onboarded: z.number().int(), withinExpected: z.number().int(), rate: ratio })),
    }),
  }),
  'recommendations.account': method({ input: accountInput, output: z.object({ items: z.array(Recommendation) }) }),
  'benchmarks.account': method({
    input: accountInput,
    output: z.object({
      id,
      asOf: isoDate,
      lifecycleAgeDays: z.number().int().nullable(),
      renewedOutcomes: z.number().int(),
      comparisons: z.array(
        z.object({
          metric: z.enum(BENCHMARK_METRICS),
          value: z.number().nullable(),
          distribution: Distribution.nullable(),
          flagged: z.boolean().nullable(),
          comparison: z.string(),
        }),
      ),
      flagged: z.array(z.enum(BENCHMARK_METRICS)),
    }),
  }),
  'renewal.likelihood': method({
    input: z.object({ asOf: isoDate.optional(), id: id.optional() }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('not_enough_history'),
        outcomes: z.number().int(),
        needed: z.number().int(),
        message: z.string(),
      }),
      z.object({
        status: z.literal('ok'),
        outcomes: z.number().int(),
        renewed: z.number().int(),
        churned: z.number().int(),
        /** Out-of-fold AUC from k-fold cross-validation (0.5 = chance, 1 = perfect); null if it could not be measured. */
        auc: z.number().nullable(),
        folds: z.number().int(),
        coefficients: z.array(z.object({ component: z.enum(COMPONENT_NAMES), weight: z.number() })),
        accounts: z.array(
          z.object({ id, name: z.string(), probability: z.number(), drivers: z.array(RenewalDriver) }),
        ),
      }),
    ]),
  }),
};
