// Killing the CLI at any moment of an import leaves the database intact with no partial import. The CLI runs as a
// real process group (npm -> tsx -> node) importing a 300,000-row file; each run is SIGKILLed at a different
// moment, found by watching the process rather than guessed from the clock: during start-up, while the file is
// read (from the read offset of its open descriptor in /proc), while the rows are rolled up after the read, and
// once the commit has begun writing the WAL. Then the database must pass integrity_check and hold either none or
// all of that import's rows, no 'running' import, and still take the same import to completion.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEventsCsv } from '../../bench/events-csv';
import { openBackend } from '../../src/main/app/backend';
import { startImport } from '../../src/main/services/imports';
import { tempDir } from '../helpers/backend';

const ROWS = 300_000;
const SEED_FIXTURE = path.resolve(import.meta.dirname, '../fixtures/import/daily-usage.csv');
const canWatch = process.platform === 'linux' && fs.existsSync('/proc/self/fdinfo');

let work: string;
let csv: string;
let csvSize: number;
beforeAll(async () => {
  work = tempDir('bearing-kill-');
  csv = path.join(work, 'events.csv');
  csvSize = await writeEventsCsv(csv, { rows: ROWS, users: 3_000, accounts: 20 });
});
const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of [work, ...dataDirs]) fs.rmSync(dir, { recursive: true, force: true });
});

/** A data folder that already holds one small import, which must survive whatever happens next. */
async function seededDataDir(): Promise<string> {
  const dataDir = tempDir('bearing-kill-data-');
  dataDirs.push(dataDir);
  const backend = openBackend({ host: 'cli', dataDir });
  try {
    const summary = await startImport(backend.context, { path: SEED_FIXTURE, timeZone: 'UTC' }).done;
    expect(summary.rowsAccepted).toBe(4);
  } finally {
    backend.close();
  }
  return dataDir;
}

/** The processes of a group (npm, sh, the tsx launcher and the node that imports). */
function groupMembers(pgid: number): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** How far the importing process has read the CSV (null while it does not have it open). */
function readOffset(pgid: number): number | null {
  for (const pid of groupMembers(pgid)) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) !== csv) continue;
        const match = /pos:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8'));
        if (match) return Number(match[1]);
      } catch {
        // Closed while we looked.
      }
    }
  }
  return null;
}

type Moment = 'startup' | 'reading' | 'rolling-up' | 'committing';

interface KillRun {
  moment: Moment;
  killed: boolean;
  /** What the watcher saw when it pulled the trigger. */
  seen: string;
}

/** Starts the CLI import and SIGKILLs its whole process group at the given moment. */
function importAndKill(dataDir: string, moment: Moment): Promise<KillRun> {
  const child: ChildProcess = spawn('npm', ['run', '-s', 'cli', '--', 'import', csv, '--json', '--tz', 'UTC'], {
    env: { ...process.env, BEARING_DATA_DIR: dataDir },
    detached: true, // its own process group: one kill reaches the node process under npm and tsx
    stdio: 'ignore',
  });
  const pgid = child.pid as number;
  const wal = path.join(dataDir, 'bearing.sqlite-wal');
  const walSize = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
  return new Promise((resolve, reject) => {
    let killed = false;
    let seen = '';
    let sawFile = false;
    let closedAt = 0;
    const started = Date.now();
    const kill = (what: string) => {
      if (killed) return;
      killed = true;
      seen = what;
      process.kill(-pgid, 'SIGKILL');
    };
    const timer = setInterval(() => {
      const elapsed = Date.now() - started;
      if (moment === 'startup') {
        if (elapsed >= 200) kill(`${elapsed} ms after spawn`);
        return;
      }
      if (moment === 'committing') {
        // The transaction's pages reach the WAL at COMMIT (they fit in the page cache until then); the WAL holds
        // just its 32-byte header before. Past one 4 KB frame, the commit is being written.
        const size = walSize();
        if (sawFile && size > 32 + 4096) return kill(`WAL at ${size} bytes, ${elapsed} ms`);
      }
      const pos = readOffset(pgid);
      if (pos !== null) {
        sawFile = true;
        if (moment === 'reading' && pos >= csvSize * 0.3) kill(`read offset ${pos} of ${csvSize}`);
      } else if (sawFile && moment === 'rolling-up') {
        // The file is closed once read; the rollup and the commit follow.
        closedAt ||= Date.now();
        if (Date.now() - closedAt >= 150) kill(`${Date.now() - closedAt} ms after the file was read`);
      }
    }, moment === 'committing' ? 2 : 10);
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(timer);
      // Nothing of the group may outlive the kill (the database file must be free to open).
      const deadline = Date.now() + 5_000;
      const wait = () => (groupMembers(pgid).length === 0 || Date.now() > deadline ? resolve({ moment, killed, seen }) : setTimeout(wait, 20));
      wait();
    });
  });
}

