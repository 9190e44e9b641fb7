// One import in a process of its own, so its peak memory (VmHWM) is the import's and not the generator's or the
// parent's. Prints one JSON line with the timings, counts and peak RSS.
//   tsx bench/import-child.ts <file.csv> <dataDir>        (in process, phases timed: startImport on a backend with
//                                                        host 'cli' and the in-process runner, then the health
//                                                        snapshot refresh, as the CLI ran it before stop 32)
//   tsx bench/import-child.ts <file.csv> <dataDir> --cli  (the CLI's path: the import worker started with the job for
//                                                        a file of CLI_WORKER_MIN_BYTES or more, else in process)
//   tsx bench/import-child.ts <file.csv> <dataDir> --worker  (the app's path: the import worker, as the window and the
//                                                        web host run it; its phases are not timed). As the Import
//                                                        screen does, the file is inspected first (which starts the
//                                                        spare worker) and the job started when the CSM would have
//                                                        read the preview; --cold starts it at once instead.
//   BEARING_BUILT_WORKERS=out/main …  the workers from electron-vite's bundle, as the desktop app runs them
//   tsx bench/import-child.ts <file.csv> --read-only    (the streaming reader alone: read, decode, parse)
import fs from 'node:fs';
import { openBackend } from '../src/main/app/backend';
import { measureImportPhases, type PhaseTimes } from '../src/main/import/phase-clock';
import { fileSource, readRecordBatches } from '../src/main/import/records-stream';
import { sniffFile } from '../src/main/import/sniff';
import { inspectFile, startImport } from '../src/main/services/imports';
import { dayAfterEvents } from './events-csv';

export interface ChildResult {
  status: string;
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  /** runImport alone: sniff, hash, parse, validate, write, roll up, commit. */
  importMs: number;
  /** The whole job as its caller waits for it, health snapshots of the touched accounts included. */
  jobMs: number;
  /** CPU time (user + system) of the job: steadier than wall time on a shared machine. */
  cpuMs: number;
  peakRssBytes: number;
  peakSource: 'VmHWM' | 'sampled';
  sampledPeakRssBytes: number;
  /** The inspection before the job (the Import screen's preview), on the app's path; 0 on the CLI's. */
  inspectMs: number;
  /** How long the CSM looked at the preview before the job started (0 on the CLI's path and with --cold). */
  previewMs: number;
  /** runImport's wall time by phase: they add up to it, the marks and the commit included (importMs stops before those). */
  phasesMs: PhaseTimes;
}

function vmHwm(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

export interface ReadOnlyResult {
  records: number;
  readMs: number;
}

const [file, dataDir, mode, ...flags] = process.argv.slice(2);
const worker = mode === '--worker';
const cliPath = mode === '--cli';
const cold = flags.includes('--cold');
if (!file || !dataDir) {
  process.stderr.write('usage: tsx bench/import-child.ts <file.csv> <dataDir> [--cli | --worker [--cold]] | --read-only\n');
  process.exit(2);
}
if (dataDir === '--read-only') {
  // What the import costs before any validation or storage: the floor of any import that reads with this parser.
  const sniff = await sniffFile(file);
  const started = performance.now();
  let records = 0;
  for await (const batch of readRecordBatches(fileSource(file), { delimiter: sniff.delimiter, encoding: sniff.encoding })) records += batch.records.length;
  process.stdout.write(`${JSON.stringify({ records, readMs: performance.now() - started } satisfies ReadOnlyResult)}\n`);
  process.exit(0);
}

/** How long the benchmark's CSM looks at the preview before pressing Import. */
const PREVIEW_READ_MS = 2_000;

// Sampling is the fallback where /proc is missing (macOS); on Linux VmHWM is exact and also reported.
let sampled = process.memoryUsage().rss;
const sampler = setInterval(() => {
  sampled = Math.max(sampled, process.memoryUsage().rss);
}, 50);

// The app's hosts import in the import worker, the CLI by the file's size; the phase-timed run in process.
// Today is pinned to the day after the file's year (events-csv.ts dayAfterEvents): the health history the job
// computes is that year, the same in every run, whatever the date (BEARING_BENCH_REAL_CLOCK=1: the real date).
const pinned = dayAfterEvents();
const now = process.env.BEARING_BENCH_REAL_CLOCK === '1' ? undefined : () => new Date(pinned);
const backend = openBackend({ host: worker ? 'web' : 'cli', dataDir, importRunner: worker ? 'worker' : cliPath ? undefined : 'in-process', now });
backend.database.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`).run();
let inspectMs = 0;
let previewMs = 0;
if (worker && !cold) {
  // The Import screen inspects a dropped file for its preview; the CSM reads it for a few seconds before Import.
  const inspected = performance.now();
  await inspectFile(backend.context, { path: file });
  inspectMs = performance.now() - inspected;
  await new Promise((resolve) => setTimeout(resolve, PREVIEW_READ_MS));
  previewMs = PREVIEW_READ_MS;
}
// Timed in process only: a worker's figures would carry the clock's cost (it can time them: import-runner.ts).
const phases = worker || cliPath ? null : measureImportPhases();
const started = performance.now();
const cpu = process.cpuUsage();
const summary = await startImport(backend.context, { path: file }).done;
const jobMs = performance.now() - started;
const cpuUsed = process.cpuUsage(cpu);
clearInterval(sampler);
backend.close();
const hwm = vmHwm();
const result: ChildResult = {
  status: summary.status,
  rows: summary.counts.rows,
  accepted: summary.counts.accepted,
  duplicates: summary.counts.duplicates,
  rejected: summary.counts.rejected,
  importMs: summary.durationMs,
  jobMs,
  cpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
  peakRssBytes: hwm ?? sampled,
  peakSource: hwm === null ? 'sampled' : 'VmHWM',
  sampledPeakRssBytes: sampled,
  inspectMs,
  previewMs,
  phasesMs: phases?.ms ?? { read: 0, validate: 0, resolve: 0, write: 0, rollup: 0, commit: 0, other: 0 },
};
if (summary.error) process.stderr.write(`import error: ${JSON.stringify(summary.error)}\n`);
process.stdout.write(`${JSON.stringify(result)}\n`);
