// Issue #12: `metrics --json` as of a past date, on books built only by importing export files (the vendor book of
// tests/fixtures/book and seeded random books), checked against plain SQL over the raw usage_events, never the
// rollups or the metrics code. Users first seen after the date are not yet known, so they are not eligible.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { dayNumber, isoFromDayNumber } from '../../src/shared/dates';
import { Rng } from '../../src/shared/prng';
import { tempDir } from '../helpers/backend';
import { importJson, readStore, runCli } from '../helpers/cli-process';
import { writeExportBook } from '../helpers/random-export-files';

const BOOK = path.join(import.meta.dirname, '../fixtures/book');

interface Expected {
  dau: number;
  wau: number;
  mau: number;
  eligibleUsers: number;
  adoptedUsers: number;
  licenses: number;
  userDays: number;
  breadth: number | null;
  usersByFeature: Record<string, number>;
}

/** The answers as of day d for one account, by plain SQL over usage_events. */
function expectedBySql(db: Database.Database, externalId: string, d: number): Expected {
  const { id, licenses } = db.prepare('SELECT id, licenses FROM accounts WHERE external_id = ?').get(externalId) as { id: number; licenses: number };
  const active = (from: number) =>
    (db.prepare('SELECT count(DISTINCT user_id) AS n FROM usage_events WHERE account_id = ? AND count > 0 AND day BETWEEN ? AND ?').get(id, from, d) as { n: number }).n;
  // Known on d: a user with any event at the account on or before d.
  const known = (db.prepare('SELECT count(DISTINCT user_id) AS n FROM usage_events WHERE account_id = ? AND day <= ?').get(id, d) as { n: number }).n;
  const adopted = (
    db
      .prepare(
        `SELECT count(*) AS n FROM (SELECT user_id FROM usage_events WHERE account_id = ? AND count > 0 AND day BETWEEN ? AND ? GROUP BY user_id
          HAVING count(DISTINCT day) >= 8 AND sum(feature_id IN (SELECT id FROM features WHERE is_key = 1)) > 0)`,
      )
      .get(id, d - 29, d) as { n: number }
  ).n;
  const userDays = (
    db.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT user_id, day FROM usage_events WHERE account_id = ? AND count > 0 AND day BETWEEN ? AND ?)').get(id, d - 29, d) as { n: number }
  ).n;
  // No entitlements in these books: every catalogue key feature is enabled.
  const keys = (db.prepare('SELECT count(*) AS n FROM features WHERE is_key = 1 AND merged_into IS NULL').get() as { n: number }).n;
  const usedKeys = (
    db
      .prepare(`SELECT count(DISTINCT feature_id) AS n FROM usage_events WHERE account_id = ? AND count > 0 AND day BETWEEN ? AND ?
        AND feature_id IN (SELECT id FROM features WHERE is_key = 1 AND merged_into IS NULL)`)
      .get(id, d - 29, d) as { n: number }
  ).n;
  const byFeature = db
    .prepare(`SELECT f.name, (SELECT count(DISTINCT user_id) FROM usage_events e WHERE e.account_id = ? AND e.count > 0 AND e.feature_id = f.id
        AND e.day BETWEEN ? AND ?) AS users FROM features f WHERE f.merged_into IS NULL`)
    .all(id, d - 29, d) as { name: string; users: number }[];
  return {
    dau: active(d), wau: active(d - 6), mau: active(d - 29), eligibleUsers: known, adoptedUsers: adopted, licenses,
    userDays, breadth: keys === 0 ? null : usedKeys / keys, usersByFeature: Object.fromEntries(byFeature.map((f) => [f.name, f.users])),
  };
}

