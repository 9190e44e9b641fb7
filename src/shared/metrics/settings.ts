// Every knob of the metrics and the health model (docs/METRICS.md: "where a definition has a knob, the knob is a
// setting with the default given here"). One zod schema, so a settings file written by an older or newer build
// parses to a complete, valid object: each missing field takes its default.
import { z } from 'zod';

export const COMPONENT_NAMES = ['usage', 'breadth', 'frequency', 'exposure', 'relationship', 'satisfaction'] as const;
export type ComponentName = (typeof COMPONENT_NAMES)[number];

/** Each component's name on screen and on slides, and what it measures (Settings shows the hint). */
export const COMPONENT_LABELS: Record<ComponentName, string> = {
  usage: 'Usage',
  breadth: 'Breadth',
  frequency: 'Frequency',
  exposure: 'Exposure',
  relationship: 'Relationship',
  satisfaction: 'Satisfaction',
};

export const COMPONENT_HINTS: Record<ComponentName, string> = {
  usage: 'License utilization: users active in 30 days ÷ licenses',
  breadth: 'Key features used ÷ key features enabled',
  frequency: 'Users meeting their role’s expected cadence',
  exposure: 'Roles and departments with an active user',
  relationship: 'QBR cadence, responses, support cases, touchpoints',
  satisfaction: 'Latest NPS and CSAT',
};

