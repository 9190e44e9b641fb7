// Issue #16, point 6: `npm start` starts and stops cleanly. Electron cannot run on the build machines, so `npm start`
// falls back to the web host; these run the real `npm start` as a subprocess in its own process group and check that
// a signal stops every process it started and frees the port, that the build output is quiet unless asked, that the
// address is the last line, and that the browser is opened unless BEARING_NO_OPEN is set (the platform's opener is
// replaced by a script on PATH that records what it was asked to open).
//
// The app runs from a copy of the repository in a temp folder (node_modules linked), so its build writes that
// copy's out/ and not the one tests/unit/packaged-layout.test.ts builds and reads at the same time.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const CASE_TIMEOUT = 180_000;
const COPIED = ['package.json', 'scripts', 'src', 'drizzle', 'vite.web.config.ts', 'renderer.vite.config.ts', 'tsconfig.json', 'tsconfig.base.json', 'tsconfig.node.json', 'tsconfig.web.json'];
const ADDRESS_LINE = /^Bearing is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=[\w-]+) \(press Ctrl\+C to stop\)$/;

let work: string;
let app: string;
let bin: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-start-'));
  app = path.join(work, 'app');
  for (const entry of COPIED) fs.cpSync(path.join(root, entry), path.join(app, entry), { recursive: true });
  fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(app, 'node_modules'), 'dir');
  // The browser opener: records its arguments, one call a line, in the file BEARING_TEST_OPENED names.
  bin = path.join(work, 'bin');
  fs.mkdirSync(bin);
  const opener = path.join(bin, process.platform === 'darwin' ? 'open' : 'xdg-open');
  fs.writeFileSync(opener, '#!/bin/sh\necho "$@" >> "$BEARING_TEST_OPENED"\n', { mode: 0o755 });
});

// A failed case must not leave its server behind either: whatever it started and is still running is killed.
const startedTrees: number[][] = [];
afterEach(() => {
  for (const pid of startedTrees.flat()) if (running(pid)) process.kill(pid, 'SIGKILL');
  startedTrees.length = 0;
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  port: number;
  stdout: () => string;
  opened: string;
}

/**
 * `npm start` (or another command, such as `npm run web`) in its own process group; resolves once the address line
 * is out (and a moment after, to see it stays last).
 */
function npmStart(env: Record<string, string>, command: [string, ...string[]] = ['npm', 'start']): Promise<Started> {
  const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
  const opened = path.join(dataDir, 'opened.txt');
  const base = { ...process.env };
  for (const name of ['BEARING_VERBOSE', 'BEARING_NO_OPEN', 'npm_config_loglevel', 'PORT']) delete base[name];
  const child = spawn(command[0], command.slice(1), {
    cwd: app,
    detached: true,
    env: { ...base, BEARING_DATA_DIR: dataDir, BEARING_TEST_OPENED: opened, PATH: `${bin}${path.delimiter}${process.env.PATH}`, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL');
      reject(new Error(`no address line after 150 s:\n${stdout}\n${stderr}`));
    }, 150_000);
    child.on('exit', (code) => reject(new Error(`npm start exited (${code}) before printing the address:\n${stdout}\n${stderr}`)));
    child.stdout!.on('data', () => {
      const match = stdout.split('\n').map((l) => ADDRESS_LINE.exec(l)).find(Boolean);
      if (!match) return;
      clearTimeout(timer);
      startedTrees.push([child.pid!, ...descendants(child.pid!)]);
      setTimeout(() => resolve({ child, url: match[1], port: Number(match[2]), stdout: () => stdout, opened }), 1_500);
    });
  });
}

/** Every process below `pid`, from ps. */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((row) => row.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, ppid] of rows) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Whether the process still runs (a zombie waiting for a reaper does not). */
function running(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    return false; // ps exits 1 when there is no such process
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return condition();
}

