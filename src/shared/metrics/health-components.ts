// The six health components, each scored 0–100 from docs/METRICS.md's metrics with the facts behind it. docs/METRICS.md
// leaves the mapping from metric to score open; the choices, and why:
// - usage = license utilization ÷ usageFullAt (default 0.8), capped at 100: few accounts ever use every seat, so
//   80 % of seats in use is full marks. Without a license count, active ÷ known users is scaled the same way.
// - breadth = breadth × 100: key features used in the last 30 days ÷ key features enabled.
// - frequency = share of known users meeting their role's expected cadence × 100 (seed 003).
// - exposure = exposure share × 100: roles and departments with a user meeting cadence (seed 004).
// - relationship = mean of the parts that have data: QBR cadence (100 up to the overdue limit, falling linearly to
//   0 at twice it), QBR and campaign response rate over 365 days, support case success rate over 90 days, and the
//   touchpoint trend (touchpoints in the last 90 days ÷ the 90 before, capped at 1).
// - satisfaction = mean of NPS mapped to 0–100 ((NPS + 100) ÷ 2) and CSAT 1–5 mapped to 0–100 ((CSAT − 1) ÷ 4).
// A component without its inputs has score null and says why; it is then left out of the weighted mean.
import { dayNumber, isoFromDayNumber } from '../dates';
import type { MilestoneInfo, QbrInfo, SurveyInfo, TouchpointInfo, UserInfo } from './inputs';
import { lastDays } from './inputs';
import { lastYearResponseRate, qbrDaysSince, qbrOverdue, satisfaction, supportCaseSuccessRate, touchpointTrend } from './relationship';
import type { ComponentName, MetricsSettings } from './settings';
import { mean } from './stats';
import { formatDate, formatPercent, plural, verbFor } from '../format';
import { userCadences, usersMeetingCadence, type UserCadence } from './usage';
import { exposure, exposureShare } from './breadth';

/** Everything health reads about one account on one day: the same shape whether built from a window or rows. */
export interface HealthFacts {
  asOf: string;
  contractStart: string | null;
  licenses: number | null;
  users: readonly Pick<UserInfo, 'id' | 'role' | 'department'>[];
  /** Distinct active days per user in the last 30 days. */
  activeDays: ReadonlyMap<number, number>;
  /** Distinct active users in the last 30 days. */
  mau: number;
  /** Day number of the latest event on or before D; null when the account has no usage yet. */
  lastEventDay: number | null;
  /** Key features enabled for the account, and those used in the last 30 days. */
  keyFeatures: readonly { id: number; name: string }[];
  usedKeyFeatureIds: ReadonlySet<number>;
  qbrs: readonly QbrInfo[];
  touchpoints: readonly TouchpointInfo[];
  surveys: readonly SurveyInfo[];
  milestones: readonly MilestoneInfo[];
}

export interface ComponentScore {
  name: ComponentName;
  score: number | null;
  facts: string[];
  noDataReason: string | null;
}

const pct = (r: number) => formatPercent(r);
const clamp100 = (x: number) => Math.max(0, Math.min(100, x));
/**
 * The facts of a component scored without them (detail false) or without data: one frozen empty list shared by
 * all, since the backfill scores six components on each of hundreds of thousands of days.
 */
const NO_FACTS = Object.freeze([]) as readonly string[] as string[];
const noData = (name: ComponentName, reason: string): ComponentScore => ({ name, score: null, facts: NO_FACTS, noDataReason: reason });
const NO_USAGE = 'No usage has been imported for this account up to this date.';
const NO_USERS = 'No user of this account is known.';

function usageComponent(f: HealthFacts, s: MetricsSettings, detail: boolean): ComponentScore {
  if (f.lastEventDay === null) return noData('usage', NO_USAGE);
  if (f.licenses !== null && f.licenses > 0) {
    const u = f.mau / f.licenses;
    return {
      name: 'usage',
      score: clamp100((u / s.usageFullAt) * 100),
      facts: detail ? [`${f.mau} of ${f.licenses} licensed users active in the last 30 days (${pct(u)} license utilization; ${pct(s.usageFullAt)} or more scores 100).`] : NO_FACTS,
      noDataReason: null,
    };
  }
  if (f.users.length === 0) return noData('usage', 'Neither a license count nor any known user is on record.');
  const r = f.mau / f.users.length;
  return {
    name: 'usage',
    score: clamp100((r / s.usageFullAt) * 100),
    facts: detail ? [`${f.mau} of ${f.users.length} known users active in the last 30 days (no license count on record; ${pct(s.usageFullAt)} or more scores 100).`] : NO_FACTS,
    noDataReason: null,
  };
}

