// The journey, last-QBR, support-and-relationship and next-steps slides. Tables are capped at what fits the
// slide at a readable size; the rest is counted on the slide ("and 3 more milestones") rather than overflowing.
// The slides are the customer's: instructions to the CSM, risk labels and alarms go to the speaker notes.
import type { DeckData, RecommendationView } from './deck-data';
import { formatCount, formatDate, formatDaysFrom, formatPercent, plural, signed } from './deck-format';
import { CONTENT_TOP, MARGIN, SLIDE_W, clip, type BulletItem, type ContentSlide, type Tone } from './slide-model';

const FULL_W = SLIDE_W - 2 * MARGIN;
const MAX_ROWS = 7;

type Milestone = DeckData['current']['milestones'][number];

function milestoneState(m: Milestone): { text: string; tone: Tone } {
  switch (m.state) {
    case 'achieved':
      return { text: 'Achieved on time', tone: 'good' };
    case 'achieved_late':
      return { text: `Achieved, ${plural(m.daysLate ?? 0, 'day')} late`, tone: 'warn' };
    case 'late':
      return { text: `Late by ${plural(m.daysLate ?? 0, 'day')}`, tone: 'bad' };
    case 'due':
      return { text: 'Due', tone: 'neutral' };
    default:
      return { text: 'No target date', tone: 'neutral' };
  }
}

const days = (n: number | null) => (n === null ? 'Not yet' : plural(n, 'day'));

export function journeySlide(d: DeckData): ContentSlide {
  const c = d.current;
  const milestones = [...c.milestones].sort((a, b) => (a.targetDate ?? '9999').localeCompare(b.targetDate ?? '9999'));
  const shown = milestones.slice(0, MAX_ROWS);
  const late = milestones.filter((m) => m.state === 'late');
  const tableFrame = { x: MARGIN, y: 2.9, w: FULL_W, h: 3.95 };
  // As on the summary: the stage on the deck's date, the CSM's override only from the day it was set.
  const stage = d.standing.stage;
  return {
    kind: 'content',
    id: 'journey',
    title: 'Journey and time-to-value milestones',
    defines: ['journeyStage', 'ttvMilestones', 'timeToValue'],
    blocks: [
      {
        kind: 'kpis',
        frame: { x: MARGIN, y: CONTENT_TOP, w: FULL_W, h: 1.3 },
        items: [
          { label: 'Journey stage', value: stage ? stage[0].toUpperCase() + stage.slice(1) : '—', detail: d.standing.stageOverridden ? 'set by your CSM' : `at ${formatDate(d.asOf)}` },
          { label: 'Onboarding took', value: days(c.timeToOnboardDays), detail: 'from contract start' },
          { label: 'Time to basic value', value: days(c.ttvBasicDays), detail: 'from contract start' },
          { label: 'Time to exceeded value', value: days(c.ttvExceededDays), detail: 'from contract start' },
          // No milestone on record is no data, not a success: no number and no green.
          milestones.length === 0
            ? { label: 'Milestones late', value: '—', detail: 'none on record' }
            : { label: 'Milestones late', value: formatCount(late.length), detail: `of ${milestones.length}`, tone: late.length > 0 ? 'bad' : 'good' },
        ],
      },
      shown.length > 0
        ? {
            kind: 'table',
            frame: tableFrame,
            columns: [
              { header: 'Milestone', width: 0.4 },
              { header: 'Target', width: 0.18 },
              { header: 'Achieved', width: 0.18 },
              { header: `Status at ${formatDate(d.asOf)}`, width: 0.24 },
            ],
            rows: shown.map((m) => {
              const s = milestoneState(m);
              return { cells: [clip(m.name, 48), formatDate(m.targetDate), m.achievedDate && m.achievedDate <= d.asOf ? formatDate(m.achievedDate) : '—', s.text], tones: [undefined, undefined, undefined, s.tone] };
            }),
          }
        : { kind: 'message', frame: tableFrame, text: 'No time-to-value milestones on record', detail: 'Let’s agree the milestones (kickoff, onboarding, first value) and their target dates together.' },
      ...(milestones.length > shown.length
        ? [{ kind: 'text' as const, frame: { x: MARGIN, y: 6.5, w: FULL_W, h: 0.35 }, text: `and ${plural(milestones.length - shown.length, 'more milestone')}`, size: 12, muted: true }]
        : []),
    ],
    notes:
      `Stage at ${formatDate(d.asOf)}: ${stage ?? 'unknown'}. ` +
      (shown.length === 0 ? 'Once the milestones are agreed, log them in Bearing so the next deck tracks them. ' : '') +
      (milestones.length > shown.length ? `Not on the slide: ${milestones.slice(shown.length).map((m) => m.name).join(', ')}. ` : '') +
      (late.length > 0 ? `Late: ${late.map((m) => `${m.name} (${plural(m.daysLate ?? 0, 'day')})`).join(', ')}. ` : 'No milestone is late. ') +
      `Time to basic value: ${days(c.ttvBasicDays)}.`,
  };
}

