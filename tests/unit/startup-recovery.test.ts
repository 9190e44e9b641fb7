// Issue #13 point 6: a database that cannot be opened (random bytes, cut in half, 0 bytes, unreadable, not
// Bearing's, from a newer Bearing) is refused with its file and the newest good backup named, never overwritten,
// never turned into a new book; the app starts in recovery and a restore puts the backup in place.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackend } from '../../src/main/app/backend';
import { openApp, type AppHandle } from '../../src/main/app/recovery';
import { DB_FILE_NAME } from '../../src/main/db/open';
import { DatabaseProblemError } from '../../src/main/db/startup-check';
import type { AppStatus } from '../../src/shared/contract';
import { call, ok, tempBackend, tempDir } from '../helpers/backend';
import { runCli } from '../helpers/cli-process';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');
// salesforce-accounts.csv has three data rows: Northwind Traders, Contoso Ltd, Acme Corporation.
const ACCOUNTS_IN_BOOK = 3;
const CLI_CASE_TIMEOUT = 60_000;

let handles: AppHandle[] = [];
afterEach(() => {
  for (const h of handles) h.close();
  handles = [];
});

/** A book built from vendor-shaped exports, closed, with one manual backup taken after the imports. */
async function realBook(): Promise<{ dataDir: string; file: string; backup: string }> {
  const b = tempBackend();
  await runJob(b, { path: path.join(BOOK, 'salesforce-accounts.csv'), timeZone: 'UTC' });
  await runJob(b, { path: path.join(BOOK, 'mixpanel-events.csv'), timeZone: 'UTC' });
  const backup = (await call<{ file: string }>(b, 'backup.create')).file;
  b.close();
  return { dataDir: b.dataDir, file: path.join(b.dataDir, DB_FILE_NAME), backup };
}

