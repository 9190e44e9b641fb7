// The CLI as a CSM or a script runs it: `npm run -s cli -- ARGS` in a real subprocess on a given data folder, not
// blocking the test process (cases can overlap), and the store read afterwards with plain SQL.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], dataDir: string, cwd?: string, env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'cli', '--', ...args], {
      env: { ...process.env, BEARING_DATA_DIR: dataDir, ...(cwd ? { INIT_CWD: cwd } : {}), ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CLI on a machine whose clock reads `iso` (tests/helpers/fixed-clock.mjs, preloaded into every node it starts). */
export function runCliAt(iso: string, args: string[], dataDir: string): Promise<CliRun> {
  const preload = pathToFileURL(path.join(import.meta.dirname, 'fixed-clock.mjs')).href;
  const nodeOptions = [process.env.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(' ');
  return runCli(args, dataDir, undefined, { BEARING_TEST_CLOCK: iso, NODE_OPTIONS: nodeOptions });
}

/** `import FILE --json --tz UTC`: its one JSON object (the whole of stdout) and its exit code. */
export async function importJson<T = Record<string, unknown>>(file: string, dataDir: string, ...flags: string[]): Promise<{ code: number | null; json: T; stderr: string }> {
  const run = await runCli(['import', file, '--json', '--tz', 'UTC', ...flags], dataDir);
  return { code: run.code, json: JSON.parse(run.stdout) as T, stderr: run.stderr };
}

/** The store of a data folder, read-only, for plain SQL checks. */
export function readStore<T>(dataDir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'bearing.sqlite'), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Each case is a whole CLI process: on a busy 2-core machine it can take far longer than vitest's default. */
export const CLI_CASE_TIMEOUT = 120_000;
