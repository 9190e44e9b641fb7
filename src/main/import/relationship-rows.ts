// Support tickets and survey answers, read from the cells as help desks and survey tools export them: a
// ticket's status, priority and SLA in each tool's words, a score on its scale. The second and third header
// rows SurveyMonkey and Qualtrics write under the first (the question's text, the tool's import ids) and
// Qualtrics' own preview answers are skipped, not rejected: they are not answers.
import { Reject, SkipRow, type CellReader, type Fields } from './cell-reader';
import { quoteValue } from './import-error';
import type { NormalizedRow, SurveyAnswerRow, TicketRow } from './types';

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** Zendesk's solved / closed, Freshdesk's Resolved / Closed, Intercom's closed, HubSpot's Closed. */
const CLOSED = /^(solved|closed|resolved|done|completed|archived)$/;

function ticketStatus(status: string | null, solved: string | null): 'open' | 'closed' {
  if (status === null) return solved !== null ? 'closed' : 'open';
  return CLOSED.test(squash(status)) ? 'closed' : 'open';
}

const PRIORITIES: [RegExp, TicketRow['priority']][] = [
  [/^(urgent|critical|p1|highest|blocker)$/, 'urgent'],
  // Intercom marks a conversation "priority" or "not_priority".
  [/^(high|p2|priority|major)$/, 'high'],
  [/^(normal|medium|p3|notpriority|moderate)$/, 'normal'],
  [/^(low|p4|lowest|minor)$/, 'low'],
];

function priorityOf(value: string | null): TicketRow['priority'] {
  if (value === null) return null;
  const s = squash(value);
  return PRIORITIES.find(([re]) => re.test(s))?.[1] ?? null;
}

/** Freshdesk's Resolution status (Within SLA / SLA Violated), Intercom's SLA status (hit / missed), and kin. */
function slaBreached(value: string | null): boolean | null {
  if (value === null) return null;
  const s = squash(value);
  if (/violated|missed|breached|overdue|failed/.test(s)) return true;
  if (/within|hit|met|achieved|ontime|passed/.test(s)) return false;
  return null;
}

export function ticketRow(r: CellReader, F: Fields): NormalizedRow {
  const ticketId = r.required(F.ticketId, r.id(F.ticketId));
  const opened = r.required(F.opened, r.calendar(F.opened, true));
  const statusText = r.text(F.status);
  let solved = r.calendar(F.solved, true);
  const status = ticketStatus(statusText, solved);
  // A ticket reopened after it was solved is open again: its old solved date is not a resolution.
  if (status === 'open') solved = null;
  if (solved !== null && solved < opened) throw new Reject('negative_duration', `${F.solved.label} (${solved}) is before ${F.opened.label} (${opened}).`);
  return {
    kind: 'tickets',
    ticketId,
    subject: r.text(F.subject),
    opened,
    solved,
    status,
    priority: priorityOf(r.text(F.priority)),
    slaBreached: slaBreached(r.text(F.sla)),
    organizationId: r.id(F.organizationId),
    organization: r.text(F.organization),
    email: ticketEmail(r, F),
  };
}

/** HubSpot's Associated Contact reads "Chris Miller (chris.miller@contoso.com)": the address in it. */
function ticketEmail(r: CellReader, F: Fields): string | null {
  const raw = r.raw(F.email);
  if (raw === null) return null;
  const inside = /<([^<>\s]+@[^<>\s]+)>|\(([^()\s]+@[^()\s]+)\)/.exec(raw);
  if (inside) return (inside[1] ?? inside[2]).toLowerCase();
  return r.email(F.email);
}

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

export function surveyRow(r: CellReader, F: Fields, survey: 'nps' | 'csat'): NormalizedRow {
  const type = r.text(F.responseType);
  if (type !== null && /preview|test/i.test(type)) throw new SkipRow(`${F.responseType.label} is ${quoteValue(type)}: a test answer, not a customer's.`);
  const scoreText = r.raw(F.score);
  if (scoreText !== null && !NUMBER.test(scoreText)) {
    // A second or third header row (the question's text, "Response", {"ImportId":…}): its date is no date either.
    const dateText = r.raw(F.date) ?? '';
    if (!/\d{4}|\d{1,2}[/.]\d{1,2}[/.]\d{2}/.test(dateText)) throw new SkipRow('A header row under the header (the question\'s text or the tool\'s ids), not an answer.');
    throw new Reject('not_a_number', `${F.score.label} is ${quoteValue(scoreText)}, which is not a score.`);
  }
  const score = r.required(F.score, r.count(F.score));
  const kind = surveyKindOf(r.text(F.surveyKind)) ?? survey;
  const [lo, hi] = kind === 'nps' ? [0, 10] : [1, 5];
  if (score < lo || score > hi) {
    throw new Reject('score_out_of_range', `${F.score.label} is ${score}: ${kind === 'nps' ? 'an NPS answer is 0 to 10' : 'a CSAT answer is 1 to 5'}.`);
  }
  const date = r.required(F.date, r.calendar(F.date, true));
  const row: SurveyAnswerRow = {
    kind: 'surveys',
    responseId: r.id(F.responseId),
    survey: kind,
    score,
    comment: r.text(F.comment),
    date,
    email: r.email(F.email),
    accountId: r.id(F.accountId),
    accountName: r.text(F.accountName),
  };
  if (row.email === null && row.accountId === null && row.accountName === null) {
    throw new Reject('missing_value', 'The answer has no e-mail and no account: answers are tied to people by e-mail only, never by name.');
  }
  return row;
}

function surveyKindOf(value: string | null): 'nps' | 'csat' | null {
  if (value === null) return null;
  const s = squash(value);
  if (s.includes('nps') || s.includes('recommend')) return 'nps';
  if (s.includes('csat') || s.includes('satisf')) return 'csat';
  return null;
}

/** The scale a file's score column asks on: CSAT when its question is about satisfaction, else NPS. */
export function surveyScale(scoreHeader: string | undefined): 'nps' | 'csat' {
  return scoreHeader !== undefined && /satisf|csat/i.test(scoreHeader) ? 'csat' : 'nps';
}

/** A meeting that took place: a cancelled one, one still to come, or one with no one from outside is not a touch. */
export function meetingRow(r: CellReader, F: Fields): NormalizedRow {
  const uid = r.required(F.uid, r.id(F.uid));
  if (/^cancel/i.test(r.text(F.status) ?? '')) throw new SkipRow('a cancelled meeting');
  const start = r.required(F.start, r.instant(F.start, false));
  if (r.isFuture(start)) throw new SkipRow('a meeting still to come (it becomes a touchpoint once it has taken place)');
  const attendees = (r.text(F.attendees) ?? '').split(/[;,]\s*/).map((a) => a.trim().toLowerCase()).filter((a) => a.includes('@'));
  if (attendees.length === 0) throw new SkipRow('a meeting without attendees');
  const occurrence = r.text(F.occurrence);
  return {
    kind: 'meetings',
    meetingId: occurrence ? `${uid}#${occurrence}` : uid,
    date: r.required(F.start, r.calendar(F.start, false)),
    title: r.text(F.title, 500) ?? '(no title)',
    organizer: r.text(F.organizer)?.toLowerCase() ?? null,
    attendees,
  };
}
