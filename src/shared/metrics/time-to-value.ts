// Time to value and onboarding family (docs/METRICS.md): TTV milestones and their lateness, TTFV/TTV in days,
// time-to-onboard KPI per cohort, early warnings and the continuous adoption curve. Journey stage is in journey.ts.
import { formatPercent } from '../format';
import { dayNumber, daysBetween } from '../dates';
import { inWindow, type MilestoneInfo, type MilestoneKind, type TouchpointInfo, type UsageRow } from './inputs';
import type { MetricsSettings } from './settings';
import { slope } from './stats';

/** The achieved date of the account's milestone of this kind, if achieved on or before D. */
function achievedOn(milestones: readonly MilestoneInfo[], kind: MilestoneKind, asOf: string): string | null {
  const dates = milestones
    .filter((m) => m.kind === kind && m.achievedDate !== null && m.achievedDate <= asOf)
    .map((m) => m.achievedDate ?? '')
    .sort();
  return dates[0] ?? null;
}

/**
 * TTFV / TTV (seeds 001, 003): achieved date of the value milestone − contract start, in days; basic value and
 * exceeded value separately. Null until achieved, or without a contract start.
 */
export function timeToValueDays(
  contractStart: string | null,
  milestones: readonly MilestoneInfo[],
  kind: 'basic_value' | 'exceeded_value' | 'onboarding_complete' | 'first_key_action',
  asOf: string,
): number | null {
  const achieved = achievedOn(milestones, kind, asOf);
  if (!contractStart || !achieved) return null;
  return daysBetween(contractStart, achieved);
}

export type MilestoneState = 'achieved' | 'achieved_late' | 'late' | 'due' | 'no_target';

export interface MilestoneStatus {
  id: number;
  kind: MilestoneKind;
  name: string;
  state: MilestoneState;
  /** Days past the target: achieved − target when achieved late, D − target when still open and late. */
  daysLate: number | null;
}

/** TTV milestones (seed 003): each has a target date and an achieved date; late = past target, not achieved. */
export function milestoneStatus(m: MilestoneInfo, asOf: string): MilestoneStatus {
  const achieved = m.achievedDate !== null && m.achievedDate <= asOf ? m.achievedDate : null;
  const base = { id: m.id, kind: m.kind, name: m.name };
  if (achieved) {
    const late = m.targetDate !== null ? daysBetween(m.targetDate, achieved) : null;
    return late !== null && late > 0 ? { ...base, state: 'achieved_late', daysLate: late } : { ...base, state: 'achieved', daysLate: null };
  }
  if (m.targetDate === null) return { ...base, state: 'no_target', daysLate: null };
  const late = daysBetween(m.targetDate, asOf);
  return late > 0 ? { ...base, state: 'late', daysLate: late } : { ...base, state: 'due', daysLate: null };
}

const ONBOARDING_KINDS: ReadonlySet<MilestoneKind> = new Set(['kickoff', 'onboarding_complete', 'first_key_action']);

/** Onboarding milestones still open past their target (seed 003: "onboarding late" → escalate). */
export function lateOnboardingMilestones(milestones: readonly MilestoneInfo[], asOf: string): MilestoneStatus[] {
  return milestones
    .filter((m) => ONBOARDING_KINDS.has(m.kind))
    .map((m) => milestoneStatus(m, asOf))
    .filter((s) => s.state === 'late');
}

export interface OnboardCohort {
  cohort: string;
  onboarded: number;
  withinExpected: number;
  rate: number | null;
}

