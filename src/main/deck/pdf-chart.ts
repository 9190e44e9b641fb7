// The deck's charts for the PDF, drawn as vectors with pdfkit: the same categories, series, colours and value
// labels as the PPTX's native charts, with a value axis from 0 (a truncated axis exaggerates a quarter's change).
import { chartValue } from './deck-format';
import { PALETTE, type ChartSpec, type Frame } from './slide-model';
import { pdfText, type Pdf } from './pdf-text';

const PT = 72;
const hex = (c: string) => `#${c}`;

/** A round axis top and step: 0.2 steps to 100 % for ratios, 1–2–5 steps for counts. */
function axis(c: ChartSpec): { max: number; step: number } {
  const top = Math.max(c.max ?? 0, ...c.series.flatMap((s) => s.values), 0);
  if (c.max !== undefined && top <= c.max) return { max: c.max, step: c.max / 5 };
  if (top <= 0) return { max: 1, step: 0.2 };
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return { max: Math.ceil(top / step) * step, step };
}

function legend(doc: Pdf, c: ChartSpec, x: number, y: number, w: number) {
  doc.font('Helvetica').fontSize(11);
  const items = c.series.map((s) => ({ s, width: 16 + doc.widthOfString(pdfText(s.name)) + 18 }));
  let cx = x + (w - items.reduce((a, i) => a + i.width, 0)) / 2;
  for (const { s, width } of items) {
    doc.rect(cx, y + 2, 10, 10).fill(hex(s.color));
    doc.fillColor(hex(PALETTE.ink)).text(pdfText(s.name), cx + 15, y, { lineBreak: false });
    cx += width;
  }
}

function valueGrid(doc: Pdf, c: ChartSpec, plot: Frame, ax: { max: number; step: number }) {
  doc.font('Helvetica').fontSize(10);
  for (let v = 0; v <= ax.max + ax.step / 1000; v += ax.step) {
    const label = pdfText(chartValue(c.format === 'percent' ? 'percent' : 'count', v));
    const y = plot.y + plot.h - (v / ax.max) * plot.h;
    doc.moveTo(plot.x, y).lineTo(plot.x + plot.w, y).lineWidth(0.75).strokeColor(hex(PALETTE.rule)).stroke();
    doc.fillColor(hex(PALETTE.muted)).text(label, plot.x - 52, y - 5, { width: 46, align: 'right', lineBreak: false });
  }
}

export function drawChart(doc: Pdf, f: Frame, c: ChartSpec): void {
  const box = { x: f.x * PT, y: f.y * PT, w: f.w * PT, h: f.h * PT };
  const legendH = c.legend ? 24 : 0;
  if (c.legend) legend(doc, c, box.x, box.y + box.h - 16, box.w);
  const ax = axis(c);
  const n = c.categories.length;
  const k = c.series.length;
  if (c.type === 'bar' && c.direction === 'bar') {
    const labelW = box.w * 0.34;
    // As in the PPTX: value labels at the bar ends, no value axis to repeat them.
    const plot = { x: box.x + labelW, y: box.y + 4, w: box.w - labelW - 40, h: box.h - legendH - 8 };
    const slot = plot.h / n;
    const barH = Math.min(28, (slot * 0.7) / k);
    c.categories.forEach((cat, i) => {
      const top = plot.y + i * slot + (slot - barH * k) / 2;
      doc.font('Helvetica').fontSize(12).fillColor(hex(PALETTE.ink));
      doc.text(pdfText(cat), box.x, plot.y + i * slot + slot / 2 - 7, { width: labelW - 10, align: 'right', height: 16, ellipsis: true, lineBreak: false });
      c.series.forEach((s, j) => {
        const w = (Math.max(0, s.values[i]) / ax.max) * plot.w;
        doc.rect(plot.x, top + j * barH, w, barH - 2).fill(hex(s.color));
        doc.font('Helvetica').fontSize(10).fillColor(hex(PALETTE.ink));
        doc.text(pdfText(chartValue(c.format, s.values[i])), plot.x + w + 4, top + j * barH + (barH - 2) / 2 - 5, { lineBreak: false });
      });
    });
    return;
  }
  const plot = { x: box.x + 58, y: box.y + 8, w: box.w - 66, h: box.h - legendH - 44 };
  valueGrid(doc, c, plot, ax);
  const slot = plot.w / n;
  c.categories.forEach((cat, i) => {
    doc.font('Helvetica').fontSize(11).fillColor(hex(PALETTE.ink));
    doc.text(pdfText(cat), plot.x + i * slot + 2, plot.y + plot.h + 6, { width: slot - 4, align: 'center', height: 30, ellipsis: true });
  });
  const yOf = (v: number) => plot.y + plot.h - (Math.max(0, v) / ax.max) * plot.h;
  if (c.type === 'line') {
    for (const s of c.series) {
      s.values.forEach((v, i) => {
        const x = plot.x + (i + 0.5) * slot;
        if (i === 0) doc.moveTo(x, yOf(v));
        else doc.lineTo(x, yOf(v));
      });
      doc.lineWidth(2.5).strokeColor(hex(s.color)).stroke();
      s.values.forEach((v, i) => doc.circle(plot.x + (i + 0.5) * slot, yOf(v), 3.5).fill(hex(s.color)));
    }
    return;
  }
  const barW = Math.min(56, (slot * 0.7) / k);
  c.categories.forEach((_, i) => {
    const left = plot.x + i * slot + (slot - barW * k) / 2;
    c.series.forEach((s, j) => {
      const y = yOf(s.values[i]);
      doc.rect(left + j * barW + 1, y, barW - 2, plot.y + plot.h - y).fill(hex(s.color));
      doc.font('Helvetica').fontSize(10).fillColor(hex(PALETTE.ink));
      doc.text(pdfText(chartValue(c.format, s.values[i])), left + j * barW - 6, y - 13, { width: barW + 12, align: 'center', lineBreak: false });
    });
  });
}
