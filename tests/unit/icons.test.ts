// The committed installer icons (resources/icon.ico, resources/icon.icns), read byte by byte from the formats'
// published layouts rather than through scripts/make-icons.mjs, then rebuilt by that script into a temp folder and
// compared: an icon set changed without running the script, or a script changed without committing its output,
// fails here.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const resources = path.join(root, 'resources');
const builder = JSON.parse(fs.readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as {
  linux: { icon: string };
  mac: { icon: string };
  win: { icon: string };
};
const pngOf = (size: number) => fs.readFileSync(path.join(resources, 'icons', `${size}x${size}.png`));

interface Entry {
  size: number;
  data: Buffer;
}

/** ICONDIR (6 bytes, little-endian) and its 16-byte entries; every image must lie inside the file. */
function readIco(file: Buffer): Entry[] {
  expect([file.readUInt16LE(0), file.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
  const count = file.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i;
    const [w, h] = [file[at] || 256, file[at + 1] || 256];
    expect(h).toBe(w);
    expect([file[at + 2], file[at + 3], file.readUInt16LE(at + 4), file.readUInt16LE(at + 6)]).toEqual([0, 0, 1, 32]);
    const [length, offset] = [file.readUInt32LE(at + 8), file.readUInt32LE(at + 12)];
    expect(offset).toBeGreaterThanOrEqual(6 + 16 * count);
    expect(offset + length).toBeLessThanOrEqual(file.length);
    return { size: w, data: file.subarray(offset, offset + length) };
  });
}

/** 'icns' + total length, then OSType + length (header included) per element, all big-endian, to the last byte. */
function readIcns(file: Buffer): (Entry & { type: string })[] {
  expect(file.toString('latin1', 0, 4)).toBe('icns');
  expect(file.readUInt32BE(4)).toBe(file.length);
  const entries: (Entry & { type: string })[] = [];
  const sizes: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024 };
  for (let at = 8; at < file.length; ) {
    const type = file.toString('latin1', at, at + 4);
    const length = file.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    expect(at + length).toBeLessThanOrEqual(file.length);
    entries.push({ type, size: sizes[type] ?? -1, data: file.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}

describe('installer icons', () => {
  it('names the .icns for macOS, the .ico for Windows and the PNG folder for Linux', () => {
    expect(builder.mac.icon).toBe('resources/icon.icns');
    expect(builder.win.icon).toBe('resources/icon.ico');
    expect(builder.linux.icon).toBe('resources/icons');
  });

  it('has a Windows icon holding the 16 to 256 PNGs unchanged', () => {
    const entries = readIco(fs.readFileSync(path.join(root, builder.win.icon)));
    expect(entries.map((e) => e.size)).toEqual([16, 32, 48, 64, 128, 256]);
    for (const { size, data } of entries) expect(data.equals(pngOf(size)), `${size}`).toBe(true);
  });

  it('has a macOS icon holding the 16 to 1024 PNGs unchanged, each under its OSType', () => {
    const entries = readIcns(fs.readFileSync(path.join(root, builder.mac.icon)));
    expect(entries.map((e) => `${e.type}=${e.size}`)).toEqual([
      'icp4=16',
      'icp5=32',
      'icp6=64',
      'ic07=128',
      'ic08=256',
      'ic09=512',
      'ic10=1024',
    ]);
    for (const { size, data } of entries) expect(data.equals(pngOf(size)), `${size}`).toBe(true);
  });

  it('has PNGs of the size their names say, for the icons above and the Linux set', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = pngOf(size);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]); // IHDR width, height
    }
  });

  it('is what scripts/make-icons.mjs makes from the PNGs today, byte for byte', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-icons-'));
    try {
      execFileSync(process.execPath, [path.join(root, 'scripts/make-icons.mjs'), '--out', out], { stdio: 'pipe' });
      for (const name of ['icon.ico', 'icon.icns']) {
        expect(fs.readFileSync(path.join(out, name)).equals(fs.readFileSync(path.join(resources, name))), name).toBe(true);
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
