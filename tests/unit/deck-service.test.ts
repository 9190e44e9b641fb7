import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { lastCompleteQuarter, resolveQuarter } from '../../src/main/deck/quarter';
import { writeSetting } from '../../src/main/db/settings';
import { buildDeckFileAt } from '../../src/main/deck/handlers';
import { fileHandles } from '../../src/main/services/file-handles';
import { startWebHost, type WebHost } from '../../src/main/web/server';
import { ok, tempBackend, tempDir } from '../helpers/backend';
import { chooseFile } from '../helpers/import-jobs';

// Issue #6: choosing the quarter, the branding from Settings, where decks are saved, the web host's download
// route and the CLI's `deck` command.
const backend = tempBackend();
const api = backend.api;
let accountId: number;
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(() => {
  // An account of its own is enough here: the demo book's decks are checked number by number in deck-pptx.test.ts.
  accountId = Number(
    backend.context.sqlite
      .prepare("INSERT INTO accounts (name, licenses, contract_start, renewal_date) VALUES ('Lumenwick Energy', 40, '2024-02-06', '2027-02-05')")
      .run().lastInsertRowid,
  );
});
afterAll(() => backend.close());

describe('quarters', () => {
  it('defaults to the last complete quarter', () => {
    expect(lastCompleteQuarter('2026-11-24')).toMatchObject({ id: '2026Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(lastCompleteQuarter('2026-10-01').id).toBe('2026Q3');
    expect(lastCompleteQuarter('2026-09-30').id).toBe('2026Q2');
    expect(lastCompleteQuarter('2026-02-10')).toMatchObject({ id: '2025Q4', start: '2025-10-01', end: '2025-12-31' });
  });

  it('reads 2026Q3 (and 2026-Q3, 2026q3), and the quarter in progress as not complete', () => {
    for (const text of ['2026Q3', '2026-Q3', '2026q3']) expect(resolveQuarter(text, '2026-11-24').id).toBe('2026Q3');
    expect(resolveQuarter('2026Q4', '2026-11-24')).toMatchObject({ end: '2026-12-31', complete: false });
    expect(resolveQuarter('2024Q1', '2026-11-24')).toMatchObject({ start: '2024-01-01', end: '2024-03-31', complete: true });
  });

  it('refuses anything else with invalid_quarter', () => {
    for (const text of ['2026Q0', '2026Q5', '26Q3', 'Q3 2026', '2027Q1']) {
      expect(() => resolveQuarter(text, '2026-11-24'), text).toThrow(expect.objectContaining({ code: 'invalid_quarter' }));
    }
  });

  it('takes "today" in the configured time zone', async () => {
    // 12:00 UTC on Sep 30 is already Oct 1 in Kiribati: Q3 is then complete there, and not in UTC.
    const b = tempBackend({ now: () => new Date('2026-09-30T12:00:00Z') });
    writeSetting(b.context, 'timeZone', 'Pacific/Kiritimati');
    expect((await ok<MethodOutput<'deck.quarters'>>(b.api.invoke('deck.quarters', {}))).defaultQuarter).toBe('2026Q3');
    writeSetting(b.context, 'timeZone', 'UTC');
    expect((await ok<MethodOutput<'deck.quarters'>>(b.api.invoke('deck.quarters', {}))).defaultQuarter).toBe('2026Q2');
    b.close();
  });

  it('lists the quarters since the contract started, newest first, with the default among them', async () => {
    const q = await ok<MethodOutput<'deck.quarters'>>(api.invoke('deck.quarters', { accountId }));
    expect(q.defaultQuarter).toBe('2026Q3');
    expect(q.quarters[0]).toMatchObject({ id: '2026Q4', label: 'Q4 2026', complete: false });
    expect(q.quarters.map((x) => x.id)).toContain('2026Q3');
  });
});

describe('branding from Settings', () => {
  it('has defaults, and keeps a company name, colour and logo', async () => {
    const before = await ok<MethodOutput<'deck.settings.get'>>(api.invoke('deck.settings.get', {}));
    // No company name by default: a deck is never "Prepared by Bearing" (issue #12).
    expect(before.settings).toEqual({ companyName: '', csmName: '', csmTitle: '', color: '#4263eb', logoPath: null, logoName: null });
    const logo = path.join(tempDir(), 'logo.png');
    fs.writeFileSync(logo, ONE_PIXEL_PNG);
    const after = await ok<MethodOutput<'deck.settings.set'>>(api.invoke('deck.settings.set', { companyName: 'Acme Success', color: '#0B7285', logo: chooseFile(backend, logo) }));
    // Bearing keeps its own copy in the data folder: the chosen file is not read again.
    expect(after.settings).toEqual({
      companyName: 'Acme Success', csmName: '', csmTitle: '', color: '#0b7285',
      logoPath: expect.stringMatching(new RegExp(`^${backend.dataDir}/branding/logo-[0-9a-f]+\\.png$`)), logoName: 'logo.png',
    });
    expect(fs.readFileSync(after.settings.logoPath!)).toEqual(ONE_PIXEL_PNG);

    const built = await ok<MethodOutput<'deck.build'>>(api.invoke('deck.build', { accountId, format: 'pptx' }));
    const zip = await JSZip.loadAsync(fs.readFileSync(built.path));
    expect(Object.keys(zip.files).some((n) => /^ppt\/media\/.+\.png$/.test(n))).toBe(true);
    const title = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(title).toContain('<a:t>Acme Success · ');
    expect(title).toContain('0B7285');
    await ok(api.invoke('deck.settings.set', { companyName: '', color: '#4263eb', logo: null }));
    expect(fs.existsSync(after.settings.logoPath!)).toBe(false);
  });

  it('refuses a logo that is not a PNG or JPEG, and a colour that is not #RRGGBB', async () => {
    const text = path.join(tempDir(), 'logo.png');
    fs.writeFileSync(text, 'not an image');
    expect(await api.invoke('deck.settings.set', { logo: chooseFile(backend, text) })).toMatchObject({ ok: false, error: { code: 'invalid_logo' } });
    expect(await api.invoke('deck.settings.set', { color: 'blue' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('leaves out a logo that has since disappeared instead of failing the deck', async () => {
    const logo = path.join(tempDir(), 'gone.png');
    fs.writeFileSync(logo, ONE_PIXEL_PNG);
    const saved = await ok<MethodOutput<'deck.settings.set'>>(api.invoke('deck.settings.set', { logo: chooseFile(backend, logo) }));
    fs.rmSync(saved.settings.logoPath!);
    expect((await api.invoke('deck.build', { accountId, format: 'pdf' })).ok).toBe(true);
    await ok(api.invoke('deck.settings.set', { logo: null }));
  });
});

describe('saving', () => {
  it('saves where the CLI says (a main-side function, no contract method), refusing a relative path or a mismatched extension', async () => {
    const out = path.join(tempDir(), 'chosen.pdf');
    const built = await buildDeckFileAt(backend.context, { accountId, format: 'pdf' }, out);
    expect(built.path).toBe(out);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    for (const outPath of ['relative.pdf', path.join(tempDir(), 'deck.pptx')]) {
      await expect(buildDeckFileAt(backend.context, { accountId, format: 'pdf' }, outPath)).rejects.toMatchObject({ code: 'invalid_out_path' });
    }
  });

  it('answers not_found for an unknown account', async () => {
    expect(await api.invoke('deck.build', { accountId: 99_999, format: 'pptx' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

});

describe('the web host download route', () => {
  let host: WebHost;
  const rendererDir = tempDir('bearing-renderer-');
  beforeAll(async () => {
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bearing</title>');
    host = await startWebHost({ api, rendererDir, uploadDir: path.join(backend.dataDir, 'uploads'), files: fileHandles(backend.context) });
  });
  afterAll(() => host.close());
  const get = (p: string, auth = true) =>
    fetch(`http://127.0.0.1:${host.port}/api/download?path=${encodeURIComponent(p)}`, { headers: auth ? { Authorization: `Bearer ${host.token}` } : {} });

  it('serves a built deck as an attachment', async () => {
    const built = await ok<MethodOutput<'deck.build'>>(api.invoke('deck.build', { accountId, format: 'pptx' }));
    const res = await get(built.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${built.fileName}"; filename*=UTF-8''Lumenwick%20Energy%20QBR%202026Q3.pptx`);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('serves nothing outside <data folder>/decks, and nothing without the token', async () => {
    const built = await ok<MethodOutput<'deck.build'>>(api.invoke('deck.build', { accountId, format: 'pdf' }));
    expect((await get(backend.context.databaseFile)).status).toBe(403);
    expect((await get('../bearing.sqlite')).status).toBe(403);
    expect((await get('')).status).toBe(403);
    expect((await get('/etc/passwd')).status).toBe(403);
    expect((await get(path.join(backend.dataDir, 'decks', 'missing.pptx'))).status).toBe(404);
    expect((await get(built.path, false)).status).toBe(401);
  });
});

describe('`deck` on the command line', () => {
  const cwd = tempDir('bearing-deck-cli-');
  // Run from another folder, as a CSM would: npm sets INIT_CWD there and --out is relative to it, not to the
  // project folder where npm runs the script.
  const project = process.cwd();
  const cli = (args: string[]) =>
    spawnSync('npm', ['--prefix', project, 'run', '-s', 'cli', '--', 'deck', ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, BEARING_DATA_DIR: backend.dataDir },
    });

  it('writes the deck named by --out, relative to where it was run, and prints its path', () => {
    const r = cli(['--account', String(accountId), '--out', 'qbr.pdf']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(path.join(cwd, 'qbr.pdf'));
    const pdf = fs.readFileSync(path.join(cwd, 'qbr.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A PDF is counted in pages, and the date is written as everywhere else in Bearing.
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
    expect(r.stderr).toMatch(new RegExp(`, as of [A-Z][a-z]{2} \\d{1,2}, \\d{4}: ${pages} pages\\.`));
  }, 60_000);

  it('refuses another extension, a missing flag and a bad quarter with a clear message', () => {
    const docx = cli(['--account', String(accountId), '--out', 'qbr.docx']);
    expect(docx.status).toBe(2);
    expect(docx.stderr).toContain('--out must name a .pptx or .pdf file');
    expect(cli(['--out', 'qbr.pptx']).status).toBe(2);
    const quarter = cli(['--account', String(accountId), '--quarter', 'Q3', '--out', 'qbr.pptx']);
    // A flag value the contract refuses is a usage error, as --as-of 2026-02-31 is: exit 2, the flag named.
    expect(quarter.status).toBe(2);
    expect(quarter.stderr).toContain('Error: --quarter: "Q3" is not a quarter: write the year and the quarter, e.g. 2026Q3.');
    expect(quarter.stderr).toContain('Usage: npm run -s cli -- deck');
  }, 60_000);
});
