// Portfolio KPIs (DESIGN.md, Portfolio; issue #5): accounts, ARR, ARR at risk (red, then yellow), renewals in the
// next 90 days, the median time to basic value (docs/METRICS.md TTV, seeds 001 and 003) and what needs attention,
// over current customers.
import type { HealthStatus } from './health';
import { median } from './stats';

export interface KpiAccount {
  churned: boolean;
  arr: number | null;
  currency: string;
  daysToRenewal: number | null;
  health: { status: HealthStatus | null };
  ttvBasicDays: number | null;
  overdueMilestones: number;
  qbrOverdue: boolean | null;
  earlyWarnings: readonly unknown[];
  renewalPassedWithoutOutcome: boolean;
}

/** Why a current customer needs attention (issue #12): each reason on its own, since one account may have several. */
type AttentionFacts = Pick<KpiAccount, 'overdueMilestones' | 'qbrOverdue' | 'earlyWarnings' | 'renewalPassedWithoutOutcome'>;
export const ATTENTION_REASONS = {
  overdueMilestones: (r: AttentionFacts) => r.overdueMilestones > 0,
  qbrOverdue: (r: AttentionFacts) => r.qbrOverdue === true,
  earlyWarnings: (r: AttentionFacts) => r.earlyWarnings.length > 0,
  renewalPassedWithoutOutcome: (r: AttentionFacts) => r.renewalPassedWithoutOutcome,
} as const;

/** Accounts with at least one reason, and the count per reason. */
export function needsAttention(current: readonly KpiAccount[]) {
  const reasons = Object.values(ATTENTION_REASONS);
  return {
    accounts: current.filter((r) => reasons.some((has) => has(r))).length,
    overdueMilestones: current.filter(ATTENTION_REASONS.overdueMilestones).length,
    qbrOverdue: current.filter(ATTENTION_REASONS.qbrOverdue).length,
    earlyWarnings: current.filter(ATTENTION_REASONS.earlyWarnings).length,
    renewalPassedWithoutOutcome: current.filter(ATTENTION_REASONS.renewalPassedWithoutOutcome).length,
  };
}

export interface Money {
  currency: string;
  amount: number;
}

export interface MoneyTotal {
  byCurrency: Money[];
  primary: Money | null;
}

/** Renewals "in the next 90 days": renewal date from the as-of day through 89 days after it. */
export const RENEWAL_WINDOW_DAYS = 90;

/**
 * The currency most current accounts are billed in (ties: the larger ARR, then alphabetical): books mix
 * currencies and no exchange rate is known offline, so one currency headlines and the others are listed.
 */
export function primaryCurrency(accounts: readonly Pick<KpiAccount, 'currency' | 'arr'>[]): string | null {
  const tally = new Map<string, { n: number; arr: number }>();
  for (const a of accounts) {
    const t = tally.get(a.currency) ?? { n: 0, arr: 0 };
    tally.set(a.currency, { n: t.n + 1, arr: t.arr + (a.arr ?? 0) });
  }
  const ranked = [...tally].sort(([ca, a], [cb, b]) => b.n - a.n || b.arr - a.arr || ca.localeCompare(cb));
  return ranked[0]?.[0] ?? null;
}

/** Sums ARR per currency in minor units (cents), so a total of many accounts carries no floating-point drift. */
export function totalByCurrency(accounts: readonly Pick<KpiAccount, 'currency' | 'arr'>[], primary: string | null): MoneyTotal {
  const cents = new Map<string, number>();
  for (const a of accounts) if (a.arr !== null) cents.set(a.currency, (cents.get(a.currency) ?? 0) + Math.round(a.arr * 100));
  const byCurrency = [...cents]
    .map(([currency, c]) => ({ currency, amount: c / 100 }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));
  return {
    byCurrency,
    primary: primary === null ? null : { currency: primary, amount: (cents.get(primary) ?? 0) / 100 },
  };
}

export function portfolioKpis(rows: readonly KpiAccount[]) {
  const current = rows.filter((r) => !r.churned);
  const primary = primaryCurrency(current);
  const withStatus = (s: HealthStatus) => current.filter((r) => r.health.status === s);
  const red = withStatus('red');
  const yellow = withStatus('yellow');
  const renewing = current.filter((r) => r.daysToRenewal !== null && r.daysToRenewal >= 0 && r.daysToRenewal < RENEWAL_WINDOW_DAYS);
  const ttv = current.map((r) => r.ttvBasicDays).filter((d): d is number => d !== null);
  return {
    primaryCurrency: primary,
    kpis: {
      accounts: current.length,
      churnedAccounts: rows.length - current.length,
      totalArr: totalByCurrency(current, primary),
      arrAtRisk: {
        red: totalByCurrency(red, primary),
        redAccounts: red.length,
        yellow: totalByCurrency(yellow, primary),
        yellowAccounts: yellow.length,
      },
      renewalsNext90Days: { count: renewing.length, arr: totalByCurrency(renewing, primary) },
      medianTtvDays: median(ttv),
      ttvAccounts: ttv.length,
      statusCounts: {
        green: withStatus('green').length,
        yellow: yellow.length,
        red: red.length,
        noData: current.filter((r) => r.health.status === null).length,
      },
      accountsWithOverdueMilestones: current.filter((r) => r.overdueMilestones > 0).length,
      accountsWithQbrOverdue: current.filter((r) => r.qbrOverdue === true).length,
      needsAttention: needsAttention(current),
    },
  };
}