async function metricsOf(dataDir: string, account: string, asOf: string): Promise<Record<string, number | null | object>> {
  const run = await runCli(['metrics', '--account', account, '--as-of', asOf, '--json'], dataDir);
  if (run.code !== 0) throw new Error(`metrics exited ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, number | null | object>;
}

async function check(dataDir: string, account: string, asOf: string): Promise<Expected> {
  const m = await metricsOf(dataDir, account, asOf);
  const e = readStore(dataDir, (db) => expectedBySql(db, account, dayNumber(asOf)));
  const where = `${account} as of ${asOf}`;
  const hasUsage = e.eligibleUsers > 0;
  if (!hasUsage) {
    // No data is not zero: an account with nobody known yet has no usage metrics and no eligible users.
    expect([m.eligibleUsers, m.mau, m.adoptionRateActive, m.licenseUtilization], where).toEqual([null, null, null, null]);
    return e;
  }
  expect(m.eligibleUsers, where).toBe(e.eligibleUsers);
  expect([m.dau, m.wau, m.mau], where).toEqual([e.dau, e.wau, e.mau]);
  expect(m.adoptionRateActive, where).toBeCloseTo(e.mau / e.eligibleUsers, 10);
  expect(m.adoptedUsers, where).toBe(e.adoptedUsers);
  expect(m.adoptionRateAdopted, where).toBeCloseTo(e.adoptedUsers / e.eligibleUsers, 10);
  expect(m.licenseUtilization, where).toBeCloseTo(e.mau / e.licenses, 10);
  if (e.mau === 0) return e;
  expect(m.stickiness, where).toBeCloseTo(e.userDays / 30 / e.mau, 10);
  expect(m.breadth, where).toBeCloseTo(e.breadth ?? Number.NaN, 10);
  const adoption = m.featureAdoption as unknown as Record<string, number | null>;
  for (const [name, users] of Object.entries(e.usersByFeature)) {
    if (name in adoption) expect(adoption[name], `${where}, ${name}`).toBeCloseTo(users / e.mau, 10);
    else expect(users, `${where}, ${name} used but not listed`).toBe(0);
  }
  return e;
}

async function importAll(files: string[], dataDir: string): Promise<void> {
  for (const file of files) {
    const { code, stderr } = await importJson(file, dataDir);
    expect(code, `${file}: ${stderr}`).toBe(0);
  }
}

describe('`metrics --json` as of a past date, against plain SQL over the raw events', () => {
  it('on the vendor book: a user first seen after the date is not yet eligible', async () => {
    const dataDir = tempDir('bearing-cli-asof-');
    await importAll(['salesforce-accounts.csv', 'features.csv', 'mixpanel-events.csv'].map((f) => path.join(BOOK, f)), dataDir);
    // Northwind: Ana from 2026-11-02, Alex from 2026-11-05, Ben from 2026-11-06 (UTC).
    const e = await check(dataDir, '0015g00000NwTrAAAZ', '2026-11-05');
    expect(e.eligibleUsers).toBe(2);
    const m = await metricsOf(dataDir, '0015g00000NwTrAAAZ', '2026-11-05');
    expect(m.adoptionRateActive).toBe(1); // 2 of 2 known on the 5th, not 2 of 3
    // Contoso: nobody before 2026-11-08; as of the 4th it has no usage data at all.
    await check(dataDir, '0015g00000CoNtAAAZ', '2026-11-04');
  }, 120_000);

  for (const seed of [11, 12]) {
    it(`on a seeded random book from export files (seed ${seed})`, async () => {
      const dir = tempDir('bearing-cli-asof-files-');
      const book = writeExportBook(dir, seed);
      const dataDir = tempDir('bearing-cli-asof-');
      await importAll(book.files, dataDir);
      const r = new Rng(seed).fork('days');
      let withLateUsers = 0;
      for (const account of book.accountIds) {
        const asOf = isoFromDayNumber(r.int(book.firstDay + 20, book.lastDay - 10));
        const e = await check(dataDir, account, asOf);
        const all = readStore(dataDir, (db) => expectedBySql(db, account, book.lastDay)).eligibleUsers;
        if (all > e.eligibleUsers) withLateUsers += 1;
      }
      // The books are built so that the property is exercised: some account has users who start after its date.
      expect(withLateUsers).toBeGreaterThan(0);
    }, 180_000);
  }
});
