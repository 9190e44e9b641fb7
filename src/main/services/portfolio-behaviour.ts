// The portfolio's behaviour figures (issue #14, point 4; docs/METRICS.md, "Behaviour segments"): days since the last
// touchpoint, last active day, the active-user trend, events in the last 7 days, account age and unused key
// features, for every account as of D from one set query (db/segments.ts).
import type { PortfolioRow } from '../../shared/contract';
import { daysBetween, dayNumber, isoFromDayNumber } from '../../shared/dates';
import { firstContractStart, type Term } from '../../shared/metrics/as-of';
import type { RenewalRecord } from '../../shared/metrics/benchmarks';
import { behaviourByAccount } from '../db/segments';
import type { ServiceContext } from './context';

export type BehaviourFields = Pick<
  PortfolioRow,
  | 'lastTouchpointDate'
  | 'daysSinceTouchpoint'
  | 'lastActiveDate'
  | 'daysSinceActive'
  | 'activeUsers7'
  | 'activeUsersPrev7'
  | 'activeUserTrend'
  | 'events7'
  | 'accountAgeDays'
  | 'unusedKeyFeatures'
  | 'unusedKeyFeatureNames'
>;

export const NO_BEHAVIOUR: BehaviourFields = {
  lastTouchpointDate: null,
  daysSinceTouchpoint: null,
  lastActiveDate: null,
  daysSinceActive: null,
  activeUsers7: 0,
  activeUsersPrev7: 0,
  activeUserTrend: null,
  events7: 0,
  accountAgeDays: null,
  unusedKeyFeatures: 0,
  unusedKeyFeatureNames: [],
};

/**
 * Per account id. `accounts` carry their terms as stored (not as of D): the age counts from the first contract start
 * on record, before any renewal rolled the term on; an account whose first start is after D has no age on D.
 */
export function behaviourOf(
  ctx: ServiceContext,
  asOf: string,
  accounts: readonly (Term & { id: number })[],
  terms: ReadonlyMap<number, readonly RenewalRecord[]>,
): Map<number, BehaviourFields> {
  const day = dayNumber(asOf);
  const firstStart = new Map(accounts.map((a) => [a.id, firstContractStart(a, terms.get(a.id) ?? [])]));
  const out = new Map<number, BehaviourFields>();
  for (const b of behaviourByAccount(ctx, asOf, day)) {
    const start = firstStart.get(b.id) ?? null;
    const names = b.unusedKeys === null ? [] : b.unusedKeys.split('\u001f').sort((x, y) => x.localeCompare(y));
    out.set(b.id, {
      lastTouchpointDate: b.lastTouchpoint,
      daysSinceTouchpoint: b.lastTouchpoint === null ? null : daysBetween(b.lastTouchpoint, asOf),
      lastActiveDate: b.lastActiveDay === null ? null : isoFromDayNumber(b.lastActiveDay),
      daysSinceActive: b.lastActiveDay === null ? null : day - b.lastActiveDay,
      activeUsers7: b.activeUsers7,
      activeUsersPrev7: b.activeUsersPrev7,
      // No change from a week with nobody active (docs/METRICS.md: no change is computed from a missing value).
      activeUserTrend: b.activeUsersPrev7 === 0 ? null : b.activeUsers7 / b.activeUsersPrev7 - 1,
      events7: b.events7,
      accountAgeDays: start === null || start > asOf ? null : daysBetween(start, asOf),
      unusedKeyFeatures: b.unusedKeyCount,
      unusedKeyFeatureNames: names,
    });
  }
  return out;
}
