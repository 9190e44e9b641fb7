import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Folders and files Bearing writes in its data folder are the CSM's alone: a book of customers is private. */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Where Bearing keeps its database: BEARING_DATA_DIR when set (tests, CLI, a second book), otherwise the OS
 * user-data folder Electron would use for an app named "Bearing", so the CLI and the desktop app share it.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.BEARING_DATA_DIR) return path.resolve(env.BEARING_DATA_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Bearing');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Bearing');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Bearing');
}

/** Creates a folder (and missing parents) readable by its owner only. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Takes group and other access away from a file or folder Bearing owns (one an older version made 0755/0644).
 * Best effort: on Windows modes mean little, and a file owned by someone else is left for its owner.
 */
export function tightenMode(target: string, mode: number): void {
  try {
    if ((fs.statSync(target).mode & 0o777 & ~mode) !== 0) fs.chmodSync(target, mode);
  } catch {
    // Not there, or not ours to change: nothing Bearing can do about it here.
  }
}
