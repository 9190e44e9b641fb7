// `npm start`: the desktop app when an Electron runtime can be had, otherwise the same app in the browser.
// Electron needs a better-sqlite3 addon built for its own ABI; it is built once into .electron-native/<version>/
// from a copy of the package, so node_modules/better-sqlite3 keeps the Node build `npm test` and the CLI use.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { ensureNativeBinding } from './native.mjs';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const onWindows = process.platform === 'win32';
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const nativeBinding = path.join(root, '.electron-native', electronVersion, 'better_sqlite3.node');

/** An environment switch: set to anything but '', 0 or false. */
function flag(name) {
  const value = process.env[name];
  return value !== undefined && !['', '0', 'false'].includes(value.toLowerCase());
}
// `npm start --verbose` reaches this script only as npm's own log level.
const verbose = flag('BEARING_VERBOSE') || process.argv.includes('--verbose') || ['verbose', 'silly'].includes(process.env.npm_config_loglevel ?? '');

// Stopping: Ctrl+C, SIGTERM or a closed terminal, or the parent going away. `npm start` runs this script under
// `sh -c`, and on SIGTERM npm signals only that shell, which dies without passing it on; a SIGKILL to npm signals
// nothing at all. The script would live on as an orphan with its server, so it watches its parent and npm too. The child (build step, web host or Electron) is
// asked to stop, then killed if it has not within a few seconds; this script exits when it has.
let current = null;
let stopping = false;
// Electron quits cleanly on the Ctrl+C the terminal sends it too; a second SIGINT would cut that quit short.
let childTakesCtrlC = false;
function stop(signal) {
  if (stopping || (signal === 'SIGINT' && childTakesCtrlC)) return;
  stopping = true;
  const child = current;
  if (!child) process.exit(0);
  child.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
  setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

/** The parent of `pid` (null when it cannot be read): /proc on Linux, ps on the other POSIX systems. */
function parentOf(pid) {
  try {
    if (process.platform === 'linux') {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after its last ')'.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    }
    const ps = spawnSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 ? Number(ps.stdout.trim()) : null;
  } catch {
    return null;
  }
}

/** The short command name of `pid` ("sh", "node"), or ''. */
function commandOf(pid) {
  try {
    if (process.platform === 'linux') return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    const ps = spawnSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' });
    return ps.status === 0 ? path.basename(ps.stdout.trim()) : '';
  } catch {
    return '';
  }
}

// The parent going away, however it went (a SIGKILL sends nothing on): Node re-reads process.ppid on each access,
// and a dead parent's children are handed to another process at once, even while the dead one awaits its reaper.
// Under npm the parent is npm's `sh -c`, which outlives a killed npm (it waits for this script), so npm itself, the
// shell's parent, is watched too: the shell being handed to another parent means npm is gone.
const parent = process.ppid;
const npm = !onWindows && process.env.npm_lifecycle_event && ['sh', 'dash', 'bash', 'zsh'].includes(commandOf(parent)) ? parentOf(parent) : null;
function parentGone() {
  if (process.ppid !== parent) return true;
  try {
    process.kill(parent, 0); // Windows, where ppid does not change
  } catch (error) {
    if (error.code === 'ESRCH') return true;
  }
  return npm !== null && parentOf(parent) !== npm;
}
setInterval(() => {
  if (parentGone()) stop('SIGTERM');
}, 1_000).unref();

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: onWindows, ...options }).status === 0;
}

