// "As of means as of" (docs/METRICS.md, Conventions): what an account's records were on a date D. Users first seen
// after D are not known yet, milestones achieved after D are not achieved, QBRs, touchpoints, surveys and renewal
// outcomes dated after D do not exist, and a support case closed after D is still open. Every metric, health
// component, rule and recommendation reads an account's records through here, never the raw lists.
import { isoFromDayNumber } from '../dates';
import { isRetained, type RenewalRecord } from './benchmarks';
import type { MilestoneInfo, QbrInfo, SurveyInfo, TouchpointInfo, UserInfo } from './inputs';

export interface DatedRecords {
  users: UserInfo[];
  milestones: MilestoneInfo[];
  qbrs: QbrInfo[];
  touchpoints: TouchpointInfo[];
  surveys: SurveyInfo[];
  renewals: RenewalRecord[];
  /** The account itself, when the records carry it: its term is taken as of D too (termAsOf). */
  account?: Term;
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

export interface Term {
  contractStart: string | null;
  renewalDate: string | null;
}

/**
 * The account's term on D. Recording a kept customer's outcome rolls the contract start, renewal date and ARR on,
 * and the outcome keeps the term it replaced: before the earliest outcome that rolled the term, the account had
 * that outcome's term. A kept customer's outcome that rolled nothing (the CRM export already showed the next term)
 * still says a term ended on its date: before it, that was the renewal date, and a contract start after D is not
 * known. The outcome's own day already has it (recordsAsOf keeps outcomes dated on or before D).
 */
export function termAsOf<T extends Term & { arrMinor?: number | null }>(current: T, renewals: readonly RenewalRecord[], asOf: string): T {
  let earliest: RenewalRecord | null = null;
  for (const r of renewals) {
    if (r.renewalDate <= asOf || (earliest !== null && r.renewalDate >= earliest.renewalDate)) continue;
    const endedUnrolled = !r.termBefore && isRetained(r.outcome) && current.renewalDate !== null && r.renewalDate < current.renewalDate;
    if (r.termBefore || endedUnrolled) earliest = r;
  }
  if (earliest === null) return current;
  const before = earliest.termBefore;
  if (!before) {
    const start = current.contractStart !== null && current.contractStart <= asOf ? current.contractStart : null;
    return { ...current, contractStart: start, renewalDate: earliest.renewalDate };
  }
  const arr = 'arrMinor' in current && before.arrMinor !== undefined ? { arrMinor: before.arrMinor } : {};
  return { ...current, contractStart: before.contractStart, renewalDate: before.renewalDate, ...arr };
}

/** The start of the account's first term on record: before any renewal rolled it on. */
export function firstContractStart(current: Term, renewals: readonly RenewalRecord[]): string | null {
  let first: RenewalRecord | null = null;
  for (const r of renewals) if (r.termBefore && (first === null || r.renewalDate < first.renewalDate)) first = r;
  return first?.termBefore ? first.termBefore.contractStart : current.contractStart;
}

/** The records as they stood on day D (same object type, so callers keep their own extra fields). */
export function recordsAsOf<T extends DatedRecords>(records: T, asOfDay: number): T {
  const asOf = isoFromDayNumber(asOfDay);
  return {
    ...records,
    ...(records.account ? { account: termAsOf(records.account, records.renewals, asOf) } : {}),
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
