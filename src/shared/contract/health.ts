// Health: the score, its components and rules, its daily history and its settings (docs/METRICS.md, Health).
import { z } from 'zod';
import { accountAsOfInput, id, isoDate, method } from './define';
import { COMPONENT_NAMES, MetricsSettings } from '../metrics/settings';

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

export const StatusCounts = z.object({ green: z.number().int(), yellow: z.number().int(), red: z.number().int(), noData: z.number().int() });

export const StatusChange = z.object({
  id,
  name: z.string(),
  from: HealthStatus.nullable(),
  to: HealthStatus.nullable(),
  scoreFrom: z.number().nullable(),
  scoreTo: z.number().nullable(),
});

export const SettingsPreview = z.object({ changed: z.number().int(), counts: StatusCounts, changes: z.array(StatusChange) });


export const healthMethods = {
  'health.list': method({
    input: z.object({ asOf: isoDate.optional(), explain: z.boolean().optional() }).strict(),
    output: z.object({ asOf: isoDate, items: z.array(AccountHealth), counts: StatusCounts }),
  }),
  'health.account': method({
    input: accountAsOfInput,
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
};

/** The health history being recomputed in the background (after an import, a catalogue change, on start): accounts done of total. */
export const HealthProgress = z.object({ done: z.number().int(), total: z.number().int() });
export type HealthProgress = z.infer<typeof HealthProgress>;
