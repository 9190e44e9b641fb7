// Issue #12, point 5: what the Adoption card, the early-warning badges and the portfolio's needs-attention and
// time-to-onboard figures show, on a book imported from vendor-shaped exports (tests/helpers/adoption-book.ts).
// Every number below is counted by hand from tests/fixtures/adoption/mixpanel-events.csv and the entries the helper
// makes; the as-of day is 2026-11-30, so "the last 30 days" are 1–30 November.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/shared/contract';
import { ADOPTION_NOW, ADOPTION_TODAY, buildAdoptionBook } from '../helpers/adoption-book';
import { call, tempBackend } from '../helpers/backend';

let backend: ReturnType<typeof tempBackend> | null = null;
afterEach(() => {
  backend?.close();
  if (backend) fs.rmSync(backend.dataDir, { recursive: true, force: true });
  backend = null;
});

async function book() {
  const b = (backend = tempBackend({ now: () => ADOPTION_NOW }));
  const ids = await buildAdoptionBook(b);
  return { b, ids };
}

describe('the Adoption card’s figures (metrics.account) on Aurora Labs', () => {
  it('gives the rates with their inputs, the curve by lifecycle month with its slope, and the campaign’s uplift', async () => {
    const { b, ids } = await book();
    const m = await call<MethodOutput<'metrics.account'>>(b, 'metrics.account', { id: ids.aurora, asOf: ADOPTION_TODAY });
    // Five people on record (u-1…u-5); u-5 was last seen on 15 September, so four were active in November.
    expect([m.knownUsers, m.mau, m.eligibleUsers, m.eligibleUsersDefinition, m.adoptionRateActive]).toEqual([5, 4, 5, 'known_users', 0.8]);
    // Adopted: u-1 (10 days of Dashboards) and u-2 (8 days of Alerts); u-3 has 3 days, u-4 one.
    expect([m.adoptedUsers, m.adoptionRateAdopted]).toEqual([2, 0.4]);
    // Daily active users summed over November: 10 + 8 + 3 + 1 = 22, so mean DAU 22/30; stickiness that ÷ 4.
    expect(m.meanDau).toBeCloseTo(22 / 30, 10);
    expect(m.stickiness).toBeCloseTo(22 / 30 / 4, 10);
    // Onboarded on 25 August, but 0.73 of 5 users active a day is far below 75 %.
    expect(m.adoptedAccount).toBe(false);
    // First event → first key feature: u-1 2 days (Opened App 5 Aug, Dashboards 7 Aug), u-2 24 (12 Sep → 6 Oct),
    // u-3 and u-4 0 (their first event is a key one); u-5 never used one. Median of 0, 0, 2, 24 = 1.
    expect([m.timeToFirstKeyActionDays, m.timeToFirstKeyActionUsers]).toEqual([1, 4]);
    // Lifecycle months from 3 August: 3 Aug–1 Sep, 2 Sep–1 Oct, 2–31 Oct, 1–30 Nov (complete on the 30th).
    expect(m.adoptionCurve.months).toEqual([
      { month: 0, activeUsers: 1, featuresUsed: 2, complete: true },
      { month: 1, activeUsers: 3, featuresUsed: 2, complete: true },
      { month: 2, activeUsers: 3, featuresUsed: 2, complete: true },
      { month: 3, activeUsers: 4, featuresUsed: 3, complete: true },
    ]);
    // Least squares over 1, 3, 3, 4: Σ(x−1.5)(y−2.75) = 4.5, Σ(x−1.5)² = 5.
    expect(m.adoptionCurve.slope).toBeCloseTo(0.9, 10);
    // Dashboards events 15 Sep–14 Oct: 5 and 6 Oct (2); 15 Oct–13 Nov: 1–10 Nov (10).
    expect(m.campaignUplift).toEqual([
      { title: 'Dashboards webinar', date: '2026-10-15', feature: 'Dashboards', before: 2, after: 10, uplift: 5, complete: true },
    ]);
    expect(m.earlyWarnings).toEqual([]);
    expect(m.engagementScore).not.toBeNull();
  });

  it('raises both early warnings on Birch Co: four support cases in its first 30 days, 1 of 20 licenses in onboarding', async () => {
    const { b, ids } = await book();
    const m = await call<MethodOutput<'metrics.account'>>(b, 'metrics.account', { id: ids.birch, asOf: ADOPTION_TODAY });
    expect(m.stage).toBe('onboarding');
    expect(m.earlyWarnings).toEqual([
      { kind: 'early_support_cases', message: '4 support cases opened in the first 30 days (more than 3).' },
      { kind: 'low_onboarding_usage', message: 'Only 5% of licenses in use during onboarding (below 20%).' },
    ]);
  });
});

describe('the portfolio’s needs attention and time to onboard (portfolio.overview)', () => {
  it('counts every reason with its breakdown, and the onboarding cohorts', async () => {
    const { b } = await book();
    const o = await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview', { asOf: ADOPTION_TODAY });
    const flags = Object.fromEntries(
      o.rows.map((r) => [r.name, [r.overdueMilestones, r.qbrOverdue, r.earlyWarnings.map((w) => w.kind), r.renewalPassedWithoutOutcome]]),
    );
    expect(flags).toEqual({
      // QBR on 20 October: 41 days ago.
      'Aurora Labs': [0, false, [], false],
      // Kickoff due 9 November, not achieved; 28 days into the contract, so no QBR due yet.
      'Birch Co': [1, false, ['early_support_cases', 'low_onboarding_usage'], false],
      // Renewal date 1 November passed with only a pending outcome; no QBR in a contract of 394 days.
      'Cedar Inc': [0, true, [], true],
      // Renewed on 15 November, its renewal date: decided. No QBR either.
      'Dune GmbH': [0, true, [], false],
    });
    expect(o.kpis.needsAttention).toEqual({ accounts: 3, overdueMilestones: 1, qbrOverdue: 2, earlyWarnings: 1, renewalPassedWithoutOutcome: 1 });
    // Cohorts by quarter of contract start: Dune 2025-06-01 never onboarded, Cedar 1 Nov → 20 Dec 2025 (49 days),
    // Aurora 3 → 25 Aug 2026 (22 days), Birch 2 Nov 2026 not yet.
    expect(o.kpis.timeToOnboard).toEqual({
      expectedDays: 30,
      cohorts: [
        { cohort: '2025-Q2', onboarded: 0, withinExpected: 0, rate: null },
        { cohort: '2025-Q4', onboarded: 1, withinExpected: 0, rate: 0 },
        { cohort: '2026-Q3', onboarded: 1, withinExpected: 1, rate: 1 },
        { cohort: '2026-Q4', onboarded: 0, withinExpected: 0, rate: null },
      ],
    });
    const totals = await call<MethodOutput<'metrics.portfolio'>>(b, 'metrics.portfolio', { asOf: ADOPTION_TODAY });
    expect(totals.timeToOnboard).toEqual(o.kpis.timeToOnboard.cohorts);
  });

  it('as of a day before Cedar’s renewal date, that renewal has not passed', async () => {
    const { b } = await book();
    const o = await call<MethodOutput<'portfolio.overview'>>(b, 'portfolio.overview', { asOf: '2026-11-01' });
    expect(o.rows.find((r) => r.name === 'Cedar Inc')?.renewalPassedWithoutOutcome).toBe(false);
  });
});

