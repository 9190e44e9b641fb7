// Breadth and depth family (docs/METRICS.md, "is the customer getting value?"): feature adoption, breadth over key
// features, time to first key action, engagement score, exposure across roles and departments, campaign uplift.
import { inWindow, lastDays, type DayWindow, type EntitlementInfo, type FeatureInfo, type UsageRow, type UserInfo } from './inputs';
import type { MetricsSettings } from './settings';
import { median, percentileRank } from './stats';
import { activeUsers, type UserCadence } from './usage';

/** Feature adoption (depth) of X = users who used X in P ÷ active users in P (seed 002); null with no active user. */
export function featureAdoption(rows: readonly UsageRow[], w: DayWindow, featureIds: readonly number[]): Map<number, number | null> {
  const active = activeUsers(rows, w).size;
  const users = new Map<number, Set<number>>();
  for (const r of rows) {
    if (r.events <= 0 || r.featureId === 0 || !inWindow(r.day, w)) continue;
    let s = users.get(r.featureId);
    if (!s) users.set(r.featureId, (s = new Set()));
    s.add(r.userId);
  }
  return new Map(featureIds.map((f) => [f, active > 0 ? (users.get(f)?.size ?? 0) / active : null]));
}

/**
 * Features available to an account. With no entitlements on record (most CRM exports carry none): every feature.
 * With some (an accounts file's Features column, an entitlements file): the features it is entitled to, plus
 * every feature the catalogue does not mark paid (the product's core comes with any plan).
 */
export function availableFeatures(features: readonly FeatureInfo[], entitlements: readonly EntitlementInfo[]): FeatureInfo[] {
  if (entitlements.length === 0) return [...features];
  const entitled = new Set(entitlements.map((e) => e.featureId));
  return features.filter((f) => entitled.has(f.id) || !f.isPaid);
}

/** Key features enabled for an account: the available ones marked key (breadth's denominator). */
export function enabledKeyFeatures(features: readonly FeatureInfo[], entitlements: readonly EntitlementInfo[]): FeatureInfo[] {
  return availableFeatures(features, entitlements).filter((f) => f.isKey);
}

/**
 * Features the account pays for: its entitlements marked paid when it has any on record, else the catalogue's
 * paid features (the default). An unused one is a downgrade risk.
 */
export function paidFeatures(features: readonly FeatureInfo[], entitlements: readonly EntitlementInfo[]): FeatureInfo[] {
  if (entitlements.length === 0) return features.filter((f) => f.isPaid);
  const paid = new Set(entitlements.filter((e) => e.paid).map((e) => e.featureId));
  return features.filter((f) => paid.has(f.id));
}

export interface Breadth {
  usedKeyFeatureIds: number[];
  enabledKeyFeatures: number;
  ratio: number | null;
}

/** Breadth = key features used by the account in P ÷ key features enabled ("3 of 4 key features", seeds 000, 004). */
export function breadth(rows: readonly UsageRow[], w: DayWindow, enabledKeyIds: readonly number[]): Breadth {
  const enabled = new Set(enabledKeyIds);
  const used = new Set<number>();
  for (const r of rows) if (r.events > 0 && enabled.has(r.featureId) && inWindow(r.day, w)) used.add(r.featureId);
  return {
    usedKeyFeatureIds: [...used].sort((a, b) => a - b),
    enabledKeyFeatures: enabled.size,
    ratio: enabled.size > 0 ? used.size / enabled.size : null,
  };
}

/**
 * Time to first key action (seed 002): per user, first use of a key feature − the user's first event, in days;
 * per account, the median over users who have taken one. Null when nobody has.
 */
export function timeToFirstKeyAction(
  rows: readonly UsageRow[],
  asOfDay: number,
  keyFeatureIds: ReadonlySet<number>,
): { perUser: Map<number, number>; medianDays: number | null } {
  const first = new Map<number, number>();
  const firstKey = new Map<number, number>();
  for (const r of rows) {
    if (r.events <= 0 || r.day > asOfDay) continue;
    if (r.day < (first.get(r.userId) ?? Infinity)) first.set(r.userId, r.day);
    if (keyFeatureIds.has(r.featureId) && r.day < (firstKey.get(r.userId) ?? Infinity)) firstKey.set(r.userId, r.day);
  }
  const perUser = new Map<number, number>();
  for (const [user, day] of firstKey) perUser.set(user, day - (first.get(user) ?? day));
  return { perUser, medianDays: median([...perUser.values()]) };
}