export const ROLES = ['end_user', 'manager', 'executive', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** How often a user uses the product, from their active days in the last 30 (seed 003). */
export const CADENCES = ['dormant', 'monthly', 'weekly', 'daily'] as const;
export type Cadence = (typeof CADENCES)[number];

const weight = z.number().min(0).max(1000);

export const HealthWeights = z.object({
  usage: weight.default(30),
  breadth: weight.default(20),
  frequency: weight.default(15),
  exposure: weight.default(10),
  relationship: weight.default(15),
  satisfaction: weight.default(10),
});

export const HealthThresholds = z
  .object({
    /** Green at or above this score. */
    green: z.number().min(0).max(100).default(70),
    /** Yellow at or above this score (and below green); red below it. */
    yellow: z.number().min(0).max(100).default(40),
  })
  .refine((t) => t.yellow <= t.green, 'the yellow threshold must not exceed the green one');

export const RuleEffect = z.enum(['force_red', 'force_yellow', 'cap_yellow']);
export type RuleEffect = z.infer<typeof RuleEffect>;

const ruleBase = { id: z.string().min(1).max(60), enabled: z.boolean().default(true), effect: RuleEffect };

/** Rules cap or force a status, each with a reason shown beside the score (docs/METRICS.md, Health). */
export const HealthRule = z.discriminatedUnion('kind', [
  z.object({ ...ruleBase, kind: z.literal('no_usage'), days: z.number().int().min(1).max(365).default(30) }),
  z.object({ ...ruleBase, kind: z.literal('open_support_case'), days: z.number().int().min(1).max(365).default(14) }),
  z.object({ ...ruleBase, kind: z.literal('qbr_overdue') }),
  z.object({ ...ruleBase, kind: z.literal('onboarding_late') }),
]);
export type HealthRule = z.infer<typeof HealthRule>;

const DEFAULT_RULES: HealthRule[] = [
  { id: 'no-usage', kind: 'no_usage', enabled: true, effect: 'force_red', days: 30 },
  { id: 'open-case', kind: 'open_support_case', enabled: true, effect: 'cap_yellow', days: 14 },
  { id: 'qbr-overdue', kind: 'qbr_overdue', enabled: false, effect: 'cap_yellow' },
  { id: 'onboarding-late', kind: 'onboarding_late', enabled: false, effect: 'cap_yellow' },
];

const cadence = z.enum(CADENCES);

export const MetricsSettings = z.object({
  weights: HealthWeights.default(HealthWeights.parse({})),
  thresholds: HealthThresholds.default({ green: 70, yellow: 40 }),
  rules: z.array(HealthRule).max(20).default(DEFAULT_RULES),
  /** Adopted user (seed 002): active on at least minActiveDays of the last windowDays, and a key feature used. */
  adoptedUser: z
    .object({
      minActiveDays: z.number().int().min(1).max(31).default(8),
      windowDays: z.number().int().min(1).max(90).default(30),
      requireKeyFeature: z.boolean().default(true),
    })
    .default({ minActiveDays: 8, windowDays: 30, requireKeyFeature: true }),
  /** Adopted account (seed 002): onboarding milestone achieved and this share of users active daily on average. */
  adoptedAccount: z
    .object({ minDailyActiveShare: z.number().min(0).max(1).default(0.75) })
    .default({ minDailyActiveShare: 0.75 }),
  /** Adoption rate (seed 001): eligible users are the known users, or the licenses purchased. */
  eligibleUsers: z.enum(['known_users', 'licenses']).default('known_users'),
  /** Usage cadence from active days in the last 30: daily at >= daily, weekly at >= weekly, monthly at >= 1. */
  cadenceDays: z
    .object({ daily: z.number().int().min(1).max(30).default(15), weekly: z.number().int().min(1).max(30).default(4) })
    .default({ daily: 15, weekly: 4 }),
  /** The cadence each role is expected to keep: a payroll admin who logs in weekly is fine (seed 003). */
  roleCadence: z
    .object({
      end_user: cadence.default('weekly'),
      manager: cadence.default('weekly'),
      executive: cadence.default('monthly'),
      admin: cadence.default('weekly'),
    })
    .default({ end_user: 'weekly', manager: 'weekly', executive: 'monthly', admin: 'weekly' }),
  /** Engagement score weights (seed 000): frequency (active days), time spent (minutes), features used. */
  engagementWeights: z
    .object({ frequency: weight.default(40), time: weight.default(30), features: weight.default(30) })
    .default({ frequency: 40, time: 30, features: 30 }),
  /** QBR cadence (seed 000): overdue after this many days since the last QBR. */
  qbrOverdueDays: z.number().int().min(1).max(730).default(90),
  /** Journey stage lengths (seed 000): onboarding = first 30 days, renewal = last 90 days. */
  stageLengths: z
    .object({ onboardingDays: z.number().int().min(1).max(365).default(30), renewalDays: z.number().int().min(1).max(365).default(90) })
    .default({ onboardingDays: 30, renewalDays: 90 }),
  /** Work queue: a "no touchpoint" task after this many days without a call, e-mail, meeting or QBR, per journey stage. */
  noTouchpointDays: z
    .object({
      onboarding: z.number().int().min(1).max(365).default(14),
      adoption: z.number().int().min(1).max(365).default(60),
      renewal: z.number().int().min(1).max(365).default(30),
    })
    .default({ onboarding: 14, adoption: 60, renewal: 30 }),
  /** Time to onboard KPI (seed 003): onboarding completed within this many days of contract start. */
  timeToOnboardExpectedDays: z.number().int().min(1).max(365).default(30),
  /** Usage component: license utilization at or above this ratio scores 100 (few accounts use every seat). */
  usageFullAt: z.number().min(0.05).max(1).default(0.8),
  /** Early warning (seed 003): more support cases than this in the first 30 days. */
  earlySupportCases: z.number().int().min(0).max(100).default(3),
  /** Early warning (seed 003): license utilization below this ratio during onboarding. */
  earlyLowUtilization: z.number().min(0).max(1).default(0.2),
  /** Benchmarks: below this percentile of renewed accounts flags the metric (seed 003). */
  benchmarkPercentile: z.number().min(1).max(50).default(25),
  /** Renewal likelihood: outcomes of each kind (renewed, churned) needed before a model is fitted. */
  renewalModelMinOutcomes: z.number().int().min(10).max(1000).default(10),
});
export type MetricsSettings = z.infer<typeof MetricsSettings>;
export type HealthWeights = z.infer<typeof HealthWeights>;
export type HealthThresholds = z.infer<typeof HealthThresholds>;

export const DEFAULT_SETTINGS: MetricsSettings = MetricsSettings.parse({});

/** A stored value that no longer parses (hand-edited, or from a future build) falls back field by field. */
export function parseSettings(value: unknown): MetricsSettings {
  const whole = MetricsSettings.safeParse(value ?? {});
  if (whole.success) return whole.data;
  if (typeof value !== 'object' || value === null) return DEFAULT_SETTINGS;
  const merged: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const one = MetricsSettings.safeParse({ [key]: field });
    if (one.success) merged[key] = field;
  }
  return MetricsSettings.parse(merged);
}
