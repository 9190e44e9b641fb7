// `npm run bench:parquet [-- --rows N]`: a team's warehouse rollup (issue #15, point 5) of N rows (default
// 1,000,000: 1,000 accounts × 5 people × 100 active days × 2 event names), written once as CSV and once as Parquet
// the way Snowflake's COPY INTO writes them (DATE days, INT64 counts, Snappy, row groups of 100,000; written with
// hyparquet-writer), then each imported by Bearing in a child process of its own (import-child.ts: the path the CLI
// runs, health history of the touched accounts included). Prints both beside each other. Data in bench/.data.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildResult } from './import-child';
import { writeSnowflakeRollup } from '../tests/helpers/snowflake-parquet';

const here = import.meta.dirname;
const root = path.resolve(here, '..');
const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' } }, allowPositionals: false });
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows <= 0) {
  process.stderr.write(`--rows wants a positive whole number, not "${values.rows}"\n`);
  process.exit(2);
}
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => bytes / (1024 * 1024);

const EVENTS = ['Viewed Dashboard', 'Exported Report'];
const FIRST_DAY = Date.UTC(2025, 11, 1);
/** Row i: event i % 2, person (i / 2) % 5, active day (i / 10) % 100 spread over the year, account i / 1,000. */
function row(i: number) {
  const account = Math.floor(i / 1000);
  const day = new Date(FIRST_DAY + ((Math.floor(i / 10) % 100) * 3 + (account % 3)) * 86_400_000);
  return {
    account: `acct_${String(account).padStart(5, '0')}`,
    user: `u_${account}_${Math.floor(i / 2) % 5}`,
    day,
    event: EVENTS[i % 2],
    events: 1 + ((i * 7919) % 40),
  };
}

const dataDir = path.join(here, '.data');
fs.mkdirSync(dataDir, { recursive: true });
const csvFile = path.join(dataDir, `rollup-${rows}.csv`);
const parquetFile = path.join(dataDir, `rollup-${rows}.parquet`);
if (!fs.existsSync(csvFile) || !fs.existsSync(parquetFile)) {
  process.stdout.write(`Writing ${fmt(rows)} rollup rows as CSV and as Parquet… `);
  const started = performance.now();
  const cols = { account: [] as string[], user: [] as string[], day: [] as Date[], event: [] as string[], events: [] as bigint[] };
  const out = fs.openSync(`${csvFile}.partial`, 'w');
  let chunk = 'ACCOUNT_ID,USER_ID,DAY,EVENT_NAME,EVENTS\n';
  for (let i = 0; i < rows; i++) {
    const r = row(i);
    cols.account.push(r.account);
    cols.user.push(r.user);
    cols.day.push(r.day);
    cols.event.push(r.event);
    cols.events.push(BigInt(r.events));
    chunk += `${r.account},${r.user},${r.day.toISOString().slice(0, 10)},${r.event},${r.events}\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  writeSnowflakeRollup(`${parquetFile}.partial`, cols, 100_000);
  fs.renameSync(`${csvFile}.partial`, csvFile);
  fs.renameSync(`${parquetFile}.partial`, parquetFile);
  process.stdout.write(`done in ${fmt((performance.now() - started) / 1000, 1)} s.\n`);
}

function importWithBearing(file: string): ChildResult {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bearing-bench-parquet-'));
  try {
    const child = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(here, 'import-child.ts'), file, path.join(work, 'bearing')], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`the Bearing import of ${file} failed (exit ${child.status}):\n${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

process.stdout.write('Importing the CSV… ');
const csv = importWithBearing(csvFile);
process.stdout.write(`${csv.status}.\nImporting the Parquet file… `);
const parquet = importWithBearing(parquetFile);
process.stdout.write(`${parquet.status}.\n\n`);

const table = [
  ['', 'CSV', 'Parquet'],
  ['file', `${fmt(mb(fs.statSync(csvFile).size), 2)} MB`, `${fmt(mb(fs.statSync(parquetFile).size), 2)} MB`],
  ['rows accepted', fmt(csv.accepted), fmt(parquet.accepted)],
  ['import', `${fmt(csv.importMs / 1000, 2)} s`, `${fmt(parquet.importMs / 1000, 2)} s`],
  ['whole job (history too)', `${fmt(csv.jobMs / 1000, 2)} s`, `${fmt(parquet.jobMs / 1000, 2)} s`],
  ['rows/s (import)', fmt(csv.rows / (csv.importMs / 1000)), fmt(parquet.rows / (parquet.importMs / 1000))],
  ['peak RSS', `${fmt(mb(csv.peakRssBytes))} MB`, `${fmt(mb(parquet.peakRssBytes))} MB`],
];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
for (const r of table) process.stdout.write(`${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ')}\n`);
process.stdout.write(
  `\nParquet import = ${fmt(parquet.importMs / csv.importMs, 2)}x the CSV import of the same rows; ` +
    `load average ${os.loadavg().map((l) => fmt(l, 2)).join(' ')} on ${os.cpus().length} CPUs\n`,
);
// No target in the issue: the figures are reported, and a failed or short import fails the run.
process.exitCode = csv.accepted === rows && parquet.accepted === rows ? 0 : 1;
