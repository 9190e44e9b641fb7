// The same deck as PDF, with pdfkit: one landscape 16:9 page per slide, mirroring the PPTX's layout from the same
// model (positions in inches × 72), with the charts drawn as vectors.
import PDFDocument from 'pdfkit';
import { drawChart } from './pdf-chart';
import { fitLine, pdfText, type Pdf } from './pdf-text';
import {
  BAR_H,
  MARGIN,
  PALETTE,
  SLIDE_H,
  SLIDE_W,
  TONE_COLOR,
  belowHeading,
  footerRight,
  type Block,
  type ContentSlide,
  type DeckModel,
  type Frame,
  type Kpi,
  type TitleSlide,
} from './slide-model';

export interface PdfOptions {
  /** Compress page streams (default true); tests turn it off to search the page text. */
  compress?: boolean;
}

const PT = 72;
const hex = (c: string) => `#${c}`;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

function titlePage(doc: Pdf, deck: DeckModel, s: TitleSlide) {
  doc.rect(0, 0, SLIDE_W * PT, 4.7 * PT).fill(hex(deck.brand));
  const w = 11.7 * PT;
  doc.font(REGULAR).fontSize(20).fillColor(hex(deck.onBrand)).text(pdfText(s.title), 0.8 * PT, 1.05 * PT, { width: w, lineBreak: false });
  let size = 44;
  doc.font(BOLD);
  while (size > 24 && doc.fontSize(size).heightOfString(pdfText(s.accountName), { width: w }) > 1.5 * PT) size -= 2;
  const nameH = doc.heightOfString(pdfText(s.accountName), { width: w });
  doc.text(pdfText(s.accountName), 0.8 * PT, 1.6 * PT + (1.5 * PT - nameH) / 2, { width: w });
  doc.font(REGULAR).fontSize(20).text(pdfText(s.quarterLine), 0.8 * PT, 3.38 * PT, { width: w, lineBreak: false });
  if (s.signature.name) {
    doc.font(BOLD).fontSize(20).fillColor(hex(PALETTE.ink)).text(pdfText(s.signature.name), 0.8 * PT, 5.25 * PT, { width: 7.5 * PT, lineBreak: false });
  }
  doc.font(REGULAR).fontSize(16).fillColor(hex(PALETTE.muted)).text(pdfText(s.signature.line), 0.8 * PT, (s.signature.name ? 5.75 : 5.5) * PT, { width: 7.5 * PT, lineBreak: false });
  if (deck.logo) {
    doc.image(deck.logo.data, (SLIDE_W - 0.8 - 3.0) * PT, 5.1 * PT, { fit: [3.0 * PT, 1.3 * PT], align: 'right', valign: 'center' });
  }
}

function kpis(doc: Pdf, f: Frame, items: Kpi[], brand: string) {
  const gap = 0.25;
  const w = (f.w - gap * (items.length - 1)) / items.length;
  items.forEach((k, i) => {
    const x = (f.x + i * (w + gap)) * PT;
    const y = f.y * PT;
    const accent = k.tone && k.tone !== 'neutral' ? TONE_COLOR[k.tone] : brand;
    doc.rect(x, y, w * PT, f.h * PT).fill(hex(PALETTE.panel));
    doc.rect(x, y, 0.07 * PT, f.h * PT).fill(hex(accent));
    const tx = x + 0.2 * PT;
    const tw = (w - 0.3) * PT;
    doc.font(REGULAR).fontSize(13).fillColor(hex(PALETTE.muted));
    doc.text(fitLine(doc, k.label, tw), tx, y + 0.13 * PT, { lineBreak: false });
    let size = 26;
    doc.font(BOLD);
    while (size > 14 && doc.fontSize(size).widthOfString(pdfText(k.value)) > tw) size -= 2;
    doc.fillColor(hex(k.tone ? TONE_COLOR[k.tone] : PALETTE.ink)).text(pdfText(k.value), tx, y + 0.42 * PT + (26 - size) / 2, { lineBreak: false });
    if (k.detail) {
      doc.font(REGULAR).fontSize(12).fillColor(hex(PALETTE.muted));
      doc.text(fitLine(doc, k.detail, tw), tx, y + 0.95 * PT, { lineBreak: false });
    }
  });
}

