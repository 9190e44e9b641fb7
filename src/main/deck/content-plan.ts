// The success plan slide (issue #14, point 5): right after the title, the desired outcomes agreed at the sales
// handoff, each with its KPI (baseline → latest QBR value → target), target date and status. Left out while the
// account has no outcomes: the notes of the title slide do not need it and an empty table tells the customer nothing.
import type { OutcomeStatus } from '../../shared/contract';
import { kpiPath, kpiValue } from '../../shared/kpi-format';
import type { DeckData } from './deck-data';
import { formatDate, plural } from './deck-format';
import { CONTENT_TOP, MARGIN, SLIDE_W, clip, type ContentSlide, type Tone } from './slide-model';

const FULL_W = SLIDE_W - 2 * MARGIN;
const MAX_ROWS = 8;

const STATUS: Record<OutcomeStatus, { text: string; tone: Tone }> = {
  not_started: { text: 'Not started', tone: 'neutral' },
  on_track: { text: 'On track', tone: 'good' },
  at_risk: { text: 'At risk', tone: 'warn' },
  achieved: { text: 'Achieved', tone: 'good' },
  missed: { text: 'Missed', tone: 'bad' },
};


export function successPlanSlide(d: DeckData): ContentSlide | null {
  if (d.outcomes.length === 0) return null;
  const shown = d.outcomes.slice(0, MAX_ROWS);
  const achieved = d.outcomes.filter((o) => o.status === 'achieved').length;
  const atRisk = d.outcomes.filter((o) => o.status === 'at_risk' || o.status === 'missed').length;
  return {
    kind: 'content',
    id: 'success-plan',
    title: 'Success plan: the outcomes we are working towards',
    defines: [],
    blocks: [
      {
        kind: 'text',
        frame: { x: MARGIN, y: CONTENT_TOP, w: FULL_W, h: 0.45 },
        text: `${plural(d.outcomes.length, 'desired outcome')}, ${achieved} achieved. KPI: baseline → latest QBR value → target, as of ${formatDate(d.asOf)}.`,
        size: 16,
        muted: true,
      },
      {
        kind: 'table',
        frame: { x: MARGIN, y: 1.95, w: FULL_W, h: 4.6 },
        columns: [
          { header: 'Outcome', width: 0.3 },
          { header: 'KPI', width: 0.2 },
          { header: 'Baseline → latest → target', width: 0.25 },
          { header: 'Target date', width: 0.12 },
          { header: 'Status', width: 0.13 },
        ],
        rows: shown.map((o) => ({
          cells: [clip(o.title, 48), clip(o.kpiName, 32), kpiPath(o), formatDate(o.targetDate), STATUS[o.status].text],
          tones: [undefined, undefined, undefined, undefined, STATUS[o.status].tone],
        })),
      },
    ],
    notes:
      (d.outcomes.length > shown.length ? `Not on the slide: ${d.outcomes.slice(shown.length).map((o) => o.title).join(', ')}. ` : '') +
      (atRisk > 0 ? `${plural(atRisk, 'outcome is', 'outcomes are')} at risk or missed: say what will change. ` : '') +
      d.outcomes
        .map((o) => (o.latest ? `${o.title}: ${kpiValue(o.latest.value, o.kpiUnit)} at the QBR of ${formatDate(o.latest.qbrDate)}${o.latest.note ? ` (${o.latest.note})` : ''}.` : `${o.title}: not measured at a QBR yet.`))
        .join(' '),
  };
}
