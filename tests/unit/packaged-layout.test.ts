// What electron-builder packs (electron-builder.json "files": out/**, drizzle/**, package.json) holds every file the
// packaged app reads, at the path it reads it from. Neither Electron nor electron-builder can run on the build
// machines, so this builds with electron-vite (the step `npm run dist` runs first) and follows the app's own lookups:
// out/main/index.js -> ../renderer/index.html and ../preload/index.cjs (src/main/electron/index.ts), the import
// worker beside index.js (services/import-runner.ts), the drizzle folder found upwards from out/main (db/open.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findMigrationsFolder } from '../../src/main/db/open';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'out');
const mainDir = path.join(out, 'main');
const builder = JSON.parse(fs.readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as {
  files: string[];
  linux: { icon: string };
  mac: { icon: string };
  win: { icon: string };
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };

/** Whether electron-builder's "files" globs (all of the "dir/**" or plain-file form here) take this file in. */
function packed(file: string): boolean {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return builder.files.some((g) => (g.endsWith('/**') ? rel.startsWith(g.slice(0, -2)) : rel === g));
}

describe('the packaged layout', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: 'pipe',
    });
  }, 180_000);

  it('starts from package.json main, which is packed', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(fs.existsSync(path.join(root, pkg.main))).toBe(true);
    expect(packed(path.join(root, pkg.main))).toBe(true);
    expect(packed(path.join(root, 'package.json'))).toBe(true);
  });

  it('finds the page and the preload where the main process looks for them', () => {
    const main = fs.readFileSync(path.join(mainDir, 'index.js'), 'utf8');
    for (const rel of ['../renderer/index.html', '../preload/index.cjs']) {
      expect(main).toContain(rel);
      const file = path.join(mainDir, rel);
      expect(fs.existsSync(file), file).toBe(true);
      expect(packed(file)).toBe(true);
    }
  });

  it('loads every script and style of the page by a relative path that exists (file:// has no server root)', () => {
    const html = fs.readFileSync(path.join(out, 'renderer', 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((r) => !r.startsWith('data:'));
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) {
      expect(ref.startsWith('./'), ref).toBe(true);
      expect(fs.existsSync(path.join(out, 'renderer', ref)), ref).toBe(true);
    }
  });

  it('has the import worker beside index.js, reachable from the shared chunks too', () => {
    const worker = path.join(mainDir, 'import-worker.js');
    expect(fs.existsSync(worker)).toBe(true);
    expect(packed(worker)).toBe(true);
  });

  it('finds the migrations upwards from out/main, each one the journal lists, all packed', () => {
    const folder = findMigrationsFolder(mainDir);
    expect(folder).toBe(path.join(root, 'drizzle'));
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    expect(journal.entries.length).toBeGreaterThan(0);
    for (const { tag } of journal.entries) {
      const sql = path.join(folder, `${tag}.sql`);
      expect(fs.existsSync(sql), sql).toBe(true);
      expect(packed(sql)).toBe(true);
    }
  });

  it('has the icons the installers name: a 512 PNG for macOS and Windows, the Linux size set', () => {
    for (const icon of [builder.mac.icon, builder.win.icon]) {
      const png = fs.readFileSync(path.join(root, icon));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(512); // IHDR width
    }
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      const png = fs.readFileSync(path.join(root, builder.linux.icon, `${size}x${size}.png`));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});