function heading(doc: Pdf, f: Frame, text: string, brand: string) {
  doc.font(BOLD).fontSize(16).fillColor(hex(brand)).text(fitLine(doc, text, f.w * PT), f.x * PT, f.y * PT, { lineBreak: false });
}

type Bullets = Extract<Block, { kind: 'bullets' }>;

function bulletLayout(doc: Pdf, block: Bullets) {
  const f = block.frame;
  const top = belowHeading(f, block.heading).y * PT;
  const indent = block.plain ? 0 : 14;
  const width = f.w * PT - indent;
  const texts = block.items.map((i) => pdfText(`${i.lead ? `${i.lead} ` : ''}${i.text}`));
  const bottom = (f.y + f.h) * PT;
  // Shrink to fit, as the PPTX text box does, rather than run off the slide.
  let size = block.size;
  const heightAt = (s: number) => texts.reduce((sum, t) => sum + doc.font(REGULAR).fontSize(s).heightOfString(t, { width }) + 8, 0);
  while (size > 10 && heightAt(size) > bottom - top) size -= 1;
  return { top, indent, width, texts, bottom, size };
}

/** size: a size shared with the slide's other paragraph blocks (the appendix), so they do not differ block by block. */
function bullets(doc: Pdf, block: Bullets, brand: string, shared?: number) {
  const f = block.frame;
  if (block.heading) heading(doc, f, block.heading, brand);
  const { indent, width, texts, bottom, ...fit } = bulletLayout(doc, block);
  let y = fit.top;
  const size = Math.min(fit.size, shared ?? fit.size);
  block.items.forEach((item, n) => {
    if (y >= bottom) return;
    const color = hex(item.tone ? TONE_COLOR[item.tone] : PALETTE.ink);
    if (!block.plain) doc.circle(f.x * PT + 3.5, y + size * 0.55, 2.2).fill(hex(PALETTE.ink));
    const x = f.x * PT + indent;
    if (item.lead) {
      doc.font(BOLD).fontSize(size).fillColor(color).text(pdfText(`${item.lead} `), x, y, { width, continued: true });
      doc.font(REGULAR).fillColor(hex(PALETTE.ink)).text(pdfText(item.text));
    } else {
      doc.font(REGULAR).fontSize(size).fillColor(color).text(pdfText(item.text), x, y, { width });
    }
    y += doc.font(REGULAR).fontSize(size).heightOfString(texts[n], { width }) + 8;
  });
}

function table(doc: Pdf, block: Extract<Block, { kind: 'table' }>, brand: string, onBrand: string) {
  const f = block.frame;
  const rowH = 0.46 * PT;
  const widths = block.columns.map((c) => c.width * f.w * PT);
  const drawRow = (cells: string[], y: number, fill: string, colors: string[], bold: boolean[]) => {
    doc.rect(f.x * PT, y, f.w * PT, rowH).fill(hex(fill));
    let x = f.x * PT;
    cells.forEach((text, j) => {
      doc.font(bold[j] ? BOLD : REGULAR).fontSize(14).fillColor(hex(colors[j]));
      doc.text(fitLine(doc, text, widths[j] - 14), x + 7, y + rowH / 2 - 7, { lineBreak: false });
      x += widths[j];
    });
    doc.moveTo(f.x * PT, y + rowH).lineTo((f.x + f.w) * PT, y + rowH).lineWidth(0.75).strokeColor(hex(PALETTE.rule)).stroke();
  };
  let y = f.y * PT;
  drawRow(block.columns.map((c) => c.header), y, brand, block.columns.map(() => onBrand), block.columns.map(() => true));
  block.rows.forEach((r, i) => {
    y += rowH;
    const tones = block.columns.map((_, j) => r.tones?.[j]);
    drawRow(
      r.cells,
      y,
      i % 2 ? PALETTE.panel : PALETTE.white,
      tones.map((t) => (t ? TONE_COLOR[t] : PALETTE.ink)),
      tones.map((t) => t !== undefined && t !== 'neutral'),
    );
  });
}

