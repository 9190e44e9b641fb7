// Migration 0021 took usage_daily's work-queue triggers away (they cost 1.3 s of a million-row import): every writer
// of the rollups now marks task_dirty itself, in its own transaction. The book is vendor-shaped (the fixture's
// Salesforce account report, Mixpanel raw-event exports written from a seed with people sharing display names and
// an account the book does not have); the expected marks are read from the rollups with plain SQL.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogueFeatures, loadRules, rederiveUsage } from '../../src/main/db/feature-catalogue';
import { UsageChunks } from '../../src/main/import/usage-chunks';
import { undoImportRows } from '../../src/main/import/undo-import';
import { Catalogue } from '../../src/shared/catalogue';
import { dayNumber } from '../../src/shared/dates';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';
import { FIXTURE_ACCOUNTS, FIXTURES, importFile, mixpanelExport, vendorBook } from '../helpers/vendor-book';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length > 0) cleanup.pop()?.();
});

const TODAY = dayNumber('2026-11-24');

async function book() {
  const b = tempBackend();
  cleanup.push(() => b.close());
  await vendorBook(b);
  return b;
}

const marks = (db: Database.Database) => db.prepare('SELECT account_id FROM task_dirty ORDER BY account_id').pluck().all() as number[];
const idOf = (db: Database.Database, externalId: string) => db.prepare('SELECT id FROM accounts WHERE external_id = ?').pluck().get(externalId) as number;
/** The accounts whose rollups differ between two reads of usage_daily, by plain SQL over the rows. */
const rollups = (db: Database.Database) => db.prepare('SELECT account_id, day, user_id, feature_id, events FROM usage_daily').raw().all() as number[][];
function changedAccounts(before: number[][], after: number[][]): number[] {
  const key = (r: number[]) => r.join(',');
  const was = new Set(before.map(key));
  const is = new Set(after.map(key));
  const changed = new Set([...before.filter((r) => !is.has(key(r))), ...after.filter((r) => !was.has(key(r)))].map((r) => r[0]));
  return [...changed].sort((a, b) => a - b);
}

