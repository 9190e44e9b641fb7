// Relationship family (docs/METRICS.md, "is the relationship positive and trusted?", seeds 000 and 002): QBR cadence,
// QBR and campaign response, support case success rate, touchpoint trend, satisfaction and proficiency.
import { addDays, dayNumber, daysBetween } from '../dates';
import { inWindow, lastDays, type DayWindow, type QbrInfo, type SurveyInfo, type TouchpointInfo } from './inputs';
import { mean } from './stats';
import { quarterOf } from './time-to-value';

/** QBR cadence (seed 000): days since the last QBR held on or before D; null when none was. */
export function qbrDaysSince(qbrs: readonly Pick<QbrInfo, 'date'>[], asOf: string): number | null {
  let last: string | null = null;
  for (const q of qbrs) if (q.date <= asOf && (last === null || q.date > last)) last = q.date;
  return last === null ? null : daysBetween(last, asOf);
}

/**
 * Overdue after N days since the last QBR (setting, default 90). With no QBR at all, overdue once the contract is
 * older than N days; null when neither a QBR nor a contract start says anything.
 */
export function qbrOverdue(daysSince: number | null, contractStart: string | null, asOf: string, overdueDays: number): boolean | null {
  if (daysSince !== null) return daysSince > overdueDays;
  if (!contractStart) return null;
  return daysBetween(contractStart, asOf) > overdueDays;
}

export interface ResponseRate {
  period: string;
  invited: number;
  responded: number;
  rate: number | null;
}

/**
 * QBR and campaign response (seed 000): share of QBR invitations and campaigns that got a customer response, per
 * calendar quarter, and over the last 365 days. A QBR counts as answered unless its response is "none".
 */
export function responseRates(
  qbrs: readonly QbrInfo[],
  touchpoints: readonly Pick<TouchpointInfo, 'kind' | 'date' | 'responded'>[],
  asOf: string,
): { quarters: ResponseRate[]; lastYear: ResponseRate } {
  const items = responseItems(qbrs, touchpoints, asOf);
  const byQuarter = new Map<string, ResponseItem[]>();
  for (const i of items) byQuarter.set(quarterOf(i.date), [...(byQuarter.get(quarterOf(i.date)) ?? []), i]);
  const quarters = [...byQuarter].sort(([a], [b]) => a.localeCompare(b)).map(([q, list]) => tally(q, list));
  return { quarters, lastYear: lastYearOf(items, asOf) };
}

/**
 * responseRates(…).lastYear alone (health's relationship reads no quarter), counted in one pass without a list:
 * the backfill asks it for every day of a year.
 */
export function lastYearResponseRate(
  qbrs: readonly QbrInfo[],
  touchpoints: readonly Pick<TouchpointInfo, 'kind' | 'date' | 'responded'>[],
  asOf: string,
): ResponseRate {
  const from = addDays(asOf, -364);
  let invited = 0;
  let responded = 0;
  for (const q of qbrs) {
    if (q.date > asOf || q.date < from) continue;
    invited++;
    if (q.customerResponse !== 'none') responded++;
  }
  for (const t of touchpoints) {
    if (t.kind !== 'campaign' || t.date > asOf || t.date < from) continue;
    invited++;
    if (t.responded === true) responded++;
  }
  return { period: 'last 365 days', invited, responded, rate: invited > 0 ? responded / invited : null };
}

interface ResponseItem {
  date: string;
  responded: boolean;
}

/** The QBR invitations and campaigns up to D, each answered or not. */
function responseItems(
  qbrs: readonly QbrInfo[],
  touchpoints: readonly Pick<TouchpointInfo, 'kind' | 'date' | 'responded'>[],
  asOf: string,
): ResponseItem[] {
  return [
    ...qbrs.map((q) => ({ date: q.date, responded: q.customerResponse !== 'none' })),
    ...touchpoints.filter((t) => t.kind === 'campaign').map((t) => ({ date: t.date, responded: t.responded === true })),
  ].filter((i) => i.date <= asOf);
}

function tally(period: string, list: readonly ResponseItem[]): ResponseRate {
  const responded = list.filter((i) => i.responded).length;
  return { period, invited: list.length, responded, rate: list.length > 0 ? responded / list.length : null };
}

function lastYearOf(items: readonly ResponseItem[], asOf: string): ResponseRate {
  const from = addDays(asOf, -364);
  return tally('last 365 days', items.filter((i) => i.date >= from));
}

export interface SupportSuccess {
  closed: number;
  succeeded: number;
  rate: number | null;
}

/**
 * Support case success rate (seed 000) = cases resolved (within SLA where one is set) ÷ cases closed in P.
 * withinSla null means no SLA was set, so only resolution counts.
 */
