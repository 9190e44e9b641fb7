// Renders resources/icon.svg to the PNG set (resources/icons/<size>x<size>.png, which electron-builder packs for
// Linux and scripts/make-icons.mjs packs into resources/icon.ico and icon.icns for Windows and macOS; and
// resources/icon.png at 512). Uses the system Chromium through playwright-core: `npm run icons` runs both scripts.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const svg = fs.readFileSync(path.join(root, 'resources', 'icon.svg'), 'utf8');
const sizes = [1024, 512, 256, 128, 64, 48, 32, 16];
const outDir = path.join(root, 'resources', 'icons');
fs.mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const size of sizes) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const img = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${img}</body></html>`);
    const png = await page.locator('svg').screenshot({ omitBackground: true });
    fs.writeFileSync(path.join(outDir, `${size}x${size}.png`), png);
    if (size === 512) fs.writeFileSync(path.join(root, 'resources', 'icon.png'), png);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Rendered ${sizes.length} sizes to ${path.relative(root, outDir)}`);
