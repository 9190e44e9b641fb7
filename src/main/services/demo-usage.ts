// Twelve months of daily usage per account, in a compact row format (USAGE_STRIDE below). Each
// account follows its pattern (steady, growing, declining, gone quiet, ramping up); each user follows the
// cadence of their role (end users most weekdays, executives once a week) scaled by their own engagement.
import type { Rng } from '../../shared/prng';
import { FEATURES, type Role } from './demo-catalog';
import type { AccountPlan } from './demo-plan';

/**
 * Usage is a flat integer array per account, USAGE_STRIDE numbers per daily row:
 *   [dayDelta, userIndex, featureNumber, events, minutes]
 * dayDelta is the row's day offset minus the previous row's (the first row's is relative to 0), so rows are in
 * day order. userIndex indexes the account's users; featureNumber is 0 for events on no particular feature, else
 * 1 + an index into FEATURES.
 */
export const USAGE_STRIDE = 5;

/** Chance of activity on a weekday for a fully engaged user at full account level. */
const ROLE_ACTIVITY: Record<Role, number> = { end_user: 0.72, manager: 0.5, admin: 0.38, executive: 0.05 };
const ROLE_EVENTS: Record<Role, number> = { end_user: 14, manager: 9, admin: 8, executive: 3 };
/** Monday .. Sunday. */
const WEEKDAY = [1, 1.03, 1.03, 1, 0.85, 0.06, 0.04];

export const weekdayOf = (offset: number): number => ((offset % 7) + 7) % 7;

const lerp = (from: number, to: number, t: number) => from + (to - from) * Math.min(1, Math.max(0, t));

/** The account's overall appetite for the product on a day, 0 (nobody) .. ~1 (everyone at their usual pace). */
export function accountLevel(plan: AccountPlan, d: number): number {
  if (d < plan.usageFrom || d > plan.usageTo || d >= plan.deadFrom) return 0;
  const since = d - plan.usageFrom;
  // Accounts whose contract started inside the window ramp up over their first month.
  const ramp = plan.start >= plan.usageFrom ? lerp(0.15, 1, (since - 2) / 28) * (since < 2 ? 0 : 1) : 1;
  const t = plan.turnAt;
  let base: number;
  switch (plan.pattern) {
    case 'ramping':
      base = 0.95;
      break;
    case 'stalled':
      base = lerp(0.45, 0.25, since / 40);
      break;
    case 'healthy':
      base = 0.92;
      break;
    case 'growing':
      base = lerp(0.45, 1, since / (plan.usageTo - plan.usageFrom));
      break;
    case 'declining':
      base = d < t ? 0.95 : lerp(0.95, 0.25, (d - t) / -t);
      break;
    case 'dead':
      base = d < t ? 0.85 : lerp(0.85, 0.04, (d - t) / (plan.deadFrom - t));
      break;
    case 'churning':
      base = d < t ? 0.75 : lerp(0.75, 0.04, (d - t) / (plan.renewal - t));
      break;
    case 'underused':
      base = 0.5;
      break;
  }
  const wobble = 1 + 0.1 * Math.sin((2 * Math.PI * (d + plan.no * 13)) / 91);
  return base * ramp * wobble;
}

export interface UsageResult {
  /** Flat rows, USAGE_STRIDE numbers each. */
  usage: number[];
  /** Day offset of the account's first use of a key feature, if any. */
  firstKeyDay: number | null;
  rows: number;
}

function activityChance(role: Role, preferredDay: number, d: number): number {
  const wd = weekdayOf(d);
  if (role === 'executive') return wd === preferredDay ? 0.85 : wd < 5 ? ROLE_ACTIVITY.executive : 0.02;
  return ROLE_ACTIVITY[role] * WEEKDAY[wd];
}

export function generateUsage(plan: AccountPlan, rng: Rng): UsageResult {
  const usage: number[] = [];
  let lastDay = 0;
  let firstKeyDay: number | null = null;
  const emit = (d: number, user: number, feature: number, events: number) => {
    // Minutes track events loosely: some sessions are quick clicks, some long edits.
    const minutes = Math.max(1, Math.round(events * rng.range(0.4, 1.6)));
    usage.push(d - lastDay, user, feature, events, minutes);
    lastDay = d;
    if (feature > 0 && FEATURES[feature - 1].isKey && firstKeyDay === null) firstKeyDay = d;
  };
  for (let d = plan.usageFrom; d <= plan.usageTo; d++) {
    const level = accountLevel(plan, d);
    if (level <= 0) continue;
    plan.users.forEach((u, userIndex) => {
      if (d < u.from || d > u.until) return;
      const p = Math.min(0.97, activityChance(u.role, u.preferredDay, d) * u.engagement * level);
      if (!rng.chance(p)) return;
      const available = [...u.adoptAt].filter(([, at]) => at <= d).map(([f]) => f);
      let events = rng.count(ROLE_EVENTS[u.role] * (0.6 + 0.4 * Math.min(1, level)));
      if (available.length === 0) {
        emit(d, userIndex, 0, events);
        return;
      }
      const picked = new Set<number>([rng.weighted(available.map((f) => [f, FEATURES[f].isKey ? 2 : 1] as const))]);
      if (available.length > 1 && rng.chance(0.3)) picked.add(rng.pick(available));
      const numbers = [...picked].map((f) => f + 1);
      if (rng.chance(0.35)) numbers.push(0);
      numbers.sort((a, b) => a - b);
      events = Math.max(events, numbers.length);
      // Split the day's events across its rows, every row keeping at least one.
      let left = events - numbers.length;
      numbers.forEach((feature, i) => {
        const share = i === numbers.length - 1 ? left : Math.round(left * rng.range(0.3, 0.7));
        left -= share;
        emit(d, userIndex, feature, share + 1);
      });
    });
  }
  return { usage, firstKeyDay, rows: usage.length / USAGE_STRIDE };
}
