// The executive summary (the account's story in sentences beside the health KPIs and drivers) and the usage slides (adoption this quarter vs last, active users over time, feature
// adoption). Charts carry the services' numbers unrounded; an account without usage in the quarter gets one
// honest slide saying so instead of empty charts.
import { changeBetween } from '../../shared/change';
import { daysBetween } from '../../shared/dates';
import type { DeckData } from './deck-data';
import {
  changeTone,
  formatAverage,
  formatCount,
  formatDate,
  formatDaysFrom,
  formatPercent,
  plural,
  pointsMove,
  signed,
  statusWord,
} from './deck-format';
import { CONTENT_TOP, MARGIN, PALETTE, SLIDE_W, clip, type BulletItem, type ChartSeries, type ContentSlide, type Frame } from './slide-model';

const FULL_W = SLIDE_W - 2 * MARGIN;
const LOWER_TOP = 2.9;
const LOWER_H = 3.95;
const kpiRow: Frame = { x: MARGIN, y: CONTENT_TOP, w: FULL_W, h: 1.3 };
const mainLeft = (top: number, h: number): Frame => ({ x: MARGIN, y: top, w: 8.2, h });
const sideRight = (top: number, h: number): Frame => ({ x: 9.0, y: top, w: SLIDE_W - MARGIN - 9.0, h });

export const NO_USAGE_TEXT = 'No usage data imported for this quarter';

const brandHex = (d: DeckData) => d.branding.color.slice(1).toUpperCase();

/** "(overdue after 90 days)" is the CSM's QBR cadence, not the customer's business: kept for the notes. */
const withoutCadenceLabel = (fact: string) => fact.replace(/\s*\(overdue after [^)]*\)/, '');

