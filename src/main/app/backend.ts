// Opening Bearing's back end for any host: the store, the services and the API every transport binds to.
import fs from 'node:fs';
import path from 'node:path';
import { createApi, type Api } from '../api/api';
import { countAccounts } from '../db/accounts';
import { defaultDataDir } from '../db/data-dir';
import { openDatabase, type OpenedDb } from '../db/open';
import type { Host, ServiceContext } from '../services/context';
import { loadDemo } from '../services/demo';
import { scheduleHealthRepair } from '../services/health-repair';
import { readSetting, writeSetting } from '../db/settings';
import { startWatching } from '../services/watch';
import { stopHealthHelpers } from '../services/health-threads';
import { stopSpareImportWorker } from '../services/import-runner';

export interface BackendOptions {
  host: Host;
  dataDir?: string;
  migrationsFolder?: string;
  nativeBinding?: string;
  now?: () => Date;
  /** Load the demo book when the store has never held anything (first start of the app). */
  demoOnFirstStart?: boolean;
  /** Import new files from the watched folders (the app's hosts; not the CLI or tests that do not ask). */
  watchFolders?: boolean;
  /** Where import jobs run (ServiceContext.importRunner); unset, by host and the file's size. */
  importRunner?: ServiceContext['importRunner'];
}

export interface Backend {
  api: Api;
  context: ServiceContext;
  database: OpenedDb;
  /** Settles when the first start's demo book is loaded (or failed, or was not due). */
  demoLoaded: Promise<unknown>;
  /** Settles when the start's background recompute of stale health history is done. */
  healthRepaired: Promise<number>;
  close(): void;
}

export function appVersion(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'bearing') return pkg.version ?? '0.0.0';
    }
    const parent = path.dirname(dir);
    if (parent === dir) return '0.0.0';
    dir = parent;
  }
}

export function openBackend(options: BackendOptions): Backend {
  const dataDir = options.dataDir ?? defaultDataDir();
  const database = openDatabase({
    dataDir,
    migrationsFolder: options.migrationsFolder,
    nativeBinding: options.nativeBinding,
  });
  const version = appVersion();
  const api = createApi((emit) => ({
    db: database.db,
    sqlite: database.sqlite,
    dataDir,
    databaseFile: database.file,
    host: options.host,
    importRunner: options.importRunner,
    nativeBinding: options.nativeBinding,
    version,
    now: options.now ?? (() => new Date()),
    emit,
  }));
  const { context } = api;
  let demoLoaded: Promise<unknown> = Promise.resolve();
  if (options.demoOnFirstStart && readSetting(context, 'demo.offered') === undefined) {
    writeSetting(context, 'demo.offered', true);
    // Imported in the background like any file (the window opens at once and shows the progress); a demo that
    // cannot be loaded must never stop the app from opening the CSM's own book.
    if (countAccounts(database) === 0) {
      demoLoaded = loadDemo(context).catch((error: unknown) => {
        process.stderr.write(`Bearing: the demo book could not be loaded (${error instanceof Error ? error.message : String(error)}).\n`);
      });
    }
  }
  // History left stale by a job killed before scoring, a busy store, or days the app was closed: recomputed in
  // the background on every start of the app's hosts (the CLI recomputes what each command touches itself).
  const healthRepaired = options.host === 'cli' ? Promise.resolve(0) : demoLoaded.then(() => scheduleHealthRepair(context, { missing: true }));
  const stopWatching = options.watchFolders ? startWatching(context) : () => undefined;
  return {
    api,
    context,
    database,
    demoLoaded,
    healthRepaired,
    close: () => {
      stopWatching();
      stopHealthHelpers();
      stopSpareImportWorker();
      database.close();
    },
  };
}