export function supportCaseSuccessRate(touchpoints: readonly TouchpointInfo[], w: DayWindow): SupportSuccess {
  const closed = touchpoints.filter(
    (t) => t.kind === 'support_case' && t.caseStatus === 'closed' && t.closedDate !== null && inWindow(dayNumber(t.closedDate), w),
  );
  const succeeded = closed.filter((t) => t.resolved === true && t.withinSla !== false).length;
  return { closed: closed.length, succeeded, rate: closed.length > 0 ? succeeded / closed.length : null };
}

/** Support cases open on D (opened on or before D, not closed by D), oldest first, with their age in days. */
export function openSupportCases(touchpoints: readonly TouchpointInfo[], asOf: string): { title: string; ageDays: number }[] {
  return touchpoints
    .filter((t) => t.kind === 'support_case' && t.date <= asOf)
    // A case closed after D was still open on D; without a closed date, its status says.
    .filter((t) => (t.closedDate !== null ? t.closedDate > asOf : t.caseStatus === 'open'))
    .map((t) => ({ title: t.title, ageDays: daysBetween(t.date, asOf) }))
    .sort((a, b) => b.ageDays - a.ageDays);
}

export interface TouchpointTrend {
  days: number;
  current: number;
  previous: number;
  lastYear: number;
}

/**
 * Touchpoint trend (seed 000): logged touchpoints (calls, emails, meetings, campaigns; support cases are the
 * customer's, not the CSM's) in the last N days versus the N days before, and versus the same days a year earlier.
 */
export function touchpointTrend(touchpoints: readonly Pick<TouchpointInfo, 'kind' | 'date'>[], asOfDay: number, days = 90): TouchpointTrend {
  const current = lastDays(asOfDay, days);
  const previous = lastDays(asOfDay - days, days);
  const lastYear = lastDays(asOfDay - 365, days);
  const counts = { current: 0, previous: 0, lastYear: 0 };
  for (const t of touchpoints) {
    if (t.kind === 'support_case') continue;
    const d = dayNumber(t.date);
    if (inWindow(d, current)) counts.current += 1;
    else if (inWindow(d, previous)) counts.previous += 1;
    if (inWindow(d, lastYear)) counts.lastYear += 1;
  }
  return { days, ...counts };
}

export interface SurveyScore {
  value: number;
  responses: number;
  date: string;
}

export interface Satisfaction {
  /** Net Promoter Score, −100…100. */
  nps: SurveyScore | null;
  /** Mean CSAT on its 1–5 scale. */
  csat: SurveyScore | null;
  /** Mean proficiency, 1–5. */
  proficiency: SurveyScore | null;
}

/**
 * Satisfaction and proficiency (seed 002): the latest survey round of each kind (answers within roundDays before
 * the latest answer on or before D). NPS from 0–10 answers = % promoters (9–10) − % detractors (0–6); a round with
 * only account-level scores outside 0–10 is taken as an NPS already computed, and averaged.
 */
export function satisfaction(surveys: readonly SurveyInfo[], asOf: string, roundDays = 90): Satisfaction {
  const npsRound = latestRound(surveys, 'nps', asOf, roundDays);
  let nps: SurveyScore | null = null;
  if (npsRound) {
    const answers = npsRound.answers.filter((a) => a >= 0 && a <= 10);
    const value =
      answers.length > 0
        ? ((answers.filter((a) => a >= 9).length - answers.filter((a) => a <= 6).length) / answers.length) * 100
        : (mean(npsRound.answers) ?? 0);
    nps = { value: Math.max(-100, Math.min(100, value)), responses: npsRound.answers.length, date: npsRound.date };
  }
  return { nps, csat: meanOfRound(latestRound(surveys, 'csat', asOf, roundDays)), proficiency: meanOfRound(latestRound(surveys, 'proficiency', asOf, roundDays)) };
}

/** The latest round of a kind: the answers within roundDays before its latest answer on or before D. */
function latestRound(surveys: readonly SurveyInfo[], kind: SurveyInfo['kind'], asOf: string, roundDays: number): { date: string; answers: number[] } | null {
  const list = surveys.filter((s) => s.kind === kind && s.date <= asOf);
  if (list.length === 0) return null;
  const latest = list.reduce((m, s) => (s.date > m ? s.date : m), list[0].date);
  const from = addDays(latest, -(roundDays - 1));
  return { date: latest, answers: list.filter((s) => s.date >= from).map((s) => s.score) };
}

function meanOfRound(round: { date: string; answers: number[] } | null): SurveyScore | null {
  return round ? { value: mean(round.answers) ?? 0, responses: round.answers.length, date: round.date } : null;
}
