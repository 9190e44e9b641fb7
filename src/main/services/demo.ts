// The demo book goes through the front door. Loading it writes vendor-shaped export files into a temp folder (a
// Salesforce account report, HubSpot contacts, Pendo and Mixpanel usage with product event names, a features file;
// see demo-files.ts), imports each through the same import job the Import screen and the CLI run, then writes what
// no importer takes yet (milestones, QBRs, touchpoints, surveys, renewal outcomes) through the services behind the
// screens. The accounts and users the demo's imports created are flagged is_demo; removing the demo deletes them
// with everything hanging off them and undoes the demo's imports (the catalogue included), and nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { contract, type MethodOutput, type MethodInput } from '../../shared/contract';
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { countAccounts } from '../db/accounts';
import { PRIVATE_DIR_MODE } from '../db/data-dir';
import {
  deleteDemoRows,
  deleteImportRecords,
  demoAccountsByExternalId,
  demoImportIds,
  demoUsageEvents,
  flagCreatedAsDemo,
  withoutForeignKeys,
} from '../db/demo';
import { undoImportRows } from '../import/undo-import';
import { timeZoneOf, todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import type { DemoAccount, DemoBook } from './demo-book';
import { DEMO_FILES, DEMO_IMPORTS, writeDemoFiles, type Placement } from './demo-files';
import { DEFAULT_SEED, generateDemoBook } from './demo-generate';
import { deferHealthRefresh, refreshHealthSnapshots } from './health-snapshots';
import { inspectFile, startImport } from './imports';
import { createMilestone } from './milestones';
import { createQbr } from './qbrs';
import { recordRenewalOutcome } from './renewal';
import { createSurvey } from './surveys';
import { createTouchpoint } from './touchpoints';

type LoadResult = MethodOutput<'demo.load'>;

/** One load at a time per store: a second call (the first start and a click) waits for the first. */
const loading = new WeakMap<ServiceContext, Promise<LoadResult>>();

/** Validated as the API validates the screens' calls, then handed to the same service function. */
function input<K extends 'milestones.create' | 'qbrs.create' | 'touchpoints.create' | 'surveys.create'>(method: K, value: MethodInput<K>) {
  return contract[method].input.parse(value) as never;
}

/** Writes one account's relationship history through the services, dates placed as the files were. */
function writeRelationship(ctx: ServiceContext, accountId: number, a: DemoAccount, book: DemoBook, at: Placement): void {
  const iso = (offset: number) => isoFromDayNumber(at.base + offset);
  const isoOrNull = (offset: number | null) => (offset === null ? null : iso(offset));
  for (const m of a.milestones) {
    createMilestone(ctx, input('milestones.create', { accountId, kind: m.kind, name: m.name, targetDate: isoOrNull(m.target), achievedDate: isoOrNull(m.achieved), notes: m.notes }));
  }
  // An item a later QBR carries over is still open when that QBR is logged: carrying it over closes it.
  const carried = new Set(a.qbrs.flatMap((q) => q.actions.map((x) => x.carriedFrom)).filter((i) => i !== null));
  let index = 0;
  for (const q of a.qbrs) {
    const own = q.actions.filter((x) => x.carriedFrom === null);
    const actionItems = own.map((x) => ({ text: x.text, owner: x.owner, dueDate: isoOrNull(x.due), status: carried.has(index++) ? 'open' : x.status }));
    index += q.actions.length - own.length;
    createQbr(
      ctx,
      input('qbrs.create', {
        accountId, date: iso(q.date), attendees: q.attendees, goalsReviewed: q.goals, outcomes: q.outcomes, customerResponse: q.response,
        actionItems, carryOver: q.actions.some((x) => x.carriedFrom !== null),
      }),
    );
  }
  for (const t of a.touchpoints) {
    const c = t.supportCase;
    createTouchpoint(
      ctx,
      input('touchpoints.create', {
        accountId, kind: t.kind, date: iso(t.date), title: t.title, notes: t.notes,
        caseStatus: c?.status ?? null, closedDate: isoOrNull(c?.closed ?? null), resolved: c?.resolved ?? null, withinSla: c?.withinSla ?? null,
        featureKey: t.campaign ? book.features[t.campaign.feature].key : null, responded: t.campaign?.responded ?? null,
      }),
    );
  }
  for (const v of a.surveys) {
    const userEmail = v.user === null ? undefined : a.users[v.user].email;
    createSurvey(ctx, input('surveys.create', { accountId, kind: v.kind, score: v.score, date: iso(v.date), ...(userEmail ? { userEmail } : {}) }));
  }
  for (const r of a.renewals) recordRenewalOutcome(ctx, { accountId, renewalDate: iso(r.date), outcome: r.outcome, arrMinor: r.arrMinor });
}

/** Where offset 0 lands: the most recent Monday on or before today, in the configured time zone. */
function placement(ctx: ServiceContext): Placement {
  const today = dayNumber(todayOf(ctx));
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  return { base: today - ((today + 3) % 7), today, now: ctx.now().getTime(), timeZone: timeZoneOf(ctx) };
}

/**
 * Where the demo's export files are written while they are imported: a folder of the data folder (0700, its files
 * 0600), not the OS temp folder, so a load cut off by quitting leaves nothing outside it; the next load clears it.
 */
export const DEMO_FILES_DIR = 'demo-files';

async function importFiles(ctx: ServiceContext, book: DemoBook, at: Placement, report: (step: string) => void): Promise<void> {
  const dir = path.join(ctx.dataDir, DEMO_FILES_DIR);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { mode: PRIVATE_DIR_MODE });
  const importIds: number[] = [];
  try {
    report('Writing the demo export files');
    const files = writeDemoFiles(book, at, dir);
    for (const { file, kind, unmap } of DEMO_IMPORTS) {
      report(`Importing ${DEMO_FILES[file]}`);
      const request = { path: files[file].path, fileName: DEMO_FILES[file], kind, timeZone: at.timeZone };
      // As on the Import screen: inspect, adjust the suggested mapping, start.
      const mapping = unmap ? { ...(await inspectFile(ctx, request)).mapping, ...Object.fromEntries(unmap.map((f) => [f, null])) } : undefined;
      const { done } = startImport(ctx, { ...request, ...(mapping ? { mapping } : {}) }, { origin: 'demo' });
      const summary = await done;
      if (summary.importId !== null) importIds.push(summary.importId);
      // Flagged as they arrive, so the screens mark them demo while the rest is still loading.
      flagCreatedAsDemo(ctx, importIds);
      ctx.emit('changed', { tables: ['accounts', 'users'] });
      if (summary.status === 'error' || summary.status === 'cancelled' || summary.rowsAccepted === 0) {
        throw new AppError('demo_import_failed', `The demo file ${DEMO_FILES[file]} was not imported: ${summary.message}`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function load(ctx: ServiceContext): Promise<LoadResult> {
  const steps = DEMO_IMPORTS.length + 3;
  let done = 0;
  const report = (step: string) => ctx.emit('demo.progress', { step, done: done++, total: steps });
  const book = generateDemoBook(DEFAULT_SEED);
  const at = placement(ctx);
  try {
    await importFiles(ctx, book, at, report);
    report('Adding milestones, QBRs, touchpoints and surveys');
    const accountIds: number[] = [];
    const byExternalId = demoAccountsByExternalId(ctx);
    deferHealthRefresh(ctx, () =>
      ctx.sqlite.transaction(() => {
        for (const a of book.accounts) {
          const id = byExternalId.get(a.externalId);
          if (id === undefined) throw new AppError('demo_import_failed', `The demo account ${a.name} is missing after its import.`);
          accountIds.push(id);
          writeRelationship(ctx, id, a, book, at);
        }
        report('Scoring health over the last year');
      })(),
    );
    ctx.emit('demo.progress', { step: 'Done', done: steps, total: steps });
    return { accounts: accountIds.length, usageEvents: demoUsageEvents(ctx), alreadyLoaded: false };
  } catch (error) {
    // Half a demo is no demo: whatever was written goes, the CSM's own data stays.
    removeDemo(ctx);
    ctx.emit('demo.progress', { step: 'Failed', done: steps, total: steps });
    throw error;
  }
}

/**
 * Loads the demo book, placed so that its last usage day is today (in the configured time zone). When the demo
 * is loaded already, nothing changes and alreadyLoaded says so. usageEvents is the number of events stored for
 * the demo accounts (a daily row counts its events).
 */
export function loadDemo(ctx: ServiceContext): Promise<LoadResult> {
  const running = loading.get(ctx);
  if (running) return running;
  const accounts = countAccounts(ctx, { demoOnly: true });
  if (accounts > 0) return Promise.resolve({ accounts, usageEvents: demoUsageEvents(ctx), alreadyLoaded: true });
  const job = load(ctx).finally(() => loading.delete(ctx));
  loading.set(ctx, job);
  return job;
}

/** Removes every demo row and the demo's imports (their catalogue lines included), leaving the CSM's own data. */
export function removeDemo(ctx: ServiceContext): { removedAccounts: number } {
  const { removedAccounts, catalogueChanged } = withoutForeignKeys(ctx, () =>
    ctx.sqlite.transaction(() => {
      const removed = deleteDemoRows(ctx);
      const imports = demoImportIds(ctx);
      let changed = false;
      for (const id of imports) changed = undoImportRows(ctx.sqlite, id).catalogueChanged || changed;
      deleteImportRecords(ctx, imports);
      return { removedAccounts: removed, catalogueChanged: changed };
    })(),
  );
  // The demo's catalogue lines may have counted the CSM's own events as its features: their health follows.
  if (catalogueChanged && countAccounts(ctx) > 0) refreshHealthSnapshots(ctx);
  return { removedAccounts };
}

export function demoHandlers(ctx: ServiceContext): HandlerGroup<'demo.load' | 'demo.remove'> {
  return {
    'demo.load': () => loadDemo(ctx),
    'demo.remove': () => removeDemo(ctx),
  };
}
