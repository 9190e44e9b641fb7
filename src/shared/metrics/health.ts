// Health score (docs/METRICS.md, Health): the weighted mean of the component scores (usage 30, breadth 20, frequency
// 15, exposure 10, relationship 15, satisfaction 10 by default); a component with no data is left out and the other
// weights rescaled. Status green ≥ 70, yellow 40–69, red < 40, then rules cap or force it, each with its reason.
// Every result carries its explanation, and the contributions add up to the score exactly (in tenths).
import { dayNumber } from '../dates';
import { formatDate, plural } from '../format';
import { componentScores, dateOfDay, type ComponentScore, type HealthFacts } from './health-components';
import { qbrDaysSince, qbrOverdue, openSupportCases } from './relationship';
import { COMPONENT_LABELS, COMPONENT_NAMES, type ComponentName, type HealthRule, type MetricsSettings, type RuleEffect } from './settings';
import { lateOnboardingMilestones } from './time-to-value';

export type HealthStatus = 'green' | 'yellow' | 'red';

export interface ExplainedComponent extends ComponentScore {
  label: string;
  /** The configured weight (e.g. 30). */
  weight: number;
  /** The weight's share among the components that have data (0–1); null when left out. */
  share: number | null;
  /** Points this component adds to the score; null when left out. The contributions sum to the score. */
  contribution: number | null;
}

export interface FiredRule {
  id: string;
  kind: HealthRule['kind'];
  effect: RuleEffect;
  reason: string;
}

export interface HealthResult {
  score: number | null;
  /** The status after rules; null when no component has data and no rule forces one. */
  status: HealthStatus | null;
  /** The status from the score alone, before rules. */
  scoreStatus: HealthStatus | null;
  components: ExplainedComponent[];
  leftOut: ComponentName[];
  rules: FiredRule[];
}

const RANK: Record<HealthStatus, number> = { red: 0, yellow: 1, green: 2 };

export function statusOf(score: number | null, thresholds: MetricsSettings['thresholds']): HealthStatus | null {
  if (score === null) return null;
  if (score >= thresholds.green) return 'green';
  if (score >= thresholds.yellow) return 'yellow';
  return 'red';
}

const tenths = (x: number) => Math.round(x * 10) / 10;

/** The sum of the weights of the components with data. */
function weightTotal(components: readonly { name: ComponentName; score: number | null }[], weights: MetricsSettings['weights']): number {
  let total = 0;
  for (const c of components) if (c.score !== null && weights[c.name] > 0) total += weights[c.name];
  return total;
}

/** The weighted mean in whole tenths (total: weightTotal's, > 0): combine's score × 10, nothing else. */
function combinedTenths(components: readonly { name: ComponentName; score: number | null }[], weights: MetricsSettings['weights'], total: number): number {
  let sum = 0;
  for (const c of components) {
    const w = weights[c.name];
    if (c.score !== null && w > 0) sum += (c.score * w * 10) / total;
  }
  return Math.round(sum);
}

/**
 * combine's score alone, in whole tenths (null without a weighted component with data): what a re-score of the
 * stored history needs, row by row, without the explanation's allocations.
 */
export function combinedScoreTenths(components: readonly { name: ComponentName; score: number | null }[], weights: MetricsSettings['weights']): number | null {
  const total = weightTotal(components, weights);
  return total > 0 ? combinedTenths(components, weights, total) : null;
}

/**
 * The weighted mean of the components with data, in tenths, and each one's contribution in tenths, apportioned by
 * largest remainder so that the shown contributions add up to the shown score. Plain loops: the portfolio list
 * re-explains 2,000 snapshots per call.
 */
export function combine(
  components: readonly { name: ComponentName; score: number | null }[],
  weights: MetricsSettings['weights'],
): { score: number | null; shares: Partial<Record<ComponentName, number>>; contributions: Partial<Record<ComponentName, number>> } {
  const total = weightTotal(components, weights);
  const shares: Partial<Record<ComponentName, number>> = {};
  const contributions: Partial<Record<ComponentName, number>> = {};
  if (total <= 0) return { score: null, shares, contributions };
  const names: ComponentName[] = [];
  const exact: number[] = [];
  const floors: number[] = [];
  let floorSum = 0;
  for (const c of components) {
    const w = weights[c.name];
    if (c.score === null || !(w > 0)) continue;
    const t = (c.score * w * 10) / total;
    const f = Math.floor(t + 1e-9);
    names.push(c.name);
    exact.push(t);
    floors.push(f);
    shares[c.name] = w / total;
    floorSum += f;
  }
  const scoreTenths = combinedTenths(components, weights, total);
  // Hand out the tenths lost to flooring, one each, to the largest remainders (a bumped one's is then negative).
  for (let r = scoreTenths - floorSum; r > 0; r--) {
    let best = 0;
    for (let i = 1; i < names.length; i++) if (exact[i] - floors[i] > exact[best] - floors[best]) best = i;
    floors[best] += 1;
  }
  for (let i = 0; i < names.length; i++) contributions[names[i]] = floors[i] / 10;
  return { score: scoreTenths / 10, shares, contributions };
}

/** A rule that fired, with its reason when detail is asked for (else an empty one). */
function firing(rule: HealthRule, detail: boolean, reason: () => string): FiredRule {
  return { id: rule.id, kind: rule.kind, effect: rule.effect, reason: detail ? reason() : '' };
}

