// Issue #13 point 5 (a failed or killed backup is never listed as one) and point 7 (the data folder is 0700 and
// everything Bearing writes in it 0600), on real SQLite files in temp folders.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { writeBackup, type CopyDatabase } from '../../src/main/db/backup-file';
import { DB_FILE_NAME, openDatabase } from '../../src/main/db/open';
import { fileHandles } from '../../src/main/services/file-handles';
import { startWebHost } from '../../src/main/web/server';
import type { MethodOutput } from '../../src/shared/contract';
import { call, failure, tempBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/import-jobs';

const BOOK = path.resolve(import.meta.dirname, '../fixtures/book');

let backend: Backend | undefined;
afterEach(() => backend?.close());

async function book(): Promise<Backend & { dataDir: string }> {
  // A folder that does not exist yet (mkdtemp's own folders are 0700 already, which would prove nothing).
  const b = tempBackend({ dataDir: path.join(tempDir(), 'Bearing') });
  backend = b;
  await runJob(b, { path: path.join(BOOK, 'salesforce-accounts.csv'), timeZone: 'UTC' });
  return b;
}

const listed = async (b: Backend) => (await call<MethodOutput<'settings.get'>>(b, 'settings.get')).backups.map((x) => x.file);
const mode = (file: string) => fs.statSync(file).mode & 0o777;

/** A copy that writes part of the file and then fails as a full disk does. */
const diskFull: CopyDatabase = (_sqlite, target) => {
  fs.writeFileSync(target, Buffer.alloc(64 * 1024, 1));
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
};

describe('backups that are backups', () => {
  it('a backup killed mid-write (its .partial file left behind) is never listed, nor restorable', async () => {
    const b = await book();
    const good = (await call<{ file: string }>(b, 'backup.create')).file;
    const whole = fs.readFileSync(path.join(b.dataDir, 'backups', good));
    const partial = path.join(b.dataDir, 'backups', 'backup-2026-11-24T12-30-00-000Z.sqlite.partial');
    fs.writeFileSync(partial, whole.subarray(0, whole.length >> 1));
    expect(await listed(b)).toEqual([good]);
    expect((await failure(b, 'backup.restore', { file: path.basename(partial) })).code).toBe('invalid_backup_file');
    // The next backup removes what a killed one left once it is over an hour old, and only then.
    await call(b, 'backup.create');
    expect(fs.existsSync(partial)).toBe(true);
    fs.utimesSync(partial, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000));
    await call(b, 'backup.create');
    expect(fs.existsSync(partial)).toBe(false);
  });

  it('an empty or cut-off file under a backup\'s name (left by an older Bearing) is not listed', async () => {
    const b = await book();
    const good = (await call<{ file: string }>(b, 'backup.create')).file;
    const dir = path.join(b.dataDir, 'backups');
    const whole = fs.readFileSync(path.join(dir, good));
    fs.writeFileSync(path.join(dir, 'backup-2026-11-20T09-00-00-000Z.sqlite'), '');
    fs.writeFileSync(path.join(dir, 'backup-2026-11-21T09-00-00-000Z.sqlite'), whole.subarray(0, whole.length >> 1));
    expect(await listed(b)).toEqual([good]);
  });

  it('a backup that fails half-way (disk full) leaves nothing under its name and says why', async () => {
    const b = await book();
    const target = path.join(b.dataDir, 'backups', 'backup-2026-11-24T12-00-00-000Z.sqlite');
    expect(() => writeBackup(b.database.sqlite, target, diskFull)).toThrow(/could not be written \(the disk is full\)/);
    expect(fs.readdirSync(path.join(b.dataDir, 'backups'))).toEqual([]);
    expect(await listed(b)).toEqual([]);
  });

  it('a backup is written whole and restorable (the ordinary path through .partial and rename)', async () => {
    const b = await book();
    const made = await call<{ file: string; sizeBytes: number }>(b, 'backup.create');
    expect(fs.readdirSync(path.join(b.dataDir, 'backups'))).toEqual([made.file]);
    expect(made.sizeBytes).toBeGreaterThan(0);
    const restored = await call<{ restoredFrom: { file: string } }>(b, 'backup.restore', { file: made.file });
    expect(restored.restoredFrom.file).toBe(made.file);
  });
});

describe('the data folder is private', () => {
  it('creates the folder 0700 and the database, its -wal and -shm, and backups 0600', async () => {
    const b = await book();
    const file = path.join(b.dataDir, DB_FILE_NAME);
    expect(mode(b.dataDir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    const made = await call<{ path: string }>(b, 'backup.create');
    expect(mode(path.dirname(made.path))).toBe(0o700);
    expect(mode(made.path)).toBe(0o600);
    const safety = await call<{ safetyBackup: { path: string } }>(b, 'backup.restore', { file: path.basename(made.path) });
    expect(mode(safety.safetyBackup.path)).toBe(0o600);
  });

  it('creates a missing data folder and its parents 0700', () => {
    const dataDir = path.join(tempDir(), 'new', 'Bearing');
    openDatabase({ dataDir }).close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, DB_FILE_NAME))).toBe(0o600);
  });

  it('takes group and other access away from a book an older Bearing left readable', () => {
    const dataDir = tempDir();
    openDatabase({ dataDir }).close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, DB_FILE_NAME), 0o644);
    openDatabase({ dataDir }).close();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, DB_FILE_NAME))).toBe(0o600);
  });

  it('leaves alone a shared folder BEARING_DATA_DIR names before the book is in it (only the book is made private)', () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    openDatabase({ dataDir }).close();
    expect(mode(dataDir)).toBe(0o755);
    expect(mode(path.join(dataDir, DB_FILE_NAME))).toBe(0o600);
  });

  it('writes decks 0600 in a 0700 decks folder', async () => {
    const b = await book();
    const accounts = await call<MethodOutput<'accounts.list'>>(b, 'accounts.list', {});
    const deck = await call<MethodOutput<'deck.build'>>(b, 'deck.build', { accountId: accounts.items[0].id, format: 'pdf' });
    expect(mode(path.dirname(deck.path))).toBe(0o700);
    expect(mode(deck.path)).toBe(0o600);
  }, 30_000);

  it('writes uploads 0600 in 0700 folders', async () => {
    const b = await book();
    const rendererDir = tempDir('bearing-renderer-');
    const host = await startWebHost({ api: b.api, rendererDir, uploadDir: path.join(b.dataDir, 'uploads'), files: fileHandles(b.context) });
    try {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/upload?name=usage.csv`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}` },
        body: 'a,b\n1,2\n',
      });
      const body = (await res.json()) as { value: { file: string } };
      const uploaded = fileHandles(b.context).resolve(body.value.file).path;
      expect(mode(path.join(b.dataDir, 'uploads'))).toBe(0o700);
      expect(mode(path.dirname(uploaded))).toBe(0o700);
      expect(mode(uploaded)).toBe(0o600);
    } finally {
      await host.close();
    }
  });
});
