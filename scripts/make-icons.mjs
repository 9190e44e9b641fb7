// Packs the rendered PNGs in resources/icons (scripts/render-icons.mjs) into the icon files the installers name:
// resources/icon.ico for Windows and resources/icon.icns for macOS, so electron-builder packs them as they are
// instead of converting a PNG on each build machine. Both containers hold the PNG files unchanged, byte for byte:
// - ICO (little-endian): ICONDIR {reserved 0, type 1, count}, then one 16-byte entry per image {width, height
//   (0 means 256), colours 0, reserved 0, planes 1, bits 32, size, offset}, then the PNGs (Windows Vista and later).
// - ICNS (big-endian): 'icns' and the file's length, then per image its OSType and length (both counting the 8-byte
//   header) and the PNG. icp4/icp5/icp6 = 16/32/64, ic07/ic08/ic09 = 128/256/512, ic10 = 1024 (512 @2x).
// Deterministic, so the committed files can be checked against a fresh run (tests/unit/icons.test.ts):
//   node scripts/make-icons.mjs [--out <folder>]   (default: resources)
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const iconsDir = path.join(root, 'resources', 'icons');

const ICO_SIZES = [16, 32, 48, 64, 128, 256];
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** resources/icons/<size>x<size>.png, refused unless it is a PNG of exactly that size. */
function readPng(size) {
  const file = path.join(iconsDir, `${size}x${size}.png`);
  if (!fs.existsSync(file)) throw new Error(`${path.relative(root, file)} is missing: run \`npm run icons\` to render the PNG set.`);
  const png = fs.readFileSync(file);
  const isPng = png.length > 24 && png.subarray(0, 8).equals(PNG_SIGNATURE) && png.toString('latin1', 12, 16) === 'IHDR';
  if (!isPng) throw new Error(`${path.relative(root, file)} is not a PNG file.`);
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  if (w !== size || h !== size) throw new Error(`${path.relative(root, file)} is ${w}x${h}, not ${size}x${size}: render the set again.`);
  return png;
}

function buildIco() {
  const pngs = ICO_SIZES.map(readPng);
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const at = 6 + 16 * i;
    const size = ICO_SIZES[i];
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}

function buildIcns() {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = readPng(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + png.length, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

const outFlag = process.argv.indexOf('--out');
const outDir = outFlag === -1 ? path.join(root, 'resources') : path.resolve(process.argv[outFlag + 1] ?? '');
if (outFlag !== -1 && !process.argv[outFlag + 1]) {
  process.stderr.write('Usage: node scripts/make-icons.mjs [--out <folder>]\n');
  process.exit(2);
}
try {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'icon.ico'), buildIco());
  fs.writeFileSync(path.join(outDir, 'icon.icns'), buildIcns());
} catch (error) {
  process.stderr.write(`make-icons: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
console.log(`Wrote icon.ico (${ICO_SIZES.join(', ')}) and icon.icns (${ICNS_TYPES.map(([t, s]) => `${t} ${s}`).join(', ')}) to ${path.relative(root, outDir) || '.'}`);
