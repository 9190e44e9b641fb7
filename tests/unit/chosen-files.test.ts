// Issue #13, point 1 and the uploads part of point 7: no API method takes a path chosen by the page. Files come in
// as handles main minted for what the CSM chose (OS dialog, drop, upload); each method that reads or writes a file
// refuses an unknown handle, a path string, a symbolic link and /etc/passwd. Uploads are capped with a clear
// message (nothing written) and deleted once imported.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { fileHandles } from '../../src/main/services/file-handles';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { ok, tempBackend, tempDir } from '../helpers/backend';
import { chooseFile, chooseFolder, fixture, runJob } from '../helpers/import-jobs';

const backend = tempBackend();
const api = backend.api;
const uploads = path.join(backend.dataDir, 'uploads');
const MAX = 64 * 1024;
let host: WebHost;

beforeAll(async () => {
  const rendererDir = tempDir('bearing-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bearing</title>');
  host = await startWebHost({ api, rendererDir, uploadDir: uploads, files: fileHandles(backend.context), maxUploadBytes: MAX });
});
afterAll(async () => {
  await host.close();
  backend.close();
});

/** A handle of the right shape that main never minted. */
const NEVER_MINTED = `fh_${'Q'.repeat(32)}`;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const refusedAs = (code: string) => ({ ok: false, error: expect.objectContaining({ code }) });

async function upload(name: string, body: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/upload?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, ...headers },
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: MethodOutput<'import.discard'> & { file: string }; error?: { code: string; message: string } } };
}

const uploadedFiles = () => (fs.existsSync(uploads) ? fs.readdirSync(uploads, { recursive: true }).map(String) : []);

describe('every method that reads or writes a file the CSM chose', () => {
  // Each method with the input that names a file, as a function of that name.
  const fileInputs = {
    'import.inspect': (file: unknown) => ({ file }),
    'import.start': (file: unknown) => ({ file, timeZone: 'UTC' }),
    'import.discard': (file: unknown) => ({ file }),
    'deck.settings.set': (logo: unknown) => ({ logo }),
    'watch.add': (folder: unknown) => ({ folder }),
  } as const;

  it('refuses a path string, the old path fields, and a handle main never minted', async () => {
    for (const [method, input] of Object.entries(fileInputs)) {
      for (const p of ['/etc/passwd', '../bearing.sqlite', fixture('daily-usage.csv')]) {
        expect(await api.invoke(method, input(p)), `${method} given ${p}`).toEqual(refusedAs('invalid_input'));
      }
      const unknown = await api.invoke(method, input(NEVER_MINTED));
      if (method === 'import.discard') expect(unknown).toEqual({ ok: true, value: { discarded: false } });
      else expect(unknown, method).toEqual(refusedAs(method === 'watch.add' ? 'unknown_folder' : 'unknown_file'));
    }
    expect(await api.invoke('import.inspect', { path: '/etc/passwd' })).toEqual(refusedAs('invalid_input'));
    expect(await api.invoke('import.start', { path: '/etc/passwd' })).toEqual(refusedAs('invalid_input'));
    expect(await api.invoke('deck.settings.set', { logoPath: '/etc/passwd' })).toEqual(refusedAs('invalid_input'));
    expect(await api.invoke('watch.add', { path: '/etc' })).toEqual(refusedAs('invalid_input'));
    expect(await api.invoke('deck.build', { accountId: 1, format: 'pdf', outPath: '/tmp/x.pdf' })).toEqual(refusedAs('invalid_input'));
  });

  it('never mints a handle for a symbolic link, and refuses a chosen file swapped for one since', async () => {
    const dir = tempDir('bearing-links-');
    const link = path.join(dir, 'credentials.csv');
    fs.symlinkSync('/etc/passwd', link);
    expect(() => chooseFile(backend, link)).toThrow(/symbolic link/);
    expect(() => chooseFolder(backend, link)).toThrow(/symbolic link/);

    const usage = path.join(dir, 'usage.csv');
    fs.copyFileSync(fixture('daily-usage.csv'), usage);
    const handle = chooseFile(backend, usage);
    fs.rmSync(usage);
    fs.symlinkSync('/etc/passwd', usage);
    for (const method of ['import.inspect', 'import.start'] as const) {
      expect(await api.invoke(method, { file: handle }), method).toEqual(refusedAs('symlink_refused'));
    }
    const logo = path.join(dir, 'logo.png');
    fs.writeFileSync(logo, PNG);
    const logoHandle = chooseFile(backend, logo);
    // Another file put in its place (made before the first goes, so the file system cannot reuse its inode).
    fs.writeFileSync(`${logo}.new`, PNG);
    fs.renameSync(`${logo}.new`, logo);
    expect(await api.invoke('deck.settings.set', { logo: logoHandle })).toEqual(refusedAs('file_changed'));
  });

  it('imports a chosen file by its handle; a file handle is no folder, and a folder handle no file', async () => {
    const dir = tempDir('bearing-chosen-');
    const file = chooseFile(backend, fixture('daily-usage.csv'));
    const inspection = await ok<MethodOutput<'import.inspect'>>(api.invoke('import.inspect', { file }));
    expect(inspection).toMatchObject({ file, fileName: 'daily-usage.csv', kind: 'daily_usage' });
    expect(JSON.stringify(inspection)).not.toContain(path.dirname(fixture('daily-usage.csv')));
    expect(await api.invoke('watch.add', { folder: file })).toEqual(refusedAs('unknown_folder'));
    expect(await api.invoke('import.inspect', { file: chooseFolder(backend, dir) })).toEqual(refusedAs('unknown_file'));
  });
});

