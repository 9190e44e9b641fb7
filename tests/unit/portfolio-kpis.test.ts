import { describe, expect, it } from 'vitest';
import { stageStartDate } from '../../src/shared/metrics/journey';
import { portfolioKpis, primaryCurrency, totalByCurrency, type KpiAccount } from '../../src/shared/metrics/portfolio-kpis';

const account = (over: Partial<KpiAccount>): KpiAccount => ({
  churned: false,
  arr: null,
  currency: 'USD',
  daysToRenewal: null,
  health: { status: null },
  ttvBasicDays: null,
  overdueMilestones: 0,
  qbrOverdue: null,
  earlyWarnings: [],
  renewalPassedWithoutOutcome: false,
  ...over,
});

describe('portfolio KPIs', () => {
  it('sum ARR per currency in cents, with no floating-point drift', () => {
    const many = Array.from({ length: 10 }, () => account({ arr: 0.1 }));
    expect(totalByCurrency(many, 'USD')).toEqual({ byCurrency: [{ currency: 'USD', amount: 1 }], primary: { currency: 'USD', amount: 1 } });
  });

  it('headline the currency most accounts use, ties broken by ARR', () => {
    expect(primaryCurrency([account({ currency: 'EUR', arr: 5 }), account({ currency: 'USD', arr: 1 }), account({ currency: 'USD', arr: 1 })])).toBe('USD');
    expect(primaryCurrency([account({ currency: 'EUR', arr: 5 }), account({ currency: 'USD', arr: 1 })])).toBe('EUR');
    expect(primaryCurrency([])).toBeNull();
    // A primary currency nobody at risk uses still shows as 0 in it.
    expect(totalByCurrency([account({ currency: 'EUR', arr: 5 })], 'USD').primary).toEqual({ currency: 'USD', amount: 0 });
  });

  it('count renewals from today through day 89, and leave churned accounts out of everything', () => {
    const rows = [
      account({ arr: 10, daysToRenewal: 0, health: { status: 'red' }, ttvBasicDays: 10 }),
      account({ arr: 20, daysToRenewal: 89, health: { status: 'yellow' }, ttvBasicDays: 20 }),
      account({ arr: 40, daysToRenewal: 90, health: { status: 'green' }, ttvBasicDays: 40, overdueMilestones: 2, qbrOverdue: true }),
      account({ arr: 80, daysToRenewal: -1 }),
      account({ arr: 160, daysToRenewal: 5, churned: true, health: { status: 'red' }, ttvBasicDays: 1 }),
    ];
    const { kpis } = portfolioKpis(rows);
    expect(kpis.accounts).toBe(4);
    expect(kpis.churnedAccounts).toBe(1);
    expect(kpis.totalArr.primary).toEqual({ currency: 'USD', amount: 150 });
    expect(kpis.renewalsNext90Days).toEqual({ count: 2, arr: { byCurrency: [{ currency: 'USD', amount: 30 }], primary: { currency: 'USD', amount: 30 } } });
    expect([kpis.arrAtRisk.redAccounts, kpis.arrAtRisk.red.primary?.amount, kpis.arrAtRisk.yellow.primary?.amount]).toEqual([1, 10, 20]);
    expect([kpis.medianTtvDays, kpis.ttvAccounts]).toEqual([20, 3]);
    expect(kpis.statusCounts).toEqual({ green: 1, yellow: 1, red: 1, noData: 1 });
    expect([kpis.accountsWithOverdueMilestones, kpis.accountsWithQbrOverdue]).toEqual([1, 1]);
    expect(portfolioKpis([]).kpis.medianTtvDays).toBeNull();
  });

  it('count every reason an account needs attention, each account once in the total (issue #12)', () => {
    const warning = { kind: 'early_support_cases', message: '' };
    const rows = [
      account({ overdueMilestones: 1, qbrOverdue: true }),
      account({ earlyWarnings: [warning, warning] }),
      account({ renewalPassedWithoutOutcome: true, qbrOverdue: true }),
      account({ qbrOverdue: false }),
      account({ churned: true, overdueMilestones: 3, renewalPassedWithoutOutcome: true }),
    ];
    expect(portfolioKpis(rows).kpis.needsAttention).toEqual({
      accounts: 3,
      overdueMilestones: 1,
      qbrOverdue: 2,
      earlyWarnings: 1,
      renewalPassedWithoutOutcome: 1,
    });
  });
});

describe('the first day of a journey stage', () => {
  const dates = { contractStart: '2026-01-01', renewalDate: '2027-01-01' };
  it('counts onboarding from the contract start, adoption from day 30, renewal from renewal − 90', () => {
    expect(stageStartDate('onboarding', dates)).toBe('2026-01-01');
    expect(stageStartDate('adoption', dates)).toBe('2026-01-31');
    expect(stageStartDate('renewal', dates)).toBe('2026-10-03');
    expect(stageStartDate('renewal', dates, { onboardingDays: 30, renewalDays: 60 })).toBe('2026-11-02');
  });

  it('counts adoption from the achieved onboarding milestone when the account has one', () => {
    expect(stageStartDate('adoption', { ...dates, onboardingMilestone: { achievedDate: '2026-02-20' } })).toBe('2026-02-20');
  });

  it('counts adoption from the last renewal once the customer has renewed', () => {
    expect(stageStartDate('adoption', { contractStart: '2023-01-01', renewalDate: '2027-01-01', lastRenewedOn: '2026-01-01' })).toBe('2026-01-01');
    // A renewal before the end of onboarding changes nothing.
    expect(stageStartDate('adoption', { ...dates, lastRenewedOn: '2026-01-15' })).toBe('2026-01-31');
  });

  it('never starts before the contract, and is unknown without the dates it needs', () => {
    expect(stageStartDate('renewal', { contractStart: '2026-01-01', renewalDate: '2026-03-01' })).toBe('2026-01-01');
    expect(stageStartDate('adoption', { contractStart: null, renewalDate: '2027-01-01' })).toBeNull();
    expect(stageStartDate('renewal', { contractStart: '2026-01-01', renewalDate: null })).toBeNull();
  });
});
