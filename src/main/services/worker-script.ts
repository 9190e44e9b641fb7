// Where a worker thread's code is: the TypeScript source under tsx and vitest, the bundled entry (electron-vite's
// out/main, electron.vite.config.ts) in the built app. From the source only, BEARING_BUILT_WORKERS names a folder of
// built entries to use instead: `bench:import` measures the desktop app's path with it (a worker from the bundle
// starts in a third of the time one compiled by tsx does). The built app never reads it: the packaged app loads
// code from its signed archive alone (electron-builder.json's fuses), and an environment variable must not open a
// way around that.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export type WorkerEntry = 'import-worker' | 'health-worker';

export interface WorkerScript {
  code: string | URL;
  eval: boolean;
}

/** What new Worker() takes for the entry: code to evaluate (source) or the bundled file's URL. */
export function workerScript(entry: WorkerEntry): WorkerScript {
  return workerScriptFrom(entry, import.meta.url, process.env.BEARING_BUILT_WORKERS);
}

/** workerScript for code at `here` (this module's URL), with BEARING_BUILT_WORKERS' value `built`. */
export function workerScriptFrom(entry: WorkerEntry, here: string, built: string | undefined): WorkerScript {
  const name = entry.replace('-', ' ');
  if (here.endsWith('.ts')) {
    if (built) {
      const file = path.resolve(built, `${entry}.js`);
      if (!fs.existsSync(file)) throw new Error(`The ${name} is not in BEARING_BUILT_WORKERS (looked for ${file}).`);
      return { code: pathToFileURL(file), eval: false };
    }
    const url = new URL(`../workers/${entry}.ts`, here).href;
    return { code: `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url)}); })`, eval: true };
  }
  // Bundled: this code may sit in a shared chunk below out/main, the worker entry beside index.js.
  const dir = path.dirname(fileURLToPath(here));
  const candidates = [path.join(dir, `${entry}.js`), path.join(dir, '..', `${entry}.js`)];
  const found = candidates.find((f) => fs.existsSync(f));
  if (!found) throw new Error(`The ${name} is missing from the build (looked for ${candidates.join(', ')}).`);
  return { code: pathToFileURL(found), eval: false };
}
