import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/main/app/backend';
import { portfolioOverview } from '../../src/main/services/portfolio';
import { addDays, dayNumber } from '../../src/shared/dates';
import type { MethodOutput, PortfolioRow } from '../../src/shared/contract';
import { ok, tempBackend } from '../helpers/backend';

// The Portfolio screen's one call on a small hand-made book (clock 2026-11-24, UTC), and its speed at 2,000 accounts.
let backend: Backend | undefined;
afterEach(() => backend?.close());
const TODAY = '2026-11-24';
type Overview = MethodOutput<'portfolio.overview'>;

/**
 * Seven accounts; health comes from snapshots written here, so every status is known:
 *   Acme   USD 100,000 red,    renews in 47 days (renewal stage since renewal − 90), basic value after 50 days
 *   Beta   USD  50,000 yellow, adoption since contract start + 30, basic value after 30 days, one overdue milestone
 *   Cobalt EUR  80,000 red,    onboarding since its contract start 20 days ago
 *   Delta  USD  20,000 red,    churned: shown, but outside every KPI
 *   Echo   USD  30,000 green,  renews in 7 days, stage overridden to adoption on 2026-11-20, basic value after 70 days
 *   Fjord  GBP  no ARR, no dates, no snapshot: computed live
 *   Gale   USD  10,000 green,  adoption since it renewed on 2026-09-01 (after its onboarding milestone of 2026-08-20)
 * Beta's renewal of 2026-03-01 came before its contract start as recorded, so it changes nothing.
 */
function smallBook(): Backend {
  backend = tempBackend();
  const overrideAt = Date.parse('2026-11-20T10:00:00Z');
  backend.database.sqlite.exec(`
    INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"');
    INSERT INTO accounts (id, name, owner, arr_minor, currency, licenses, contract_start, renewal_date, stage_override, stage_override_at) VALUES
      (1, 'Acme', 'Ana', 10000000, 'USD', 40, '2026-01-10', '2027-01-10', NULL, NULL),
      (2, 'Beta', 'Ben', 5000000, 'USD', 10, '2026-06-01', '2027-06-01', NULL, NULL),
      (3, 'Cobalt', 'Ana', 8000000, 'EUR', 20, '2026-11-04', '2027-11-04', NULL, NULL),
      (4, 'Delta', 'Ben', 2000000, 'USD', 5, '2025-09-01', '2026-09-01', NULL, NULL),
      (5, 'Echo', NULL, 3000000, 'USD', 5, '2025-12-01', '2026-12-01', 'adoption', ${overrideAt}),
      (6, 'Fjord', NULL, NULL, 'GBP', NULL, NULL, NULL, NULL, NULL),
      (7, 'Gale', 'Cleo', 1000000, 'USD', 8, '2026-08-01', '2027-08-01', NULL, NULL);
    INSERT INTO renewals (account_id, renewal_date, outcome) VALUES (4, '2026-09-01', 'churned'), (2, '2026-03-01', 'renewed'), (7, '2026-09-01', 'renewed');
    INSERT INTO milestones (account_id, kind, name, target_date, achieved_date) VALUES
      (1, 'basic_value', 'Basic value', '2026-03-01', '2026-03-01'),
      (2, 'basic_value', 'Basic value', '2026-07-15', '2026-07-01'),
      (2, 'exceeded_value', 'Exceeded value', '2026-11-01', NULL),
      (2, 'custom', 'SSO', '2026-12-01', NULL),
      (5, 'basic_value', 'Basic value', NULL, '2026-02-09'),
      (7, 'onboarding_complete', 'Onboarding complete', '2026-08-31', '2026-08-20');
    INSERT INTO qbrs (account_id, date, attendees) VALUES (1, '2026-10-01', '[]'), (1, '2026-12-15', '[]'), (5, '2026-08-01', '[]');
    INSERT INTO health_snapshots_tenths (account_id, day, score, status, license_utilization) VALUES
      (2, '${TODAY}', 550, 'yellow', NULL), (3, '${TODAY}', 200, 'red', NULL), (4, '${TODAY}', 100, 'red', NULL),
      (5, '${TODAY}', 800, 'green', 0.6), (7, '${TODAY}', 755, 'green', NULL);
  `);
  // Acme's last 31 days: 60 thirty days ago, falling by one a day to 30 today.
  // Stored in whole tenths (migration 0022): 60 points is 600.
  const snap = backend.database.sqlite.prepare('INSERT INTO health_snapshots_tenths (account_id, day, score, status, license_utilization) VALUES (1, ?, ?, ?, ?)');
  for (let ago = 30; ago >= 0; ago--) snap.run(addDays(TODAY, -ago), (30 + ago) * 10, 30 + ago < 40 ? 'red' : 'yellow', 0.25);
  return backend;
}

