// The QBR deck's contract methods: build a deck into the data folder (or where the CSM chose to save it), list
// the quarters a deck can cover, and the deck's branding settings.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DeckFormat, MethodInput, MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { DECK_DEFAULTS, readDeckSettings, writeDeckSettings } from './branding';
import { customerPeriod } from './account-as-of';
import { defaultQuarter, lastCompleteQuarter, quartersBetween, type CustomerPeriod, type Quarter } from './quarter';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, tightenMode } from '../db/data-dir';
import { todayOf } from '../services/clock';
import type { HandlerGroup, ServiceContext } from '../services/context';

/** Where built decks go; the web host serves downloads from here and nowhere else. */
export function decksDir(ctx: Pick<ServiceContext, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'decks');
}

/** "Acme Corp QBR 2026Q3.pptx": no characters any OS refuses in a file name. */
export function deckFileName(accountName: string, quarter: Quarter, format: DeckFormat): string {
  const safe = accountName.replace(/[\\/:*?"<>|\p{Cc}]/gu, '').replace(/\s+/g, ' ').trim().slice(0, 80).replace(/^\.+/, '');
  return `${safe || 'Account'} QBR ${quarter.id}.${format}`;
}

function checkOutPath(outPath: string, format: DeckFormat): string {
  if (!path.isAbsolute(outPath)) throw new AppError('invalid_out_path', `Save the deck to a full path (got "${outPath}").`);
  if (path.extname(outPath).toLowerCase() !== `.${format}`) {
    throw new AppError('invalid_out_path', `A ${format.toUpperCase()} deck is saved as a .${format} file, not "${path.basename(outPath)}".`);
  }
  return path.normalize(outPath);
}

/**
 * Writes the file. PowerPoint on Windows locks an open deck: rebuilding it then gets a numbered sibling rather
 * than an error, and the CSM is told which file was written. In the data folder (`private`) the deck is the
 * CSM's alone (0600 in a 0700 folder); one saved where the CSM chose keeps that folder's usual modes.
 */
async function writeDeckFile(file: string, buffer: Buffer, private_: boolean): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true, ...(private_ ? { mode: PRIVATE_DIR_MODE } : {}) });
  const ext = path.extname(file);
  for (let n = 1; n <= 20; n++) {
    const candidate = n === 1 ? file : `${file.slice(0, -ext.length)} (${n})${ext}`;
    try {
      await fs.writeFile(candidate, buffer, private_ ? { mode: PRIVATE_FILE_MODE } : {});
      // A deck built before decks were private keeps its old mode when rewritten: take it back.
      if (private_) tightenMode(candidate, PRIVATE_FILE_MODE);
      return candidate;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EBUSY' && code !== 'EPERM') {
        throw new AppError('deck_not_saved', `The deck could not be saved to ${candidate}: ${(error as Error).message}`);
      }
    }
  }
  throw new AppError('deck_not_saved', `The deck could not be saved next to ${file}: the file is open in another program.`);
}

export async function buildDeckFile(ctx: ServiceContext, input: MethodInput<'deck.build'>): Promise<MethodOutput<'deck.build'>> {
  const started = performance.now();
  const target = input.outPath === undefined ? null : checkOutPath(input.outPath, input.format);
  // pptxgenjs and pdfkit are loaded on the first deck, not at every start of the app or the CLI.
  const { buildDeck } = await import('./build');
  const built = await buildDeck(ctx, { accountId: input.accountId, quarter: input.quarter, format: input.format });
  const { quarter, account, asOf } = built.data;
  const file = await writeDeckFile(
    target ?? path.join(decksDir(ctx), deckFileName(account.name, quarter, input.format)),
    built.buffer,
    target === null,
  );
  return {
    fileName: path.basename(file),
    path: file,
    format: input.format,
    quarter: { id: quarter.id, label: quarter.label, start: quarter.start, end: quarter.end, complete: quarter.complete },
    asOf,
    slides: built.model.slides.length,
    sizeBytes: built.buffer.length,
    durationMs: Math.round(performance.now() - started),
  };
}

/**
 * The quarters since the contract started (never one before it) and the default one. Without an account, or
 * without a contract start, the current quarter and the last complete one.
 */
export function deckQuarters(ctx: ServiceContext, input: MethodInput<'deck.quarters'>): MethodOutput<'deck.quarters'> {
  const today = todayOf(ctx);
  const period: CustomerPeriod = input.accountId === undefined ? { from: null, until: null } : customerPeriod(ctx, input.accountId, today);
  const chosen = defaultQuarter(period, today);
  const fallback = lastCompleteQuarter(today).start;
  const listed = quartersBetween(period.from ?? (chosen.start < fallback ? chosen.start : fallback), today);
  // A contract that starts after this quarter has nothing to review yet: the quarter to date is listed, and
  // building it says so.
  const quarters = (listed.length > 0 ? listed : [chosen]).map(({ id, label, start, end, complete }) => ({ id, label, start, end, complete }));
  return { defaultQuarter: chosen.id, quarters };
}

export function deckHandlers(ctx: ServiceContext): HandlerGroup<'deck.build' | 'deck.quarters' | 'deck.settings.get' | 'deck.settings.set'> {
  return {
    'deck.build': (input) => buildDeckFile(ctx, input),
    'deck.quarters': (input) => deckQuarters(ctx, input),
    'deck.settings.get': () => ({ settings: readDeckSettings(ctx), defaults: DECK_DEFAULTS }),
    'deck.settings.set': (input) => ({ settings: writeDeckSettings(ctx, input) }),
  };
}