describe('the writers of usage_daily mark the work queue (no triggers since 0021)', () => {
  it('has no trigger on usage_daily or health_snapshots', () => {
    const b = tempBackend();
    cleanup.push(() => b.close());
    const triggers = b.database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('usage_daily', 'health_snapshots', 'health_snapshots_tenths')").pluck().all();
    expect(triggers).toEqual([]);
  });

  it('an import of usage for known people marks exactly the accounts whose rollups it changed, and its undo too', async () => {
    const b = await book();
    const db = b.database.sqlite;
    const dir = tempDir();
    await importFile(b, mixpanelExport(dir, 'mixpanel-october', 17, TODAY - 50, TODAY - 31));
    await call(b, 'tasks.list', {});
    expect(marks(db)).toEqual([]);
    // The same people later, for two of the three accounts. Through the whole job, the history refresh and the
    // users' updates mark too; so below, each writer is also called alone.
    const before = rollups(db);
    const later = mixpanelExport(dir, 'mixpanel-november', 17, TODAY - 30, TODAY - 1, [FIXTURE_ACCOUNTS[0], FIXTURE_ACCOUNTS[2]]);
    const job = await runJob(b, { path: later, timeZone: 'UTC' });
    expect(job.summary.rowsAccepted).toBeGreaterThan(0);
    const changed = changedAccounts(before, rollups(db));
    expect(changed).toEqual([idOf(db, FIXTURE_ACCOUNTS[0]), idOf(db, FIXTURE_ACCOUNTS[2])].sort((x, y) => x - y));
    expect(marks(db)).toEqual(changed);

    // The import's rollup writer alone: the same rows again, written by UsageChunks into a rolled-back transaction.
    const events = db.prepare('SELECT account_id, user_id, feature_id, event_id, pinned_feature_id, ts, day, count, minutes, line FROM usage_events WHERE import_id = ?').raw().all(job.summary.importId) as number[][];
    const alone = (write: () => void): number[] => {
      let seen: number[] = [];
      try {
        db.transaction(() => {
          db.prepare('DELETE FROM task_dirty').run();
          write();
          seen = marks(db);
          throw new Error('rolled back');
        })();
      } catch (e) {
        if ((e as Error).message !== 'rolled back') throw e;
      }
      return seen;
    };
    expect(
      alone(() => {
        const chunks = new UsageChunks(db, job.summary.importId as number, { chunkRows: 64, touchedAccounts: new Set(), touchedUsers: new Set() });
        db.prepare('DELETE FROM usage_events WHERE import_id = ?').run(job.summary.importId);
        for (const e of events) chunks.add(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9], null, null);
        expect(chunks.finish().inserted).toBe(events.length);
      }),
    ).toEqual(changed);
    // The undo's writer alone, then the undo as the CSM runs it.
    expect(alone(() => undoImportRows(db, job.summary.importId as number))).toEqual(changed);
    await call(b, 'tasks.list', {});
    const imported = rollups(db);
    await call(b, 'imports.undo', { id: job.summary.importId });
    expect(changedAccounts(imported, rollups(db))).toEqual(changed);
    expect(marks(db)).toEqual(changed);
  });

  it('a catalogue that moves events to other features marks the accounts whose rollups were rebuilt', async () => {
    const b = await book();
    const db = b.database.sqlite;
    const dir = tempDir();
    await importFile(b, mixpanelExport(dir, 'mixpanel', 23, TODAY - 40, TODAY - 1, [FIXTURE_ACCOUNTS[1]]));
    await call(b, 'tasks.list', {});
    expect(marks(db)).toEqual([]);
    const before = rollups(db);
    // features.csv counts "Viewed Dashboard" as Dashboards and "Exported *" as Report export: the stored events move.
    await importFile(b, path.join(FIXTURES, 'features.csv'));
    const changed = changedAccounts(before, rollups(db));
    expect(changed).toEqual([idOf(db, FIXTURE_ACCOUNTS[1])]);
    // Through the import the catalogue's features were written, and their triggers mark the whole book (0).
    for (const id of changed) expect(marks(db).includes(id) || marks(db).includes(0)).toBe(true);

    // The re-derivation alone, with no feature written: "Viewed Dashboard" counted as Alerts instead of Dashboards.
    const rules = loadRules(b.database);
    const features = loadCatalogueFeatures(b.database);
    const alerts = features.find((f) => f.name === 'Alerts')?.id as number;
    const moved = rules.map((r) => (r.pattern === 'Viewed Dashboard' ? { ...r, featureId: alerts } : r));
    expect(moved).not.toEqual(rules);
    const derived = rollups(db);
    let seen: number[] = [];
    let after: number[][] = [];
    try {
      db.transaction(() => {
        db.prepare('DELETE FROM task_dirty').run();
        rederiveUsage(b.database, new Catalogue(moved, features));
        seen = marks(db);
        after = rollups(db);
        throw new Error('rolled back');
      })();
    } catch (e) {
      if ((e as Error).message !== 'rolled back') throw e;
    }
    expect(changedAccounts(derived, after)).toEqual(changed);
    expect(seen).toEqual(changed);
  });

  it('removing the accounts an import created marks them', async () => {
    const b = await book();
    const db = b.database.sqlite;
    const dir = tempDir();
    // An account the book does not have: the import creates it with its people and usage.
    const job = await runJob(b, { path: mixpanelExport(dir, 'mixpanel-stranger', 5, TODAY - 20, TODAY - 1, ['0015g00000ZzZzAAAZ']), timeZone: 'UTC' });
    const stranger = idOf(db, '0015g00000ZzZzAAAZ');
    expect(db.prepare('SELECT count(*) FROM usage_daily WHERE account_id = ?').pluck().get(stranger)).toBeGreaterThan(0);
    await call(b, 'tasks.list', {});
    expect(marks(db)).toEqual([]);
    // (Removing an account also marks it through the accounts triggers; this checks the end state.)
    await call(b, 'imports.removeAccounts', { importId: job.summary.importId, accountIds: [stranger] });
    expect(db.prepare('SELECT count(*) FROM usage_daily WHERE account_id = ?').pluck().get(stranger)).toBe(0);
    expect(marks(db)).toContain(stranger);
  });
});
