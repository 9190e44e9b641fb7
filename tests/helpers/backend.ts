import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../../src/main/app/backend';

const made = new Set<string>();

/** A fresh folder under the OS temp folder, removed after the test file (tests/helpers/cleanup.ts). */
export function tempDir(prefix = 'bearing-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.add(dir);
  return dir;
}

/** Removes every folder tempDir made in this test file; the count removed. */
export function removeTempDirs(): number {
  let removed = 0;
  for (const dir of made) {
    fs.rmSync(dir, { recursive: true, force: true });
    made.delete(dir);
    removed += 1;
  }
  return removed;
}

/**
 * A real backend on a real SQLite file in a fresh temp folder, with a fixed clock. With the default host ('cli') its
 * imports run in process (importRunner) whatever the file's size, not in the import worker the app and the CLI's
 * large files use: a thread an import would cost the suite a second each. The worker's path is tested through
 * `host: 'web'` and, on the CLI's host, import-cli-worker.test.ts.
 */
export function tempBackend(options: Partial<BackendOptions> = {}): Backend & { dataDir: string } {
  const dataDir = options.dataDir ?? tempDir();
  const importRunner = (options.host ?? 'cli') === 'cli' ? 'in-process' : 'worker';
  const backend = openBackend({ host: 'cli', dataDir, now: () => new Date('2026-11-24T12:00:00Z'), importRunner, ...options });
  return { ...backend, dataDir };
}

export async function ok<T = unknown>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** A method's value, for a call through the API that must succeed. */
export const call = <T = unknown>(b: Backend, method: string, input: unknown = {}): Promise<T> => ok<T>(b.api.invoke(method, input));

/** The error of a call through the API that must fail. */
export async function failure(b: Backend, method: string, input: unknown): Promise<{ code: string; message: string }> {
  const result = await b.api.invoke(method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
}

/** The error code of a call through the API that must fail. */
export async function fail(b: Backend, method: string, input: unknown): Promise<string> {
  return (await failure(b, method, input)).code;
}
