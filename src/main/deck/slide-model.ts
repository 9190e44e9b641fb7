// The deck as data: slides made of blocks placed on a 13.33 × 7.5 inch (16:9) canvas. The content is decided
// once (content*.ts) and the PPTX and PDF renderers only draw it, so the two formats cannot drift apart.
import type { MetricId } from './definitions';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN = 0.5;
/** The title bar's height; content starts below it. */
export const BAR_H = 0.95;
export const CONTENT_TOP = 1.3;
export const CONTENT_BOTTOM = 6.85;
export const FONT = 'Calibri';

export const PALETTE = {
  ink: '1F2933',
  muted: '5F6B7A',
  rule: 'DEE2E6',
  panel: 'F4F6F8',
  white: 'FFFFFF',
  /** The "last quarter" series: the comparison recedes, this quarter carries the brand colour. */
  previous: 'ADB5BD',
  good: '2B8A3E',
  warn: 'D9480F',
  bad: 'C92A2A',
} as const;

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Kpi {
  label: string;
  value: string;
  detail?: string;
  tone?: Tone;
}

export interface ChartSeries {
  name: string;
  /** Exactly the services' numbers (ratios stay ratios, formatted by the chart), never rounded for display. */
  values: number[];
  /** Hex without '#'. */
  color: string;
}

export interface ChartSpec {
  /** Stable name (also the PPTX object name), so tests and readers can tell the charts apart. */
  id: 'drivers' | 'adoption' | 'active-users' | 'feature-adoption';
  type: 'bar' | 'line';
  /** Bars only: vertical columns or horizontal bars. */
  direction?: 'col' | 'bar';
  categories: string[];
  series: ChartSeries[];
  format: 'percent' | 'count' | 'points';
  /** Fixed top of the value axis (e.g. 1 = 100 % for ratios); none = automatic. */
  max?: number;
  legend: boolean;
  /** Alt text: what the chart shows, for screen readers and for the PDF's caption. */
  altText: string;
}

export interface BulletItem {
  text: string;
  tone?: Tone;
  /** A bold lead-in before the text ("Usage:"). */
  lead?: string;
}

export interface TableColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
}

export type Block =
  | { kind: 'kpis'; frame: Frame; items: Kpi[] }
  /** heading: a line above the chart saying what it shows (the chart's own title would crowd it). */
  | { kind: 'chart'; frame: Frame; chart: ChartSpec; heading?: string }
  | { kind: 'table'; frame: Frame; columns: TableColumn[]; rows: { cells: string[]; tones?: (Tone | undefined)[] }[] }
  /** plain = paragraphs without bullet marks (the appendix's definitions). */
  | { kind: 'bullets'; frame: Frame; heading?: string; items: BulletItem[]; size: number; plain?: boolean }
  /** The honest empty state: a clear sentence where a chart or table would be. */
  | { kind: 'message'; frame: Frame; text: string; detail?: string }
  | { kind: 'text'; frame: Frame; text: string; size: number; muted?: boolean; italic?: boolean };

export interface TitleSlide {
  kind: 'title';
  id: 'title';
  title: string;
  accountName: string;
  quarterLine: string;
  /** The CSM signs the deck: their name (null until set in Settings), then their title, company and the date. */
  signature: { name: string | null; line: string };
  notes: string;
}

export interface ContentSlide {
  kind: 'content';
  id: string;
  title: string;
  blocks: Block[];
  notes: string;
  /** The metrics the slide shows: the appendix defines each of them. */
  defines: MetricId[];
}

export type Slide = TitleSlide | ContentSlide;

export interface DeckModel {
  /** "Tidewell Outfitters – QBR Q3 2026" */
  title: string;
  accountName: string;
  quarterLabel: string;
  /** The CSM's company ('' = none set): footers and the file's metadata. */
  companyName: string;
  /** The file's author: the CSM, else their company. */
  author: string;
  /** Hex without '#'. */
  brand: string;
  /** Text on the brand colour: white on a dark colour, ink on a light one. */
  onBrand: string;
  /** Headings on white: the brand colour when it reads on white, else ink (a yellow heading would vanish). */
  brandText: string;
  logo: { data: Buffer; mime: string; width: number; height: number } | null;
  slides: Slide[];
}

/** The right-hand footer of a content slide: "Acme Success · 4", or just the page number. */
export function footerRight(deck: DeckModel, page: number): string {
  return deck.companyName ? `${deck.companyName} · ${page}` : String(page);
}

/** The space a block heading takes above its content. */
export const HEADING_H = 0.45;

/** A block's frame below its heading. */
export function belowHeading(f: Frame, heading: string | undefined): Frame {
  return heading ? { x: f.x, y: f.y + HEADING_H, w: f.w, h: f.h - HEADING_H } : f;
}

export const TONE_COLOR: Record<Tone, string> = { good: PALETTE.good, warn: PALETTE.warn, bad: PALETTE.bad, neutral: PALETTE.ink };

/** White or ink, whichever reads better on the colour (WCAG relative luminance). */
export function textOn(hex: string): string {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.45 ? PALETTE.ink : PALETTE.white;
}

/** Cuts text to a length that fits its box, at a word boundary, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