/** The Electron executable, or null; node_modules/electron/index.js throws when the download never happened. */
function electronBinary() {
  try {
    delete require.cache[require.resolve('electron')];
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function fetchElectron() {
  process.stdout.write('Bearing: fetching the Electron runtime…\n');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  // Its output is a stack trace when offline; the one line printed by serveInBrowser says it better.
  run(process.execPath, [path.join(root, 'node_modules/electron/install.js')], { env, timeout: 120_000, shell: false, stdio: 'ignore' });
  return electronBinary();
}

/** Electron's module ABI; an addon built for another one would crash the app at start-up. */
function builtForElectron(file) {
  const abi = fs.readFileSync(path.join(root, 'node_modules/electron/abi_version'), 'utf8').trim();
  return fs.existsSync(file) && fs.readFileSync(file).includes(`node_register_module_v${abi}`);
}

function nodeGyp(args, cwd) {
  // A `nodedir` in the npm config (some machines set one for offline Node builds) would make node-gyp compile
  // against Node's headers instead of Electron's, so it is dropped; npm hands scripts its own node-gyp.
  const env = { ...process.env };
  delete env.npm_config_nodedir;
  const bundled = process.env.npm_config_node_gyp;
  return bundled
    ? run(process.execPath, [bundled, ...args], { cwd, env, shell: false })
    : run('npx', ['--yes', 'node-gyp', ...args], { cwd, env });
}

/** Builds better_sqlite3.node for Electron in a temp copy: a prebuilt download first, a local compile second. */
function buildNativeBinding() {
  if (builtForElectron(nativeBinding)) return true;
  process.stdout.write(`Bearing: building the database driver for Electron ${electronVersion} (once)…\n`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-native-'));
  try {
    const source = path.join(root, 'node_modules/better-sqlite3');
    fs.cpSync(source, work, { recursive: true, filter: (file) => path.relative(source, file) !== 'build' });
    const target = [`--target=${electronVersion}`, '--runtime=electron'];
    const prebuilt = path.join(root, 'node_modules/prebuild-install/bin.js');
    const output = path.join(work, 'build/Release/better_sqlite3.node');
    const built =
      (fs.existsSync(prebuilt) && run(process.execPath, [prebuilt, ...target, `--arch=${process.arch}`], { cwd: work, shell: false })) ||
      nodeGyp(['rebuild', '--release', ...target, '--dist-url=https://electronjs.org/headers'], work);
    if (!built || !builtForElectron(output)) return false;
    fs.mkdirSync(path.dirname(nativeBinding), { recursive: true });
    fs.copyFileSync(output, nativeBinding);
    return true;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Starts `child` as the one process this script waits for: its exit code becomes this script's. */
function follow(child) {
  current = child;
  child.on('exit', (code, signal) => {
    current = null;
    process.exit(code ?? (signal && !stopping ? 1 : 0));
  });
  return child;
}

/** Runs a build step, the output quiet unless asked; resolves to whether it succeeded. */
function build(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
    current = child;
    child.on('error', () => resolve(false));
    child.on('exit', (code) => {
      current = null;
      resolve(code === 0);
    });
  });
}

/** The CSM's browser on `url`, through the platform's own opener; a machine without one just has the address. */
function openBrowser(url) {
  const [command, args, options] =
    process.platform === 'darwin'
      ? ['open', [url], {}]
      : onWindows
        ? ['cmd', ['/d', '/c', 'start', '', url], {}]
        : ['xdg-open', [url], {}];
  try {
    const opener = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true, ...options });
    opener.on('error', () => undefined);
    opener.unref();
  } catch {
    // No opener: the address printed last is enough.
  }
}

/**
 * The web host, built quietly and run as a direct child (node with tsx's loader: no npm, shell or tsx CLI in
 * between that could leave it behind). It reports its address over an IPC channel, and stops by itself when
 * that channel closes, so even a killed `npm start` leaves no server running.
 */
async function serveInBrowser(reason) {
  if (reason) process.stdout.write(`Bearing: ${reason}; serving the same app in your browser instead.\n`);
  ensureNativeBinding();
  process.stdout.write(`Bearing: building the app${verbose ? '' : ' (BEARING_VERBOSE=1 shows the build output)'}…\n`);
  const built = await build([path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.web.config.ts', '--logLevel', verbose ? 'info' : 'warn']);
  if (stopping) process.exit(0);
  if (!built) {
    process.stderr.write('Bearing: the app could not be built (the errors are above).\n');
    process.exit(1);
  }
  const host = follow(spawn(process.execPath, ['--import', 'tsx', 'src/main/web/serve.ts'], { cwd: root, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] }));
  host.on('message', (message) => {
    if (message?.type === 'ready' && !flag('BEARING_NO_OPEN')) openBrowser(message.url);
  });
}

// `npm run web` (start.mjs --web): the web host alone, with the same quiet build and clean stop.
const webOnly = process.argv.includes('--web');
const electron = webOnly ? null : (electronBinary() ?? fetchElectron());
if (stopping) {
  process.exit(0);
} else if (webOnly) {
  await serveInBrowser(null);
} else if (!electron) {
  await serveInBrowser('the Electron runtime is not available on this machine (its download failed)');
} else if (!buildNativeBinding()) {
  await serveInBrowser(`the database driver could not be built for Electron ${electronVersion}`);
} else if (!run('npx', ['electron-vite', 'build', '--logLevel', verbose ? 'info' : 'warn'])) {
  process.exitCode = 1;
} else if (!stopping) {
  childTakesCtrlC = true;
  follow(spawn(electron, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, BEARING_NATIVE_BINDING: nativeBinding } }));
}