export function actionItemsSlide(d: DeckData): ContentSlide {
  const qbr = d.lastQbr;
  const base = { kind: 'content' as const, id: 'action-items', title: 'Action items from the last QBR', defines: [] };
  if (!qbr || qbr.items.length === 0) {
    return {
      ...base,
      blocks: [
        {
          kind: 'message',
          frame: { x: MARGIN + 1.5, y: 2.2, w: FULL_W - 3, h: 3.2 },
          text: qbr ? `No action items were recorded at the QBR of ${formatDate(qbr.date)}` : `No QBR on record up to ${formatDate(d.asOf)}`,
          detail: 'The next steps we agree at the end of this review will be followed up here next quarter.',
        },
      ],
      notes:
        (qbr ? `The last QBR (${formatDate(qbr.date)}) has no action items logged.` : 'No earlier QBR is logged for this account.') +
        ' Log this review and its action items in Bearing: the next deck reports on them.',
    };
  }
  const count = (s: string) => qbr.items.filter((i) => i.status === s).length;
  const overdue = qbr.items.filter((i) => i.overdue).length;
  const shown = qbr.items.slice(0, MAX_ROWS + 1);
  const summary =
    `From the QBR of ${formatDate(qbr.date)}: ${count('done')} done, ${count('open')} open` +
    (overdue > 0 ? ` (${overdue} overdue)` : '') +
    `, ${count('dropped')} dropped. Status as of ${formatDate(d.today)}.`;
  return {
    ...base,
    blocks: [
      { kind: 'text', frame: { x: MARGIN, y: CONTENT_TOP, w: FULL_W, h: 0.45 }, text: summary, size: 16, muted: true },
      {
        kind: 'table',
        frame: { x: MARGIN, y: 1.95, w: FULL_W, h: 4.5 },
        columns: [
          { header: 'Action item', width: 0.54 },
          { header: 'Owner', width: 0.18 },
          { header: 'Due', width: 0.13 },
          { header: 'Status', width: 0.15 },
        ],
        rows: shown.map((i) => {
          const status = i.status === 'done' ? 'Done' : i.status === 'dropped' ? 'Dropped' : i.overdue ? 'Open, overdue' : 'Open';
          const tone: Tone = i.status === 'done' ? 'good' : i.overdue ? 'bad' : i.status === 'open' ? 'warn' : 'neutral';
          return { cells: [clip(i.text, 70), clip(i.owner ?? '—', 22), formatDate(i.dueDate), status], tones: [undefined, undefined, undefined, tone] };
        }),
      },
      ...(qbr.items.length > shown.length
        ? [{ kind: 'text' as const, frame: { x: MARGIN, y: 6.5, w: FULL_W, h: 0.35 }, text: `and ${plural(qbr.items.length - shown.length, 'more item')}`, size: 12, muted: true }]
        : []),
    ],
    notes: `${summary} ${qbr.items.filter((i) => i.status === 'open').map((i) => `Open: ${i.text}${i.owner ? ` (${i.owner})` : ''}.`).join(' ')}`,
  };
}