function message(doc: Pdf, block: Extract<Block, { kind: 'message' }>) {
  const f = block.frame;
  doc.rect(f.x * PT, f.y * PT, f.w * PT, f.h * PT).fillAndStroke(hex(PALETTE.panel), hex(PALETTE.rule));
  const width = (f.w - 0.8) * PT;
  const head = pdfText(block.text);
  const detail = block.detail ? pdfText(block.detail) : '';
  const headH = doc.font(BOLD).fontSize(24).heightOfString(head, { width });
  const detailH = detail ? doc.font(REGULAR).fontSize(16).heightOfString(detail, { width }) + 12 : 0;
  let y = f.y * PT + (f.h * PT - headH - detailH) / 2;
  doc.font(BOLD).fontSize(24).fillColor(hex(PALETTE.ink)).text(head, (f.x + 0.4) * PT, y, { width, align: 'center' });
  y += headH + 12;
  if (detail) doc.font(REGULAR).fontSize(16).fillColor(hex(PALETTE.muted)).text(detail, (f.x + 0.4) * PT, y, { width, align: 'center' });
}

function contentPage(doc: Pdf, deck: DeckModel, s: ContentSlide, page: number) {
  doc.rect(0, 0, SLIDE_W * PT, BAR_H * PT).fill(hex(deck.brand));
  let size = 26;
  doc.font(BOLD);
  while (size > 16 && doc.fontSize(size).widthOfString(pdfText(s.title)) > (SLIDE_W - 2 * MARGIN) * PT) size -= 2;
  doc.fillColor(hex(deck.onBrand)).text(pdfText(s.title), MARGIN * PT, (BAR_H * PT - size) / 2 + 2, { lineBreak: false });
  doc.font(REGULAR).fontSize(10).fillColor(hex(PALETTE.muted));
  const footerY = (SLIDE_H - 0.42) * PT;
  doc.text(pdfText(`${deck.accountName} · QBR ${deck.quarterLabel}`), MARGIN * PT, footerY, { lineBreak: false });
  doc.text(pdfText(footerRight(deck, page)), (SLIDE_W - MARGIN - 4) * PT, footerY, { width: 4 * PT, align: 'right', lineBreak: false });
  const plain = s.blocks.filter((b): b is Bullets => b.kind === 'bullets' && b.plain === true);
  const plainSize = plain.length > 0 ? Math.min(...plain.map((b) => bulletLayout(doc, b).size)) : undefined;
  for (const block of s.blocks) {
    if (block.kind === 'kpis') kpis(doc, block.frame, block.items, deck.brand);
    else if (block.kind === 'chart') {
      if (block.heading) heading(doc, block.frame, block.heading, deck.brandText);
      drawChart(doc, belowHeading(block.frame, block.heading), block.chart);
    }
    else if (block.kind === 'bullets') bullets(doc, block, deck.brandText, plainSize);
    else if (block.kind === 'table') table(doc, block, deck.brand, deck.onBrand);
    else if (block.kind === 'message') message(doc, block);
    else {
      doc.font(block.italic ? 'Helvetica-Oblique' : REGULAR).fontSize(block.size).fillColor(hex(block.muted ? PALETTE.muted : PALETTE.ink));
      doc.text(pdfText(block.text), block.frame.x * PT, block.frame.y * PT, { width: block.frame.w * PT, height: block.frame.h * PT, ellipsis: true });
    }
  }
}

export async function renderPdf(deck: DeckModel, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [SLIDE_W * PT, SLIDE_H * PT],
    margin: 0,
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: { Title: pdfText(deck.title), Author: pdfText(deck.author), Subject: pdfText(`Quarterly Business Review ${deck.quarterLabel}`) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  deck.slides.forEach((s, i) => {
    doc.addPage();
    if (s.kind === 'title') titlePage(doc, deck, s);
    else contentPage(doc, deck, s, i + 1);
  });
  doc.end();
  return done;
}
