// What electron-builder packs (electron-builder.json "files": out/**, drizzle/**, package.json) holds every file the
// packaged app reads, at the path it reads it from. Neither Electron nor electron-builder can run on the build
// machines, so this builds with electron-vite (the step `npm run dist` runs first) and follows the app's own lookups:
// out/main/index.js -> ../renderer/index.html and ../preload/index.cjs (src/main/electron/index.ts), the import
// worker and the health helper beside index.js (services/worker-script.ts), which the built helper is run from, the drizzle folder found upwards from out/main (db/open.ts),
// package.json (app/backend.ts), the modules the bundle imports and the fonts the page's styles load.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { MessageChannel, Worker } from 'node:worker_threads';
import { loadBundles } from '../../src/main/db/account-bundles';
import { findMigrationsFolder } from '../../src/main/db/open';
import { healthInputs } from '../../src/main/services/health-compute';
import type { WorkerCommand, WorkerMessage } from '../../src/main/import/worker-protocol';
import type { HealthWorkerReply } from '../../src/main/services/health-threads';
import { historyChunkRows } from '../../src/main/services/snapshot-rows';
import { workerScriptFrom } from '../../src/main/services/worker-script';
import { dayNumber } from '../../src/shared/dates';
import { tempBackend } from '../helpers/backend';
import { BOOK_TODAY, fillRandomBook } from '../helpers/random-book';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'out');
const mainDir = path.join(out, 'main');
const builder = JSON.parse(fs.readFileSync(path.join(root, 'electron-builder.json'), 'utf8')) as { files: string[] };
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  main: string;
  dependencies: Record<string, string>;
};

/** Whether electron-builder's "files" globs (all of the "dir/**" or plain-file form here) take this file in. */
function packed(file: string): boolean {
  const rel = path.relative(root, file).split(path.sep).join('/');
  return builder.files.some((g) => (g.endsWith('/**') ? rel.startsWith(g.slice(0, -2)) : rel === g));
}

