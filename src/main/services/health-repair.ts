// Health history that repairs itself (issue #13): every write that changes what health reads marks its accounts
// stale in its own transaction (health_stale); this recomputes the marked accounts, a few at a time, each from its
// mark's day, clearing each mark in the transaction that writes the snapshots. It runs in the background on start,
// after every import and after a catalogue change, and reports its progress ('health.progress'). A store held by
// another writer (SQLITE_BUSY) is waited for with backoff; the marks stay until the work is done, so nothing
// that fails half-way is lost: the next start finds it.
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import { AppError, isStoreBusy } from '../../shared/errors';
import { withBusyWait } from '../db/busy';
import { dropOrphanMarks, historyEndingBefore, markHealthStale, staleMarks } from '../db/health-stale';
import { todayOf } from './clock';
import type { ServiceContext, StoreContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';

/** Accounts per transaction: short enough that an edit or an import never waits long for the write lock. */
export const REPAIR_CHUNK = 50;

export interface RepairProgress {
  done: number;
  total: number;
}

/**
 * Marks the accounts whose history stops before today (the app was closed on the days since, or never scored
 * them): from the day after their latest snapshot, or their whole history. Orphan marks are dropped.
 */
export function markMissingHistory(ctx: StoreContext): void {
  const today = dayNumber(todayOf(ctx));
  ctx.sqlite
    .transaction(() => {
      dropOrphanMarks(ctx.sqlite);
      for (const { accountId, lastDay } of historyEndingBefore(ctx.sqlite, isoFromDayNumber(today))) {
        markHealthStale(ctx.sqlite, [accountId], lastDay === null ? null : Math.min(today, dayNumber(lastDay) + 1));
      }
    })
    .immediate();
}

/**
 * Recomputes every marked account (or the marked ones among accountIds), REPAIR_CHUNK at a time, synchronously:
 * for the import worker, which has no one to keep responsive. Tells onProgress the accounts done of those to do,
 * 0 first, then after each chunk. Returns the accounts recomputed.
 */
export function repairNow(ctx: StoreContext, accountIds?: readonly number[], onProgress?: (p: RepairProgress) => void): number {
  const wanted = accountIds ? new Set(accountIds) : null;
  const ids = staleMarks(ctx.sqlite)
    .map((m) => m.accountId)
    .filter((id) => wanted === null || wanted.has(id));
  if (ids.length > 0) onProgress?.({ done: 0, total: ids.length });
  for (let i = 0; i < ids.length; i += REPAIR_CHUNK) {
    refreshHealthSnapshots(ctx, { accountIds: ids.slice(i, i + REPAIR_CHUNK), fromDay: 'marks' });
    onProgress?.({ done: Math.min(ids.length, i + REPAIR_CHUNK), total: ids.length });
  }
  return ids.length;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs fn, retrying while the store is busy (another connection holds the write lock: an import, a second copy
 * of the app): waits 25 ms, then twice as long each time up to 2 s, for at most `patienceMs`. The connection's
 * own busy wait is shortened meanwhile, so the main thread is never blocked for seconds. A store still busy
 * after that is an AppError a CSM can read, never SQLite's code.
 */
export async function retryWhileBusy<T>(ctx: StoreContext, fn: () => T, patienceMs = 60_000): Promise<T> {
  const started = Date.now();
  for (let wait = 25; ; wait = Math.min(2_000, wait * 2)) {
    try {
      return withBusyWait(ctx.sqlite, 20, fn);
    } catch (error) {
      if (!isStoreBusy(error)) throw error;
      if (Date.now() - started > patienceMs) {
        throw new AppError('store_busy', 'Another program is writing to your book right now, so the health history waits: it is recomputed on the next start.');
      }
    }
    await sleep(wait);
  }
}

const running = new WeakMap<ServiceContext, { promise: Promise<number>; again: boolean }>();

/**
 * Recomputes the stale history in the background, a chunk per turn of the event loop, emitting
 * 'health.progress' ({ done, total } in accounts) and, when something was written, 'changed' for health. One run
 * at a time per store: asked for while one runs, it runs once more after it (a write may have marked accounts
 * the run had already passed). Resolves to the accounts recomputed; never rejects.
 */
export function scheduleHealthRepair(ctx: ServiceContext, options: { missing?: boolean } = {}): Promise<number> {
  const current = running.get(ctx);
  if (current) {
    current.again = true;
    return current.promise;
  }
  const state = { promise: Promise.resolve(0), again: false };
  state.promise = (async () => {
    let repaired = 0;
    try {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!ctx.sqlite.open) return 0;
      if (options.missing) await retryWhileBusy(ctx, () => markMissingHistory(ctx));
      do {
        state.again = false;
        repaired += await repairInTurns(ctx);
      } while (state.again);
    } catch (error) {
      // The marks stay: the next start (or import) picks the work up again.
      process.stderr.write(`Bearing: health history not recomputed yet (${AppError.from(error).message}).\n`);
    } finally {
      running.delete(ctx);
    }
    return repaired;
  })();
  running.set(ctx, state);
  return state.promise;
}

/** Whether a background recompute is running for this store (tests and the CLI wait for it). */
export function healthRepairRunning(ctx: ServiceContext): Promise<number> | null {
  return running.get(ctx)?.promise ?? null;
}

async function repairInTurns(ctx: ServiceContext): Promise<number> {
  const ids = (await retryWhileBusy(ctx, () => staleMarks(ctx.sqlite))).map((m) => m.accountId);
  if (ids.length === 0) return 0;
  ctx.emit('health.progress', { done: 0, total: ids.length });
  for (let i = 0; i < ids.length; i += REPAIR_CHUNK) {
    // Closed meanwhile (the app quitting): the marks left wait for the next start.
    if (!ctx.sqlite.open) return i;
    const chunk = ids.slice(i, i + REPAIR_CHUNK);
    // The settings and the catalogue are read inside each chunk's transaction: a change between chunks is seen.
    await retryWhileBusy(ctx, () => refreshHealthSnapshots(ctx, { accountIds: chunk, fromDay: 'marks' }));
    ctx.emit('health.progress', { done: Math.min(ids.length, i + REPAIR_CHUNK), total: ids.length });
    // A turn of the event loop between chunks: requests and edits are served while the history is recomputed.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  ctx.emit('changed', { tables: ['health'] });
  return ids.length;
}
