// Onboarding that starts itself (issue #14 point 8, docs/METRICS.md "Onboarding template"): the milestone template
// added to new accounts (target = contract start + offset) and the two milestones the usage data marks achieved —
// first key action and onboarding complete. Pure: the store reads the days, this decides them.
import { z } from 'zod';
import { addDays } from '../dates';

export const TEMPLATE_KINDS = ['kickoff', 'first_key_action', 'onboarding_complete', 'basic_value', 'exceeded_value'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** Each standard kind's default name ("Basic value"). */
export const TEMPLATE_NAMES: Record<TemplateKind, string> = {
  kickoff: 'Kickoff',
  onboarding_complete: 'Onboarding complete',
  first_key_action: 'First key action',
  basic_value: 'Basic value',
  exceeded_value: 'Exceeded value',
};

const offset = z.number().int().min(0).max(730);

/**
 * The template setting. The offsets (days after contract start) are the figures: the seeds
 * (adoption-ttv-onboarding-guide) name the milestones but give no day counts; onboarding complete at +30 matches
 * the onboarding stage length and timeToOnboardExpectedDays (30).
 */
export const OnboardingTemplate = z.object({
  /** "Add these milestones to every new account". */
  enabled: z.boolean(),
  offsets: z.object({
    kickoff: offset,
    first_key_action: offset,
    onboarding_complete: offset,
    basic_value: offset,
    exceeded_value: offset,
  }),
  /** Onboarding complete from usage: this share of licensed seats (else known users) has used a key feature. */
  onboardedSharePercent: z.number().int().min(1).max(100),
});
export type OnboardingTemplate = z.infer<typeof OnboardingTemplate>;

export const DEFAULT_ONBOARDING_TEMPLATE: OnboardingTemplate = {
  enabled: false,
  offsets: { kickoff: 7, first_key_action: 14, onboarding_complete: 30, basic_value: 45, exceeded_value: 90 },
  onboardedSharePercent: 50,
};

/** A stored value as a complete template: each missing or invalid field takes its default. */
export function parseOnboardingTemplate(value: unknown): OnboardingTemplate {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const offsets = (typeof v.offsets === 'object' && v.offsets !== null ? v.offsets : {}) as Record<string, unknown>;
  const pick = <T>(schema: z.ZodType<T>, raw: unknown, fallback: T): T => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : fallback;
  };
  const d = DEFAULT_ONBOARDING_TEMPLATE;
  return {
    enabled: pick(z.boolean(), v.enabled, d.enabled),
    offsets: Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, pick(offset, offsets[k], d.offsets[k])])) as OnboardingTemplate['offsets'],
    onboardedSharePercent: pick(OnboardingTemplate.shape.onboardedSharePercent, v.onboardedSharePercent, d.onboardedSharePercent),
  };
}

/** The template's milestones for an account starting on contractStart: each kind's target = start + offset. */
export function templateTargets(contractStart: string, template: OnboardingTemplate): { kind: TemplateKind; targetDate: string }[] {
  return TEMPLATE_KINDS.map((kind) => ({ kind, targetDate: addDays(contractStart, template.offsets[kind]) }));
}

/**
 * The days the usage data marks (day numbers), from each user's first key-feature day at the account (events on or
 * after contract start). First key action = the earliest of them. Onboarding complete = the day the number of users
 * with a key-feature event first reached ceil(share × seats), seats = licenses, else known users; never with 0 seats.
 */
export function usageMilestoneDays(
  firstKeyDayByUser: readonly number[],
  seats: number | null,
  sharePercent: number,
): { firstKeyAction: number | null; onboardingComplete: number | null } {
  const days = [...firstKeyDayByUser].sort((a, b) => a - b);
  const needed = seats !== null && seats > 0 ? Math.max(1, Math.ceil((seats * sharePercent) / 100 - 1e-9)) : null;
  return {
    firstKeyAction: days[0] ?? null,
    onboardingComplete: needed !== null && days.length >= needed ? days[needed - 1] : null,
  };
}