/** The modules a built file loads: static and dynamic imports and CommonJS requires, as the bundler writes them. */
function moduleSpecifiers(code: string): string[] {
  const found = code.matchAll(/(?:^import\b[^;]*?|^export\b[^;]*?\bfrom\s*|\b__require\(|\brequire\(|\bimport\()"([^"]+)"/gm);
  return [...new Set([...found].map((m) => m[1]))];
}

/** "drizzle-orm/sqlite-core" -> "drizzle-orm", "@scope/name/x" -> "@scope/name". */
const packageName = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');

describe('the packaged layout', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: root,
      stdio: 'pipe',
    });
  }, 180_000);

  it('starts from package.json main, which is packed', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(fs.existsSync(path.join(root, pkg.main))).toBe(true);
    expect(packed(path.join(root, pkg.main))).toBe(true);
    expect(packed(path.join(root, 'package.json'))).toBe(true);
  });

  it('finds the page and the preload where the main process looks for them', () => {
    const main = fs.readFileSync(path.join(mainDir, 'index.js'), 'utf8');
    for (const rel of ['../renderer/index.html', '../preload/index.cjs']) {
      expect(main).toContain(rel);
      const file = path.join(mainDir, rel);
      expect(fs.existsSync(file), file).toBe(true);
      expect(packed(file)).toBe(true);
    }
  });

  it('loads every script and style of the page by a relative path that exists (file:// has no server root)', () => {
    const html = fs.readFileSync(path.join(out, 'renderer', 'index.html'), 'utf8');
    const refs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((r) => !r.startsWith('data:'));
    expect(refs.length).toBeGreaterThanOrEqual(2);
    for (const ref of refs) {
      expect(ref.startsWith('./'), ref).toBe(true);
      expect(fs.existsSync(path.join(out, 'renderer', ref)), ref).toBe(true);
    }
  });

  it('has the import worker and the health helper beside index.js, reachable from the shared chunks too', () => {
    for (const name of ['import-worker.js', 'health-worker.js']) {
      const worker = path.join(mainDir, name);
      expect(fs.existsSync(worker), name).toBe(true);
      expect(packed(worker)).toBe(true);
    }
  });

  it('runs the built health helper: it answers a job with the rows the source computes, and a failure as failed', async () => {
    const b = tempBackend();
    try {
      fillRandomBook(b.database.sqlite, 5);
      const today = dayNumber(BOOK_TODAY);
      const job = {
        type: 'job' as const,
        jobId: 7,
        databaseFile: b.context.databaseFile,
        tasks: loadBundles(b.database, undefined, null).map((bundle) => ({ accountId: bundle.account.id, requested: today - 90 })),
        shared: new SharedArrayBuffer(8),
        today,
        inputs: healthInputs(b.context),
        fromRollups: true,
        bundleFrom: null,
      };
      const expected: unknown[] = [];
      const starts: (number | null)[] = [];
      historyChunkRows(b.context, job.tasks, 0, job.tasks.length, job, expected, (_, start) => starts.push(start), () => {});
      expect(starts.every((s) => s !== null && s <= today)).toBe(true);
      expect(expected.length).toBeGreaterThan(0);
      const answer = async (message: typeof job) => {
        const { port1, port2 } = new MessageChannel();
        const worker = new Worker(path.join(mainDir, 'health-worker.js'), { workerData: { port: port2 }, transferList: [port2] });
        try {
          const rows: unknown[] = [];
          const end = await new Promise<HealthWorkerReply>((resolve, reject) => {
            worker.on('error', reject);
            port1.on('message', (reply: HealthWorkerReply) => (reply.type === 'rows' ? rows.push(...reply.values) : resolve(reply)));
            port1.postMessage(message);
          });
          return { end, rows };
        } finally {
          port1.close();
          await worker.terminate();
        }
      };
      const done = await answer(job);
      expect(done.end).toEqual({ type: 'done', jobId: 7 });
      expect(done.rows).toEqual(expected);
      const failed = await answer({ ...job, jobId: 8, shared: new SharedArrayBuffer(8), databaseFile: path.join(b.dataDir, 'missing', 'bearing.sqlite') });
      expect(failed.end).toMatchObject({ type: 'failed', jobId: 8 });
    } finally {
      b.close();
    }
  }, 60_000);

  it('takes the workers from the folder BEARING_BUILT_WORKERS names when run from the source, never in the build', () => {
    const source = pathToFileURL(path.join(root, 'src/main/services/worker-script.ts')).href;
    const bundled = pathToFileURL(path.join(mainDir, 'chunks', 'shared.js')).href;
    const elsewhere = path.join(root, 'tests', 'fixtures');
    // From the source (bench:import): the folder's built entries.
    expect(workerScriptFrom('import-worker', source, mainDir)).toEqual({ code: pathToFileURL(path.join(mainDir, 'import-worker.js')), eval: false });
    expect(workerScriptFrom('health-worker', source, mainDir)).toEqual({ code: pathToFileURL(path.join(mainDir, 'health-worker.js')), eval: false });
    expect(() => workerScriptFrom('import-worker', source, path.join(mainDir, 'chunks'))).toThrow(/import worker is not in BEARING_BUILT_WORKERS/);
    // Unset: the TypeScript entry, compiled as the worker starts.
    expect(workerScriptFrom('import-worker', source, undefined).eval).toBe(true);
    // In the build the variable is not read: the entry beside index.js, wherever it points.
    expect(workerScriptFrom('import-worker', bundled, elsewhere)).toEqual({ code: pathToFileURL(path.join(mainDir, 'import-worker.js')), eval: false });
    expect(workerScriptFrom('health-worker', bundled, undefined)).toEqual({ code: pathToFileURL(path.join(mainDir, 'health-worker.js')), eval: false });
  });

  it('runs the built import worker: started with no job, it waits for one, imports it and recomputes its health', async () => {
    const b = tempBackend();
    try {
      const worker = new Worker(path.join(mainDir, 'import-worker.js'));
      try {
        const file = path.join(root, 'tests/fixtures/import/pendo-events.csv');
        // Started ahead of its job, as the runner's spare is: its bundle loads while nothing is asked of it.
        await new Promise((resolve) => setTimeout(resolve, 200));
        const start = { databaseFile: b.context.databaseFile, job: { path: file, timeZone: 'UTC', now: Date.parse(`${BOOK_TODAY}T12:00:00Z`) } };
        const end = await new Promise<WorkerMessage>((resolve, reject) => {
          worker.on('error', reject);
          worker.on('message', (m: WorkerMessage) => m.type !== 'progress' && resolve(m));
          worker.postMessage({ type: 'start', start } satisfies WorkerCommand);
        });
        expect(end).toMatchObject({ type: 'done', healthRefreshed: true, summary: { status: 'imported', counts: { rows: 4, accepted: 4 } } });
        // Read through the test's own connection: the worker's commit (the fixture's four rows, two accounts).
        expect(b.database.sqlite.prepare('SELECT count(*) AS n, count(DISTINCT account_id) AS a FROM usage_events').get()).toEqual({ n: 4, a: 2 });
      } finally {
        await worker.terminate();
      }
    } finally {
      b.close();
    }
  }, 60_000);

  it('finds the migrations upwards from out/main, each one the journal lists, all packed', () => {
    const folder = findMigrationsFolder(mainDir);
    expect(folder).toBe(path.join(root, 'drizzle'));
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { tag: string }[];
    };
    expect(journal.entries.length).toBeGreaterThan(0);
    for (const { tag } of journal.entries) {
      const sql = path.join(folder, `${tag}.sql`);
      expect(fs.existsSync(sql), sql).toBe(true);
      expect(packed(sql)).toBe(true);
    }
  });

  it('loads only modules the package holds: its own files, Node built-ins, electron and the dependencies', () => {
    // electron-builder packs "dependencies" (with theirs) and nothing from devDependencies: a devDependency the
    // main process imports must be bundled into out/main by electron-vite, never left as an import.
    const deps = new Set(Object.keys(pkg.dependencies));
    const builtins = new Set(builtinModules);
    const files = fs.readdirSync(mainDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    expect(files).toEqual(expect.arrayContaining(['index.js', 'import-worker.js', 'health-worker.js']));
    const bare = new Set<string>();
    for (const rel of files) {
      const file = path.join(mainDir, rel);
      for (const spec of moduleSpecifiers(fs.readFileSync(file, 'utf8'))) {
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          expect(fs.existsSync(target), `${rel} -> ${spec}`).toBe(true);
          expect(packed(target)).toBe(true);
        } else bare.add(spec);
      }
    }
    const unpacked = [...bare].filter((s) => !builtins.has(s.replace(/^node:/, '')) && s !== 'electron' && !deps.has(packageName(s)));
    expect(unpacked).toEqual([]);
    // The check sees the imports: the native driver and the ORM are among them.
    expect([...bare]).toEqual(expect.arrayContaining(['better-sqlite3', 'drizzle-orm', 'electron', 'node:worker_threads']));
    // A sandboxed preload can require nothing but electron.
    expect(moduleSpecifiers(fs.readFileSync(path.join(out, 'preload', 'index.cjs'), 'utf8'))).toEqual(['electron']);
  });

  it("has every font and image the page's styles load, beside the stylesheet", () => {
    const sheets = fs.readdirSync(path.join(out, 'renderer', 'assets')).filter((f) => f.endsWith('.css'));
    expect(sheets.length).toBeGreaterThan(0);
    let urls = 0;
    for (const sheet of sheets) {
      const css = fs.readFileSync(path.join(out, 'renderer', 'assets', sheet), 'utf8');
      for (const [, raw] of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
        if (raw.startsWith('data:') || raw.startsWith('#')) continue;
        urls++;
        const file = path.join(out, 'renderer', 'assets', raw.split(/[?#]/)[0]);
        expect(fs.existsSync(file), `${sheet}: ${raw}`).toBe(true);
        expect(packed(file)).toBe(true);
      }
    }
    expect(urls).toBeGreaterThan(0); // the Inter font files
  });

  it('finds its own package.json (the version it reports) upwards from out/main, packed', () => {
    // appVersion() in app/backend.ts: the first package.json named "bearing" above the code.
    let dir = mainDir;
    while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
    expect(dir).toBe(root);
    expect(pkg.name).toBe('bearing');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(packed(path.join(dir, 'package.json'))).toBe(true);
  });

  it('reads nothing else beside its code: every lookup relative to a source file is one checked above', () => {
    // The demo book is generated by code (services/demo-generate.ts) and needs no file. A new file found relative
    // to the code (a resource, a template) must be packed and added to this test; the web host's and the CLI's
    // lookups are not part of the desktop bundle.
    const checked: Record<string, string> = {
      'src/main/electron/index.ts': 'the page and the preload',
      'src/main/services/worker-script.ts': 'the import worker and the health helper',
      'src/main/db/open.ts': 'the migrations',
      'src/main/app/backend.ts': 'package.json',
      'src/main/web/serve.ts': 'web host only: out/renderer from the repository',
      'src/main/cli/main.ts': 'CLI only: whether it is the entry script',
    };
    const lookups = ['src/main', 'src/preload', 'src/shared'].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
        .map((f) => `${dir}/${f.split(path.sep).join('/')}`)
        .filter((f) => /\.tsx?$/.test(f))
        .filter((f) => /import\.meta\.(dirname|filename|url)|__dirname|__filename|process\.resourcesPath|getAppPath\(/.test(fs.readFileSync(path.join(root, f), 'utf8'))),
    );
    expect(lookups.sort()).toEqual(Object.keys(checked).sort());
    const bundle = fs.readFileSync(path.join(mainDir, 'index.js'), 'utf8');
    expect(bundle).not.toContain('../../../out/renderer');
  });
});