/** Calendar quarter of a date, "2026-Q1": the cohort an account belongs to by contract start. */
export function quarterOf(isoDate: string): string {
  return `${isoDate.slice(0, 4)}-Q${Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * Time to onboard KPI (seed 003): customers who completed onboarding within the expected days ÷ all customers
 * onboarded, per cohort (quarter of contract start). A cohort where nobody has onboarded yet has rate null.
 */
export function timeToOnboardKpi(
  accounts: readonly { contractStart: string | null; onboardedDate: string | null }[],
  expectedDays: number,
  asOf: string,
): OnboardCohort[] {
  const cohorts = new Map<string, OnboardCohort>();
  for (const a of accounts) {
    if (!a.contractStart || a.contractStart > asOf) continue;
    const key = quarterOf(a.contractStart);
    const c = cohorts.get(key) ?? { cohort: key, onboarded: 0, withinExpected: 0, rate: null };
    if (a.onboardedDate !== null && a.onboardedDate <= asOf) {
      c.onboarded += 1;
      if (daysBetween(a.contractStart, a.onboardedDate) <= expectedDays) c.withinExpected += 1;
    }
    c.rate = c.onboarded > 0 ? c.withinExpected / c.onboarded : null;
    cohorts.set(key, c);
  }
  return [...cohorts.values()].sort((a, b) => a.cohort.localeCompare(b.cohort));
}

export interface EarlyWarning {
  kind: 'early_support_cases' | 'low_onboarding_usage';
  message: string;
}

/**
 * Early warnings (seed 003): more support cases opened in the first 30 days than the threshold; license
 * utilization below the threshold while in the onboarding stage.
 */
export function earlyWarnings(
  input: {
    contractStart: string | null;
    touchpoints: readonly Pick<TouchpointInfo, 'kind' | 'date'>[];
    stage: string | null;
    licenseUtilization: number | null;
    asOf: string;
  },
  settings: Pick<MetricsSettings, 'earlySupportCases' | 'earlyLowUtilization'>,
): EarlyWarning[] {
  const warnings: EarlyWarning[] = [];
  if (input.contractStart && input.contractStart <= input.asOf) {
    const start = dayNumber(input.contractStart);
    const first30 = { from: start, to: Math.min(start + 29, dayNumber(input.asOf)) };
    const cases = input.touchpoints.filter((t) => t.kind === 'support_case' && inWindow(dayNumber(t.date), first30)).length;
    if (cases > settings.earlySupportCases) {
      warnings.push({
        kind: 'early_support_cases',
        message: `${cases} support cases opened in the first 30 days (more than ${settings.earlySupportCases}).`,
      });
    }
  }
  if (input.stage === 'onboarding' && input.licenseUtilization !== null && input.licenseUtilization < settings.earlyLowUtilization) {
    warnings.push({
      kind: 'low_onboarding_usage',
      message: `Only ${formatPercent(input.licenseUtilization)} of licenses in use during onboarding (below ${formatPercent(settings.earlyLowUtilization)}).`,
    });
  }
  return warnings;
}

export interface AdoptionMonth {
  /** Lifecycle month: 0 = the first 30 days after contract start. */
  month: number;
  activeUsers: number;
  featuresUsed: number;
  /** False for the month D falls in, which has not ended yet. */
  complete: boolean;
}

/**
 * Continuous adoption (seed 003): per lifecycle month (30-day blocks from contract start), active users and
 * features used — the adoption curve — and the slope of active users per month over the complete months.
 */
export function continuousAdoption(
  rows: readonly UsageRow[],
  contractStart: string | null,
  asOfDay: number,
): { months: AdoptionMonth[]; slope: number | null } {
  if (!contractStart) return { months: [], slope: null };
  const start = dayNumber(contractStart);
  if (asOfDay < start) return { months: [], slope: null };
  const count = Math.floor((asOfDay - start) / 30) + 1;
  const users = Array.from({ length: count }, () => new Set<number>());
  const features = Array.from({ length: count }, () => new Set<number>());
  for (const r of rows) {
    if (r.events <= 0 || r.day < start || r.day > asOfDay) continue;
    const m = Math.floor((r.day - start) / 30);
    users[m].add(r.userId);
    if (r.featureId !== 0) features[m].add(r.featureId);
  }
  const months = users.map((u, m) => ({
    month: m,
    activeUsers: u.size,
    featuresUsed: features[m].size,
    complete: start + 30 * m + 29 <= asOfDay,
  }));
  return { months, slope: slope(months.filter((m) => m.complete).map((m) => m.activeUsers)) };
}
