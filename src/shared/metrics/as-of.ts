// "As of means as of" (docs/METRICS.md, Conventions): what an account's records were on a date D. Users first seen
// after D are not known yet, milestones achieved after D are not achieved, QBRs, touchpoints, surveys and renewal
// outcomes dated after D do not exist, and a support case closed after D is still open. Every metric, health
// component, rule and recommendation reads an account's records through here, never the raw lists.
import { isoFromDayNumber } from '../dates';
import type { RenewalRecord } from './benchmarks';
import type { MilestoneInfo, QbrInfo, SurveyInfo, TouchpointInfo, UserInfo } from './inputs';

export interface DatedRecords {
  users: UserInfo[];
  milestones: MilestoneInfo[];
  qbrs: QbrInfo[];
  touchpoints: TouchpointInfo[];
  surveys: SurveyInfo[];
  renewals: RenewalRecord[];
}

/** Whether a user was known at the account on day D: seen there on or before D, or a record that carries no date. */
export function knownOn(user: Pick<UserInfo, 'firstSeenDay'>, asOfDay: number): boolean {
  return user.firstSeenDay === undefined || user.firstSeenDay === null || user.firstSeenDay <= asOfDay;
}

/** Milestones on D: one achieved after D is not achieved yet. */
export function milestonesAsOf(milestones: readonly MilestoneInfo[], asOf: string): MilestoneInfo[] {
  return milestones.map((m) => (m.achievedDate !== null && m.achievedDate > asOf ? { ...m, achievedDate: null } : m));
}

function touchpointAsOf(t: TouchpointInfo, asOf: string): TouchpointInfo {
  if (t.closedDate === null || t.closedDate <= asOf) return t;
  // Closed after D: on D the case was open and nothing about its resolution was known.
  return { ...t, caseStatus: t.kind === 'support_case' ? 'open' : t.caseStatus, closedDate: null, resolved: null, withinSla: null };
}

/** The records as they stood on day D (same object type, so callers keep their own extra fields). */
export function recordsAsOf<T extends DatedRecords>(records: T, asOfDay: number): T {
  const asOf = isoFromDayNumber(asOfDay);
  return {
    ...records,
    users: records.users.filter((u) => knownOn(u, asOfDay)),
    milestones: milestonesAsOf(records.milestones, asOf),
    qbrs: records.qbrs.filter((q) => q.date <= asOf),
    touchpoints: records.touchpoints.filter((t) => t.date <= asOf).map((t) => touchpointAsOf(t, asOf)),
    surveys: records.surveys.filter((s) => s.date <= asOf),
    renewals: records.renewals.filter((r) => r.renewalDate <= asOf),
  };
}

/**
 * The days on which an account's records change (a user first seen, a milestone achieved, a QBR, a touchpoint, a
 * case closed, a survey, a renewal): between two of them recordsAsOf gives the same answer, so a daily series
 * filters again only when it crosses one.
 */
export function recordChangeDays(records: DatedRecords, dayOf: (iso: string) => number): number[] {
  const days = new Set<number>();
  for (const u of records.users) if (u.firstSeenDay !== undefined && u.firstSeenDay !== null) days.add(u.firstSeenDay);
  for (const m of records.milestones) if (m.achievedDate !== null) days.add(dayOf(m.achievedDate));
  for (const q of records.qbrs) days.add(dayOf(q.date));
  for (const t of records.touchpoints) {
    days.add(dayOf(t.date));
    if (t.closedDate !== null) days.add(dayOf(t.closedDate));
  }
  for (const s of records.surveys) days.add(dayOf(s.date));
  for (const r of records.renewals) days.add(dayOf(r.renewalDate));
  return [...days].sort((a, b) => a - b);
}