function breadthComponent(f: HealthFacts, detail: boolean): ComponentScore {
  if (f.lastEventDay === null) return noData('breadth', NO_USAGE);
  if (f.keyFeatures.length === 0) return noData('breadth', 'No key feature is enabled for this account (mark key features in Settings).');
  const used = f.keyFeatures.filter((k) => f.usedKeyFeatureIds.has(k.id));
  if (!detail) return { name: 'breadth', score: (used.length / f.keyFeatures.length) * 100, facts: NO_FACTS, noDataReason: null };
  const unused = f.keyFeatures.filter((k) => !f.usedKeyFeatureIds.has(k.id));
  const facts = [`${used.length} of ${plural(f.keyFeatures.length, 'key feature')} used in the last 30 days.`];
  if (unused.length > 0) facts.push(`Not used: ${unused.map((k) => k.name).join(', ')}.`);
  return { name: 'breadth', score: (used.length / f.keyFeatures.length) * 100, facts, noDataReason: null };
}

/** The users' cadences (detail only; empty otherwise) and the ids of those meeting theirs. */
interface Cadences {
  all: readonly UserCadence[];
  meeting: readonly number[];
}

function frequencyComponent(f: HealthFacts, s: MetricsSettings, cadences: Cadences, detail: boolean): ComponentScore {
  if (f.lastEventDay === null) return noData('frequency', NO_USAGE);
  if (f.users.length === 0) return noData('frequency', 'No user of this account is known.');
  const meets = cadences.meeting.length;
  if (!detail) return { name: 'frequency', score: (meets / f.users.length) * 100, facts: NO_FACTS, noDataReason: null };
  const expected = (['end_user', 'manager', 'executive', 'admin'] as const)
    .filter((r) => f.users.some((u) => u.role === r))
    .map((r) => `${r.replace('_', ' ')}s ${s.roleCadence[r]}`);
  return {
    name: 'frequency',
    score: (meets / f.users.length) * 100,
    facts: [
      `${meets} of ${plural(f.users.length, 'user')} ${verbFor(meets, 'meets', 'meet')} their role's expected cadence in the last 30 days (${expected.join(', ')}).`,
    ],
    noDataReason: null,
  };
}

function exposureComponent(f: HealthFacts, cadences: Cadences, detail: boolean): ComponentScore {
  if (f.lastEventDay === null) return noData('exposure', NO_USAGE);
  if (!detail) {
    const share = exposureShare(f.users, cadences.meeting);
    return share === null ? noData('exposure', NO_USERS) : { name: 'exposure', score: share * 100, facts: NO_FACTS, noDataReason: null };
  }
  const e = exposure(f.users, cadences.all);
  if (e.share === null) return noData('exposure', NO_USERS);
  const rolesCovered = e.roles.filter((r) => r.covered).length;
  const deptCovered = e.departments.filter((d) => d.covered).length;
  const facts = [
    `${rolesCovered} of ${plural(e.roles.length, 'role')}` +
      (e.departments.length > 0 ? ` and ${deptCovered} of ${plural(e.departments.length, 'department')}` : '') +
      ` ${e.departments.length > 0 ? 'have' : verbFor(rolesCovered, 'has', 'have')} a user meeting cadence.`,
  ];
  const missing = [...e.roles, ...e.departments].filter((c) => !c.covered).map((c) => c.name.replace('_', ' '));
  if (missing.length > 0) facts.push(`Not reached: ${missing.join(', ')}.`);
  return { name: 'exposure', score: e.share * 100, facts, noDataReason: null };
}

