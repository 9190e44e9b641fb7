// What a file holds (its kind) and which tool wrote it, from the header and sample values. Each kind is scored by
// evidence a CSM would use: an event name and times of day mean events; a date (with or without a time) plus an
// events count per user and no event name mean daily usage (weekly when the header says week or the dates are 7
// days apart); "Days Active" / "First Visit" mean a usage summary; names with ARR, owner or renewal mean accounts;
// emails with titles mean users; Closed Won / Closed Lost stages or renewed / churned outcomes mean renewals.
import { columnStats, defaultDecimal, type ColumnStats } from './column-formats';
import { KIND_SPECS } from './fields';
import { normalizeHeader } from './headers';
import { nameScore, valueScore } from './mapping';
import { detectSource } from './sources';
import { commentColumn, scoreColumn } from './survey-columns';
import type { Delimiter, Kind, Source } from './types';

export interface ShapeGuess {
  kind: Kind;
  source: Source;
  /** 0..1: how sure the guess is (the UI asks the CSM to confirm below ~0.6). */
  confidence: number;
  /**
   * False when no kind has real evidence: the file is none of the kinds Bearing reads, or none it can tell. `kind`
   * is then a placeholder the CSM must replace (the import refuses to guess; never usage by default).
   */
  recognised: boolean;
  /** Every kind's score, highest first, for "did you mean" choices. */
  ranking: { kind: Kind; score: number }[];
  stats: ColumnStats[];
}

interface Evidence {
  has(kind: Kind, field: string): boolean;
  /** The column a field best matches by name, or -1. */
  column(kind: Kind, field: string): number;
}