/** A user's raw engagement in P: active days, minutes, distinct features (feature 0 = "no feature" is not one). */
export interface EngagementRaw {
  userId: number;
  activeDays: number;
  minutes: number;
  features: number;
}

export function engagementRaw(rows: readonly UsageRow[], w: DayWindow): EngagementRaw[] {
  const acc = new Map<number, { days: Set<number>; minutes: number; features: Set<number> }>();
  for (const r of rows) {
    if (r.events <= 0 || !inWindow(r.day, w)) continue;
    let a = acc.get(r.userId);
    if (!a) acc.set(r.userId, (a = { days: new Set(), minutes: 0, features: new Set() }));
    a.days.add(r.day);
    a.minutes += r.minutes;
    if (r.featureId !== 0) a.features.add(r.featureId);
  }
  return [...acc].map(([userId, a]) => ({ userId, activeDays: a.days.size, minutes: a.minutes, features: a.features.size }));
}

/** The portfolio's active users' raw values, each sorted ascending: the scale every engagement score uses. */
export interface EngagementScale {
  activeDays: number[];
  minutes: number[];
  features: number[];
}

export function engagementScale(raws: readonly EngagementRaw[]): EngagementScale {
  const sorted = (pick: (r: EngagementRaw) => number) => raws.map(pick).sort((a, b) => a - b);
  return { activeDays: sorted((r) => r.activeDays), minutes: sorted((r) => r.minutes), features: sorted((r) => r.features) };
}

/**
 * Engagement score (seed 000), 0–100 per user: frequency, time spent and features used, each scaled by its
 * percentile rank across the portfolio's active users, weighted by the settings. A zero scores 0 (no activity
 * earns nothing, even when many users share it).
 */
export function userEngagementScore(raw: EngagementRaw, scale: EngagementScale, weights: MetricsSettings['engagementWeights']): number {
  const pct = (x: number, s: number[]) => (x <= 0 ? 0 : (percentileRank(x, s) ?? 0));
  const total = weights.frequency + weights.time + weights.features;
  if (total <= 0) return 0;
  return (
    (weights.frequency * pct(raw.activeDays, scale.activeDays) +
      weights.time * pct(raw.minutes, scale.minutes) +
      weights.features * pct(raw.features, scale.features)) /
    total
  );
}

/** Per account: the mean of its active users' scores in P; null when nobody was active. */
export function accountEngagementScore(
  raws: readonly EngagementRaw[],
  scale: EngagementScale,
  weights: MetricsSettings['engagementWeights'],
): number | null {
  if (raws.length === 0) return null;
  return raws.reduce((s, r) => s + userEngagementScore(r, scale, weights), 0) / raws.length;
}

export interface Coverage {
  name: string;
  users: number;
  covered: boolean;
}

export interface Exposure {
  roles: Coverage[];
  departments: Coverage[];
  covered: number;
  total: number;
  share: number | null;
}

/** The users grouped by role or department, each group covered when one of its users meets cadence. */
function coverage(
  users: readonly Pick<UserInfo, 'id' | 'role' | 'department'>[],
  meets: ReadonlySet<number>,
  key: 'role' | 'department',
  sorted: boolean,
): Coverage[] {
  const m = new Map<string, Coverage>();
  for (const u of users) {
    const k = u[key];
    if (k === null || k === '') continue;
    const c = m.get(k) ?? { name: k, users: 0, covered: false };
    c.users += 1;
    c.covered ||= meets.has(u.id);
    m.set(k, c);
  }
  const groups = [...m.values()];
  return sorted ? groups.sort((a, b) => a.name.localeCompare(b.name)) : groups;
}

/**
 * Exposure, or executive-level adoption (seed 004): of the roles (end user, manager, executive, admin) and the
 * departments the account's users belong to, the share that has at least one user meeting cadence.
 */
export function exposure(
  users: readonly Pick<UserInfo, 'id' | 'role' | 'department'>[],
  cadences: readonly UserCadence[],
  /** false: the roles and departments in first-seen order (the share alone does not depend on it). */
  sorted = true,
): Exposure {
  const meets = new Set(cadences.filter((c) => c.meets).map((c) => c.userId));
  const roles = coverage(users, meets, 'role', sorted);
  const departments = coverage(users, meets, 'department', sorted);
  const all = [...roles, ...departments];
  const covered = all.filter((c) => c.covered).length;
  return { roles, departments, covered, total: all.length, share: all.length > 0 ? covered / all.length : null };
}