function relationshipComponent(f: HealthFacts, s: MetricsSettings, detail: boolean): ComponentScore {
  const parts: number[] = [];
  const facts: string[] = detail ? [] : NO_FACTS;
  const days = qbrDaysSince(f.qbrs, f.asOf);
  const limit = s.qbrOverdueDays;
  if (days !== null) {
    parts.push(days <= limit ? 100 : clamp100(100 * (1 - (days - limit) / limit)));
    if (detail) facts.push(`Last QBR ${plural(days, 'day')} ago (overdue after ${limit}).`);
  } else if (qbrOverdue(null, f.contractStart, f.asOf, limit)) {
    parts.push(0);
    if (detail) facts.push(`No QBR held since the contract started (overdue after ${limit} days).`);
  }
  const responses = lastYearResponseRate(f.qbrs, f.touchpoints, f.asOf);
  if (responses.rate !== null) {
    parts.push(responses.rate * 100);
    if (detail) facts.push(`${responses.responded} of ${plural(responses.invited, 'QBR invitation and campaign', 'QBR invitations and campaigns')} got a response in the last 365 days.`);
  }
  const asOfDay = dayNumber(f.asOf);
  const support = supportCaseSuccessRate(f.touchpoints, lastDays(asOfDay, 90));
  if (support.rate !== null) {
    parts.push(support.rate * 100);
    if (detail) facts.push(`${support.succeeded} of ${plural(support.closed, 'support case')} closed in the last 90 days resolved (within SLA where set).`);
  }
  const trend = touchpointTrend(f.touchpoints, asOfDay, 90);
  if (trend.previous > 0 || trend.current > 0) {
    parts.push(trend.previous > 0 ? Math.min(1, trend.current / trend.previous) * 100 : 100);
    if (detail) facts.push(`${plural(trend.current, 'touchpoint')} in the last 90 days, ${trend.previous} in the 90 before (${trend.lastYear} a year earlier).`);
  }
  const score = mean(parts);
  if (score === null) return noData('relationship', 'No QBR, campaign, support case or touchpoint is on record.');
  return { name: 'relationship', score, facts, noDataReason: null };
}

function satisfactionComponent(f: HealthFacts, detail: boolean): ComponentScore {
  const { nps, csat, proficiency } = satisfaction(f.surveys, f.asOf);
  const parts: number[] = [];
  const facts: string[] = detail ? [] : NO_FACTS;
  if (nps) {
    parts.push((nps.value + 100) / 2);
    if (detail) facts.push(`NPS ${Math.round(nps.value)} from ${plural(nps.responses, 'answer')} (latest ${formatDate(nps.date)}).`);
  }
  if (csat) {
    parts.push(clamp100(((csat.value - 1) / 4) * 100));
    if (detail) facts.push(`CSAT ${csat.value.toFixed(1)} of 5 from ${plural(csat.responses, 'answer')} (latest ${formatDate(csat.date)}).`);
  }
  if (proficiency) {
    if (detail) facts.push(`Proficiency ${proficiency.value.toFixed(1)} of 5 (shown, not scored).`);
  }
  const score = mean(parts);
  if (score === null) return noData('satisfaction', 'No NPS or CSAT survey answer is on record.');
  return { name: 'satisfaction', score, facts, noDataReason: null };
}

/**
 * The six components. detail false: the same scores without the facts' text (left empty), for the backfill of a
 * history that stores only the numbers.
 */
export function componentScores(f: HealthFacts, s: MetricsSettings, detail = true): ComponentScore[] {
  // Frequency and exposure both read the users' cadences (neither does without usage); without the facts' text,
  // only who meets theirs.
  const all = detail && f.lastEventDay !== null ? userCadences(f.users, f.activeDays, s) : [];
  const meeting = f.lastEventDay === null ? [] : detail ? all.filter((c) => c.meets).map((c) => c.userId) : usersMeetingCadence(f.users, f.activeDays, s);
  const cadences: Cadences = { all, meeting };
  return [
    usageComponent(f, s, detail),
    breadthComponent(f, detail),
    frequencyComponent(f, s, cadences, detail),
    exposureComponent(f, cadences, detail),
    relationshipComponent(f, s, detail),
    satisfactionComponent(f, detail),
  ];
}

/** "last on 2026-10-01": the date of a day number, for facts. */
export function dateOfDay(day: number): string {
  return isoFromDayNumber(day);
}
