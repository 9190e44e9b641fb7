// The QBR deck's content from its data: the slide list, in the order a review runs, and the appendix defining
// every metric the slides show. Both renderers (pptx.ts, pdf.ts) draw exactly this.
import type { DeckData } from './deck-data';
import { formatDate } from './deck-format';
import { definitions, METRIC_IDS, type MetricId } from './definitions';
import { actionItemsSlide, journeySlide, recommendationsSlide, relationshipSlide } from './content-relationship';
import { successPlanSlide } from './content-plan';
import { adoptionSlides, summarySlide } from './content-usage';
import { CONTENT_BOTTOM, CONTENT_TOP, MARGIN, PALETTE, SLIDE_W, textOn, type Block, type ContentSlide, type DeckModel, type Slide } from './slide-model';

/**
 * The definitions flow down two columns, page after page, each block as tall as its text. The estimate, 66
 * characters a line at 13 pt in a 6-inch column (Calibri fits about 85, the PDF's Helvetica about 68), errs long;
 * a text box that is still too small shrinks its text to fit.
 */
function appendix(d: DeckData, shown: readonly MetricId[]): ContentSlide[] {
  const defs = definitions(d.settings);
  const ids = METRIC_IDS.filter((id) => shown.includes(id));
  const colW = (SLIDE_W - 2 * MARGIN - 0.4) / 2;
  const columnH = CONTENT_BOTTOM - CONTENT_TOP;
  const heightOf = (id: MetricId) => 0.45 + Math.ceil(defs[id].text.length / 66) * 0.23 + 0.15;
  const pages: Block[][] = [];
  let page: Block[] | null = null;
  let column = 0;
  let y = 0;
  for (const id of ids) {
    const h = heightOf(id);
    if (page === null || y + h > columnH) {
      if (page !== null && column === 0) {
        column = 1;
      } else {
        page = [];
        pages.push(page);
        column = 0;
      }
      y = 0;
    }
    page.push({
      kind: 'bullets',
      frame: { x: MARGIN + column * (colW + 0.4), y: CONTENT_TOP + y, w: colW, h: h - 0.1 },
      heading: defs[id].term,
      items: [{ text: defs[id].text }],
      size: 13,
      plain: true,
    });
    y += h;
  }
  return pages.map((blocks, page) => ({
    kind: 'content',
    id: `appendix-${page + 1}`,
    title: pages.length > 1 ? `Appendix: definitions (${page + 1} of ${pages.length})` : 'Appendix: definitions',
    blocks,
    defines: [],
    notes: 'How each number in this deck is computed, in the words of the definitions Bearing uses.',
  }));
}

/** The CSM signs the deck (issue #12): name, then title and company, then the day it was prepared. */
function signature(d: DeckData): { name: string | null; line: string } {
  const { csmName, csmTitle, companyName } = d.branding;
  const role = (csmName ? [csmTitle, companyName] : [companyName]).filter(Boolean).join(', ');
  return { name: csmName || null, line: [role, formatDate(d.today)].filter(Boolean).join(' · ') };
}

export function buildDeckModel(d: DeckData): DeckModel {
  const brand = d.branding.color.slice(1).toUpperCase();
  const range = `${formatDate(d.quarter.start)} – ${formatDate(d.asOf)}`;
  const title: Slide = {
    kind: 'title',
    id: 'title',
    title: 'Quarterly Business Review',
    accountName: d.account.name,
    quarterLine: `${d.quarter.label}${d.quarter.complete ? '' : ' (to date)'} · ${range}`,
    signature: signature(d),
    notes:
      `Every number in this deck is as of ${formatDate(d.asOf)}${d.quarter.complete ? ', the last day of the quarter' : ' (the quarter is still running)'}; "last quarter" is as of ${formatDate(d.previousAsOf)}.` +
      (d.branding.csmName ? '' : ' The deck is not signed yet: set your name and title in Bearing, Settings → QBR deck.') +
      ' These notes are for you: the customer sees the slides only.',
  };
  const plan = successPlanSlide(d);
  const body: ContentSlide[] = [
    // The deck opens with the success plan (issue #14, point 5) when the account has one.
    ...(plan ? [plan] : []),
    summarySlide(d),
    ...adoptionSlides(d),
    journeySlide(d),
    actionItemsSlide(d),
    relationshipSlide(d),
    recommendationsSlide(d),
  ];
  const shown = [...new Set(body.flatMap((s) => s.defines))];
  return {
    title: `${d.account.name} – QBR ${d.quarter.label}`,
    accountName: d.account.name,
    quarterLabel: d.quarter.label,
    companyName: d.branding.companyName,
    author: d.branding.csmName || d.branding.companyName,
    brand,
    onBrand: textOn(brand),
    brandText: textOn(brand) === PALETTE.white ? brand : PALETTE.ink,
    logo: d.branding.logo,
    slides: [title, ...body, ...appendix(d, shown)],
  };
}