function inspect(dataDir: string) {
  const db = new Database(path.join(dataDir, 'bearing.sqlite'));
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      foreignKeys: db.pragma('foreign_key_check'),
      seedEvents: db.prepare("SELECT count(*) FROM usage_events e JOIN imports i ON i.id = e.import_id WHERE i.file_name = 'daily-usage.csv'").pluck().get() as number,
      bigEvents: db.prepare("SELECT count(*) FROM usage_events e JOIN imports i ON i.id = e.import_id WHERE i.file_name = 'events.csv'").pluck().get() as number,
      bigImports: db.prepare("SELECT status FROM imports WHERE file_name = 'events.csv'").pluck().all() as string[],
      running: db.prepare("SELECT count(*) FROM imports WHERE status = 'running'").pluck().get() as number,
      rollupEvents: db.prepare('SELECT coalesce(sum(events), 0) FROM usage_daily').pluck().get() as number,
      eventCount: db.prepare('SELECT coalesce(sum(count), 0) FROM usage_events').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe.runIf(canWatch)('killing the CLI during an import', () => {
  it('leaves the database intact with all of the import or none of it, whenever the kill lands', async () => {
    const moments: Moment[] = ['startup', 'reading', 'rolling-up', 'committing'];
    const dirs = await Promise.all(moments.map(() => seededDataDir()));
    // Side by side: each run is steered by what its process is doing, not by the clock, so sharing the CPU
    // only slows them down.
    const runs = await Promise.all(moments.map((moment, i) => importAndKill(dirs[i], moment)));
    for (const [i, run] of runs.entries()) {
      const state = inspect(dirs[i]);
      const label = `${run.moment} (${run.killed ? `killed at ${run.seen}` : 'finished before the kill'})`;
      expect(state.integrity, label).toBe('ok');
      expect(state.foreignKeys, label).toEqual([]);
      expect(state.seedEvents, label).toBe(4);
      expect(state.running, label).toBe(0);
      // All or nothing, and the history agrees with the rows.
      expect([0, ROWS], label).toContain(state.bigEvents);
      expect(state.bigImports, label).toEqual(state.bigEvents === ROWS ? ['imported'] : []);
      expect(state.rollupEvents, label).toBe(state.eventCount);
    }
    // Before the commit, a kill can only leave nothing: these moments are all before it.
    for (const [i, moment] of (['startup', 'reading', 'rolling-up'] as const).entries()) {
      expect(runs[i].killed, moment).toBe(true);
      expect(inspect(dirs[i]).bigEvents, moment).toBe(0);
    }

    // The killed store takes the same import again, to completion.
    const backend = openBackend({ host: 'cli', dataDir: dirs[2] });
    try {
      const summary = await startImport(backend.context, { path: csv, timeZone: 'UTC' }).done;
      expect(summary.status).toBe('imported');
      expect(summary.rowsAccepted + summary.counts.duplicates).toBe(ROWS);
    } finally {
      backend.close();
    }
    expect(inspect(dirs[2])).toMatchObject({ integrity: 'ok', bigImports: ['imported'], running: 0 });
  }, 120_000);
});
