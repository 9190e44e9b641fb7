// `npm run bench:import [-- --rows N] [-- --shape export|narrow] [-- --keep]`: a seeded N-row (default 1,000,000)
// usage-event CSV (default shape 'export': a Pendo raw-event export, ten columns, ~135 bytes a row; 'narrow': the
// five columns an event needs, ~50 bytes a row; see events-csv.ts), imported
// by Bearing (validating, deduplicating, rolling up, one transaction) in a child process, timed and measured for
// peak RSS; then, in the same run, the sqlite3 command-line tool's plain `.import` of the same file into a bare
// table as the baseline. Prints rows/s, MB/s, peak RSS and the ratio against the 1.5x target; like the other
// benchmarks (npm run bench), exits 1 when the target is missed. Data goes to bench/.data/ (gitignored).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { eventsCsv } from './events-csv';
import type { ImportPhase } from '../src/main/import/phase-clock';
import { CLI_WORKER_MIN_BYTES } from '../src/main/services/import-runner';
import type { ChildResult, ReadOnlyResult } from './import-child';

const TARGET_RATIO = 1.5;
/** Issue #17: the whole job, health history included, within 2.5x of the baseline. */
const TARGET_JOB_RATIO = 2.5;
/** The import's phases as bench:import prints them (src/main/import/phase-clock.ts). */
const PHASE_LINES: readonly (readonly [ImportPhase, string])[] = [
  ['read', 'read + parse (the file, decoded, into rows)'],
  ['validate', 'validate (every cell: dates, numbers, ids)'],
  ['resolve', 'resolve ids (accounts, users, features)'],
  ['write', 'write (events, keyed on their identity)'],
  ['rollup', 'roll up (usage_daily)'],
  ['commit', 'commit'],
  ['other', 'other (plan, catalogue, milestones, users for undo, marks)'],
];
const PHASE_WIDTH = Math.max(...PHASE_LINES.map(([, label]) => label.length)) + 1;
const here = import.meta.dirname;
const root = path.resolve(here, '..');

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    shape: { type: 'string', default: 'export' },
    keep: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) {
  process.stderr.write(`--rows wants a positive whole number, not "${values.rows}"\n`);
  process.exit(2);
}