/** Bytes that look like nothing (a fixed xorshift stream, so a failure can be replayed). */
function noise(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function refusal(dataDir: string): DatabaseProblemError {
  try {
    openBackend({ host: 'cli', dataDir }).close();
  } catch (error) {
    if (error instanceof DatabaseProblemError) return error;
    throw error;
  }
  throw new Error('the database opened');
}

function app(dataDir: string): AppHandle {
  const h = openApp({ host: 'web', dataDir, now: () => new Date('2026-11-24T12:00:00Z') });
  handles.push(h);
  return h;
}

function inRecovery(h: AppHandle): Extract<AppStatus, { state: 'recovery' }> {
  const status = h.status();
  if (status.state !== 'recovery') throw new Error('the app is not in recovery');
  return status;
}

describe('a database that cannot be opened', () => {
  it('random bytes: refused naming the file and the newest good backup; the file is not touched', async () => {
    const { dataDir, file, backup } = await realBook();
    fs.writeFileSync(file, noise(64 * 1024));
    const before = sha(file);
    const error = refusal(dataDir);
    expect(error.code).toBe('not_a_database');
    expect(error.message).toContain(file);
    expect(sha(file)).toBe(before);
    const status = inRecovery(app(dataDir));
    expect(status.problem).toMatchObject({ code: 'not_a_database', file });
    expect(status.problem.message).toContain(`The newest good backup is ${backup}`);
    expect(status.newestGoodBackup?.file).toBe(backup);
    expect(sha(file)).toBe(before);
  });

  it('cut in half: refused as damaged, file untouched', async () => {
    const { dataDir, file } = await realBook();
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    const before = sha(file);
    expect(refusal(dataDir).code).toBe('damaged_database');
    expect(refusal(dataDir).message).toMatch(/cut off/);
    expect(sha(file)).toBe(before);
  });

  it('0 bytes: refused, not migrated into a new empty book', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DB_FILE_NAME);
    fs.writeFileSync(file, '');
    const error = refusal(dataDir);
    expect(error.code).toBe('empty_database');
    expect(error.message).toContain(file);
    expect(fs.statSync(file).size).toBe(0);
    const status = inRecovery(app(dataDir));
    expect(status.newestGoodBackup).toBeNull();
    expect(status.problem.message).toContain(`There is no good backup in ${path.join(dataDir, 'backups')}`);
  });

  it.skipIf(process.getuid?.() === 0)('unreadable (chmod 000): refused as such, not as damaged (skipped as root, who reads any file)', async () => {
    const { dataDir, file } = await realBook();
    fs.chmodSync(file, 0o000);
    try {
      const error = refusal(dataDir);
      expect(error.code).toBe('unreadable_database');
      expect(error.message).toMatch(/permissions/);
    } finally {
      fs.chmodSync(file, 0o600);
    }
  });

  it('a folder where the database file should be: refused as unreadable, left alone', () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, DB_FILE_NAME));
    const error = refusal(dataDir);
    expect(error.code).toBe('unreadable_database');
    expect(error.message).toMatch(/is not a file/);
    expect(fs.statSync(path.join(dataDir, DB_FILE_NAME)).isDirectory()).toBe(true);
  });

  // Root reads a chmod 000 file through its capabilities, so as root the same case runs the CLI as root without
  // CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: the file's mode then applies. (Running it as `nobody` instead failed
  // wherever the checkout itself was not readable by nobody, such as a clone in a mktemp -d folder.)
  it.runIf(process.getuid?.() === 0 && fs.existsSync('/usr/bin/setpriv'))('unreadable (chmod 000), from the CLI run without root\'s file-access capabilities', async () => {
    const { dataDir, file } = await realBook();
    fs.chmodSync(file, 0o000);
    const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
    const cli = path.resolve(import.meta.dirname, '../../src/main/cli/main.ts');
    const run = spawnSync('/usr/bin/setpriv', ['--bounding-set=-dac_override,-dac_read_search', tsx, cli, 'accounts'], {
      env: { ...process.env, HOME: dataDir, BEARING_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Bearing cannot open its database ${file}: it cannot be opened: the system does not let Bearing read and write it (EACCES)`);
    expect(run.stderr).toContain('recover --backup backup-');
    expect(fs.statSync(file).mode & 0o777).toBe(0);
  }, CLI_CASE_TIMEOUT);

  it('written by a newer Bearing: refused with a message saying so, as a newer backup already is', async () => {
    const { dataDir, file } = await realBook();
    const db = new Database(file);
    const known = db.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-a-newer-bearing', 4102444800000);
    db.close();
    const before = sha(file);
    const error = refusal(dataDir);
    expect(error.code).toBe('newer_database');
    expect(error.message).toContain(`has ${known + 1} upgrades, this version knows ${known}`);
    expect(sha(file)).toBe(before);
  });

  it('a SQLite file that is not Bearing\'s is not migrated into one', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DB_FILE_NAME);
    const db = new Database(file);
    db.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (\'mine\')');
    db.close();
    expect(refusal(dataDir).code).toBe('not_bearing_database');
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['notes']);
    after.close();
  });

  it('skips a damaged newer backup for the newest good one', async () => {
    const { dataDir, file, backup } = await realBook();
    const later = path.join(dataDir, 'backups', 'backup-2030-01-01T00-00-00-000Z.sqlite');
    const whole = fs.readFileSync(path.join(dataDir, 'backups', backup));
    fs.writeFileSync(later, whole.subarray(0, whole.length >> 1));
    fs.utimesSync(later, new Date('2030-01-01'), new Date('2030-01-01'));
    fs.writeFileSync(file, noise(8192));
    expect(inRecovery(app(dataDir)).newestGoodBackup?.file).toBe(backup);
  });
});

describe('recovery in the app and the web host (one API)', () => {
  it('answers every other method with the reason, restores the backup, keeps the bad file aside and opens the book', async () => {
    const { dataDir, file, backup } = await realBook();
    const bad = noise(32 * 1024);
    fs.writeFileSync(file, bad);
    const h = app(dataDir);
    const refused = await h.api.invoke('accounts.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_a_database', message: expect.stringContaining(file) } });
    const changed: unknown[] = [];
    h.api.subscribe((event) => changed.push(event));
    const restored = await ok<{ restoredFrom: { file: string }; keptAs: string[] }>(h.api.invoke('app.recover', { file: backup }));
    expect(restored.restoredFrom.file).toBe(backup);
    expect(restored.keptAs).toHaveLength(1);
    expect(fs.readFileSync(restored.keptAs[0]).equals(bad)).toBe(true);
    expect(h.status()).toEqual({ state: 'ready' });
    expect(changed).toContain('changed');
    const list = await ok<{ items: unknown[] }>(h.api.invoke('accounts.list', {}));
    expect(list.items).toHaveLength(ACCOUNTS_IN_BOOK);
    expect(await h.api.invoke('app.recover', { file: backup })).toMatchObject({ ok: false, error: { code: 'not_in_recovery' } });
  });

  it('refuses a backup that is not listed or not whole, and leaves the folder as it was', async () => {
    const { dataDir, file, backup } = await realBook();
    fs.writeFileSync(file, noise(4096));
    const h = app(dataDir);
    expect(await h.api.invoke('app.recover', { file: '../bearing.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_backup_file' } });
    const cut = path.join(dataDir, 'backups', 'backup-cut.sqlite');
    const whole = fs.readFileSync(path.join(dataDir, 'backups', backup));
    fs.writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    expect(await h.api.invoke('app.recover', { file: 'backup-cut.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_backup' } });
    expect(fs.readdirSync(dataDir).sort()).toEqual(['backups', DB_FILE_NAME]);
    expect(h.status().state).toBe('recovery');
  });

  it('a 0-byte file with no backup becomes a new book only when asked, and is kept aside', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DB_FILE_NAME);
    fs.writeFileSync(file, '');
    const h = app(dataDir);
    const result = await ok<{ restoredFrom: null; keptAs: string[] }>(h.api.invoke('app.recover', { file: null }));
    expect(result.restoredFrom).toBeNull();
    expect(fs.statSync(result.keptAs[0]).size).toBe(0);
    expect((await ok<{ counts: { accounts: number } }>(h.api.invoke('app.info', {}))).counts.accounts).toBe(0);
    // Empty as the CSM chose, even on a host that loads the demo on a first start.
    const withDemo = tempDir();
    fs.writeFileSync(path.join(withDemo, DB_FILE_NAME), '');
    const demoHost = openApp({ host: 'web', dataDir: withDemo, demoOnFirstStart: true });
    handles.push(demoHost);
    await ok(demoHost.api.invoke('app.recover', { file: null }));
    await demoHost.backend()?.demoLoaded;
    expect((await ok<{ counts: { accounts: number } }>(demoHost.api.invoke('app.info', {}))).counts.accounts).toBe(0);
  });
});

describe('recovery from the CLI', () => {
  it('prints the reason and the recover command instead of a stack trace, exits 1; recover restores', async () => {
    const { dataDir, file, backup } = await realBook();
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length >> 1));
    const refused = await runCli(['accounts'], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(file);
    expect(refused.stderr).toContain(`npm run -s cli -- recover --backup ${backup}`);
    expect(refused.stderr).not.toMatch(/SqliteError|\n\s+at /);
    const recovered = await runCli(['recover', '--backup', backup], dataDir);
    expect(recovered.stderr).toBe('');
    expect(recovered.code).toBe(0);
    expect(recovered.stdout).toContain(`Restored ${backup}`);
    const accounts = await runCli(['accounts', '--json'], dataDir);
    expect((JSON.parse(accounts.stdout) as unknown[]).length).toBe(ACCOUNTS_IN_BOOK);
  }, CLI_CASE_TIMEOUT);
});
