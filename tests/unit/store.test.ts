import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/main/db/data-dir';
import { DB_FILE_NAME, MigrationError, findMigrationsFolder, openDatabase } from '../../src/main/db/open';
import { tempDir } from '../helpers/backend';

const opened: { close(): void }[] = [];
afterEach(() => {
  while (opened.length) opened.pop()?.close();
});

function copyMigrations(): string {
  const dir = path.join(tempDir('bearing-migrations-'), 'drizzle');
  fs.cpSync(findMigrationsFolder(), dir, { recursive: true });
  return dir;
}

describe('the store', () => {
  it('creates every domain table on a new file, in WAL mode with foreign keys on', () => {
    const store = openDatabase({ dataDir: tempDir() });
    opened.push(store);
    const tables = store.sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const t of [
      'accounts', 'users', 'features', 'entitlements', 'usage_events', 'usage_daily', 'imports', 'import_rejects',
      'milestones', 'qbrs', 'qbr_action_items', 'touchpoints', 'surveys', 'renewals', 'health_snapshots_tenths', 'settings',
    ]) {
      expect(tables).toContain(t);
    }
    // The snapshots are read through a view giving points over the table of whole tenths (migration 0022).
    expect(store.sqlite.prepare("SELECT type FROM sqlite_master WHERE name = 'health_snapshots'").pluck().get()).toBe('view');
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.backupFile).toBeNull();
    expect(store.file).toMatch(new RegExp(`${DB_FILE_NAME}$`));
  });

  it('takes no backup when nothing is pending, and keeps data across reopen', () => {
    const dataDir = tempDir();
    const first = openDatabase({ dataDir });
    first.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Acme Widgets')").run();
    first.close();
    const second = openDatabase({ dataDir });
    opened.push(second);
    expect(second.backupFile).toBeNull();
    expect(second.sqlite.prepare('SELECT name FROM accounts').get()).toEqual({ name: 'Acme Widgets' });
  });

  it('backs the file up before applying a new migration, and the backup holds the old data', () => {
    const dataDir = tempDir();
    const migrations = copyMigrations();
    const first = openDatabase({ dataDir, migrationsFolder: migrations });
    first.sqlite.prepare("INSERT INTO accounts (name) VALUES ('Before Upgrade Ltd')").run();
    first.close();

    // A release ships one more migration.
    const journalFile = path.join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    journal.entries.push({ idx: 1, version: '6', when: Date.now(), tag: '0001_test', breakpoints: true });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(path.join(migrations, '0001_test.sql'), 'ALTER TABLE accounts ADD `segment` text;');

    const second = openDatabase({ dataDir, migrationsFolder: migrations });
    opened.push(second);
    expect(second.backupFile).not.toBeNull();
    const backup = new Database(second.backupFile!, { readonly: true });
    expect(backup.prepare('SELECT name FROM accounts').all()).toEqual([{ name: 'Before Upgrade Ltd' }]);
    expect(backup.prepare("SELECT count(*) AS n FROM pragma_table_info('accounts') WHERE name = 'segment'").get()).toEqual({ n: 0 });
    backup.close();
    expect(second.sqlite.prepare("SELECT count(*) AS n FROM pragma_table_info('accounts') WHERE name = 'segment'").get()).toEqual({ n: 1 });
  });

  it('reports a failed migration as a MigrationError and keeps the data file', () => {
    const dataDir = tempDir();
    const migrations = copyMigrations();
    openDatabase({ dataDir, migrationsFolder: migrations }).close();
    const journalFile = path.join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    journal.entries.push({ idx: 1, version: '6', when: Date.now(), tag: '0001_broken', breakpoints: true });
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    fs.writeFileSync(path.join(migrations, '0001_broken.sql'), 'ALTER TABLE no_such_table ADD x text;');
    expect(() => openDatabase({ dataDir, migrationsFolder: migrations })).toThrow(MigrationError);
    expect(fs.existsSync(path.join(dataDir, DB_FILE_NAME))).toBe(true);
    expect(fs.readdirSync(path.join(dataDir, 'backups')).length).toBe(1);
  });

  it('ships every migration the journal lists', () => {
    const folder = findMigrationsFolder();
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
    expect(journal.entries.length).toBeGreaterThan(0);
    for (const e of journal.entries) expect(fs.existsSync(path.join(folder, `${e.tag}.sql`))).toBe(true);
  });

  it('keeps its data in BEARING_DATA_DIR when set, else in the OS user-data folder', () => {
    expect(defaultDataDir({ BEARING_DATA_DIR: '/tmp/x' }, 'linux')).toBe('/tmp/x');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/c/.config' }, 'linux')).toBe('/home/c/.config/Bearing');
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Bearing$/);
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\c\\AppData\\Roaming' }, 'win32')).toMatch(/Bearing$/);
  });
});
