import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import type { MethodOutput } from '../../src/shared/contract';
import { DB_FILE_NAME, findMigrationsFolder, openDatabase } from '../../src/main/db/open';
import { call, failure, tempBackend, tempDir } from '../helpers/backend';

// Settings (time zone, QBR cadence, stage lengths, features) and backup / restore on real SQLite files.
let backend: Backend | undefined;
afterEach(() => backend?.close());

function book(): Backend {
  backend = tempBackend();
  backend.database.sqlite.exec(`
    INSERT INTO accounts (id, name, contract_start, renewal_date) VALUES (1, 'Acme', '2026-01-01', '2027-01-01');
    INSERT INTO features (id, key, name, is_key, is_paid) VALUES (1, 'reports', 'Reports', 1, 0), (2, 'audit', 'Audit', 0, 1);
  `);
  return backend;
}

type Settings = MethodOutput<'settings.get'>;

describe('settings', () => {
  it('describe the time zone, cadence, stage lengths, features and where the data lives', async () => {
    const b = book();
    const s = await call<Settings>(b, 'settings.get');
    expect(s).toMatchObject({
      timeZone: null,
      machineTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      effectiveTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      qbrCadenceDays: 90,
      // 365 − 30 − 90: the renewal stage takes precedence over adoption.
      stageLengths: { onboardingDays: 30, adoptionDays: 245, renewalDays: 90, contractDays: 365 },
      features: [
        { id: 2, key: 'audit', name: 'Audit', isKey: false, isPaid: true },
        { id: 1, key: 'reports', name: 'Reports', isKey: true, isPaid: false },
      ],
      dataDir: b.context.dataDir,
      databaseFile: path.join(b.context.dataDir, 'bearing.sqlite'),
      backupsDir: path.join(b.context.dataDir, 'backups'),
      backups: [],
    });
  });

  it('validate and store the time zone, which moves "today"', async () => {
    const b = book();
    const bad = await failure(b, 'settings.update', { timeZone: 'Mars/Olympus_Mons' });
    expect(bad.code).toBe('invalid_time_zone');
    expect(bad.message).toMatch(/Europe\/Berlin/);
    expect((await failure(b, 'settings.update', { timeZone: '' })).code).toBe('invalid_time_zone');
    // Nothing was written by the refused call, even alongside a valid field.
    await failure(b, 'settings.update', { timeZone: 'nope', qbrCadenceDays: 30 });
    expect((await call<Settings>(b, 'settings.get')).qbrCadenceDays).toBe(90);

    // 2026-11-24 12:00 UTC is already the 25th in Auckland.
    const nz = await call<Settings>(b, 'settings.update', { timeZone: 'pacific/auckland' });
    expect(nz).toMatchObject({ timeZone: 'Pacific/Auckland', effectiveTimeZone: 'Pacific/Auckland' });
    expect((await call<MethodOutput<'milestones.list'>>(b, 'milestones.list', { accountId: 1 })).asOf).toBe('2026-11-25');
    const cleared = await call<Settings>(b, 'settings.update', { timeZone: null });
    expect(cleared.timeZone).toBeNull();
    expect(cleared.effectiveTimeZone).toBe(cleared.machineTimeZone);
  });

  it('keep the QBR cadence and stage lengths in the metrics settings, where health and the journey read them', async () => {
    const b = book();
    const s = await call<Settings>(b, 'settings.update', { qbrCadenceDays: 60, stageLengths: { renewalDays: 120 } });
    expect(s.qbrCadenceDays).toBe(60);
    expect(s.stageLengths).toEqual({ onboardingDays: 30, adoptionDays: 215, renewalDays: 120, contractDays: 365 });
    const metrics = await call<MethodOutput<'health.settings.get'>>(b, 'health.settings.get');
    expect(metrics.settings.qbrOverdueDays).toBe(60);
    expect(metrics.settings.stageLengths).toEqual({ onboardingDays: 30, renewalDays: 120 });
    // Acme renews in 38 days: in the renewal stage whatever the window; with 120 days it entered on 2026-09-03.
    const row = (await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview')).rows[0];
    expect(row).toMatchObject({ stage: 'renewal', stageStartedOn: '2026-09-03' });
    expect((await failure(b, 'settings.update', { qbrCadenceDays: 0 })).code).toBe('invalid_input');
  });

  it('mark key and paid features', async () => {
    const b = book();
    const f = await call<MethodOutput<'features.update'>>(b, 'features.update', { id: 2, isKey: true, name: 'Audit log' });
    expect(f.feature).toEqual({ id: 2, key: 'audit log', name: 'Audit log', isKey: true, isPaid: true, events: [], merged: [] });
    expect(f.undo).toMatchObject({ kind: 'catalogue', name: 'Renamed “Audit” to “Audit log”' });
    expect((await call<Settings>(b, 'settings.get')).features.map((x) => x.isKey)).toEqual([true, true]);
    expect((await failure(b, 'features.update', { id: 9, isKey: true })).code).toBe('not_found');
  });
});

describe('backups', () => {
  it('back up now, change the data, restore: the data is back, and the state before the restore is kept', async () => {
    const b = book();
    const events: unknown[] = [];
    b.api.subscribe((e, p) => events.push([e, p]));
    await call(b, 'milestones.create', { accountId: 1, kind: 'kickoff', targetDate: '2026-01-10' });
    const backup = await call<MethodOutput<'backup.create'>>(b, 'backup.create');
    expect(backup).toMatchObject({ file: expect.stringMatching(/^backup-2026-11-24T12-00-00-000Z\.sqlite$/), kind: 'manual' });
    expect(backup.sizeBytes).toBeGreaterThan(0);
    // A second backup in the same millisecond gets its own name.
    const again = await call<MethodOutput<'backup.create'>>(b, 'backup.create');
    expect(again.file).not.toBe(backup.file);

    // Change everything a CSM could: a new account, an edit, a delete, a setting.
    b.database.sqlite.exec("INSERT INTO accounts (id, name) VALUES (2, 'Later')");
    await call(b, 'milestones.create', { accountId: 1, kind: 'basic_value' });
    b.database.sqlite.exec("UPDATE accounts SET name = 'Renamed' WHERE id = 1");
    await call(b, 'settings.update', { qbrCadenceDays: 45 });

    events.length = 0;
    const restored = await call<MethodOutput<'backup.restore'>>(b, 'backup.restore', { file: backup.file });
    expect(restored.restoredFrom.file).toBe(backup.file);
    expect(restored.safetyBackup.kind).toBe('before_restore');
    expect(fs.existsSync(restored.safetyBackup.path)).toBe(true);

    const names = b.database.sqlite.prepare('SELECT id, name FROM accounts ORDER BY id').all();
    expect(names).toEqual([{ id: 1, name: 'Acme' }]);
    expect((await call<MethodOutput<'milestones.list'>>(b, 'milestones.list', { accountId: 1 })).items.map((m) => m.kind)).toEqual(['kickoff']);
    expect((await call<Settings>(b, 'settings.get')).qbrCadenceDays).toBe(90);
    // Every client refetches everything.
    expect(events).toEqual([['changed', { tables: expect.arrayContaining(['accounts', 'milestones', 'settings', 'health', 'backups']) }]]);
    // Ids handed out after the backup are not handed out again (the AUTOINCREMENT counters came back too)...
    expect(b.database.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'milestones'").get()).toEqual({ seq: 1 });
    // ...and the connection stays fully usable.
    const m = await call<MethodOutput<'milestones.create'>>(b, 'milestones.create', { accountId: 1, kind: 'basic_value' });
    expect(m.id).toBe(2);
    expect(b.database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(b.database.sqlite.pragma('foreign_key_check')).toEqual([]);

    // Restoring the safety backup undoes the restore.
    await call(b, 'backup.restore', { file: restored.safetyBackup.file });
    expect(b.database.sqlite.prepare('SELECT name FROM accounts ORDER BY id').all()).toEqual([{ name: 'Renamed' }, { name: 'Later' }]);
    const list = await call<Settings>(b, 'settings.get');
    expect(list.backups.map((x) => x.kind).sort()).toEqual(['before_restore', 'before_restore', 'manual', 'manual']);
    // The staging copy is gone.
    expect(fs.readdirSync(b.context.dataDir).filter((f) => f.startsWith('restore-'))).toEqual([]);
  });

  it('restore only backups from the backups folder, and only Bearing databases', async () => {
    const b = book();
    for (const file of ['../bearing.sqlite', '/etc/passwd', 'backups/x.sqlite', 'notes.txt', '.hidden.sqlite']) {
      expect((await failure(b, 'backup.restore', { file })).code, file).toBe('invalid_backup_file');
    }
    expect((await failure(b, 'backup.restore', { file: 'missing.sqlite' })).code).toBe('not_found');
    const dir = path.join(b.context.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'garbage.sqlite'), 'this is not a database');
    expect((await failure(b, 'backup.restore', { file: 'garbage.sqlite' })).code).toBe('invalid_backup');
    // Nothing was changed, and no safety backup was needed.
    expect(b.database.sqlite.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 });
    expect(fs.readdirSync(dir)).toEqual(['garbage.sqlite']);
  });

  it('bring a backup made before the latest migrations up to date while restoring it', async () => {
    const b = book();
    // A database of the first release: only the first migration applied.
    const oldMigrations = path.join(tempDir('bearing-old-migrations-'), 'drizzle');
    fs.cpSync(findMigrationsFolder(), oldMigrations, { recursive: true });
    const journalFile = path.join(oldMigrations, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    const oldDir = tempDir();
    const old = openDatabase({ dataDir: oldDir, migrationsFolder: oldMigrations });
    old.sqlite.exec("INSERT INTO accounts (id, name, stage_override) VALUES (7, 'From the old days', 'renewal')");
    expect(old.sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = 'trash'").get()).toBeUndefined();
    old.close();
    fs.mkdirSync(path.join(b.context.dataDir, 'backups'), { recursive: true });
    fs.copyFileSync(path.join(oldDir, DB_FILE_NAME), path.join(b.context.dataDir, 'backups', 'old.sqlite'));

    const restored = await call<MethodOutput<'backup.restore'>>(b, 'backup.restore', { file: 'old.sqlite' });
    expect(restored.restoredFrom.kind).toBe('other');
    expect(b.database.sqlite.prepare('SELECT id, name, stage_override_at AS at FROM accounts').all()).toEqual([{ id: 7, name: 'From the old days', at: null }]);
    const row = (await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview')).rows[0];
    // Overridden before the date was recorded: the time in stage is unknown rather than invented.
    expect(row).toMatchObject({ stage: 'renewal', stageOverridden: true, timeInStageDays: null });
  });

  it('refuse a backup made by a newer Bearing', async () => {
    const b = book();
    const backup = await call<MethodOutput<'backup.create'>>(b, 'backup.create');
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(backup.path);
    db.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)").run();
    db.close();
    expect((await failure(b, 'backup.restore', { file: backup.file })).code).toBe('backup_too_new');
  });
});
