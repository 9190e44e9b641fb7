// The deck as PowerPoint, with pptxgenjs: 16:9, a title bar in the brand colour, and NATIVE charts (chart XML
// with an embedded workbook), so the CSM can restyle them or edit their data in PowerPoint; never pictures.
import PptxGenJS from 'pptxgenjs';
import { chartFormatCode } from './deck-format';
import { tidyPptx } from './pptx-package';
import {
  BAR_H,
  FONT,
  MARGIN,
  PALETTE,
  SLIDE_H,
  SLIDE_W,
  TONE_COLOR,
  belowHeading,
  footerRight,
  type Block,
  type ChartSpec,
  type ContentSlide,
  type DeckModel,
  type Frame,
  type Kpi,
  type TitleSlide,
} from './slide-model';

type Pptx = InstanceType<typeof PptxGenJS>;
type PptxSlide = ReturnType<Pptx['addSlide']>;
type TextRun = PptxGenJS.TextProps;

function logoBox(logo: NonNullable<DeckModel['logo']>, maxW: number, maxH: number) {
  const scale = Math.min(maxW / logo.width, maxH / logo.height);
  return { w: logo.width * scale, h: logo.height * scale };
}

// No slide.background: a solid background lacks <a:effectLst/> and PowerPoint repairs it (pptxgenjs #1442); the
// master's default is white anyway.
function titleSlide(pptx: Pptx, deck: DeckModel, s: TitleSlide) {
  const slide = pptx.addSlide();
  slide.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: SLIDE_W, h: 4.7, fill: { color: deck.brand }, line: { color: deck.brand } });
  const onBrand = { fontFace: FONT, color: deck.onBrand, margin: 0 };
  slide.addText(s.title, { ...onBrand, x: 0.8, y: 1.0, w: 11.7, h: 0.5, fontSize: 20 });
  slide.addText(s.accountName, { ...onBrand, x: 0.8, y: 1.6, w: 11.7, h: 1.5, fontSize: 44, bold: true, valign: 'middle', fit: 'shrink' });
  slide.addText(s.quarterLine, { ...onBrand, x: 0.8, y: 3.3, w: 11.7, h: 0.6, fontSize: 20 });
  if (s.signature.name) {
    slide.addText(s.signature.name, { x: 0.8, y: 5.2, w: 7.5, h: 0.45, fontFace: FONT, fontSize: 20, bold: true, color: PALETTE.ink, margin: 0 });
  }
  slide.addText(s.signature.line, { x: 0.8, y: s.signature.name ? 5.7 : 5.4, w: 7.5, h: 0.45, fontFace: FONT, fontSize: 16, color: PALETTE.muted, margin: 0 });
  if (deck.logo) {
    const box = logoBox(deck.logo, 3.0, 1.3);
    slide.addImage({
      data: `${deck.logo.mime};base64,${deck.logo.data.toString('base64')}`,
      x: SLIDE_W - 0.8 - box.w,
      y: 5.1 + (1.3 - box.h) / 2,
      ...box,
      altText: deck.companyName ? `${deck.companyName} logo` : 'Logo',
    });
  }
  slide.addNotes(s.notes);
}

function frame(f: Frame) {
  return { x: f.x, y: f.y, w: f.w, h: f.h };
}

function kpis(pptx: Pptx, slide: PptxSlide, f: Frame, items: Kpi[], brand: string) {
  const gap = 0.25;
  const w = (f.w - gap * (items.length - 1)) / items.length;
  items.forEach((k, i) => {
    const x = f.x + i * (w + gap);
    const accent = k.tone && k.tone !== 'neutral' ? TONE_COLOR[k.tone] : brand;
    slide.addShape(pptx.ShapeType.rect, { x, y: f.y, w, h: f.h, fill: { color: PALETTE.panel }, line: { color: PALETTE.panel } });
    slide.addShape(pptx.ShapeType.rect, { x, y: f.y, w: 0.07, h: f.h, fill: { color: accent }, line: { color: accent } });
    const text = { fontFace: FONT, x: x + 0.2, w: w - 0.3, margin: 0 };
    slide.addText(k.label, { ...text, y: f.y + 0.1, h: 0.3, fontSize: 13, color: PALETTE.muted });
    slide.addText(k.value, { ...text, y: f.y + 0.4, h: 0.5, fontSize: 26, bold: true, color: k.tone ? TONE_COLOR[k.tone] : PALETTE.ink, fit: 'shrink' });
    if (k.detail) slide.addText(k.detail, { ...text, y: f.y + 0.92, h: 0.3, fontSize: 12, color: PALETTE.muted });
  });
}

