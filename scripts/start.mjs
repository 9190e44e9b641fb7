// `npm start`: the desktop app when an Electron runtime can be had, otherwise the same app in the browser.
// Electron needs a better-sqlite3 addon built for its own ABI; it is built once into .electron-native/<version>/
// from a copy of the package, so node_modules/better-sqlite3 keeps the Node build `npm test` and the CLI use.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const onWindows = process.platform === 'win32';
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const nativeBinding = path.join(root, '.electron-native', electronVersion, 'better_sqlite3.node');

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

/** Exits with the child. Ctrl+C already reaches the child through the terminal, so it is not sent twice. */
function follow(child) {
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function serveInBrowser(reason) {
  process.stdout.write(`Bearing: ${reason}; serving the same app in your browser instead.\n`);
  follow(spawn('npm', ['run', '-s', 'web'], { cwd: root, stdio: 'inherit', shell: onWindows }));
}

const electron = electronBinary() ?? fetchElectron();
if (!electron) {
  serveInBrowser('the Electron runtime is not available on this machine (its download failed)');
} else if (!buildNativeBinding()) {
  serveInBrowser(`the database driver could not be built for Electron ${electronVersion}`);
} else if (!run('npx', ['electron-vite', 'build'])) {
  process.exitCode = 1;
} else {
  follow(spawn(electron, [root], { cwd: root, stdio: 'inherit', env: { ...process.env, BEARING_NATIVE_BINDING: nativeBinding } }));
}
