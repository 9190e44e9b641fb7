import os from 'node:os';
import path from 'node:path';

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