export function relationshipSlide(d: DeckData): ContentSlide {
  const s = d.support;
  const sat = d.current.satisfaction;
  const tp = d.touchpoints;
  const qbrDays = d.current.qbrDaysSince;
  const lines: BulletItem[] = [
    {
      lead: 'QBR cadence:',
      text:
        qbrDays === null
          ? 'no QBR held yet.'
          : `last QBR ${plural(qbrDays, 'day')} before ${formatDate(d.asOf)}.`,
    },
  ];
  const responses = d.current.responseRates.lastYear;
  if (responses.invited > 0) {
    lines.push({ lead: 'Responses:', text: `${responses.responded} of ${plural(responses.invited, 'QBR invitation and campaign', 'QBR invitations and campaigns')} answered in the last 365 days.` });
  }
  const survey = (v: { value: number; responses: number; date: string } | null, digits: number) => ({
    value: v === null ? '—' : digits === 0 ? signed(v.value, 0) : `${v.value.toFixed(digits)} / 5`,
    detail: v === null ? 'no survey on record' : `${plural(v.responses, 'answer')}, ${formatDate(v.date)}`,
  });
  return {
    kind: 'content',
    id: 'relationship',
    title: 'Support and relationship',
    defines: ['supportSuccess', 'touchpoints', 'satisfaction', 'qbrCadence'],
    blocks: [
      {
        kind: 'kpis',
        frame: { x: MARGIN, y: CONTENT_TOP, w: FULL_W, h: 1.3 },
        items: [
          { label: 'Support cases opened', value: formatCount(s.opened), detail: `in ${d.quarter.label}` },
          { label: 'Cases closed', value: formatCount(s.closed), detail: `in ${d.quarter.label}` },
          {
            label: 'Resolved within SLA',
            value: s.rate === null ? '—' : formatPercent(s.rate),
            detail: s.closed > 0 ? `${s.succeeded} of ${s.closed} closed` : 'no case closed',
            tone: s.rate === null ? 'neutral' : s.rate >= 0.9 ? 'good' : s.rate >= 0.7 ? 'warn' : 'bad',
          },
          { label: 'Open cases', value: formatCount(s.openAtEnd), detail: `at ${formatDate(d.asOf)}`, tone: s.openAtEnd > 0 ? 'warn' : 'neutral' },
        ],
      },
      {
        kind: 'kpis',
        frame: { x: MARGIN, y: 2.85, w: FULL_W, h: 1.3 },
        items: [
          { label: 'Touchpoints', value: formatCount(tp.current), detail: `${formatCount(tp.previous)} in ${d.previous.label}` },
          { label: 'NPS', ...survey(sat.nps, 0) },
          { label: 'CSAT', ...survey(sat.csat, 1) },
          { label: 'Proficiency', ...survey(sat.proficiency, 1) },
        ],
      },
      { kind: 'bullets', frame: { x: MARGIN, y: 4.45, w: FULL_W, h: 2.4 }, items: lines.slice(0, 4), size: 16 },
    ],
    notes:
      `Support in ${d.quarter.label}: ${s.opened} opened, ${s.closed} closed, ${s.succeeded} resolved within SLA, ${s.openAtEnd} open at ${formatDate(d.asOf)}. ` +
      `Touchpoints: ${tp.current} this quarter vs ${tp.previous} last quarter.` +
      (d.current.qbrOverdue ? ` The QBR is overdue (due every ${d.settings.qbrOverdueDays} days).` : '') +
      d.current.earlyWarnings.map((w) => ` Early warning: ${w.message}`).join(''),
  };
}