const overview = (b: Backend, input: object = {}) => ok<Overview>(b.api.invoke('portfolio.overview', input));
const row = (o: Overview, name: string): PortfolioRow => {
  const found = o.rows.find((r) => r.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};

describe('portfolio.overview', () => {
  it('computes the KPI strip over current customers (hand-computed)', async () => {
    const o = await overview(smallBook());
    expect(o.asOf).toBe(TODAY);
    expect(o.primaryCurrency).toBe('USD');
    expect(o.kpis).toEqual({
      accounts: 6,
      churnedAccounts: 1,
      totalArr: { byCurrency: [{ currency: 'USD', amount: 190_000 }, { currency: 'EUR', amount: 80_000 }], primary: { currency: 'USD', amount: 190_000 } },
      arrAtRisk: {
        red: { byCurrency: [{ currency: 'USD', amount: 100_000 }, { currency: 'EUR', amount: 80_000 }], primary: { currency: 'USD', amount: 100_000 } },
        redAccounts: 2,
        yellow: { byCurrency: [{ currency: 'USD', amount: 50_000 }], primary: { currency: 'USD', amount: 50_000 } },
        yellowAccounts: 1,
      },
      // Acme (47 days) and Echo (7 days); Delta's passed renewal is history.
      renewalsNext90Days: { count: 2, arr: { byCurrency: [{ currency: 'USD', amount: 130_000 }], primary: { currency: 'USD', amount: 130_000 } } },
      // Basic value after 30 (Beta), 50 (Acme) and 70 (Echo) days.
      medianTtvDays: 50,
      ttvAccounts: 3,
      statusCounts: { green: 2, yellow: 1, red: 2, noData: 1 },
      accountsWithOverdueMilestones: 1,
      // Beta (no QBR, contract 176 days old), Echo (last QBR 115 days ago), Gale (no QBR, contract 115 days old).
      accountsWithQbrOverdue: 3,
      // Beta (overdue milestone and QBR), Echo and Gale (QBR); no support case, no utilization below 20 % in
      // onboarding (Cobalt's snapshot has none), no renewal date passed but Delta's, who churned.
      needsAttention: { accounts: 3, overdueMilestones: 1, qbrOverdue: 3, earlyWarnings: 0, renewalPassedWithoutOutcome: 0 },
      // Cohorts by the quarter of contract start, churned Delta included; only Gale onboarded (19 days).
      timeToOnboard: {
        expectedDays: 30,
        cohorts: [
          { cohort: '2025-Q3', onboarded: 0, withinExpected: 0, rate: null },
          { cohort: '2025-Q4', onboarded: 0, withinExpected: 0, rate: null },
          { cohort: '2026-Q1', onboarded: 0, withinExpected: 0, rate: null },
          { cohort: '2026-Q2', onboarded: 0, withinExpected: 0, rate: null },
          { cohort: '2026-Q3', onboarded: 1, withinExpected: 1, rate: 1 },
          { cohort: '2026-Q4', onboarded: 0, withinExpected: 0, rate: null },
        ],
      },
    });
  });

  it('gives each row what the table and the journey lanes show', async () => {
    const o = await overview(smallBook());
    expect(o.rows.map((r) => r.name)).toEqual(['Acme', 'Beta', 'Cobalt', 'Delta', 'Echo', 'Fjord', 'Gale']);
    const acme = row(o, 'Acme');
    expect(acme).toMatchObject({
      owner: 'Ana',
      arr: 100_000,
      currency: 'USD',
      licenses: 40,
      daysToRenewal: 47,
      stage: 'renewal',
      stageOverridden: false,
      stageStartedOn: '2026-10-12',
      timeInStageDays: 43,
      health: { score: 30, status: 'red' },
      delta30: -30,
      licenseUtilization: 0.25,
      lastQbrDate: '2026-10-01',
      qbrOverdue: false,
      overdueMilestones: 0,
      churned: false,
      isDemo: false,
    });
    expect(acme.trend).toHaveLength(30);
    expect(acme.trend[0]).toBe(59);
    expect(acme.trend.at(-1)).toBe(30);
    expect(row(o, 'Beta')).toMatchObject({ stage: 'adoption', stageStartedOn: '2026-07-01', timeInStageDays: 146, overdueMilestones: 1, qbrOverdue: true, delta30: null });
    expect(row(o, 'Beta').trend).toEqual([...new Array<null>(29).fill(null), 55]);
    expect(row(o, 'Cobalt')).toMatchObject({ stage: 'onboarding', stageStartedOn: '2026-11-04', timeInStageDays: 20, currency: 'EUR' });
    expect(row(o, 'Delta')).toMatchObject({ churned: true, stage: null, timeInStageDays: null, daysToRenewal: -84 });
    expect(row(o, 'Echo')).toMatchObject({ stage: 'adoption', stageOverridden: true, stageStartedOn: '2026-11-20', timeInStageDays: 4, licenseUtilization: 0.6 });
    expect(row(o, 'Gale')).toMatchObject({ stage: 'adoption', stageStartedOn: '2026-09-01', timeInStageDays: 84, health: { score: 75.5, status: 'green' } });
    expect(row(o, 'Fjord')).toMatchObject({ stage: null, arr: null, daysToRenewal: null, licenseUtilization: null, qbrOverdue: null, health: { score: null, status: null } });
  });

  // PortfolioRow takes its account fields from AccountSummary (issue #10, point 5): the row keeps exactly these keys,
  // and each account field says what accounts.get says about the same account on the same day.
  it('gives each row the account’s own fields as accounts.get has them, less the external id, and the portfolio’s', async () => {
    const b = smallBook();
    const o = await overview(b);
    const accountFields = ['id', 'name', 'owner', 'industry', 'stage', 'stageOverridden', 'churned', 'arr', 'currency', 'licenses', 'contractStart', 'renewalDate', 'isDemo'];
    const portfolioFields = ['stageStartedOn', 'timeInStageDays', 'daysToRenewal', 'renewalPassedDays', 'health', 'trend', 'previous30', 'delta30', 'licenseUtilization', 'lastQbrDate', 'qbrOverdue', 'overdueMilestones', 'earlyWarnings', 'renewalPassedWithoutOutcome',
      'lastTouchpointDate', 'daysSinceTouchpoint', 'lastActiveDate', 'daysSinceActive', 'activeUsers7', 'activeUsersPrev7', 'activeUserTrend', 'events7', 'accountAgeDays',
      'unusedKeyFeatures', 'unusedKeyFeatureNames', 'openTasks'];
    for (const r of o.rows) {
      expect(Object.keys(r).sort()).toEqual([...accountFields, ...portfolioFields].sort());
      const { externalId, ...account } = await ok<MethodOutput<'accounts.get'>>(b.api.invoke('accounts.get', { id: r.id }));
      expect(externalId).toBeNull();
      expect(Object.fromEntries(accountFields.map((key) => [key, r[key as keyof PortfolioRow]]))).toEqual(account);
    }
  });

  it("computes a missing snapshot live once and keeps it as today's", async () => {
    const b = smallBook();
    const has = () => b.database.sqlite.prepare("SELECT count(*) AS n FROM health_snapshots WHERE account_id = 6 AND day = ?").get(TODAY);
    expect(has()).toEqual({ n: 0 });
    const first = await overview(b);
    expect(has()).toEqual({ n: 1 });
    expect(await overview(b)).toEqual(first);
  });

  it('answers for an earlier day and a longer sparkline', async () => {
    const o = await overview(smallBook(), { asOf: '2026-11-14', trendDays: 90 });
    const acme = row(o, 'Acme');
    expect(acme).toMatchObject({ daysToRenewal: 57, health: { score: 40, status: 'yellow' }, timeInStageDays: 33 });
    expect(acme.trend).toHaveLength(90);
    expect(acme.trend.filter((s) => s !== null)).toHaveLength(21);
    // Acme's QBR of 2026-10-01 was 44 days before; its QBR of 2026-12-15 had not happened yet.
    expect(acme.lastQbrDate).toBe('2026-10-01');
  });

  it('starts an overridden stage on the day the CSM set it, and uses the stage length settings', async () => {
    const b = smallBook();
    await ok(b.api.invoke('accounts.setStageOverride', { id: 3, stage: 'adoption' }));
    expect(b.database.sqlite.prepare('SELECT stage_override_at AS at FROM accounts WHERE id = 3').get()).toEqual({ at: Date.parse('2026-11-24T12:00:00Z') });
    expect(row(await overview(b), 'Cobalt')).toMatchObject({ stage: 'adoption', stageOverridden: true, stageStartedOn: TODAY, timeInStageDays: 0 });
    await ok(b.api.invoke('accounts.setStageOverride', { id: 3, stage: null }));
    expect(b.database.sqlite.prepare('SELECT stage_override_at AS at FROM accounts WHERE id = 3').get()).toEqual({ at: null });
    // Longer onboarding (60 days): Beta (contract 176 days old) is still in adoption, since day 60.
    await ok(b.api.invoke('settings.update', { stageLengths: { onboardingDays: 60, renewalDays: 60 } }));
    const o = await overview(b);
    expect(row(o, 'Beta')).toMatchObject({ stage: 'adoption', stageStartedOn: '2026-07-31' });
    // A 60-day renewal window: Acme (47 days to go) entered it 13 days ago.
    expect(row(o, 'Acme')).toMatchObject({ stage: 'renewal', stageStartedOn: '2026-11-11', timeInStageDays: 13 });
    const listed = await ok<MethodOutput<'accounts.list'>>(b.api.invoke('accounts.list', {}));
    expect(listed.items.find((a) => a.id === 3)?.stage).toBe('onboarding');
  });
});

describe('portfolio.overview at 2,000 accounts', () => {
  it('answers from the snapshots well within a second (target < 100 ms)', async () => {
    backend = tempBackend();
    const db = backend.database.sqlite;
    db.exec(`INSERT INTO settings (key, value) VALUES ('timeZone', '"UTC"')`);
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
      INSERT INTO accounts (id, name, owner, arr_minor, currency, licenses, contract_start, renewal_date)
      SELECT i, 'Account ' || i, 'Owner ' || (i % 12), i * 100000, CASE WHEN i % 10 = 0 THEN 'EUR' ELSE 'USD' END, 10 + i % 90,
             date('2025-01-01', '+' || (i % 600) || ' days'), date('2026-01-01', '+' || (i % 700) || ' days') FROM n;
      WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < 89)
      INSERT INTO health_snapshots_tenths (account_id, day, score, status, license_utilization)
      SELECT a.id, date('${TODAY}', '-' || d.k || ' days'), (a.id * 7 + d.k) % 100 * 10,
             CASE WHEN (a.id * 7 + d.k) % 100 >= 70 THEN 'green' WHEN (a.id * 7 + d.k) % 100 >= 40 THEN 'yellow' ELSE 'red' END,
             0.5
      FROM accounts a, d;
      INSERT INTO milestones (account_id, kind, name, target_date, achieved_date)
        SELECT id, 'basic_value', 'Basic value', date(contract_start, '+60 days'), CASE WHEN id % 3 = 0 THEN NULL ELSE date(contract_start, '+' || (id % 90) || ' days') END FROM accounts;
      INSERT INTO milestones (account_id, kind, name, target_date, achieved_date)
        SELECT id, 'onboarding_complete', 'Onboarding complete', date(contract_start, '+30 days'), date(contract_start, '+' || (id % 45) || ' days') FROM accounts;
      INSERT INTO qbrs (account_id, date, attendees) SELECT id, date('${TODAY}', '-' || (id % 200) || ' days'), '[]' FROM accounts;
      INSERT INTO touchpoints (account_id, kind, date, title, created_at) SELECT id, 'call', date('${TODAY}', '-' || (id % 50) || ' days'), 'Call', 0 FROM accounts;
      INSERT INTO features (id, key, name, is_key, created_at) VALUES (1, 'a', 'A', 1, 0), (2, 'b', 'B', 1, 0), (3, 'c', 'C', 1, 0), (4, 'd', 'D', 0, 0);
      -- The behaviour segments' usage: 60 days of two users a day per account, on features 1-4 (240,000 rollup rows).
      WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < 59), u(j) AS (SELECT 1 UNION ALL SELECT 2)
      INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes)
      SELECT a.id, a.id * 10 + u.j, 1 + (a.id + d.k + u.j) % 4, ${dayNumber(TODAY)} - d.k - (a.id % 30), 1 + a.id % 5, 1 FROM accounts a, d, u;
    `);
    const ctx = backend.context;
    portfolioOverview(ctx, {});
    // Wall time and CPU time: on a busy machine (parallel test files) the wall time overstates the cost.
    const times: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      portfolioOverview(ctx, {});
      const used = process.cpuUsage(cpu);
      times.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
    }
    const viaApi = performance.now();
    const o = await overview(backend);
    const apiMs = performance.now() - viaApi;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2];
    const wall = median(times.map((t) => t.wall));
    console.log(
      `portfolio.overview, 2,000 accounts: ${wall.toFixed(1)} ms wall, ${median(times.map((t) => t.cpu)).toFixed(1)} ms CPU (medians of 5); ` +
        `through the API with output validation ${apiMs.toFixed(1)} ms`,
    );
    expect(o.rows).toHaveLength(2000);
    expect(o.rows.every((r) => r.trend.length === 30 && r.trend.every((s) => s !== null))).toBe(true);
    expect(o.rows.filter((r) => r.lastActiveDate !== null && r.daysSinceTouchpoint !== null)).toHaveLength(2000);
  });
});