/** Sends the signal, then: every process the start had is gone within `ms` and the port no longer answers. */
async function expectStopped(started: Started, send: () => void, ms = 10_000, least = 4): Promise<void> {
  const tree = [started.child.pid!, ...descendants(started.child.pid!)];
  // npm, its shell, scripts/start.mjs and the web host itself at least.
  expect(tree.length).toBeGreaterThanOrEqual(least);
  expect(await answers(started.port)).toBe(true);
  send();
  const gone = await waitFor(() => tree.every((pid) => !running(pid)), ms);
  expect(tree.filter(running), 'processes left running').toEqual([]);
  expect(gone).toBe(true);
  expect(await answers(started.port)).toBe(false);
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

const posix = process.platform !== 'win32';

describe.runIf(posix)('npm start falling back to the web host', () => {
  it('is quiet, prints the address last, opens the browser, and stops on SIGTERM to npm alone', async () => {
    const started = await npmStart({});
    const out = lines(started.stdout());
    expect(out.at(-1)).toMatch(ADDRESS_LINE);
    // The build ran (the page is served) but said nothing: no Vite banner, module count, file list or warning.
    expect(started.stdout()).not.toMatch(/vite v\d|modules transformed|out\/renderer|built in|configLoader/);
    expect(out.filter((l) => !l.startsWith('>') && !l.startsWith('Bearing') && !l.startsWith('Data folder'))).toEqual([]);
    expect(await waitFor(() => fs.existsSync(started.opened), 5_000)).toBe(true);
    expect(fs.readFileSync(started.opened, 'utf8').trim()).toBe(started.url);
    // npm signals only its `sh -c`, which dies without passing it on: the case that used to leave an orphan server.
    await expectStopped(started, () => process.kill(started.child.pid!, 'SIGTERM'));
  }, CASE_TIMEOUT);

  it('shows the build when asked, does not open the browser with BEARING_NO_OPEN, and stops on Ctrl+C', async () => {
    const started = await npmStart({ BEARING_VERBOSE: '1', BEARING_NO_OPEN: '1' });
    const text = started.stdout();
    expect(text).toMatch(/modules transformed/);
    expect(text).not.toMatch(/configLoader/);
    expect(text.indexOf('built in')).toBeLessThan(text.indexOf('Bearing is running at'));
    expect(lines(text).at(-1)).toMatch(ADDRESS_LINE);
    // Ctrl+C: the terminal sends SIGINT to the whole foreground process group.
    await expectStopped(started, () => process.kill(-started.child.pid!, 'SIGINT'));
    expect(fs.existsSync(started.opened)).toBe(false);
  }, CASE_TIMEOUT);

  it('stops the web host even when the start script is killed outright (SIGKILL)', async () => {
    const started = await npmStart({ BEARING_NO_OPEN: '1' });
    // node itself, not the `sh -c node scripts/start.mjs` above it.
    const script = descendants(started.child.pid!).find((pid) =>
      /^(\S*\/)?node scripts\/start\.mjs/.test(execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' })),
    );
    expect(script).toBeDefined();
    await expectStopped(started, () => process.kill(script!, 'SIGKILL'));
  }, CASE_TIMEOUT);

  // Nothing reaches the script when npm itself is killed: npm's `sh -c` lives on, waiting for it. The script sees
  // the shell handed to another parent and stops, its server with it, within a few seconds.
  it('stops the script and its web host when npm itself is killed outright (SIGKILL to npm run web)', async () => {
    const started = await npmStart({ BEARING_NO_OPEN: '1' }, ['npm', 'run', 'web']);
    const tree = descendants(started.child.pid!).map((pid) => execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    // npm → sh -c → node scripts/start.mjs --web → the web host: the shell really is there, between npm and the script.
    expect(tree[0]).toMatch(/^(\S*\/)?sh -c/);
    expect(tree[1]).toMatch(/^(\S*\/)?node scripts\/start\.mjs --web/);
    await expectStopped(started, () => process.kill(started.child.pid!, 'SIGKILL'), 5_000);
  }, CASE_TIMEOUT);

  it('stops when the process that started it directly is killed outright (SIGKILL to its parent)', async () => {
    // A parent that is not npm, with no shell between: a node process running the script as its child.
    const parent = `require('node:child_process').spawn(process.execPath, ['scripts/start.mjs', '--web'], { stdio: 'inherit' }); setInterval(() => {}, 1e6);`;
    const started = await npmStart({ BEARING_NO_OPEN: '1' }, [process.execPath, '-e', parent]);
    await expectStopped(started, () => process.kill(started.child.pid!, 'SIGKILL'), 5_000, 3);
  }, CASE_TIMEOUT);
});