describe('decks', () => {
  it('go into the decks folder only, and a link planted there under the deck’s name is not written through', async () => {
    const accountId = Number(
      backend.context.sqlite.prepare("INSERT INTO accounts (name, licenses, contract_start) VALUES ('Quillon Freight', 10, '2024-01-15')").run().lastInsertRowid,
    );
    const decks = path.join(backend.dataDir, 'decks');
    fs.mkdirSync(decks, { recursive: true });
    const victim = path.join(tempDir('bearing-victim-'), 'report.pdf');
    fs.writeFileSync(victim, 'keep me');
    fs.symlinkSync(victim, path.join(decks, 'Quillon Freight QBR 2026Q3.pdf'));
    const built = await ok<MethodOutput<'deck.build'>>(api.invoke('deck.build', { accountId, quarter: '2026Q3', format: 'pdf' }));
    expect(built.path).toBe(path.join(decks, 'Quillon Freight QBR 2026Q3 (2).pdf'));
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(fs.readdirSync(decks).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});

describe('backups', () => {
  it('restore only a backup file of the list: not a path, not a link put in the backups folder', async () => {
    for (const file of ['/etc/passwd', '../bearing.sqlite', 'sub/x.sqlite']) {
      expect(await api.invoke('backup.restore', { file })).toEqual(refusedAs('invalid_backup_file'));
    }
    const backups = path.join(backend.dataDir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    fs.symlinkSync('/etc/passwd', path.join(backups, 'backup-planted.sqlite'));
    expect(await api.invoke('backup.restore', { file: 'backup-planted.sqlite' })).toEqual(refusedAs('invalid_backup_file'));
  });
});

describe('uploads', () => {
  it('refuse a file over the cap before writing anything, with a message saying what to do', async () => {
    const before = uploadedFiles();
    const big = await upload('huge.csv', Buffer.alloc(MAX + 1, 'a'));
    expect(big.status).toBe(413);
    expect(big.body.error).toEqual({
      code: 'upload_too_large',
      message: 'huge.csv is 65 KB: in the browser Bearing takes files up to 64 KB. Split the export into smaller files, or import it with the desktop app or `npm run -s cli -- import <file>`. Nothing was imported.',
    });
    expect(uploadedFiles()).toEqual(before);
  });

  it('refuse a body that does not say its length and runs past the cap, keeping none of it', async () => {
    const before = uploadedFiles();
    const chunk = new Uint8Array(16 * 1024).fill(97);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= MAX * 2) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await upload('streamed.csv', stream);
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('upload_too_large');
    expect(res.body.error?.message).toContain('streamed.csv is over 64 KB');
    expect(uploadedFiles()).toEqual(before);
  });

  it('are deleted once imported, and their handle is then unknown', async () => {
    const up = await upload('daily-usage.csv', fs.readFileSync(fixture('daily-usage.csv')));
    expect(up.body).toMatchObject({ ok: true, value: { name: 'daily-usage.csv' } });
    const file = up.body.value!.file;
    const copy = fileHandles(backend.context).resolve(file).path;
    expect(fs.existsSync(copy)).toBe(true);
    const { summary } = await runJob(backend, { file, timeZone: 'UTC' });
    expect(summary.status).toBe('imported');
    await expect.poll(() => fs.existsSync(path.dirname(copy))).toBe(false);
    expect(await api.invoke('import.inspect', { file })).toEqual(refusedAs('unknown_file'));
  });

  it('are deleted when the CSM sets the file aside without importing it', async () => {
    const up = await upload('weekly-usage.csv', fs.readFileSync(fixture('weekly-usage.csv')));
    const file = up.body.value!.file;
    const copy = fileHandles(backend.context).resolve(file).path;
    await ok(api.invoke('import.inspect', { file }));
    expect(await ok(api.invoke('import.discard', { file }))).toEqual({ discarded: true });
    expect(fs.existsSync(copy)).toBe(false);
  });
});