/** Each user's groups for exposureShare: role and department as group numbers (-1: none), and how many groups. */
interface UserGroups {
  groups: Map<number, readonly [number, number]>;
  total: number;
}

/** Per users array: a backfill passes the same array for every day until the account's records change. */
const groupsCache = new WeakMap<readonly object[], UserGroups>();

function userGroups(users: readonly Pick<UserInfo, 'id' | 'role' | 'department'>[]): UserGroups {
  const cached = groupsCache.get(users);
  if (cached) return cached;
  const roles = new Map<string, number>();
  const departments = new Map<string, number>();
  const number = (m: Map<string, number>, k: string | null) => {
    if (k === null || k === '') return -1;
    let g = m.get(k);
    if (g === undefined) m.set(k, (g = m.size));
    return g;
  };
  const byUser = new Map<number, readonly [number, number]>();
  for (const u of users) byUser.set(u.id, [number(roles, u.role), number(departments, u.department)]);
  // Departments are numbered after the roles.
  for (const [id, [r, d]] of byUser) if (d >= 0) byUser.set(id, [r, roles.size + d]);
  const result = { groups: byUser, total: roles.size + departments.size };
  groupsCache.set(users, result);
  return result;
}

/**
 * exposure(users, cadences).share alone, from the ids of the users meeting cadence (usersMeetingCadence), without
 * building the groups each day (the backfill scores 365 days per account): a group is a distinct non-empty role or
 * department, covered when one of its users meets cadence.
 */
export function exposureShare(users: readonly Pick<UserInfo, 'id' | 'role' | 'department'>[], meetingIds: readonly number[]): number | null {
  const { groups, total } = userGroups(users);
  if (total === 0) return null;
  const covered = new Uint8Array(total);
  let count = 0;
  for (const id of meetingIds) {
    const g = groups.get(id);
    if (g === undefined) continue;
    for (const x of g) if (x >= 0 && covered[x] === 0) {
      covered[x] = 1;
      count++;
    }
  }
  return count / total;
}

export interface ExecutiveActivity {
  userId: number;
  activeDays30: number;
  /** Of the last 4 weeks (D−6…D, D−13…D−7, …), how many had a login: "executives' weekly logins" (seed 004). */
  weeksActive: number;
}

export function executiveActivity(
  executives: readonly Pick<UserInfo, 'id'>[],
  rows: readonly UsageRow[],
  asOfDay: number,
): ExecutiveActivity[] {
  const w = lastDays(asOfDay, 30);
  const month = lastDays(asOfDay, 28);
  return executives.map((u) => {
    const days = new Set<number>();
    const weeks = new Set<number>();
    for (const r of rows) {
      if (r.userId !== u.id || r.events <= 0) continue;
      if (inWindow(r.day, w)) days.add(r.day);
      if (inWindow(r.day, month)) weeks.add(Math.floor((asOfDay - r.day) / 7));
    }
    return { userId: u.id, activeDays30: days.size, weeksActive: weeks.size };
  });
}

export interface CampaignUplift {
  before: number;
  after: number;
  /** after ÷ before; null when the 30 days after have not all passed, or nothing was used before. */
  uplift: number | null;
  complete: boolean;
}

/**
 * Campaign uplift (seed 000): events on the feature (all events when none is named) in the 30 days from the
 * launch date ÷ the 30 days before it.
 */
export function campaignUplift(rows: readonly UsageRow[], featureId: number | null, launchDay: number, asOfDay: number): CampaignUplift {
  const before = { from: launchDay - 30, to: launchDay - 1 };
  const after = { from: launchDay, to: Math.min(launchDay + 29, asOfDay) };
  let b = 0;
  let a = 0;
  for (const r of rows) {
    if (featureId !== null && r.featureId !== featureId) continue;
    if (inWindow(r.day, before)) b += r.events;
    else if (inWindow(r.day, after)) a += r.events;
  }
  const complete = launchDay + 29 <= asOfDay;
  return { before: b, after: a, uplift: complete && b > 0 ? a / b : null, complete };
}