function heading(slide: PptxSlide, f: Frame, text: string, brand: string) {
  slide.addText(text, { x: f.x, y: f.y, w: f.w, h: 0.4, fontFace: FONT, fontSize: 16, bold: true, color: brand, margin: 0 });
}

function chart(pptx: Pptx, slide: PptxSlide, f: Frame, c: ChartSpec) {
  // Horizontal bars draw the first category at the bottom; reversed, the largest reads first, top down.
  const reverse = c.type === 'bar' && c.direction === 'bar';
  const order = <T,>(xs: T[]) => (reverse ? [...xs].reverse() : xs);
  const data = order(c.series).map((s) => ({ name: s.name, labels: order(c.categories), values: order(s.values) }));
  // Horizontal bars carry value labels at their ends, so their value axis would only repeat them.
  const valueAxis = reverse ? { valAxisHidden: true, valGridLine: { style: 'none' as const } } : { valGridLine: { color: PALETTE.rule, size: 0.75 } };
  const common = {
    ...frame(f),
    objectName: c.id,
    altText: c.altText,
    chartColors: order(c.series).map((s) => s.color),
    showLegend: c.legend,
    legendPos: 'b' as const,
    legendFontSize: 13,
    legendFontFace: FONT,
    catAxisLabelFontSize: 13,
    catAxisLabelFontFace: FONT,
    catAxisLabelColor: PALETTE.ink,
    valAxisLabelFontSize: 12,
    valAxisLabelFontFace: FONT,
    valAxisLabelColor: PALETTE.muted,
    valAxisLabelFormatCode: chartFormatCode(c.format),
    valAxisMinVal: 0,
    ...(c.max !== undefined ? { valAxisMaxVal: c.max } : {}),
    ...valueAxis,
    catGridLine: { style: 'none' as const },
    catAxisLineColor: PALETTE.rule,
    valAxisLineShow: false,
  };
  if (c.type === 'line') {
    slide.addChart(pptx.ChartType.line, data, { ...common, lineSize: 3, lineDataSymbol: 'circle', lineDataSymbolSize: 8 });
    return;
  }
  slide.addChart(pptx.ChartType.bar, data, {
    ...common,
    barDir: c.direction ?? 'col',
    barGrouping: 'clustered',
    barGapWidthPct: 60,
    showValue: true,
    dataLabelFormatCode: chartFormatCode(c.format),
    dataLabelFontSize: 12,
    dataLabelFontFace: FONT,
    dataLabelColor: PALETTE.ink,
    dataLabelPosition: 'outEnd',
  });
}

function bullets(slide: PptxSlide, block: Extract<Block, { kind: 'bullets' }>, brand: string) {
  if (block.heading) heading(slide, block.frame, block.heading, brand);
  const top = belowHeading(block.frame, block.heading).y;
  const runs: TextRun[] = [];
  for (const item of block.items) {
    const paragraph = block.plain ? {} : { bullet: { indent: 14 } };
    const lead = item.lead ? `${item.lead} ` : '';
    if (lead) runs.push({ text: lead, options: { ...paragraph, bold: true, color: item.tone ? TONE_COLOR[item.tone] : PALETTE.ink } });
    runs.push({
      text: item.text,
      options: { ...(lead ? {} : paragraph), color: !lead && item.tone ? TONE_COLOR[item.tone] : PALETTE.ink, breakLine: true },
    });
  }
  slide.addText(runs, {
    x: block.frame.x,
    y: top,
    w: block.frame.w,
    h: block.frame.y + block.frame.h - top,
    fontFace: FONT,
    fontSize: block.size,
    valign: 'top',
    paraSpaceAfter: 8,
    margin: 0,
    fit: 'shrink',
  });
}

