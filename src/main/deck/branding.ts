// The deck's branding from Settings: the CSM's company name, its colour and its logo, and the CSM's own name and
// title, which sign the title slide. The logo is a file the CSM chose (a handle, never a path from the page):
// Bearing keeps its own copy in <data folder>/branding, and reads no logo from anywhere else; a copy that has
// since been removed or broken must never stop a deck, it is just left out.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DeckSettings, MethodInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { ServiceContext } from '../services/context';
import { fileHandles } from '../services/file-handles';
import { readSetting, writeSetting } from '../db/settings';

// No company name by default: the deck is the CSM's company's, never Bearing's (issue #12: no "Prepared by Bearing").
export const DECK_DEFAULTS: DeckSettings = { companyName: '', csmName: '', csmTitle: '', color: '#4263eb', logoPath: null, logoName: null };

const KEYS = {
  companyName: 'deck.companyName',
  csmName: 'deck.csmName',
  csmTitle: 'deck.csmTitle',
  color: 'deck.color',
  logoPath: 'deck.logoPath',
  logoName: 'deck.logoName',
} as const;
const HEX = /^#[0-9a-fA-F]{6}$/;
/** Bigger than any sensible logo; keeps a mistaken pick (a photo library export) out of every deck. */
const MAX_LOGO_BYTES = 5 * 1024 * 1024;

export interface Logo {
  data: Buffer;
  mime: 'image/png' | 'image/jpeg';
  /** Pixels: only the aspect ratio matters, so the logo is never stretched. */
  width: number;
  height: number;
}

export interface Branding extends DeckSettings {
  logo: Logo | null;
}

/** Settings written by hand or by an older build are checked here; anything odd falls back to the default. */
export function readDeckSettings(ctx: ServiceContext): DeckSettings {
  const text = (key: string) => {
    const value = readSetting(ctx, key);
    return typeof value === 'string' ? value.trim().slice(0, 80) : '';
  };
  const color = readSetting(ctx, KEYS.color);
  const logo = readSetting(ctx, KEYS.logoPath);
  // Only Bearing's own copy: a path saved by an older build (which took one from the page) is not read.
  const logoPath = typeof logo === 'string' && logo && isInside(brandingDir(ctx), logo) ? logo : null;
  return {
    companyName: text(KEYS.companyName),
    csmName: text(KEYS.csmName),
    csmTitle: text(KEYS.csmTitle),
    color: typeof color === 'string' && HEX.test(color) ? color.toLowerCase() : DECK_DEFAULTS.color,
    logoPath,
    logoName: logoPath ? text(KEYS.logoName) || path.basename(logoPath) : null,
  };
}

/** Where Bearing keeps its copy of the logo. */
export function brandingDir(ctx: Pick<ServiceContext, 'dataDir'>): string {
  return path.join(ctx.dataDir, 'branding');
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Copies the chosen logo into the branding folder (checked now, while the CSM is looking at Settings, rather than
 * when a deck silently lacks it); the chosen file itself is never read again, and an upload's copy is deleted.
 */
function keepLogo(ctx: ServiceContext, handle: string): { path: string; name: string } {
  const files = fileHandles(ctx);
  const chosen = files.resolve(handle);
  try {
    const logo = loadLogo(chosen.path, true, chosen.name);
    if (!logo) throw new AppError('invalid_logo', `${chosen.name} is not a PNG or JPEG image.`);
    const dir = brandingDir(ctx);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `logo-${crypto.randomBytes(6).toString('hex')}.${logo.mime === 'image/png' ? 'png' : 'jpg'}`);
    fs.writeFileSync(file, logo.data, { flag: 'wx' });
    return { path: file, name: chosen.name };
  } finally {
    // Kept or refused, the chosen file is done with (a refused one is chosen again after a fix).
    files.release(handle);
  }
}

/** Earlier copies of the logo, once the settings no longer name them. */
function removeOldLogos(ctx: ServiceContext, keep: string | null): void {
  const dir = brandingDir(ctx);
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file !== keep && /^logo-[0-9a-f]+\.(png|jpg)$/.test(name)) fs.rmSync(file, { force: true });
  }
}

export function writeDeckSettings(ctx: ServiceContext, patch: MethodInput<'deck.settings.set'>): DeckSettings {
  const logo = patch.logo === undefined || patch.logo === null ? patch.logo : keepLogo(ctx, patch.logo);
  if (patch.companyName !== undefined) writeSetting(ctx, KEYS.companyName, patch.companyName.trim());
  if (patch.csmName !== undefined) writeSetting(ctx, KEYS.csmName, patch.csmName.trim());
  if (patch.csmTitle !== undefined) writeSetting(ctx, KEYS.csmTitle, patch.csmTitle.trim());
  if (patch.color !== undefined) writeSetting(ctx, KEYS.color, patch.color.toLowerCase());
  // The settings table holds no nulls: an empty path is "no logo".
  if (logo !== undefined) {
    writeSetting(ctx, KEYS.logoPath, logo?.path ?? '');
    writeSetting(ctx, KEYS.logoName, logo?.name ?? '');
    removeOldLogos(ctx, logo?.path ?? null);
  }
  return readDeckSettings(ctx);
}

export function readBranding(ctx: ServiceContext): Branding {
  const settings = readDeckSettings(ctx);
  return { ...settings, logo: settings.logoPath ? loadLogo(settings.logoPath, false) : null };
}

function loadLogo(file: string, strict: boolean, name = path.basename(file)): Logo | null {
  const fail = (message: string) => {
    if (strict) throw new AppError('invalid_logo', message);
    return null;
  };
  let data: Buffer;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile()) return fail(`The logo ${name} is not a file Bearing can read: pick a PNG or JPEG file.`);
    if (stat.size > MAX_LOGO_BYTES) return fail(`The logo ${name} is over 5 MB: pick a smaller PNG or JPEG.`);
    data = fs.readFileSync(file);
  } catch {
    return fail(`The logo ${name} cannot be read: pick a PNG or JPEG file that exists.`);
  }
  const size = imageSize(data);
  return size && size.width > 0 && size.height > 0 ? size : fail(`${name} is not a PNG or JPEG image: the deck takes a PNG or JPEG logo.`);
}

/** The type and pixel size of a PNG (IHDR) or JPEG (first SOF marker), from the bytes rather than the name. */
export function imageSize(data: Buffer): Logo | null {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString('latin1', 12, 16) === 'IHDR') {
    return { data, mime: 'image/png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length && data[at] === 0xff) {
      const marker = data[at + 1];
      const length = data.readUInt16BE(at + 2);
      // SOF0–SOF15 carry the size, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { data, mime: 'image/jpeg', height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}