const shape = values.shape;
if (shape !== 'export' && shape !== 'narrow') {
  process.stderr.write(`--shape is export or narrow, not "${shape}"\n`);
  process.exit(2);
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const dataRoot = path.join(here, '.data');
process.stdout.write(`Generating ${fmt(rows)} rows, ${shape} shape (seeded, cached in bench/.data)… `);
const csv = await eventsCsv(dataRoot, { rows, shape });
process.stdout.write(csv.generatedMs === null ? 'cached.\n' : `done in ${fmt(csv.generatedMs / 1000, 1)} s.\n`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-import-'));
try {
  // Bearing: a fresh data folder, the import in a child process so VmHWM is the import's alone.
  process.stdout.write('Importing with Bearing in process (phases timed)… ');
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const child = spawnSync(tsx, [path.join(here, 'import-child.ts'), csv.file, path.join(work, 'bearing')], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`the Bearing import failed (exit ${child.status}):\n${child.stderr}`);
  const bearing = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
  process.stdout.write(`${bearing.status}.\n`);

  // The same file through the app's path: the import worker (with its own young generation), after the file's
  // inspection (which starts the spare worker), as the Import screen runs it; its phases are timed inside the
  // worker, so not here. Twice: the workers from TypeScript under tsx, as the web host runs them, and from
  // electron-vite's bundle, as the desktop app does.
  const childRun = (label: string, dir: string, mode: '--worker' | '--cli', env: NodeJS.ProcessEnv = {}): ChildResult => {
    process.stdout.write(`Importing with Bearing through ${label}… `);
    const run = spawnSync(tsx, [path.join(here, 'import-child.ts'), csv.file, path.join(work, dir), mode], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, ...env },
    });
    if (run.status !== 0) throw new Error(`the Bearing import through ${label} failed (exit ${run.status}):\n${run.stderr}`);
    const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
    process.stdout.write(`${result.status}.\n`);
    return result;
  };
  const appPath = (label: string, dir: string, env: NodeJS.ProcessEnv) => childRun(`the import worker, ${label}`, dir, '--worker', env);
  // The CLI's path: for a file this large the import worker (from TypeScript, as `npm run cli` runs it), started
  // with the job.
  const cli = childRun("the CLI's path", 'bearing-cli', '--cli');
  const web = appPath('from TypeScript (the web host)', 'bearing-web', { BEARING_BUILT_WORKERS: '' });
  process.stdout.write('Building the desktop bundle (electron-vite build)… ');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`electron-vite build failed (exit ${build.status}):\n${build.stderr}`);
  process.stdout.write('built.\n');
  const app = appPath('from the bundle (the desktop app)', 'bearing-app', { BEARING_BUILT_WORKERS: path.join(root, 'out', 'main') });

  // The reader alone (read, decode, parse; no validation, no store), for scale: the part of any import with
  // this parser that no storage design can remove.
  const reader = spawnSync(tsx, [path.join(here, 'import-child.ts'), csv.file, '--read-only'], { encoding: 'utf8' });
  if (reader.status !== 0) throw new Error(`the read-only pass failed (exit ${reader.status}):\n${reader.stderr}`);
  const readOnly = JSON.parse(reader.stdout.trim().split('\n').pop() ?? '{}') as ReadOnlyResult;

  // Baseline: the sqlite3 shell's .import into a table it creates from the header (no types, no checks). Three
  // runs, the median: one second of work is easily disturbed on a shared machine.
  process.stdout.write('Importing with sqlite3 .import (3 runs)… ');
  const baselineDb = path.join(work, 'baseline.sqlite');
  const baselineRuns: number[] = [];
  let counted = '';
  for (let run = 0; run < 3; run++) {
    fs.rmSync(baselineDb, { force: true });
    const started = performance.now();
    const shell = spawnSync('sqlite3', [baselineDb, '.mode csv', `.import ${csv.file} bare`], { encoding: 'utf8' });
    baselineRuns.push(performance.now() - started);
    if (shell.status !== 0) throw new Error(`sqlite3 .import failed (exit ${shell.status}): ${shell.stderr}`);
    counted = spawnSync('sqlite3', [baselineDb, 'SELECT count(*) FROM bare'], { encoding: 'utf8' }).stdout.trim();
  }
  const baselineMs = [...baselineRuns].sort((a, b) => a - b)[1];
  process.stdout.write(`${fmt(Number(counted))} rows (${baselineRuns.map((ms) => fmt(ms / 1000, 2)).join(', ')} s).\n\n`);

  const seconds = bearing.importMs / 1000;
  const ratio = bearing.importMs / baselineMs;
  const table = [
    ['', 'Bearing import', 'sqlite3 .import'],
    ['rows', fmt(bearing.rows), fmt(Number(counted))],
    ['time', `${fmt(seconds, 2)} s`, `${fmt(baselineMs / 1000, 2)} s`],
    ['rows/s', fmt(bearing.rows / seconds), fmt(Number(counted) / (baselineMs / 1000))],
    ['MB/s', fmt(mb(csv.bytes) / seconds, 1), fmt(mb(csv.bytes) / (baselineMs / 1000), 1)],
    ['peak RSS', `${fmt(mb(bearing.peakRssBytes))} MB (${bearing.peakSource})`, '-'],
  ];
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  for (const r of table) process.stdout.write(`${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ')}\n`);
  process.stdout.write(
    [
      '',
      `file: ${fmt(mb(csv.bytes), 1)} MB, ${fmt(rows)} data rows, ${shape} shape`,
      `Bearing: ${fmt(bearing.accepted)} accepted, ${fmt(bearing.duplicates)} duplicates, ${fmt(bearing.rejected)} rejected`,
      `Bearing's whole job in process (phases timed), health snapshots of the touched accounts included: ` +
        `${fmt(bearing.jobMs / 1000, 2)} s wall, ${fmt(bearing.cpuMs / 1000, 2)} s CPU`,
      `load average at the end: ${os.loadavg().map((l) => fmt(l, 2)).join(' ')} on ${os.cpus().length} CPUs (figures are wall times)`,
      `the reader alone (read, decode, parse: no validation, no store): ${fmt(readOnly.readMs / 1000, 2)} s = ` +
        `${fmt(readOnly.readMs / baselineMs, 2)}x the baseline`,
      `  import (read, parse, validate, resolve ids, write, roll up, commit): ${fmt(seconds, 2)} s = ${fmt(ratio, 2)}x the baseline`,
      ...PHASE_LINES.map(([phase, label]) => {
        const ms = bearing.phasesMs[phase];
        return `    ${`${label}:`.padEnd(PHASE_WIDTH)} ${fmt(ms / 1000, 2).padStart(6)} s = ${fmt(ms / baselineMs, 2)}x the baseline`;
      }),
      `  history (health snapshots of the touched accounts, after the commit): ${fmt((bearing.jobMs - bearing.importMs) / 1000, 2)} s = ` +
        `${fmt((bearing.jobMs - bearing.importMs) / baselineMs, 2)}x the baseline`,
      `ratio (in process): ${fmt(ratio, 2)}x the sqlite3 baseline (target <= ${TARGET_RATIO}x): ${ratio <= TARGET_RATIO ? 'MET' : 'NOT MET'}`,
      `whole job (in process): ${fmt(bearing.jobMs / baselineMs, 2)}x the sqlite3 baseline (target <= ${TARGET_JOB_RATIO}x): ` +
        `${bearing.jobMs / baselineMs <= TARGET_JOB_RATIO ? 'MET' : 'NOT MET'}`,
      ...(
        [
          ["the app's path, desktop app (bundled workers)", app],
          ["the app's path, web host (workers from TypeScript)", web],
          [`the CLI's path (${csv.bytes >= CLI_WORKER_MIN_BYTES ? 'the import worker from TypeScript, started with the job' : 'in process: a file this small'})`, cli],
        ] as const
      ).map(([label, r]) => {
        const jobRatio = r.jobMs / baselineMs;
        const before = r.previewMs > 0 ? `inspection ${fmt(r.inspectMs / 1000, 2)} s, then ${fmt(r.previewMs / 1000, 0)} s on the preview; ` : '';
        return (
          `${label}: ${before}` +
          `import ${fmt(r.importMs / 1000, 2)} s = ${fmt(r.importMs / baselineMs, 2)}x, whole job ${fmt(r.jobMs / 1000, 2)} s = ` +
          `${fmt(jobRatio, 2)}x the baseline (target <= ${TARGET_JOB_RATIO}x: ${jobRatio <= TARGET_JOB_RATIO ? 'MET' : 'NOT MET'}), ` +
          `peak RSS of the process ${fmt(mb(r.peakRssBytes))} MB`
        );
      }),
      '',
    ].join('\n'),
  );
  process.exitCode = ratio <= TARGET_RATIO ? 0 : 1;
} finally {
  if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
  else process.stdout.write(`kept ${work}\n`);
}