function table(slide: PptxSlide, block: Extract<Block, { kind: 'table' }>, brand: string, onBrand: string) {
  const cell = { fontFace: FONT, fontSize: 14, valign: 'middle' as const, margin: [0.05, 0.1, 0.05, 0.1] as [number, number, number, number] };
  const border = { type: 'solid' as const, pt: 0.75, color: PALETTE.rule };
  const header = block.columns.map((c) => ({ text: c.header, options: { ...cell, bold: true, color: onBrand, fill: { color: brand }, border } }));
  const rows = block.rows.map((r, i) =>
    r.cells.map((text, j) => {
      const tone = r.tones?.[j];
      return {
        text,
        options: { ...cell, color: tone ? TONE_COLOR[tone] : PALETTE.ink, bold: tone !== undefined && tone !== 'neutral', fill: { color: i % 2 ? PALETTE.panel : PALETTE.white }, border },
      };
    }),
  );
  slide.addTable([header, ...rows], { x: block.frame.x, y: block.frame.y, w: block.frame.w, colW: block.columns.map((c) => c.width * block.frame.w), rowH: 0.46 });
}

function message(pptx: Pptx, slide: PptxSlide, block: Extract<Block, { kind: 'message' }>) {
  const f = block.frame;
  slide.addShape(pptx.ShapeType.rect, { ...frame(f), fill: { color: PALETTE.panel }, line: { color: PALETTE.rule, width: 1 } });
  const runs: TextRun[] = [{ text: block.text, options: { fontSize: 24, bold: true, color: PALETTE.ink, breakLine: true } }];
  if (block.detail) runs.push({ text: block.detail, options: { fontSize: 16, color: PALETTE.muted } });
  slide.addText(runs, { x: f.x + 0.4, y: f.y + 0.3, w: f.w - 0.8, h: f.h - 0.6, fontFace: FONT, align: 'center', valign: 'middle', paraSpaceAfter: 12, margin: 0 });
}

function contentSlide(pptx: Pptx, deck: DeckModel, s: ContentSlide, page: number) {
  const slide = pptx.addSlide();
  slide.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: SLIDE_W, h: BAR_H, fill: { color: deck.brand }, line: { color: deck.brand } });
  slide.addText(s.title, { x: MARGIN, y: 0, w: SLIDE_W - 2 * MARGIN, h: BAR_H, fontFace: FONT, fontSize: 26, bold: true, color: deck.onBrand, valign: 'middle', margin: 0, fit: 'shrink' });
  const footer = { y: SLIDE_H - 0.45, h: 0.3, fontFace: FONT, fontSize: 10, color: PALETTE.muted, margin: 0 };
  slide.addText(`${deck.accountName} · QBR ${deck.quarterLabel}`, { ...footer, x: MARGIN, w: 8 });
  slide.addText(footerRight(deck, page), { ...footer, x: SLIDE_W - MARGIN - 4, w: 4, align: 'right' });
  for (const block of s.blocks) {
    if (block.kind === 'kpis') kpis(pptx, slide, block.frame, block.items, deck.brand);
    else if (block.kind === 'chart') {
      if (block.heading) heading(slide, block.frame, block.heading, deck.brandText);
      chart(pptx, slide, belowHeading(block.frame, block.heading), block.chart);
    }
    else if (block.kind === 'bullets') bullets(slide, block, deck.brandText);
    else if (block.kind === 'table') table(slide, block, deck.brand, deck.onBrand);
    else if (block.kind === 'message') message(pptx, slide, block);
    else {
      slide.addText(block.text, { ...frame(block.frame), fontFace: FONT, fontSize: block.size, color: block.muted ? PALETTE.muted : PALETTE.ink, italic: block.italic, margin: 0, valign: 'top' });
    }
  }
  slide.addNotes(s.notes);
}

/** The PPTX bytes. pptxgenjs zips asynchronously, so the event loop keeps turning while the file is written. */
export async function renderPptx(deck: DeckModel): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.subject = `Quarterly Business Review ${deck.quarterLabel}`;
  pptx.company = deck.companyName;
  pptx.author = deck.author;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  deck.slides.forEach((s, i) => (s.kind === 'title' ? titleSlide(pptx, deck, s) : contentSlide(pptx, deck, s, i + 1)));
  // Stored, not deflated: tidyPptx re-zips every part anyway.
  const out = await pptx.write({ outputType: 'nodebuffer', compression: false });
  if (!(out instanceof Uint8Array)) throw new Error('pptxgenjs did not return bytes');
  return tidyPptx(out);
}
