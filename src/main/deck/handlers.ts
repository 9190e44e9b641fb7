// The QBR deck's contract methods: build a deck into the data folder's decks folder, list the quarters a deck can
// cover, and the deck's branding settings. The page never says where a deck goes (issue #13); the CLI's --out
// does, through buildDeckFileAt, which no contract method reaches.
import crypto from 'node:crypto';
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

/** The CLI's --out: a full path ending in the format's extension. */
function checkOutPath(outPath: string, format: DeckFormat): string {
  if (!path.isAbsolute(outPath)) throw new AppError('invalid_out_path', `Save the deck to a full path (got "${outPath}").`);
  if (path.extname(outPath).toLowerCase() !== `.${format}`) {
    throw new AppError('invalid_out_path', `A ${format.toUpperCase()} deck is saved as a .${format} file, not "${path.basename(outPath)}".`);
  }
  return path.normalize(outPath);
}

const RETRY_CODES = new Set(['EBUSY', 'EPERM', 'EACCES']);

/**
 * Writes the file whole beside its target, then renames it into place: a rename replaces a name and never
 * follows a link, so a symbolic link at the target is not written through (a numbered sibling is written
 * instead, as for a folder of that name). PowerPoint on Windows locks an open deck: rebuilding it then also gets
 * a numbered sibling rather than an error, and the CSM is told which file was written. In the data folder
 * (`private_`) the deck is the CSM's alone (0600 in a 0700 folder); one the CLI saved elsewhere keeps that
 * folder's usual modes.
 */
async function writeDeckFile(file: string, buffer: Buffer, private_: boolean): Promise<string> {
  const ext = path.extname(file);
  const partial = path.join(path.dirname(file), `.${crypto.randomUUID()}.partial`);
  try {
    await fs.writeFile(partial, buffer, { flag: 'wx', ...(private_ ? { mode: PRIVATE_FILE_MODE } : {}) });
  } catch (error) {
    throw new AppError('deck_not_saved', `The deck could not be saved to ${file}: ${(error as Error).message}`);
  }
  try {
    for (let n = 1; n <= 20; n++) {
      const candidate = n === 1 ? file : `${file.slice(0, -ext.length)} (${n})${ext}`;
      const existing = await fs.lstat(candidate).catch(() => null);
      if (existing && !existing.isFile()) continue;
      try {
        await fs.rename(partial, candidate);
        if (private_) tightenMode(candidate, PRIVATE_FILE_MODE);
        return candidate;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!RETRY_CODES.has(code)) throw new AppError('deck_not_saved', `The deck could not be saved to ${candidate}: ${(error as Error).message}`);
      }
    }
    throw new AppError('deck_not_saved', `The deck could not be saved next to ${file}: the file is open in another program.`);
  } finally {
    await fs.rm(partial, { force: true });
  }
}

/** The decks folder, made if missing; a link in its place (to somewhere else on the disk) is refused. */
async function ownDecksDir(ctx: ServiceContext): Promise<string> {
  const dir = decksDir(ctx);
  await fs.mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (!(await fs.lstat(dir)).isDirectory()) {
    throw new AppError('deck_not_saved', `${dir} is not a folder Bearing made (it is a link): remove it, and Bearing makes its decks folder again.`);
  }
  tightenMode(dir, PRIVATE_DIR_MODE);
  return dir;
}

type DeckRequest = MethodInput<'deck.build'>;

async function buildAndWrite(
  ctx: ServiceContext,
  input: DeckRequest,
  target: (name: string) => Promise<string>,
  private_: boolean,
): Promise<MethodOutput<'deck.build'>> {
  const started = performance.now();
  // pptxgenjs and pdfkit are loaded on the first deck, not at every start of the app or the CLI.
  const { buildDeck } = await import('./build');
  const built = await buildDeck(ctx, { accountId: input.accountId, quarter: input.quarter, format: input.format, summary: input.summary });
  const { quarter, account, asOf } = built.data;
  const file = await writeDeckFile(await target(deckFileName(account.name, quarter, input.format)), built.buffer, private_);
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

/** deck.build: always into `<data folder>/decks/<account> QBR <quarter>.<format>`. */
export function buildDeckFile(ctx: ServiceContext, input: DeckRequest): Promise<MethodOutput<'deck.build'>> {
  return buildAndWrite(ctx, input, async (name) => path.join(await ownDecksDir(ctx), name), true);
}

/**
 * The CLI's `deck --out FILE`: the path the CSM typed in their own terminal. Not a contract method and not
 * reachable from one; its folders are made on the way, as a terminal user expects.
 */
export async function buildDeckFileAt(ctx: ServiceContext, input: DeckRequest, outPath: string): Promise<MethodOutput<'deck.build'>> {
  const target = checkOutPath(outPath, input.format);
  return buildAndWrite(ctx, input, async () => {
    await fs.mkdir(path.dirname(target), { recursive: true });
    return target;
  }, false);
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