export function summarySlide(d: DeckData): ContentSlide {
  const h = d.health;
  // Last quarter's score is compared only when it rested on the same kind of data: a score from before any usage
  // was on record (the relationship alone) against one with usage is new data, not a change (issue #12).
  const lastHealth = d.last.mau !== null || d.current.mau === null ? d.last.health : null;
  const sinceLast = changeBetween(lastHealth, h.score, 1);
  const last30 = changeBetween(h.trend.previousScore, h.score, 1);
  // The stage and renewal tiles say what held on the deck's date, not today (issue #12).
  const renewal = d.standing.renewalDate;
  const stage = d.standing.stage;
  const items: BulletItem[] = [];
  // The three largest contributions, then the weakest area if it is not among them: what to talk about.
  const weakest = [...d.drivers].sort((a, b) => (a.score ?? 0) - (b.score ?? 0))[0];
  const talk = [...d.drivers.slice(0, 3), ...(weakest && !d.drivers.slice(0, 3).includes(weakest) ? [weakest] : [])];
  for (const c of talk) {
    if (c.facts[0]) items.push({ lead: `${c.label} ${formatCount(c.score)}/100:`, text: clip(withoutCadenceLabel(c.facts[0]), 110) });
  }
  // Status rules are the CSM's alarms ("no event in 30 days → red"): they go to the speaker notes, not the slide.
  if (d.account.contractStart && d.account.contractStart > d.asOf) {
    items.push({ text: `The contract starts on ${formatDate(d.account.contractStart)}, after this quarter.` });
  }
  const leftOut = h.components.filter((c) => c.contribution === null);
  if (leftOut.length > 0 && leftOut.length < h.components.length) {
    items.push({ lead: 'Not scored:', text: `${leftOut.map((c) => c.label).join(', ')} (no data yet).` });
  }
  if (items.length === 0) items.push({ text: 'Nothing to score yet: the health score needs usage, touchpoints or survey answers.' });
  const story = storyItems(d.summary);
  const chart =
    d.drivers.length > 0
      ? {
          kind: 'chart' as const,
          frame: { x: MARGIN, y: LOWER_TOP, w: 6.9, h: LOWER_H },
          heading: `Points each area adds to the score of ${h.score?.toFixed(1) ?? '—'}`,
          chart: {
            id: 'drivers' as const,
            type: 'bar' as const,
            direction: 'bar' as const,
            categories: d.drivers.map((c) => c.label),
            series: [{ name: 'Points of the health score', values: d.drivers.map((c) => c.contribution ?? 0), color: brandHex(d) }],
            format: 'points' as const,
            legend: false,
            altText: `Points each area adds to the health score of ${h.score?.toFixed(1) ?? 'no data'}, largest first.`,
          },
        }
      : {
          kind: 'message' as const,
          frame: { x: MARGIN, y: LOWER_TOP, w: 6.9, h: LOWER_H },
          text: 'No health score for this quarter',
          detail: `No usage, relationship or survey data is on record up to ${formatDate(d.asOf)}.`,
        };
  return {
    kind: 'content',
    id: 'summary',
    title: 'Executive summary',
    defines: ['healthScore', 'healthTrend', 'journeyStage'],
    blocks: [
      {
        kind: 'kpis',
        frame: kpiRow,
        items: [
          {
            label: 'Health score',
            value: h.score === null ? 'No data' : h.score.toFixed(1),
            // The green/yellow/red status is the CSM's risk label: in the notes, not on the customer's slide.
            detail: h.score === null ? '' : 'out of 100',
          },
          {
            label: `Since end of ${d.previous.label}`,
            value: sinceLast !== null ? signed(sinceLast) : lastHealth === null && h.score !== null ? 'New this quarter' : '—',
            detail: lastHealth === null ? `no score for ${d.previous.label}` : `from ${lastHealth.toFixed(1)}`,
            tone: changeTone(sinceLast),
          },
          { label: 'Last 30 days', value: last30 === null ? '—' : signed(last30), detail: 'change in health', tone: changeTone(last30) },
          {
            label: 'Journey stage',
            value: stage ? stage[0].toUpperCase() + stage.slice(1) : '—',
            detail: d.standing.stageOverridden ? 'set by your CSM' : `at ${formatDate(d.asOf)}`,
          },
          { label: 'Renewal', value: formatDate(renewal), detail: renewal ? renewalDistance(renewal, d) : 'no date on record' },
        ],
      },
      chart,
      // The account's story (or the CSM's edit of it) is the summary; without one, what is behind the score.
      story.length > 0
        ? { kind: 'bullets', frame: { x: 7.7, y: LOWER_TOP, w: SLIDE_W - MARGIN - 7.7, h: LOWER_H }, heading: 'In brief', items: story, size: 14 }
        : { kind: 'bullets', frame: { x: 7.7, y: LOWER_TOP, w: SLIDE_W - MARGIN - 7.7, h: LOWER_H }, heading: 'Behind the score', items: items.slice(0, 5), size: 14 },
    ],
    notes:
      `Health ${h.score?.toFixed(1) ?? 'no data'} (status ${statusWord(h.status)}${h.status !== h.scoreStatus && h.rules.length > 0 ? ', set by a rule' : ''}) as of ${formatDate(d.asOf)}` +
      (sinceLast === null ? '.' : `, ${signed(sinceLast)} since the end of ${d.previous.label}.`) +
      ` Top drivers: ${d.drivers.slice(0, 3).map((c) => `${c.label} ${c.contribution?.toFixed(1)} points`).join(', ') || 'none'}.` +
      (h.rules.length ? ` Rules applied: ${h.rules.map((r) => r.reason).join(' ')}` : '') +
      (renewal ? ` Renewal on ${formatDate(renewal)}.` : '') +
      (story.length > 0 ? ` Behind the score: ${items.map((i) => `${i.lead ? `${i.lead} ` : ''}${i.text}`).join(' ')}` : ''),
  };
}

/** The summary as bullets, one sentence each: a paragraph the CSM edited is split where a sentence ends. */
export function storyItems(summary: string): BulletItem[] {
  return summary
    .split(/(?<=[.!?])\s+|\n+/)
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((text) => ({ text }));
}

