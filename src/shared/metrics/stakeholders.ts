// A person's last touch (issue #14, point 9): the latest, on or before D, of their last day of usage, a survey
// they answered and a QBR they attended. An attendee is matched by e-mail only (case-insensitive): people are
// identified by source id or e-mail, never by display name (docs/METRICS.md, Conventions).
import { isoFromDayNumber } from '../dates';

export type TouchVia = 'usage' | 'survey' | 'qbr';
export interface Touch {
  date: string;
  via: TouchVia;
}

export interface TouchInputs {
  asOf: string;
  /** Day number of the person's last usage at the account on or before D, or null. */
  lastActiveDay: number | null;
  /** Dates of the survey answers the person gave. */
  surveyDates: readonly string[];
  /** The account's QBRs: date and attendees as typed. */
  qbrs: readonly { date: string; attendees: readonly string[] }[];
  email: string | null;
}

export function lastTouch(t: TouchInputs): Touch | null {
  const touches: Touch[] = [];
  if (t.lastActiveDay !== null) touches.push({ date: isoFromDayNumber(t.lastActiveDay), via: 'usage' });
  for (const date of t.surveyDates) touches.push({ date, via: 'survey' });
  const email = t.email?.trim().toLowerCase();
  if (email) {
    for (const q of t.qbrs) if (q.attendees.some((a) => a.trim().toLowerCase() === email)) touches.push({ date: q.date, via: 'qbr' });
  }
  // Ties: a meeting says more about the relationship than a survey, and a survey more than a login.
  const rank: Record<TouchVia, number> = { qbr: 2, survey: 1, usage: 0 };
  return touches
    .filter((x) => x.date <= t.asOf)
    .reduce<Touch | null>((best, x) => (best === null || x.date > best.date || (x.date === best.date && rank[x.via] > rank[best.via]) ? x : best), null);
}