function evidence(headers: string[], stats: ColumnStats[], source: Source): Evidence {
  const normalized = headers.map(normalizeHeader);
  const column = (kind: Kind, field: string): number => {
    const spec = KIND_SPECS[kind].fields.find((f) => f.key === field);
    if (!spec) return -1;
    let best = -1;
    let bestScore = 0;
    normalized.forEach((h, i) => {
      const byName = nameScore(spec, h, source);
      const score = byName > 0 ? byName + valueScore(spec, stats[i]) : 0;
      if (score >= 60 && score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    return best;
  };
  return { column, has: (kind, field) => column(kind, field) !== -1 };
}

/** Dates that all fall on the same weekday and at least two of them, 7·k days apart: a weekly series. */
function looksWeekly(dates: string[]): boolean {
  if (dates.length < 2) return false;
  const days = dates.map((d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000);
  return days.every((d) => (d - days[0]) % 7 === 0);
}

const NOT_USAGE: ReadonlySet<Kind> = new Set(['tickets', 'surveys', 'meetings', 'campaigns']);

export function detectShape(headers: string[], sampleRows: string[][], options: { delimiter?: Delimiter } = {}): ShapeGuess {
  const stats = columnStats(headers, sampleRows, defaultDecimal(options.delimiter ?? ',', sampleRows));
  const { source } = detectSource(headers, sampleRows);
  const ev = evidence(headers, stats, source);
  const normalized = headers.map(normalizeHeader);
  const anyHeader = (re: RegExp) => normalized.some((h) => re.test(h));

  const user = ev.has('events', 'userId') || ev.has('events', 'email') || ev.has('events', 'deviceId');
  const account = ev.has('events', 'accountId') || ev.has('events', 'accountName');
  const counts = ev.has('daily_usage', 'events') || ev.has('daily_usage', 'minutes');
  const tsCol = ev.column('events', 'timestamp');
  const timed = tsCol !== -1 && stats[tsCol].date.hasTime;
  const dayCol = ev.column('daily_usage', 'day');
  const dayStats = dayCol !== -1 ? stats[dayCol].date : null;
  const summaryFields = ['daysActive', 'firstVisit', 'lastVisit'].filter((f) => ev.has('usage_summary', f)).length;
  const weekHeader = anyHeader(/^week|week(start|starting|of|beginning)$/);
  const accountInfo = ['owner', 'arr', 'licenses', 'contractStart', 'renewalDate', 'industry', 'stage'].filter((f) => ev.has('accounts', f)).length;
  const personInfo = ['firstName', 'lastName', 'role', 'department'].filter((f) => ev.has('users', f)).length;
  const emailCol = ev.column('users', 'email');
  const hasEmails = emailCol !== -1 && stats[emailCol].emailRatio >= 0.5;

  const score: Record<Kind, number> = { events: 0, daily_usage: 0, weekly_usage: 0, usage_summary: 0, accounts: 0, users: 0, features: 0, entitlements: 0, renewals: 0, tickets: 0, surveys: 0, meetings: 0, campaigns: 0 };

  // Events: a named event, instants with a time of day, and no per-row counts.
  if (ev.has('events', 'event')) score.events += 3;
  if (timed) score.events += 3;
  if (tsCol !== -1 && stats[tsCol].date.epoch) score.events += 1;
  if (user || account) score.events += 1;
  if (counts && !timed) score.events -= 2;
  // An events count per row (Events, Sessions, Ereignisse) and no event name: a rollup, such as a spreadsheet's
  // daily usage whose date cells carry a time. Minutes alone next to times are sessions: events.
  const rollup = ev.has('daily_usage', 'events') && !ev.has('events', 'event');
  if (rollup) score.events -= 3;
  if (source === 'mixpanel' || source === 'amplitude') score.events += 2;

  // Daily and weekly usage: a calendar date without time, counts, and a user or account.
  if (dayStats && !dayStats.hasTime) {
    score.daily_usage += 3;
    score.weekly_usage += 1;
  }
  if (counts) {
    score.daily_usage += 3;
    score.weekly_usage += 3;
  }
  if (rollup && dayStats?.hasTime) score.daily_usage += 2;
  if (user || account) {
    score.daily_usage += 1;
    score.weekly_usage += 1;
  }
  if (weekHeader) score.weekly_usage += 5;
  else if (dayStats && !dayStats.hasTime && looksWeekly(dayStats.dates)) score.weekly_usage += 3;
  if (summaryFields > 0) {
    score.daily_usage -= 2;
    score.weekly_usage -= 2;
  }

  // Usage summary: Pendo's visitor report and its kin.
  score.usage_summary += summaryFields * 3;
  if (summaryFields > 0 && (user || account)) score.usage_summary += 1;
  if (ev.has('usage_summary', 'daysActive')) score.usage_summary += 2;

  // Accounts: a name plus what a CRM knows about it, and no people.
  if (ev.has('accounts', 'name')) score.accounts += 2;
  score.accounts += accountInfo * 1.5;
  if (hasEmails) score.accounts -= 3;
  if (source === 'salesforce' || source === 'hubspot') score.accounts += 1;

  // Users: emails and what a CRM knows about a person.
  if (hasEmails) score.users += 3;
  score.users += personInfo * 1.5;
  if (ev.has('users', 'accountName') || ev.has('users', 'accountId')) score.users += 0.5;
  if (timed || counts || summaryFields > 0) score.users -= 4;
  if (source === 'hubspot' && (ev.has('users', 'firstName') || hasEmails)) score.users += 1;

  // A feature catalogue: event names or patterns, features, and key or paid flags; nothing about customers.
  const catalogueFlags = ev.has('features', 'isKey') || ev.has('features', 'isPaid');
  if (ev.has('features', 'feature') && (ev.has('features', 'event') || catalogueFlags)) score.features += 4 + (catalogueFlags ? 4 : 0);
  if (user || account || timed || counts) score.features -= 6;

  // Entitlements: accounts and the features they pay for, and nothing else a CRM or a product knows.
  if ((ev.has('entitlements', 'accountId') || ev.has('entitlements', 'accountName')) && ev.has('entitlements', 'feature')) score.entitlements += 4;
  if (ev.has('entitlements', 'isPaid')) score.entitlements += 2;
  if (timed || counts || hasEmails || accountInfo > 0 || ev.has('events', 'event')) score.entitlements -= 6;

  // Renewal outcomes: an account, a date and how it ended (an Outcome column, or Closed Won / Closed Lost stages).
  const stageCol = ev.column('renewals', 'stageName');
  const closedStages = stageCol !== -1 && sampleRows.some((r) => /^closed\s*(won|lost)$/i.test((r[stageCol] ?? '').trim()));
  const outcomeCol = ev.column('renewals', 'outcome');
  const outcomeWords = outcomeCol !== -1 && sampleRows.some((r) => /^(renewed|expanded|downsized|churned)$/i.test((r[outcomeCol] ?? '').trim()));
  if (closedStages || outcomeWords) {
    score.renewals += 8;
    score.accounts -= 4;
  }
  if (ev.has('renewals', 'reason')) score.renewals += 2;
  if (anyHeader(/^opportunity(name|id)$/)) score.renewals += 2;
  if (!(ev.has('renewals', 'accountId') || ev.has('renewals', 'accountName')) || !ev.has('renewals', 'date')) score.renewals = Math.min(score.renewals, 0);

  // Tickets and survey answers are not usage: their evidence, when strong, also counts against every other kind
  // (a Zendesk export has times and e-mails, a Delighted one names and times, which alone looked like events).
  score.tickets = ticketEvidence(ev, anyHeader, source);
  score.surveys = surveyEvidence(headers, sampleRows, ev, source);
  // A calendar's meetings (the .ics reader's columns): a uid, a start and attendees.
  if (ev.has('meetings', 'uid') && ev.has('meetings', 'start') && ev.has('meetings', 'attendees')) score.meetings = 12;
  score.campaigns = campaignEvidence(ev, source);
  const notUsage = Math.max(score.tickets, score.surveys, score.meetings, score.campaigns);
  if (notUsage >= 5) {
    for (const k of Object.keys(score) as Kind[]) if (!NOT_USAGE.has(k)) score[k] -= notUsage;
  }

  const ranking = (Object.keys(score) as Kind[]).map((kind) => ({ kind, score: score[kind] })).sort((a, b) => b.score - a.score);
  const [best, second] = ranking;
  const confidence = best.score <= 0 ? 0.2 : Math.max(0.2, Math.min(1, 0.4 + (best.score - Math.max(second.score, 0)) / 10 + best.score / 40));
  // Below this no kind has more than one weak hint (a date column, an e-mail): the CSM is asked.
  const recognised = best.score >= RECOGNISED_SCORE;
  return { kind: best.score > 0 ? best.kind : 'events', source, confidence: recognised ? confidence : Math.min(confidence, 0.2), recognised, ranking, stats };
}

const RECOGNISED_SCORE = 3;
const HELP_DESKS: ReadonlySet<Source> = new Set(['zendesk', 'freshdesk', 'intercom']);
const SURVEY_TOOLS: ReadonlySet<Source> = new Set(['delighted', 'surveymonkey', 'typeform', 'qualtrics']);

/** A help desk's ticket export: a ticket id or subject, when it was opened and solved, its status and priority. */
function ticketEvidence(ev: Evidence, anyHeader: (re: RegExp) => boolean, source: Source): number {
  let n = 0;
  if (anyHeader(/^(ticket|conversation|case)(id|name|number|status|priority|owner|url)$/)) n += 3;
  if (ev.has('tickets', 'solved')) n += 2;
  if (ev.has('tickets', 'priority')) n += 2;
  if (ev.has('tickets', 'sla')) n += 1;
  if (ev.has('tickets', 'subject') && ev.has('tickets', 'status')) n += 1;
  if (HELP_DESKS.has(source)) n += 4;
  if (!ev.has('tickets', 'opened')) n = Math.min(n, 2);
  return n;
}

/**
 * NPS or CSAT answers: a column of whole-number scores from 0 to 10 headed by a score or the question itself,
 * with an answer date; a survey tool's own columns count more.
 */
function surveyEvidence(headers: string[], rows: string[][], ev: Evidence, source: Source): number {
  const score = scoreColumn(headers, rows);
  let n = 0;
  if (score !== null) n += 4;
  if (score !== null && /recommend|how likely|satisf/i.test(score.question)) n += 2;
  if (ev.has('surveys', 'comment') || (score !== null && commentColumn(headers, rows, score.index) !== -1)) n += 1;
  if (SURVEY_TOOLS.has(source)) n += 4;
  if (score === null) n = Math.min(n, 2);
  return n;
}

/**
 * An e-mail campaign's recipients (HubSpot, Marketo): a campaign or program name and, per contact, whether they
 * opened, clicked or replied (columns, or Marketo's one status column); never usage, although it has e-mails and times.
 */
function campaignEvidence(ev: Evidence, source: Source): number {
  let n = 0;
  if (ev.has('campaigns', 'campaign')) n += 3;
  const actions = ['opened', 'clicked', 'replied'].filter((f) => ev.has('campaigns', f)).length;
  n += actions * 2;
  if (actions === 0 && ev.has('campaigns', 'status') && source === 'marketo') n += 4;
  if (source === 'marketo') n += 2;
  if (!ev.has('campaigns', 'campaign') || !ev.has('campaigns', 'email')) n = Math.min(n, 2);
  return n;
}