/** How far the renewal was from the deck's date: "in 45 days" for a quarter to date, else from the quarter's end. */
function renewalDistance(renewal: string, d: DeckData): string {
  if (!d.quarter.complete) return formatDaysFrom(renewal, d.asOf);
  const days = daysBetween(d.asOf, renewal);
  if (days === 0) return "on the quarter's last day";
  return days > 0 ? `${plural(days, 'day')} after the quarter` : `${plural(-days, 'day')} before the quarter ended`;
}

function noUsageSlide(d: DeckData): ContentSlide {
  const last = d.usage.lastEvent;
  return {
    kind: 'content',
    id: 'adoption',
    title: `Adoption: ${d.quarter.label}`,
    defines: [],
    blocks: [
      {
        kind: 'message',
        frame: { x: MARGIN + 1.5, y: 2.2, w: FULL_W - 3, h: 3.2 },
        text: NO_USAGE_TEXT,
        detail:
          (last ? `The latest usage on record is from ${formatDate(last)}.` : 'No usage is on record for this account yet.') +
          ' Active users, license utilization and feature adoption will be reviewed here once it is.',
      },
    ],
    notes:
      `No usage was imported between ${formatDate(d.quarter.start)} and ${formatDate(d.asOf)}: the adoption charts are left out rather than shown empty. ` +
      'Import the usage export (Pendo, Mixpanel, Amplitude or a CSV) for the quarter into Bearing and build the deck again to show them.',
  };
}

interface Measure {
  label: string;
  pick: (m: DeckData['current']) => number | null;
}

const ADOPTION: Measure[] = [
  { label: 'License utilization', pick: (m) => m.licenseUtilization },
  { label: 'Stickiness (DAU/MAU)', pick: (m) => m.stickiness },
  { label: 'Adoption rate (active)', pick: (m) => m.adoptionRateActive },
  { label: 'Adoption rate (adopted)', pick: (m) => m.adoptionRateAdopted },
  { label: 'Breadth (key features)', pick: (m) => m.breadth },
];

/** Whether last quarter can stand beside this one: usage imported in it and someone active at its end. */
const comparable = (d: DeckData) => d.usage.lastQuarter && (d.last.mau ?? 0) > 0;

export function adoptionSlides(d: DeckData): ContentSlide[] {
  if (!d.usage.thisQuarter) return [noUsageSlide(d)];
  return [adoptionSlide(d), activeUsersSlide(d), featureSlide(d)];
}

