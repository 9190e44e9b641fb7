// A seeded usage-event export for the import benchmark and the tests, in two shapes:
// - 'export' (the benchmark's): what a Pendo raw-event export looks like on a CSM's laptop, ten columns and about
//   135 bytes a row (Visitor ID, Account ID, Account Name, Visitor Email, Event, Page, Browser Time, Number of
//   Events, Number of Minutes, Remote IP), the width of the 1M-row, 135 MB usage CSV the product's figures were
//   measured on; Bearing maps seven of the columns and ignores the rest, as it does with real exports.
// - 'narrow' (the tests' default, and `bench:import --shape narrow`): only what an event needs, Visitor ID,
//   Account ID, Event, Timestamp (ISO 8601 UTC), Minutes, about 50 bytes a row.
// The same seed, shape and row count always give the same bytes, so a cached file can be reused and two runs
// compare like with like.
import fs from 'node:fs';
import path from 'node:path';
import { Rng } from '../src/shared/prng';

export type EventsCsvShape = 'export' | 'narrow';

export interface EventsCsvOptions {
  rows: number;
  /** Default 'narrow'. */
  shape?: EventsCsvShape;
  seed?: number;
  users?: number;
  accounts?: number;
  features?: number;
  /** First instant of the year of timestamps (epoch ms); default 2025-01-01T00:00:00Z. */
  from?: number;
}

export const EVENTS_HEADER = 'Visitor ID,Account ID,Event,Timestamp,Minutes';
export const EXPORT_HEADER = 'Visitor ID,Account ID,Account Name,Visitor Email,Event,Page,Browser Time,Number of Events,Number of Minutes,Remote IP';
const PAGES = ['/home', '/dashboard', '/reports/weekly', '/reports/custom', '/settings/team', '/projects/board', '/integrations', '/billing/invoices'];

/** A seeded stream of uniforms in [0, 1): the demo generator's mulberry32, the one copy in the repository. */
export function prng(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const YEAR_MS = 365 * 86_400_000;
/** The default first instant of the year of timestamps: 2025-01-01T00:00:00Z. */
export const EVENTS_FROM = Date.UTC(2025, 0, 1);

/**
 * Noon of the day after a file's year of events (default from: 2026-01-01T12:00:00Z): the benchmarks' "now". A
 * book's health history runs from its first event through today, so with the real clock the benchmark's history
 * (and the whole job's time) grew by a day of every account for every day that passed; pinned, it is one year.
 */
export function dayAfterEvents(from = EVENTS_FROM): Date {
  return new Date(from + YEAR_MS + 12 * 3_600_000);
}

/**
 * Writes the CSV and resolves with its size. Written in ~1 MB strings through a stream that is awaited when
 * full, so generating 10 million rows takes no more memory than generating a thousand.
 */
export async function writeEventsCsv(file: string, options: EventsCsvOptions): Promise<number> {
  const { rows } = options;
  const users = options.users ?? 30_000;
  const accounts = options.accounts ?? 500;
  const features = options.features ?? 40;
  const from = options.from ?? EVENTS_FROM;
  const random = prng(options.seed ?? 2026);
  // Each user belongs to one account, as in a real product analytics export.
  const accountOf = Array.from({ length: users }, () => Math.floor(random() * accounts));
  const featureNames = Array.from({ length: features }, (_, i) => `Feature ${String(i + 1).padStart(2, '0')}`);

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  const wide = options.shape === 'export';
  let buffer = `${wide ? EXPORT_HEADER : EVENTS_HEADER}\n`;
  for (let i = 0; i < rows; i++) {
    const user = Math.floor(random() * users);
    // Whole seconds: the identity of an event is (user, instant, feature), and real exports rarely carry ms.
    const ts = from + Math.floor(random() * (YEAR_MS / 1000)) * 1000;
    const minutes = Math.floor(random() * 300) / 10;
    const feature = featureNames[Math.floor(random() * features)];
    const at = `${new Date(ts).toISOString().slice(0, 19)}Z`;
    const account = accountOf[user];
    if (wide) {
      const page = PAGES[Math.floor(random() * PAGES.length)];
      const ip = `10.${account % 256}.${user % 256}.${Math.floor(random() * 254) + 1}`;
      buffer += `u-${user},acct-${account},Customer ${account} Ltd,user${user}@customer${account}.example.com,${feature},${page},${at},1,${minutes},${ip}\n`;
    } else {
      buffer += `u-${user},acct-${account},${feature},${at},${minutes}\n`;
    }
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  // Renamed only when complete: an interrupted run never leaves a short file that looks cached.
  fs.renameSync(partial, file);
  return fs.statSync(file).size;
}

/** The cached file for these options, generated on first use. */
export async function eventsCsv(dir: string, options: EventsCsvOptions): Promise<{ file: string; bytes: number; generatedMs: number | null }> {
  const file = path.join(dir, `events-${options.shape ?? 'narrow'}-${options.rows}-seed${options.seed ?? 2026}.csv`);
  if (fs.existsSync(file)) return { file, bytes: fs.statSync(file).size, generatedMs: null };
  const started = Date.now();
  const bytes = await writeEventsCsv(file, options);
  return { file, bytes, generatedMs: Date.now() - started };
}
