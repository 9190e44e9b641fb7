// Recommendations (docs/METRICS.md, "what to do next"), each naming the users, features or milestones concerned:
// - satisfaction and proficiency high but a feature little used → the feature may not be needed (seed 002);
// - satisfaction and proficiency low → revisit onboarding and training (seed 002);
// - active users not using a key feature they are entitled to → a reminder to those users, by name (000, 003);
// - a paid feature unused in the last 30 days → downgrade risk (seed 004);
// - onboarding milestones past their target → escalate (seed 003).
import { formatPercent } from '../format';
import { availableFeatures, featureAdoption, paidFeatures } from './breadth';
import { lastDays, userLabel, type EntitlementInfo, type FeatureInfo, type MilestoneInfo, type UsageRow, type UserInfo } from './inputs';
import type { Satisfaction } from './relationship';
import { activeUsers } from './usage';
import { lateOnboardingMilestones } from './time-to-value';

/** Feature adoption below this share of active users counts as "little used". */
const LOW_FEATURE_ADOPTION = 0.2;
/** Satisfaction 0–100 (NPS and CSAT mapped as in the health component) and proficiency 1–5 cut-offs. */
const HIGH_SATISFACTION = 70;
const LOW_SATISFACTION = 40;
const HIGH_PROFICIENCY = 4;
const LOW_PROFICIENCY = 3;

export type RecommendationKind = 'feature_not_needed' | 'revisit_training' | 'key_feature_reminder' | 'downgrade_risk' | 'escalate_onboarding';

export interface Recommendation {
  kind: RecommendationKind;
  severity: 'info' | 'warning' | 'critical';
  title: string;
  detail: string;
  users: { id: number; name: string }[];
  features: { id: number; name: string }[];
  milestones: { id: number; name: string }[];
}

export interface RecommendationInput {
  asOf: string;
  asOfDay: number;
  rows: readonly UsageRow[];
  users: readonly UserInfo[];
  features: readonly FeatureInfo[];
  /** The account's entitlements; empty means every feature is available and the catalogue's paid ones are paid for. */
  entitlements: readonly EntitlementInfo[];
  enabledKeyFeatureIds: readonly number[];
  satisfaction: Satisfaction;
  milestones: readonly MilestoneInfo[];
}

/** Satisfaction on 0–100, the way the health component maps NPS and CSAT; null without either. */
export function satisfactionLevel(s: Satisfaction): number | null {
  const parts: number[] = [];
  if (s.nps) parts.push((s.nps.value + 100) / 2);
  if (s.csat) parts.push(((s.csat.value - 1) / 4) * 100);
  return parts.length > 0 ? parts.reduce((a, b) => a + b, 0) / parts.length : null;
}

export function recommendations(input: RecommendationInput): Recommendation[] {
  const out: Recommendation[] = [];
  const w = lastDays(input.asOfDay, 30);
  const featureById = new Map(input.features.map((f) => [f.id, f]));
  const named = (f: FeatureInfo) => ({ id: f.id, name: f.name });
  const available = availableFeatures(input.features, input.entitlements).map((f) => f.id);
  const adoption = featureAdoption(input.rows, w, available);
  const level = satisfactionLevel(input.satisfaction);
  const proficiency = input.satisfaction.proficiency?.value ?? null;

  if (level !== null && proficiency !== null && level >= HIGH_SATISFACTION && proficiency >= HIGH_PROFICIENCY) {
    const little = available
      .filter((id) => (adoption.get(id) ?? 1) < LOW_FEATURE_ADOPTION)
      .map((id) => featureById.get(id))
      .filter((f): f is FeatureInfo => f !== undefined);
    if (little.length > 0) {
      out.push({
        kind: 'feature_not_needed',
        severity: 'info',
        title: 'Satisfied, proficient users barely use some features',
        detail: `Satisfaction ${Math.round(level)}/100 and proficiency ${proficiency.toFixed(1)}/5, yet fewer than ${formatPercent(LOW_FEATURE_ADOPTION)} of active users use ${little.map((f) => f.name).join(', ')}: these may not be needed — ask before pushing them.`,
        users: [],
        features: little.map(named),
        milestones: [],
      });
    }
  }
  if (level !== null && proficiency !== null && level < LOW_SATISFACTION && proficiency < LOW_PROFICIENCY) {
    out.push({
      kind: 'revisit_training',
      severity: 'warning',
      title: 'Revisit onboarding and training',
      detail: `Satisfaction ${Math.round(level)}/100 and proficiency ${proficiency.toFixed(1)}/5 are both low.`,
      users: [],
      features: [],
      milestones: [],
    });
  }

  const active = activeUsers(input.rows, w);
  const userById = new Map(input.users.map((u) => [u.id, u]));
  for (const keyId of input.enabledKeyFeatureIds) {
    const feature = featureById.get(keyId);
    if (!feature) continue;
    const usedBy = activeUsers(input.rows.filter((r) => r.featureId === keyId), w);
    const missing = [...active]
      .filter((u) => !usedBy.has(u) && userById.has(u))
      .map((u) => userById.get(u))
      .filter((u): u is UserInfo => u !== undefined)
      .sort((a, b) => userLabel(a).localeCompare(userLabel(b)));
    if (missing.length === 0) continue;
    out.push({
      kind: 'key_feature_reminder',
      severity: 'info',
      title: `Remind ${missing.length} active user${missing.length === 1 ? '' : 's'} about ${feature.name}`,
      detail: `${missing.map(userLabel).join(', ')} used the product in the last 30 days but not ${feature.name}, a key feature the account is entitled to.`,
      users: missing.map((u) => ({ id: u.id, name: userLabel(u) })),
      features: [named(feature)],
      milestones: [],
    });
  }

  const usedFeatures = new Set(input.rows.filter((r) => r.events > 0 && r.day >= w.from && r.day <= w.to).map((r) => r.featureId));
  const unusedPaid = paidFeatures(input.features, input.entitlements).filter((f) => !usedFeatures.has(f.id));
  if (unusedPaid.length > 0) {
    out.push({
      kind: 'downgrade_risk',
      severity: 'warning',
      title: 'Paid features unused: downgrade risk',
      detail: `Nobody used ${unusedPaid.map((f) => f.name).join(', ')} in the last 30 days, though the account pays for ${unusedPaid.length === 1 ? 'it' : 'them'}.`,
      users: [],
      features: unusedPaid.map(named),
      milestones: [],
    });
  }

  const late = lateOnboardingMilestones(input.milestones, input.asOf);
  if (late.length > 0) {
    out.push({
      kind: 'escalate_onboarding',
      severity: 'critical',
      title: 'Onboarding is late: escalate',
      detail: late.map((m) => `${m.name} is ${m.daysLate} days past its target`).join('; ') + '.',
      users: [],
      features: [],
      milestones: late.map((m) => ({ id: m.id, name: m.name })),
    });
  }
  return out;
}