function adoptionSlide(d: DeckData): ContentSlide {
  const withLast = comparable(d);
  // A category with no value in a quarter shown is dropped and named below the chart, never drawn as zero.
  const shown = ADOPTION.filter((m) => m.pick(d.current) !== null && (!withLast || m.pick(d.last) !== null));
  // A value this quarter with none last quarter is new, not a change from zero (issue #12).
  const fresh = withLast ? ADOPTION.filter((m) => m.pick(d.current) !== null && m.pick(d.last) === null) : [];
  const missing = ADOPTION.filter((m) => !shown.includes(m) && !fresh.includes(m)).map((m) => m.label);
  const series: ChartSeries[] = [];
  if (withLast) series.push({ name: d.previous.label, values: shown.map((m) => m.pick(d.last) ?? 0), color: PALETTE.previous });
  series.push({ name: d.quarter.label, values: shown.map((m) => m.pick(d.current) ?? 0), color: brandHex(d) });
  const values = series.flatMap((s) => s.values);
  const moves: BulletItem[] = shown.map((m) => ({
    lead: `${m.label}:`,
    text: withLast
      ? `${formatPercent(m.pick(d.last))} → ${formatPercent(m.pick(d.current))} (${pointsMove(m.pick(d.last), m.pick(d.current))})`
      : formatPercent(m.pick(d.current)),
  }));
  for (const m of fresh) moves.push({ lead: `${m.label}:`, text: `${formatPercent(m.pick(d.current))} (new this quarter)` });
  if (!withLast) moves.push({ text: `No usage data imported for ${d.previous.label}: nothing to compare with yet.` });
  if (missing.length > 0) moves.push({ text: `Not available: ${missing.join(', ')}.` });
  const c = d.current;
  return {
    kind: 'content',
    id: 'adoption',
    title: withLast ? `Adoption: ${d.quarter.label} vs ${d.previous.label}` : `Adoption: ${d.quarter.label}`,
    defines: ['activeUsers', 'licenseUtilization', 'stickiness', 'adoptionRateActive', 'adoptionRateAdopted', 'breadth'],
    blocks: [
      {
        kind: 'kpis',
        frame: kpiRow,
        items: [
          { label: 'Monthly active users', value: formatCount(c.mau), detail: d.account.licenses ? `of ${plural(d.account.licenses, 'license')}` : 'no license count on record' },
          { label: 'Unused licenses', value: formatCount(c.unusedLicenses), detail: `at ${formatDate(d.asOf)}` },
          { label: 'Adopted users', value: formatCount(c.adoptedUsers), detail: `of ${plural(c.usageCadence.length, 'user')} on record` },
          { label: 'Weekly active users', value: formatCount(c.wau), detail: 'in the last 7 days' },
        ],
      },
      {
        kind: 'chart',
        frame: mainLeft(LOWER_TOP, LOWER_H),
        heading: withLast ? 'At the end of each quarter (last 30 days)' : `At the end of ${d.quarter.label} (last 30 days)`,
        chart: {
          id: 'adoption',
          type: 'bar',
          direction: 'col',
          categories: shown.map((m) => m.label),
          series,
          format: 'percent',
          max: values.every((v) => v <= 1) ? 1 : undefined,
          legend: true,
          altText: `Adoption measures at the end of ${d.quarter.label}${withLast ? ` and of ${d.previous.label}` : ''}.`,
        },
      },
      { kind: 'bullets', frame: sideRight(LOWER_TOP, LOWER_H), heading: withLast ? 'Quarter on quarter' : 'This quarter', items: moves, size: 14 },
    ],
    notes:
      `At ${formatDate(d.asOf)}: ${formatCount(c.mau)} monthly active users` +
      (d.account.licenses ? ` of ${formatCount(d.account.licenses)} licenses (${formatPercent(c.licenseUtilization)} utilization, ${formatCount(c.unusedLicenses)} unused)` : '') +
      `; ${formatCount(c.adoptedUsers)} adopted users. Each measure is computed over the 30 days to the quarter's last day.`,
  };
}

function activeUsersSlide(d: DeckData): ContentSlide {
  // Month ends before the first usage on record have no data (null), not zero users: the line starts at the first.
  const first = d.series.findIndex((p) => p.mau !== null);
  const points = first < 0 ? [] : d.series.slice(first);
  const end = d.current;
  const side: BulletItem[] = [
    { lead: 'Monthly active:', text: `${formatCount(end.mau)} (${comparable(d) ? `${formatCount(d.last.mau)} a quarter earlier` : 'first quarter with usage'})` },
    { lead: 'Weekly active:', text: formatCount(end.wau) },
    { lead: 'Daily active, average:', text: `${formatAverage(end.meanDau)} over the last 30 days` },
    { lead: 'Stickiness:', text: `${formatPercent(end.stickiness)} of monthly users on a typical day` },
  ];
  const chartFrame = mainLeft(CONTENT_TOP, 5.55);
  const block =
    points.length >= 2
      ? {
          kind: 'chart' as const,
          frame: chartFrame,
          heading: 'Active users at each month end',
          chart: {
            id: 'active-users' as const,
            type: 'line' as const,
            categories: points.map((p) => p.label),
            series: [
              { name: 'Monthly active (MAU)', values: points.map((p) => p.mau ?? 0), color: brandHex(d) },
              { name: 'Weekly active (WAU)', values: points.map((p) => p.wau ?? 0), color: '7048E8' },
              { name: 'Daily active, 30-day average', values: points.map((p) => p.meanDau ?? 0), color: '12B886' },
            ],
            format: 'count' as const,
            legend: true,
            altText: `Active users at each month end from ${points[0].label} to ${points[points.length - 1].label}.`,
          },
        }
      : {
          kind: 'message' as const,
          frame: chartFrame,
          text: 'Not enough history for a trend yet',
          detail: `Usage starts in ${points[0]?.label ?? d.quarter.label}; the trend appears after a second month end.`,
        };
  return {
    kind: 'content',
    id: 'active-users',
    title: 'Active users over time',
    defines: ['activeUsers', 'stickiness'],
    blocks: [block, { kind: 'bullets', frame: sideRight(CONTENT_TOP, 5.55), heading: `At the end of ${d.quarter.label}`, items: side, size: 14 }],
    notes: `Month-end values: ${points.map((p) => `${p.label} MAU ${formatCount(p.mau)}, WAU ${formatCount(p.wau)}, average DAU ${formatAverage(p.meanDau)}`).join('; ')}.`,
  };
}

