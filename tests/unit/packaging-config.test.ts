// The packaged app's Electron fuses (electron-builder flips them in the binary before signing, so the OS's code
// signature keeps them flipped). No Electron or electron-builder runs on the build machines, so this checks the
// configuration they will read. JSON rather than YAML: the only YAML parser in node_modules is a transitive
// dependency without types, and electron-builder reads electron-builder.json just the same.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const config = JSON.parse(fs.readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as {
  appId?: string;
  productName?: string;
  files?: string[];
  asar?: boolean | { disableIntegrity?: boolean };
  electronFuses?: Record<string, boolean>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; build?: unknown };

describe('the packaged app (electron-builder.json)', () => {
  it('names the app', () => {
    expect(config.appId).toBe('app.bearing.desktop');
    expect(config.productName).toBe('Bearing');
    // A second configuration in package.json would be merged silently; there is one place for it.
    expect(pkg.build).toBeUndefined();
  });

  it('cannot be turned into a plain Node runtime or debugged from outside', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    });
  });

  it('runs only its own, unmodified app.asar', () => {
    expect(config.electronFuses).toMatchObject({ enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
    // Both fuses need the app inside an archive that carries its integrity hash.
    expect(config.asar).toBe(true);
  });

  it('encrypts its cookie store, and keeps file:// able to load the page', () => {
    expect(config.electronFuses?.enableCookieEncryption).toBe(true);
    // The window loads out/renderer/index.html from disk (loadFile), an ES-module page.
    expect(config.electronFuses?.grantFileProtocolExtraPrivileges).toBe(true);
  });

  it('sets exactly the fuses above, so a new one is a decision and not a default', () => {
    expect(Object.keys(config.electronFuses ?? {}).sort()).toEqual([
      'enableCookieEncryption',
      'enableEmbeddedAsarIntegrityValidation',
      'enableNodeCliInspectArguments',
      'enableNodeOptionsEnvironmentVariable',
      'grantFileProtocolExtraPrivileges',
      'onlyLoadAppFromAsar',
      'runAsNode',
    ]);
  });

  it('packs the built app and its migrations, which the app finds beside it at run time', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'drizzle/**', 'package.json']));
    expect(fs.existsSync(path.join(root, 'drizzle/meta/_journal.json'))).toBe(true);
  });
});
