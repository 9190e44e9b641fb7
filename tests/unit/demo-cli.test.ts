// `npm run -s cli -- demo` as a CSM runs it, twice, in a real subprocess on a fresh data folder: the second run
// says the demo is already loaded, exits 0, and the store is the same, table by table (plain SQL counts).
// Also the files the demo is made of: vendor-shaped, and the same bytes for the same seed and day.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/shared/dates';
import { writeDemoFiles } from '../../src/main/services/demo-files';
import { DEFAULT_SEED, generateDemoBook } from '../../src/main/services/demo-generate';
import { tempDir } from '../helpers/backend';

function cli(args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', 'cli', '--', ...args], { env: { ...process.env, BEARING_DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const TABLES = [
  'accounts', 'users', 'features', 'feature_events', 'event_names', 'entitlements', 'usage_events', 'usage_daily', 'imports',
  'milestones', 'qbrs', 'qbr_action_items', 'touchpoints', 'surveys', 'renewals', 'health_snapshots',
];

function counts(dataDir: string): Record<string, number> {
  const db = new Database(path.join(dataDir, 'bearing.sqlite'), { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

describe('demo from the CLI', () => {
  it('loads the demo once; run again it says so, exits 0 and changes nothing; --remove empties the book', async () => {
    const dataDir = tempDir('bearing-demo-cli-');
    const first = await cli(['demo'], dataDir);
    expect(first.code, first.stderr).toBe(0);
    // The events counted for people: thousands separated (the JSON below keeps the plain number).
    const loaded = /^Demo book loaded: 60 accounts, (\d{1,3}(?:,\d{3})+) usage events, imported from 5 export files\.\n$/.exec(first.stdout);
    expect(loaded, first.stdout).not.toBeNull();
    const before = counts(dataDir);
    expect(before.accounts).toBe(60);
    expect(before.imports).toBe(5);
    expect(before.usage_events).toBeGreaterThan(100_000);
    const events = new Database(path.join(dataDir, 'bearing.sqlite'), { readonly: true });
    try {
      // Events, not rows: a row of a Pendo export counts several.
      expect(Number(loaded![1].replaceAll(',', ''))).toBe(events.prepare('SELECT sum(count) FROM usage_events').pluck().get());
    } finally {
      events.close();
    }

    const second = await cli(['demo'], dataDir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe('The demo book is already loaded (60 accounts): nothing changed. Remove it with `demo --remove`.\n');
    expect(counts(dataDir)).toEqual(before);

    const json = await cli(['demo', '--json'], dataDir);
    expect(JSON.parse(json.stdout)).toEqual({ accounts: 60, usageEvents: expect.any(Number), alreadyLoaded: true });
    expect(counts(dataDir)).toEqual(before);

    const removed = await cli(['demo', '--remove'], dataDir);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toBe('Removed 60 demo accounts.\n');
    const after = counts(dataDir);
    for (const t of TABLES) expect(after[t], t).toBe(0);
  }, 120_000);
});

describe('the demo files', () => {
  const today = dayNumber('2026-11-24');
  const at = { base: today - 1, today, now: Date.parse('2026-11-24T12:00:00Z'), timeZone: 'Europe/Berlin' };
  const write = (seed: number) => {
    const dir = tempDir('bearing-demo-files-');
    const files = writeDemoFiles(generateDemoBook(seed), at, dir);
    const hashes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, crypto.createHash('sha256').update(fs.readFileSync(f.path)).digest('hex')]));
    return { dir, files, hashes };
  };

  it('are shaped like the vendors’ exports, and the same bytes for the same seed and day', () => {
    const a = write(DEFAULT_SEED);
    const b = write(DEFAULT_SEED);
    expect(b.hashes).toEqual(a.hashes);
    expect(write(DEFAULT_SEED + 1).hashes.pendo).not.toBe(a.hashes.pendo);

    const lines = (name: keyof typeof a.files) => fs.readFileSync(a.files[name].path, 'utf8').split('\r\n');
    const accounts = lines('accounts');
    expect(accounts[0]).toBe(
      '\ufeff"Account Owner","Account Name","Account ID","Type","Industry","Account Currency","ARR","Licensed Seats","Contract Start Date","Renewal Date","Products"',
    );
    // Salesforce: 18-character ids, M/D/YYYY dates, "$1,250,000.00" money, a ;-separated Products cell, the footer.
    expect(accounts[1]).toMatch(/^"[^"]+","[^"]+","001[A-Za-z0-9]{15}","[^"]+","[^"]+","(USD|EUR|GBP)","(\$|EUR |GBP )\d{1,3}(,\d{3})*\.\d{2}","\d+","\d{1,2}\/\d{1,2}\/\d{4}","\d{1,2}\/\d{1,2}\/\d{4}","[^"]+"$/);
    expect(accounts.some((l) => /^"Copyright \(c\) 2000-\d{4} salesforce\.com/.test(l))).toBe(true);
    expect(lines('contacts')[0]).toBe('Record ID,First Name,Last Name,Email,Job Title,Department,Associated Company,Contact owner,Lifecycle Stage,Create Date');
    expect(lines('pendo')[0]).toBe('Day,Visitor ID,Account ID,Track Event Name,Number of Events,Number of Minutes');
    expect(lines('mixpanel')[0]).toBe('event,time,distinct_id,$email,company_id,$insert_id,mp_lib');
    expect(lines('features').slice(0, 3)).toEqual(['Event,Feature,Key,Paid', 'Exported *,Report export,yes,no', '* Workflow,Workflow automation,yes,yes']);

    // Usage names the product's events, never the features; Mixpanel's epoch seconds stop at "now".
    const events = new Set([...lines('pendo').slice(1), ...lines('mixpanel').slice(1)].filter(Boolean).map((l) => l.split(',')[l.startsWith('20') ? 3 : 0]));
    expect(events).toContain('Viewed Dashboard');
    expect(events).toContain('Exported Report');
    expect(events).not.toContain('Dashboards');
    const times = lines('mixpanel').slice(1).filter(Boolean).map((l) => Number(l.split(',')[1]));
    expect(Math.max(...times)).toBeLessThanOrEqual(at.now / 1000);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2026-11-10T23:00:00Z') / 1000);
    for (const d of [a, b]) fs.rmSync(d.dir, { recursive: true });
  });
});