/** At most this many features on the chart: more bars than this no longer read from the back of a room. */
const MAX_FEATURES = 8;

function featureSlide(d: DeckData): ContentSlide {
  const withLast = comparable(d);
  // Plain feature names on the slide; which of them are key is the CSM's catalogue, said in the notes.
  const name = (key: string) => d.features.get(key)?.name ?? key;
  const isKey = (key: string) => d.features.get(key)?.isKey === true;
  const keys = Object.entries(d.current.featureAdoption)
    .filter((e): e is [string, number] => e[1] !== null)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_FEATURES)
    .map(([k]) => k);
  // A feature missing from last quarter's list had no user then: its adoption was 0 of that quarter's actives.
  const lastOf = (k: string) => d.last.featureAdoption[k] ?? 0;
  const series: ChartSeries[] = [];
  if (withLast) series.push({ name: d.previous.label, values: keys.map(lastOf), color: PALETTE.previous });
  series.push({ name: d.quarter.label, values: keys.map((k) => d.current.featureAdoption[k] ?? 0), color: brandHex(d) });
  const b = d.current.breadthDetail;
  const unused = b.enabled.filter((k) => !b.used.includes(k)).map((k) => d.features.get(k)?.name ?? k);
  const side: BulletItem[] = [
    { lead: 'Breadth:', text: `${b.used.length} of ${plural(b.enabled.length, 'key feature')} used in the last 30 days (${formatPercent(d.current.breadth)})` },
  ];
  if (unused.length > 0) side.push({ lead: 'Key features not used:', text: unused.join(', '), tone: 'warn' });
  if (keys.length > 0) side.push({ lead: 'Most used:', text: `${name(keys[0])}, ${formatPercent(d.current.featureAdoption[keys[0]])} of active users` });
  const hidden = Object.values(d.current.featureAdoption).filter((v) => v !== null).length - keys.length;
  if (hidden > 0) side.push({ text: `and ${plural(hidden, 'more feature')} used.` });
  const frame = mainLeft(CONTENT_TOP, 5.55);
  return {
    kind: 'content',
    id: 'feature-adoption',
    title: 'Feature adoption',
    defines: ['featureAdoption', 'breadth'],
    blocks: [
      keys.length > 0
        ? {
            kind: 'chart',
            frame,
            heading: `Share of active users using each feature, last 30 days of ${d.quarter.label}`,
            chart: {
              id: 'feature-adoption',
              type: 'bar',
              direction: 'bar',
              categories: keys.map(name),
              series,
              format: 'percent',
              max: 1,
              legend: withLast,
              altText: `Share of active users who used each feature in the last 30 days of ${d.quarter.label}.`,
            },
          }
        : { kind: 'message', frame, text: 'No active users at the end of the quarter', detail: 'Feature adoption is measured over the last 30 days of the quarter.' },
      { kind: 'bullets', frame: sideRight(CONTENT_TOP, 5.55), heading: 'Breadth of use', items: side, size: 14 },
    ],
    notes:
      `Feature adoption, last 30 days of ${d.quarter.label}: ${keys.map((k) => `${name(k)}${isKey(k) ? ' (key)' : ''} ${formatPercent(d.current.featureAdoption[k])}`).join(', ')}.` +
      (hidden > 0 ? ` ${plural(hidden, 'more feature')} in Bearing's account view.` : ''),
  };
}
