// Building a deck: gather the data (the services, yielding between calls), lay out the content once, then render
// it as PPTX or PDF. Both renderers are asynchronous, so a deck never holds the main process for its whole build.
import type { DeckFormat } from '../../shared/contract';
import type { ServiceContext } from '../services/context';
import { buildDeckModel } from './content';
import { gatherDeckData, type DeckData, type DeckRequest } from './deck-data';
import { renderPdf, type PdfOptions } from './pdf';
import { renderPptx } from './pptx';
import type { DeckModel } from './slide-model';

export interface BuiltDeck {
  buffer: Buffer;
  data: DeckData;
  model: DeckModel;
  /** Milliseconds spent gathering data and rendering: what a slow build would be blamed on. */
  timings: { dataMs: number; renderMs: number };
}

export async function buildDeck(
  ctx: ServiceContext,
  request: DeckRequest & { format: DeckFormat },
  pdfOptions: PdfOptions = {},
): Promise<BuiltDeck> {
  const started = performance.now();
  const data = await gatherDeckData(ctx, request);
  const gathered = performance.now();
  const model = buildDeckModel(data);
  const buffer = request.format === 'pptx' ? await renderPptx(model) : await renderPdf(model, pdfOptions);
  return { buffer, data, model, timings: { dataMs: gathered - started, renderMs: performance.now() - gathered } };
}
