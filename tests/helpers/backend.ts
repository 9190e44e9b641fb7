import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBackend, type Backend, type BackendOptions } from '../../src/main/app';

export function tempDir(prefix = 'bearing-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real backend on a real SQLite file in a fresh temp folder, with a fixed clock. */
export function tempBackend(options: Partial<BackendOptions> = {}): Backend & { dataDir: string } {
  const dataDir = options.dataDir ?? tempDir();
  const backend = openBackend({ host: 'cli', dataDir, now: () => new Date('2026-11-24T12:00:00Z'), ...options });
  return { ...backend, dataDir };
}

export async function ok<T = unknown>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`Expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}
