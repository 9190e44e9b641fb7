import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open';
import { tempDir } from '../helpers/backend';
import { AS_OF, AS_OF_DAY, fillSmallBook } from '../helpers/metrics-dataset';

// The CLI as a tool runs it, on a small book written with better-sqlite3; every expected answer is computed here by
// a second route — plain SQL over the raw usage_events, not the rollups — never by calling the metrics code.
const dataDir = tempDir('bearing-cli-metrics-');
let db: Database.Database;

function cli(args: string[]) {
  const r = spawnSync('npm', ['run', '-s', 'cli', '--', ...args], { encoding: 'utf8', env: { ...process.env, BEARING_DATA_DIR: dataDir } });
  if (r.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as unknown;
}

const D = AS_OF_DAY;
const one = (sql: string, ...params: unknown[]) => Object.values(db.prepare(sql).get(...params) as Record<string, number | null>)[0];
const EVENTS = 'usage_events WHERE account_id = 1 AND count > 0';

beforeAll(() => {
  const opened = openDatabase({ dataDir });
  fillSmallBook(opened.sqlite);
  opened.close();
  db = new Database(`${dataDir}/bearing.sqlite`, { readonly: true });
});

describe('`metrics --account 1 --as-of 2026-11-20 --json`', () => {
  let m: Record<string, unknown>;
  beforeAll(() => {
    m = cli(['metrics', '--account', '1', '--as-of', AS_OF, '--json']) as Record<string, unknown>;
  }, 60_000);

  it('has every camelCase name of the contract', () => {
    for (const key of ['dau', 'wau', 'mau', 'stickiness', 'licenseUtilization', 'unusedLicenses', 'dailyUtilization', 'adoptionRateActive',
      'adoptionRateAdopted', 'featureAdoption', 'breadth', 'timeToFirstKeyActionDays', 'engagementScore', 'exposure', 'stage', 'ttvBasicDays',
      'ttvExceededDays', 'qbrDaysSince', 'supportCaseSuccessRate', 'health']) {
      expect(m, key).toHaveProperty(key);
    }
  });

  it('counts active users from the raw events', () => {
    const mau = one(`SELECT count(DISTINCT user_id) FROM ${EVENTS} AND day BETWEEN ? AND ?`, D - 29, D) ?? 0;
    expect(m.dau).toBe(one(`SELECT count(DISTINCT user_id) FROM ${EVENTS} AND day = ?`, D));
    expect(m.wau).toBe(one(`SELECT count(DISTINCT user_id) FROM ${EVENTS} AND day BETWEEN ? AND ?`, D - 6, D));
    expect(m.mau).toBe(mau);
    const userDays = one(`SELECT count(*) FROM (SELECT DISTINCT user_id, day FROM ${EVENTS} AND day BETWEEN ? AND ?)`, D - 29, D) ?? 0;
    expect(m.stickiness).toBeCloseTo(userDays / 30 / mau, 10);
    expect(m.licenseUtilization).toBeCloseTo(mau / 20, 10);
    expect(m.unusedLicenses).toBe(Math.max(0, 20 - mau));
    expect(m.dailyUtilization).toBeCloseTo(userDays / 30 / 20, 10);
    expect(m.adoptionRateActive).toBeCloseTo(mau / (one('SELECT count(*) FROM users WHERE account_id = 1') ?? 1), 10);
  });

  it('counts adopted users: ≥ 8 active days in 30 and a key feature', () => {
    const adopted = one(
      `SELECT count(*) FROM (SELECT user_id FROM ${EVENTS} AND day BETWEEN ? AND ? GROUP BY user_id
        HAVING count(DISTINCT day) >= 8 AND sum(feature_id IN (SELECT id FROM features WHERE is_key = 1)) > 0)`,
      D - 29,
      D,
    );
    expect(m.adoptionRateAdopted).toBeCloseTo((adopted ?? 0) / 6, 10);
  });

  // Key features enabled for an account with entitlements: the entitled ones plus the catalogue's unpaid ones.
  const ENABLED_KEYS = `SELECT id FROM features WHERE is_key = 1 AND merged_into IS NULL
    AND (is_paid = 0 OR id IN (SELECT feature_id FROM entitlements WHERE account_id = 1))`;

  it('measures feature adoption and breadth over the key features enabled', () => {
    const mau = one(`SELECT count(DISTINCT user_id) FROM ${EVENTS} AND day BETWEEN ? AND ?`, D - 29, D) ?? 1;
    const rows = db
      .prepare(`SELECT f.name, (SELECT count(DISTINCT user_id) FROM ${EVENTS} AND feature_id = f.id AND day BETWEEN ? AND ?) AS users
        FROM entitlements e JOIN features f ON f.id = e.feature_id WHERE e.account_id = 1`)
      .all(D - 29, D) as { name: string; users: number }[];
    // Keyed by the catalogue's feature names.
    for (const r of rows) expect((m.featureAdoption as Record<string, number>)[r.name], r.name).toBeCloseTo(r.users / mau, 10);
    const usedKeys = one(
      `SELECT count(DISTINCT feature_id) FROM ${EVENTS} AND day BETWEEN ? AND ?
        AND feature_id IN (${ENABLED_KEYS})`,
      D - 29,
      D,
    );
    const enabledKeys = one(`SELECT count(*) FROM (${ENABLED_KEYS})`);
    expect(m.breadth).toBeCloseTo((usedKeys ?? 0) / (enabledKeys ?? 1), 10);
  });

  it('takes the median time to first key action per user', () => {
    const perUser = db
      .prepare(`SELECT min(CASE WHEN feature_id IN (SELECT id FROM features WHERE is_key = 1) THEN day END) - min(day) AS d
        FROM ${EVENTS} AND day <= ? GROUP BY user_id HAVING d IS NOT NULL ORDER BY d`)
      .all(D) as { d: number }[];
    const mid = perUser.length / 2;
    const median = perUser.length % 2 ? perUser[Math.floor(mid)].d : (perUser[mid - 1].d + perUser[mid].d) / 2;
    expect(m.timeToFirstKeyActionDays).toBe(median);
  });

  it('scores engagement by percentile across the portfolio, 40/30/30', () => {
    const all = db
      .prepare(`SELECT user_id AS u, account_id AS a, count(DISTINCT day) AS days, sum(minutes) AS minutes,
          count(DISTINCT nullif(feature_id, 0)) AS features FROM usage_events WHERE count > 0 AND day BETWEEN ? AND ? GROUP BY user_id`)
      .all(D - 29, D) as { u: number; a: number; days: number; minutes: number; features: number }[];
    const rank = (x: number, xs: number[]) => (x <= 0 ? 0 : ((xs.filter((v) => v < x).length + xs.filter((v) => v === x).length / 2) / xs.length) * 100);
    const scores = all
      .filter((r) => r.a === 1)
      .map((r) => 0.4 * rank(r.days, all.map((x) => x.days)) + 0.3 * rank(r.minutes, all.map((x) => x.minutes)) + 0.3 * rank(r.features, all.map((x) => x.features)));
    expect(m.engagementScore).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 8);
  });

  it('measures exposure across roles and departments against the role cadences', () => {
    const users = db
      .prepare(`SELECT u.role, u.department, (SELECT count(DISTINCT day) FROM usage_events e WHERE e.user_id = u.id AND e.count > 0
          AND e.day BETWEEN ? AND ?) AS days FROM users u WHERE u.account_id = 1`)
      .all(D - 29, D) as { role: string; department: string | null; days: number }[];
    const needed: Record<string, number> = { end_user: 4, manager: 4, executive: 1, admin: 4 }; // weekly = 4 days, monthly = 1
    const meets = users.map((u) => ({ ...u, meets: u.days >= needed[u.role] }));
    const groups = [...new Set(meets.map((u) => `r:${u.role}`)), ...new Set(meets.filter((u) => u.department).map((u) => `d:${u.department}`))];
    const covered = groups.filter((g) => meets.some((u) => u.meets && (g === `r:${u.role}` || g === `d:${u.department}`)));
    expect(m.exposure).toBeCloseTo(covered.length / groups.length, 10);
  });

  it('reads stage, TTV, QBR cadence and support success from the stored facts', () => {
    expect(m.stage).toBe('adoption'); // onboarding achieved in February; renewal 2027-06-01 is 193 days away
    expect(m.ttvBasicDays).toBe(one("SELECT julianday(achieved_date) - julianday('2026-01-01') FROM milestones WHERE account_id = 1 AND kind = 'basic_value'"));
    expect(m.ttvExceededDays).toBeNull(); // not achieved
    expect(m.qbrDaysSince).toBe(one(`SELECT julianday(?) - julianday(max(date)) FROM qbrs WHERE account_id = 1 AND date <= ?`, AS_OF, AS_OF));
    const closed = one(`SELECT count(*) FROM touchpoints WHERE account_id = 1 AND kind = 'support_case' AND case_status = 'closed'
        AND closed_date BETWEEN date(?, '-89 days') AND ?`, AS_OF, AS_OF) ?? 0;
    const good = one(`SELECT count(*) FROM touchpoints WHERE account_id = 1 AND kind = 'support_case' AND case_status = 'closed'
        AND closed_date BETWEEN date(?, '-89 days') AND ? AND resolved = 1 AND (within_sla IS NULL OR within_sla = 1)`, AS_OF, AS_OF) ?? 0;
    expect(m.supportCaseSuccessRate).toBeCloseTo(good / closed, 10); // 2 of 3
  });

  it('reports the same health as `health --account`, whose contributions add up to it', () => {
    const [h] = cli(['health', '--account', '1', '--as-of', AS_OF, '--json']) as {
      id: number; name: string; score: number; status: string; rules: { id: string; reason: string }[];
      components: { name: string; score: number | null; weight: number; contribution: number | null; facts: string[] }[];
    }[];
    expect(h).toMatchObject({ id: 1, name: 'Acme Corp' });
    expect(m.health).toBe(h.score);
    const sum = h.components.reduce((s, c) => s + (c.contribution ?? 0), 0);
    expect(Math.round(sum * 10)).toBe(Math.round(h.score * 10));
    const usage = h.components.find((c) => c.name === 'usage');
    const mau = one(`SELECT count(DISTINCT user_id) FROM ${EVENTS} AND day BETWEEN ? AND ?`, D - 29, D) ?? 0;
    expect(usage?.score).toBe(Math.round(Math.min(100, (mau / 20 / 0.8) * 100) * 10) / 10); // shown in tenths
    expect(usage?.facts[0]).toContain(`${mau} of 20 licensed users active in the last 30 days`);
    expect(h.rules.map((r) => r.id)).toEqual(['open-case']); // "Forecast blank", open since 2026-11-01: 19 days > 14
    expect(h.status).toBe(h.score >= 40 ? 'yellow' : 'red'); // capped at yellow
  }, 60_000);
});
