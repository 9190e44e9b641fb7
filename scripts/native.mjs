// better-sqlite3's native binding for the Node that runs Bearing's tests, web host, CLI and benchmarks. The project's
// .npmrc sets ignore-scripts=true, so that `npm ci` installs alike on npm 10 (which ignores package.json's
// allowScripts) and npm 11, and never fails on a closed network on Electron's download script. The one install
// script Bearing needs, better-sqlite3's build, is run here instead: once, on first use after an install, or again
// when Node changed ABI. Run as a script (`node scripts/native.mjs`) or imported (ensureNativeBinding()).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));

/** null when better-sqlite3 loads and opens a database in this Node, else why not. */
export function bindingProblem() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

/** Builds the binding when it does not load; exits 1 with what to do when it cannot be built. */
export function ensureNativeBinding() {
  const problem = bindingProblem();
  if (problem === null) return;
  process.stderr.write(`Building better-sqlite3 for Node ${process.version} (once after an install; about 2 minutes)…\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const built = spawnSync(npm, ['rebuild', 'better-sqlite3', '--ignore-scripts=false', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  const after = built.status === 0 ? bindingProblem() : `npm rebuild exited with ${built.status ?? built.signal}`;
  if (after === null) return;
  process.stderr.write(
    `better-sqlite3 could not be built: ${after}\n` +
      `It was: ${problem}\n` +
      'Bearing needs a C++ toolchain and Python for it (Debian: apt-get install build-essential python3; macOS: xcode-select --install; ' +
      'Windows: Visual Studio Build Tools). Then run: npm rebuild better-sqlite3 --ignore-scripts=false\n',
  );
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) ensureNativeBinding();
