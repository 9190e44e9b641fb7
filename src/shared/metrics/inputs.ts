// The plain data every metric reads: what the services load from the store, already shaped, with no SQL and no
// clock. Days are integer day numbers (days since 1970-01-01 of the local date); calendar dates are YYYY-MM-DD.
import type { Role } from './settings';

/** One daily rollup row (usage_daily): a user's events and minutes on a feature (0 = none) on a day. */
export interface UsageRow {
  userId: number;
  featureId: number;
  day: number;
  events: number;
  minutes: number;
}

export interface UserInfo {
  id: number;
  name: string | null;
  email: string | null;
  /** The source's own user id (visitor id, distinct_id…), shown when there is no name or e-mail. */
  externalId?: string | null;
  role: Role;
  department: string | null;
  /**
   * The day of the user's first usage at the account: not known there before it (docs/METRICS.md, "as of").
   * null or absent: a record with no usage there (a people file's contact), which carries no date.
   */
  firstSeenDay?: number | null;
}

export interface FeatureInfo {
  id: number;
  key: string;
  name: string;
  isKey: boolean;
  isPaid: boolean;
}

export interface EntitlementInfo {
  featureId: number;
  paid: boolean;
}

/** Inclusive range of day numbers: "the last N days" up to the as-of day D is [D-N+1, D]. */
export interface DayWindow {
  from: number;
  to: number;
}

export function lastDays(asOfDay: number, days: number): DayWindow {
  return { from: asOfDay - days + 1, to: asOfDay };
}

export function inWindow(day: number, w: DayWindow): boolean {
  return day >= w.from && day <= w.to;
}

export type MilestoneKind = 'kickoff' | 'onboarding_complete' | 'first_key_action' | 'basic_value' | 'exceeded_value' | 'custom';

export interface MilestoneInfo {
  id: number;
  kind: MilestoneKind;
  name: string;
  targetDate: string | null;
  achievedDate: string | null;
}

export interface QbrInfo {
  date: string;
  customerResponse: 'positive' | 'neutral' | 'negative' | 'none';
}

export interface TouchpointInfo {
  kind: 'call' | 'email' | 'meeting' | 'support_case' | 'campaign';
  date: string;
  title: string;
  caseStatus: 'open' | 'closed' | null;
  closedDate: string | null;
  resolved: boolean | null;
  withinSla: boolean | null;
  featureId: number | null;
  responded: boolean | null;
}

export interface SurveyInfo {
  userId: number | null;
  date: string;
  kind: 'nps' | 'csat' | 'proficiency';
  score: number;
}

/**
 * A display name for a user in a fact or a recommendation: name, else e-mail, else the source's own user id (the id
 * the CSM can look up in their analytics tool); never Bearing's row id.
 */
export function userLabel(u: Pick<UserInfo, 'name' | 'email' | 'externalId'>): string {
  return u.name ?? u.email ?? u.externalId ?? 'a user with no name or e-mail';
}