/** Next steps that follow from the data, written to be edited: the CSM keeps, rewords or deletes them. */
function nextSteps(d: DeckData): BulletItem[] {
  const steps: BulletItem[] = [];
  const open = d.lastQbr?.items.filter((i) => i.status === 'open') ?? [];
  if (open.length > 0) steps.push({ text: `Close out the ${plural(open.length, 'open action item')} from the last QBR.` });
  for (const m of d.current.milestones.filter((x) => x.state === 'late').slice(0, 2)) {
    steps.push({ text: `Agree a new date for "${m.name}" (${plural(m.daysLate ?? 0, 'day')} late).`, tone: 'warn' });
  }
  const unused = d.current.unusedLicenses;
  if (d.usage.thisQuarter && unused !== null && d.account.licenses && unused / d.account.licenses >= 0.15) {
    steps.push({ text: `Plan enablement for the ${plural(unused, 'unused license')}.` });
  }
  const b = d.current.breadthDetail;
  const missing = b.enabled.filter((k) => !b.used.includes(k)).map((k) => d.features.get(k)?.name ?? k);
  if (d.usage.thisQuarter && missing.length > 0) steps.push({ text: `Introduce ${missing.slice(0, 3).join(', ')} to the teams that would gain from it.` });
  if (!d.usage.thisQuarter) steps.push({ text: 'Share the usage export for the quarter so adoption can be reviewed.' });
  const renewal = d.account.renewalDate;
  if (renewal && renewal >= d.today && renewal <= addMonths(d.today, 6)) {
    steps.push({ text: `Start the renewal conversation: renewal on ${formatDate(renewal)} (${formatDaysFrom(renewal, d.today)}).` });
  }
  if (!d.current.satisfaction.nps && !d.current.satisfaction.csat) steps.push({ text: 'Run a short NPS or CSAT survey with the main users.' });
  steps.push({ text: 'Agree the date of the next QBR.' });
  return steps.slice(0, 5);
}

function addMonths(iso: string, months: number): string {
  const [y, m, day] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const names = (xs: { name: string }[]) => xs.map((x) => x.name).join(', ');

/**
 * The services word a recommendation for the CSM ("Paid features unused: downgrade risk", "escalate"); the slide
 * says what the customer and the CSM will do about it together. The CSM's wording, with every user named, is in
 * the notes.
 */
function forCustomer(r: RecommendationView): BulletItem {
  const one = (n: number, single: string, many: string) => (n === 1 ? single : many);
  switch (r.kind) {
    case 'feature_not_needed':
      return { lead: 'Review the features used least.', text: clip(`Few people use ${names(r.features)}: let’s check whether ${one(r.features.length, 'it fits', 'they fit')} your teams’ work.`, 130) };
    case 'revisit_training':
      return { lead: 'A refresher on training.', text: 'A short session on the essentials would help your teams get more from the product.' };
    case 'key_feature_reminder':
      return {
        lead: `Get more from ${names(r.features)}.`,
        text: `${plural(r.users.length, 'active user')} ${one(r.users.length, 'has', 'have')} not used it yet: a short walkthrough would help.`,
      };
    case 'downgrade_risk':
      return {
        lead: 'Put all of your subscription to work.',
        text: clip(`${names(r.features)} ${one(r.features.length, 'is', 'are')} part of your subscription but went unused in the last 30 days: let’s plan how your teams can use ${one(r.features.length, 'it', 'them')}.`, 150),
      };
    case 'escalate_onboarding':
      return { lead: 'Get onboarding back on track.', text: clip(`${names(r.milestones)} ${one(r.milestones.length, 'is', 'are')} past the target date: let’s agree new dates.`, 130) };
  }
}

export function recommendationsSlide(d: DeckData): ContentSlide {
  const rank = { critical: 0, warning: 1, info: 2 };
  const ordered = [...d.recommendations].sort((a, b) => rank[a.severity] - rank[b.severity]);
  const recs: BulletItem[] = ordered.slice(0, 4).map(forCustomer);
  if (recs.length === 0) recs.push({ text: 'Nothing in usage, surveys or milestones calls for a change of course.' });
  const steps = nextSteps(d);
  return {
    kind: 'content',
    id: 'next-steps',
    title: 'Recommendations and proposed next steps',
    defines: [],
    blocks: [
      { kind: 'bullets', frame: { x: MARGIN, y: CONTENT_TOP, w: 6.0, h: 5.55 }, heading: 'Recommendations', items: recs, size: 14 },
      { kind: 'bullets', frame: { x: 6.9, y: CONTENT_TOP, w: SLIDE_W - MARGIN - 6.9, h: 5.55 }, heading: 'Proposed next steps', items: steps, size: 16 },
    ],
    notes:
      `Recommendations from Bearing as of ${formatDate(d.asOf)}: ${ordered.map((r) => `${r.title}: ${r.detail}`).join(' ') || 'none.'} ` +
      'The next steps are proposals: edit them before the meeting.',
  };
}