/** The enabled rules that fire for these facts, each with a reason a CSM can read (detail false: reasons left empty). */
export function evaluateRules(f: HealthFacts, s: MetricsSettings, detail = true): FiredRule[] {
  const fired: FiredRule[] = [];
  const asOfDay = dayNumber(f.asOf);
  for (const rule of s.rules) {
    if (!rule.enabled) continue;
    switch (rule.kind) {
      case 'no_usage': {
        // Only an account with usage history can fall silent; one never imported has usage "no data" instead.
        const last = f.lastEventDay;
        if (last !== null && asOfDay - last >= rule.days) {
          fired.push(firing(rule, detail, () => `No event in the last ${rule.days} days (last on ${formatDate(dateOfDay(last))}).`));
        }
        break;
      }
      case 'open_support_case': {
        const old = openSupportCases(f.touchpoints, f.asOf).filter((c) => c.ageDays > rule.days);
        if (old.length > 0) fired.push(firing(rule, detail, () => `Support case "${old[0].title}" open for ${old[0].ageDays} days (more than ${rule.days}).`));
        break;
      }
      case 'qbr_overdue': {
        const days = qbrDaysSince(f.qbrs, f.asOf);
        if (qbrOverdue(days, f.contractStart, f.asOf, s.qbrOverdueDays)) {
          fired.push(firing(rule, detail, () => (days === null ? 'No QBR held yet.' : `Last QBR ${plural(days, 'day')} ago (overdue after ${s.qbrOverdueDays}).`)));
        }
        break;
      }
      case 'onboarding_late': {
        const late = lateOnboardingMilestones(f.milestones, f.asOf);
        if (late.length > 0) fired.push(firing(rule, detail, () => `Onboarding milestone "${late[0].name}" is ${late[0].daysLate} days late.`));
        break;
      }
    }
  }
  return fired;
}

/** Applies fired rules: a force to red wins; then a force to yellow; caps lower the status, never raise it. */
export function applyRules(status: HealthStatus | null, rules: readonly FiredRule[]): HealthStatus | null {
  if (rules.some((r) => r.effect === 'force_red')) return 'red';
  if (rules.some((r) => r.effect === 'force_yellow')) return 'yellow';
  if (status !== null && rules.some((r) => r.effect === 'cap_yellow') && RANK[status] > RANK.yellow) return 'yellow';
  return status;
}

/** Health for one account on one day, with its full explanation. */
export function computeHealth(f: HealthFacts, s: MetricsSettings): HealthResult {
  const { components, rules } = scoredInputs(f, s, true);
  return explain(components, s, rules);
}

/** The numbers of computeHealth alone: score, status, the component scores (in tenths) and the rules that fired. */
export interface HealthScores {
  score: number | null;
  status: HealthStatus | null;
  /** In COMPONENT_NAMES order, without facts. */
  components: readonly ComponentScore[];
  /** Without reasons. */
  rules: readonly FiredRule[];
}

/**
 * computeHealth's numbers without its explanation (no fact, reason or contribution text is built): the backfill of
 * a history, which stores only the numbers, scores a year of days per account with it.
 */
export function healthScores(f: HealthFacts, s: MetricsSettings): HealthScores {
  const { components, rules } = scoredInputs(f, s, false);
  const tenthsOfScore = combinedScoreTenths(components, s.weights);
  const score = tenthsOfScore === null ? null : tenthsOfScore / 10;
  return { score, status: applyRules(statusOf(score, s.thresholds), rules), components, rules };
}

/** The component scores rounded to tenths (what is shown and stored) and the rules that fire. */
function scoredInputs(f: HealthFacts, s: MetricsSettings, detail: boolean): { components: ComponentScore[]; rules: FiredRule[] } {
  const components = componentScores(f, s, detail);
  for (const c of components) if (c.score !== null) c.score = tenths(c.score);
  return { components, rules: evaluateRules(f, s, detail) };
}

/** Builds the explained result from component scores (also used to re-explain a stored snapshot). */
export function explain(components: readonly ComponentScore[], s: MetricsSettings, rules: readonly FiredRule[]): HealthResult {
  const { score, shares, contributions } = combine(components, s.weights);
  // The same status as healthScores gives.
  const scoreStatus = statusOf(score, s.thresholds);
  const explained: ExplainedComponent[] = [];
  const leftOut: ComponentName[] = [];
  for (const name of COMPONENT_NAMES) {
    const c = components.find((x) => x.name === name);
    const weight = s.weights[name];
    const share = shares[name] ?? null;
    const contribution = contributions[name] ?? null;
    const score = c?.score ?? null;
    const reason = score !== null && weight <= 0 ? 'Its weight is 0 in Settings.' : (c?.noDataReason ?? 'Not computed.');
    if (contribution === null) leftOut.push(name);
    explained.push({
      name,
      score,
      facts: c?.facts ?? [],
      noDataReason: contribution === null ? reason : null,
      label: COMPONENT_LABELS[name],
      weight,
      share,
      contribution,
    });
  }
  return { score, status: applyRules(scoreStatus, rules), scoreStatus, components: explained, leftOut, rules: [...rules] };
}
