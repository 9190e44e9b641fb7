// Undoing imports: the import's rows leave the store and the rollups (which stay equal to a GROUP BY over the
// events), accounts it updated go back to how they were, what it created goes unless something else uses it,
// and the other imports are untouched.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { ImportRecord } from '../../src/shared/contract';
import { ok, tempBackend, tempDir } from '../helpers/backend';
import { count, fixture, rollupsAndEvents, runJob, snapshot } from '../helpers/import-jobs';


let backend: (Backend & { dataDir: string }) | undefined;
afterEach(() => {
  backend?.close();
  // Some of these stores hold 100,000+ rows: not left behind in the temp folder.
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = undefined;
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let work: string;
beforeAll(() => {
  work = tempDir('bearing-import-undo-');
  // Events without a feature on days daily-usage.csv also covers: the same rollup rows (account, day, user,
  // feature 0) get contributions from two imports. 2025-03-04 is the day daily-usage.csv says "0 events".
  fs.writeFileSync(
    path.join(work, 'same-days.csv'),
    'user_id,account_id,timestamp,minutes\nu-1001,acme,2025-03-03 15:00:00,2.5\nu-1001,acme,2025-03-04 15:00:00,1\nu-3001,initech,2025-03-04 16:00:00,4\n',
  );
});

function accountByName(b: Backend, name: string) {
  return b.database.sqlite.prepare('SELECT external_id, name, owner, arr_minor, licenses, renewal_date FROM accounts WHERE name = ?').get(name);
}

function eventsOf(b: Backend, importId: number): number {
  return count(b.database.sqlite, 'SELECT count(*) FROM usage_events WHERE import_id = ?', importId);
}

describe('undo', () => {
  it('removes an import, corrects the rollups, restores the accounts it updated and leaves other imports intact', async () => {
    backend = tempBackend();
    const b = backend;
    const sqlite = b.database.sqlite;
    // Weekly usage names accounts by name only: "Acme Corporation" is created without an external id...
    const weekly = (await runJob(b, { path: fixture('weekly-usage.csv'), timeZone: 'UTC' })).summary;
    const daily = (await runJob(b, { path: fixture('daily-usage.csv'), timeZone: 'UTC' })).summary;
    const sameDays = (await runJob(b, { path: path.join(work, 'same-days.csv'), timeZone: 'UTC' })).summary;
    expect([weekly.rowsAccepted, daily.rowsAccepted, sameDays.rowsAccepted]).toEqual([4, 4, 3]);
    const acmeBefore = accountByName(b, 'Acme Corporation');
    expect(acmeBefore).toMatchObject({ external_id: null, arr_minor: null });
    const beforeSalesforce = snapshot(sqlite);

    // ...and the CRM export completes that account rather than creating a second "Acme Corporation".
    const crm = (await runJob(b, { path: fixture('salesforce-accounts.csv'), timeZone: 'UTC' })).summary;
    expect(crm.rowsAccepted).toBe(4);
    expect(count(sqlite, "SELECT count(*) FROM accounts WHERE name = 'Acme Corporation'")).toBe(1);
    expect(accountByName(b, 'Acme Corporation')).toMatchObject({ external_id: '0015g00000AbCdEAAZ', owner: 'Jane Doe', arr_minor: 125_000_000, licenses: 250 });

    // Undo the CRM import: the account is as it was, the accounts it created are gone, nothing else moved.
    const undone = await ok<ImportRecord>(b.api.invoke('imports.undo', { id: crm.importId }));
    expect(undone.undoneAt).not.toBeNull();
    expect(accountByName(b, 'Acme Corporation')).toEqual(acmeBefore);
    expect(accountByName(b, 'Initech')).toBeUndefined();
    const afterUndo = snapshot(sqlite);
    // Only the history changed: the CRM import is listed, marked undone, with its record of changes.
    for (const table of Object.keys(beforeSalesforce).filter((t) => !['imports', 'import_changes', 'import_mappings', 'health_snapshots_tenths', 'sqlite_sequence'].includes(t))) {
      expect(afterUndo[table], table).toEqual(beforeSalesforce[table]);
    }

    // Undo the daily import: its events leave; rollup rows shared with same-days.csv keep that import's part.
    await ok(b.api.invoke('imports.undo', { id: daily.importId }));
    expect(eventsOf(b, daily.importId as number)).toBe(0);
    expect(eventsOf(b, weekly.importId as number)).toBe(4);
    expect(eventsOf(b, sameDays.importId as number)).toBe(3);
    const { rollups, fromEvents } = rollupsAndEvents(sqlite);
    expect(rollups).toEqual(fromEvents);
    // u-1002 had only daily-usage rows: the user is gone; u-1001 still has same-days.csv events and stays.
    const users = sqlite.prepare('SELECT external_id FROM users ORDER BY external_id').pluck().all();
    expect(users).toContain('u-1001');
    expect(users).not.toContain('u-1002');
    expect(users).not.toContain('u-2001');

    const again = await b.api.invoke('imports.undo', { id: daily.importId });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_undone' } });
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps a zero-event day another import stored when the import sharing its rollup row is undone', async () => {
    backend = tempBackend();
    const b = backend;
    const sqlite = b.database.sqlite;
    await runJob(b, { path: fixture('daily-usage.csv'), timeZone: 'UTC' });
    const sameDays = (await runJob(b, { path: path.join(work, 'same-days.csv'), timeZone: 'UTC' })).summary;
    const zeroDay = "SELECT events, minutes FROM usage_daily d JOIN users u ON u.id = d.user_id WHERE u.external_id = 'u-1001' AND d.day = 20151";
    expect(sqlite.prepare(zeroDay).get()).toEqual({ events: 1, minutes: 1 });
    await ok(b.api.invoke('imports.undo', { id: sameDays.importId }));
    expect(sqlite.prepare(zeroDay).get()).toEqual({ events: 0, minutes: 0 });
    const { rollups, fromEvents } = rollupsAndEvents(sqlite);
    expect(rollups).toEqual(fromEvents);
    // initech was created by same-days.csv alone: it goes with it.
    expect(count(sqlite, "SELECT count(*) FROM accounts WHERE external_id = 'initech'")).toBe(0);
  });

  it('keeps an account the import created once the CSM has written something about it', async () => {
    backend = tempBackend();
    const b = backend;
    const job = (await runJob(b, { path: fixture('hubspot-companies.csv'), timeZone: 'UTC' })).summary;
    const initech = b.database.sqlite.prepare("SELECT id FROM accounts WHERE name = 'Initech'").pluck().get() as number;
    b.database.sqlite.prepare("INSERT INTO milestones (account_id, kind, name) VALUES (?, 'custom', 'Kick-off')").run(initech);
    await ok(b.api.invoke('imports.undo', { id: job.importId }));
    expect(b.database.sqlite.prepare('SELECT name FROM accounts ORDER BY name').pluck().all()).toEqual(['Initech']);
    expect(count(b.database.sqlite, 'SELECT count(*) FROM milestones')).toBe(1);
  });

  it('undoes a large import completely (its speed is measured by bench:import)', async () => {
    const file = path.join(work, 'large.csv');
    const { writeEventsCsv } = await import('../../bench/events-csv');
    await writeEventsCsv(file, { rows: 60_000, users: 3_000, accounts: 40 });
    backend = tempBackend();
    const b = backend;
    await runJob(b, { path: fixture('daily-usage.csv'), timeZone: 'UTC' });
    const big = (await runJob(b, { path: file, timeZone: 'UTC' })).summary;
    expect(big.rowsAccepted).toBe(60_000);
    await ok(b.api.invoke('imports.undo', { id: big.importId }));
    expect(count(b.database.sqlite, 'SELECT count(*) FROM usage_events')).toBe(4);
    const { rollups, fromEvents } = rollupsAndEvents(b.database.sqlite);
    expect(rollups).toEqual(fromEvents);
    expect(count(b.database.sqlite, 'SELECT count(*) FROM features')).toBe(0);
  });
});
