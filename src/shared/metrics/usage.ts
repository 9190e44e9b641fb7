// Usage family (docs/METRICS.md, "Usage: is the customer using the product?"). Every function reads daily rollup rows
// of one account and windows that end at the as-of day D, D included; no clock, no SQL.
import { inWindow, lastDays, type DayWindow, type UsageRow, type UserInfo } from './inputs';
import { CADENCES, type Cadence, type MetricsSettings } from './settings';
import { mean, ratio } from './stats';

/** Active user in P: a known user with at least one event in P (seed: all). */
export function activeUsers(rows: readonly UsageRow[], w: DayWindow): Set<number> {
  const users = new Set<number>();
  for (const r of rows) if (r.events > 0 && inWindow(r.day, w)) users.add(r.userId);
  return users;
}

/** DAU / WAU / MAU: distinct active users on D / in the trailing 7 / 30 days (seeds 000, 003). */
export function dau(rows: readonly UsageRow[], asOfDay: number): number {
  return activeUsers(rows, lastDays(asOfDay, 1)).size;
}
export function wau(rows: readonly UsageRow[], asOfDay: number): number {
  return activeUsers(rows, lastDays(asOfDay, 7)).size;
}
export function mau(rows: readonly UsageRow[], asOfDay: number): number {
  return activeUsers(rows, lastDays(asOfDay, 30)).size;
}

/** Distinct active users on each day of the window, in day order (days without events count 0). */
function dailyActiveCounts(rows: readonly UsageRow[], w: DayWindow): number[] {
  const perDay = new Map<number, Set<number>>();
  for (const r of rows) {
    if (r.events <= 0 || !inWindow(r.day, w)) continue;
    let s = perDay.get(r.day);
    if (!s) perDay.set(r.day, (s = new Set()));
    s.add(r.userId);
  }
  const counts: number[] = [];
  for (let d = w.from; d <= w.to; d++) counts.push(perDay.get(d)?.size ?? 0);
  return counts;
}

/** Mean DAU over the last 30 days: the numerator of stickiness and of daily utilization. */
export function meanDau(rows: readonly UsageRow[], asOfDay: number, days = 30): number {
  return mean(dailyActiveCounts(rows, lastDays(asOfDay, days))) ?? 0;
}

/** Stickiness = mean DAU over the last 30 days ÷ MAU (seed 003, "daily, weekly or monthly login"). */
export function stickiness(meanDailyActive: number | null, monthlyActive: number | null): number | null {
  return ratio(meanDailyActive, monthlyActive);
}

/** License utilization = MAU ÷ licenses purchased (seed 000). */
export function licenseUtilization(monthlyActive: number | null, licenses: number | null): number | null {
  return ratio(monthlyActive, licenses);
}

/** Unused seats = licenses − MAU, never below 0 (seed 000). */
export function unusedLicenses(monthlyActive: number | null, licenses: number | null): number | null {
  if (monthlyActive === null || licenses === null || licenses <= 0) return null;
  return Math.max(0, licenses - monthlyActive);
}

/** Daily utilization = mean DAU ÷ licenses (seed 000). */
export function dailyUtilization(meanDailyActive: number | null, licenses: number | null): number | null {
  return ratio(meanDailyActive, licenses);
}

/** Distinct active days per user in the window. */
export function activeDaysByUser(rows: readonly UsageRow[], w: DayWindow): Map<number, number> {
  const days = new Map<number, Set<number>>();
  for (const r of rows) {
    if (r.events <= 0 || !inWindow(r.day, w)) continue;
    let s = days.get(r.userId);
    if (!s) days.set(r.userId, (s = new Set()));
    s.add(r.day);
  }
  return new Map([...days].map(([u, s]) => [u, s.size]));
}

/** Eligible users for the adoption rate (seed 001): the known users, or the licenses purchased (setting). */
export function eligibleUsers(definition: MetricsSettings['eligibleUsers'], knownUsers: number, licenses: number | null): number | null {
  if (definition === 'licenses') return licenses !== null && licenses > 0 ? licenses : null;
  return knownUsers > 0 ? knownUsers : null;
}

/** Adoption rate (active) = active users in P ÷ eligible users (seed 001). */
export function adoptionRateActive(active: number | null, eligible: number | null): number | null {
  return ratio(active, eligible);
}

/**
 * Adopted users (seed 002): active on at least minActiveDays distinct days of the window and, by default, a user
 * of at least one key feature in it.
 */
export function adoptedUsers(
  rows: readonly UsageRow[],
  w: DayWindow,
  keyFeatureIds: ReadonlySet<number>,
  definition: MetricsSettings['adoptedUser'],
): Set<number> {
  const days = activeDaysByUser(rows, w);
  const keyUsers = new Set<number>();
  for (const r of rows) if (r.events > 0 && inWindow(r.day, w) && keyFeatureIds.has(r.featureId)) keyUsers.add(r.userId);
  const adopted = new Set<number>();
  for (const [user, n] of days) {
    if (n >= definition.minActiveDays && (!definition.requireKeyFeature || keyUsers.has(user))) adopted.add(user);
  }
  return adopted;
}

/** Adoption rate (adopted) = adopted users ÷ total users, for any period (seed 002). */
export function adoptionRateAdopted(adopted: number | null, totalUsers: number | null): number | null {
  return ratio(adopted, totalUsers);
}

/**
 * Adopted account (seed 002): onboarding milestone achieved and, on average, at least 75 % of its users active
 * each day (mean DAU ÷ users). Null when it has no users or no onboarding milestone to judge by.
 */
export function isAdoptedAccount(
  input: { onboardingAchieved: boolean | null; meanDailyActive: number | null; totalUsers: number },
  definition: MetricsSettings['adoptedAccount'],
): boolean | null {
  const share = ratio(input.meanDailyActive, input.totalUsers);
  if (share === null || input.onboardingAchieved === null) return null;
  return input.onboardingAchieved && share >= definition.minDailyActiveShare;
}

/** Usage cadence (seed 003) from active days in the last 30: daily, weekly, monthly (≥ 1) or dormant. */
export function cadenceOf(activeDaysIn30: number, thresholds: MetricsSettings['cadenceDays']): Cadence {
  if (activeDaysIn30 >= thresholds.daily) return 'daily';
  if (activeDaysIn30 >= thresholds.weekly) return 'weekly';
  if (activeDaysIn30 >= 1) return 'monthly';
  return 'dormant';
}

/** A user meets cadence when at or above the role's expected one: a weekly payroll admin is fine. */
export function meetsCadence(actual: Cadence, expected: Cadence): boolean {
  return CADENCES.indexOf(actual) >= CADENCES.indexOf(expected);
}

export interface UserCadence {
  userId: number;
  activeDays: number;
  cadence: Cadence;
  expected: Cadence;
  meets: boolean;
}

export function userCadences(
  users: readonly Pick<UserInfo, 'id' | 'role'>[],
  activeDaysIn30: ReadonlyMap<number, number>,
  settings: Pick<MetricsSettings, 'cadenceDays' | 'roleCadence'>,
): UserCadence[] {
  return users.map((u) => {
    const activeDays = activeDaysIn30.get(u.id) ?? 0;
    const cadence = cadenceOf(activeDays, settings.cadenceDays);
    const expected = settings.roleCadence[u.role];
    return { userId: u.id, activeDays, cadence, expected, meets: meetsCadence(cadence, expected) };
  });
}

/**
 * Per account (its users array), the backfill's answer sheet for who meets cadence: each user's id and a table of
 * whether n active days in 30 meet their role's cadence, n = 0…31 (a window of 30 days has at most 30). The same
 * answer as meetsCadence(cadenceOf(n)) read from a table: the backfill asks it for every user on every day of a
 * year, and reading a user's table by position costs a third of looking up their role's each day. A sheet remembers
 * the thresholds and each role's expectation it was built for, so a settings object changed in place is never
 * answered from a stale sheet; a users array is not changed in place (the bundles' arrays are read-only).
 */
interface MeetsSheet {
  daily: number;
  weekly: number;
  /** The distinct roles of the users, and the cadence each was expected to meet when the sheet was built. */
  roles: UserInfo['role'][];
  expected: Cadence[];
  ids: number[];
  tables: Uint8Array[];
}
const meetsSheets = new WeakMap<readonly object[], MeetsSheet>();

/** Whether each of the sheet's roles is still expected to meet the cadence it was built for (a loop: asked daily). */
function expectsTheSame(sheet: MeetsSheet, roleCadence: MetricsSettings['roleCadence']): boolean {
  for (let i = 0; i < sheet.roles.length; i++) if (roleCadence[sheet.roles[i]] !== sheet.expected[i]) return false;
  return true;
}

/** The users' sheet under these settings, built again when the thresholds or a role's expectation changed. */
function meetsSheetOf(users: readonly Pick<UserInfo, 'id' | 'role'>[], settings: Pick<MetricsSettings, 'cadenceDays' | 'roleCadence'>): MeetsSheet {
  const { daily, weekly } = settings.cadenceDays;
  const sheet = meetsSheets.get(users);
  if (sheet !== undefined && sheet.daily === daily && sheet.weekly === weekly && expectsTheSame(sheet, settings.roleCadence)) return sheet;
  const byRole = new Map<UserInfo['role'], Uint8Array>();
  const built: MeetsSheet = { daily, weekly, roles: [], expected: [], ids: [], tables: [] };
  for (const u of users) {
    let table = byRole.get(u.role);
    if (table === undefined) {
      const expected = settings.roleCadence[u.role];
      table = new Uint8Array(32);
      for (let n = 0; n < table.length; n++) table[n] = meetsCadence(cadenceOf(n, settings.cadenceDays), expected) ? 1 : 0;
      byRole.set(u.role, table);
      built.roles.push(u.role);
      built.expected.push(expected);
    }
    built.ids.push(u.id);
    built.tables.push(table);
  }
  meetsSheets.set(users, built);
  return built;
}

/** The ids of the users who meet their role's cadence: userCadences' `meets` alone, without an object per user. */
export function usersMeetingCadence(
  users: readonly Pick<UserInfo, 'id' | 'role'>[],
  activeDaysIn30: ReadonlyMap<number, number>,
  settings: Pick<MetricsSettings, 'cadenceDays' | 'roleCadence'>,
): number[] {
  const { ids, tables } = meetsSheetOf(users, settings);
  const meeting: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const n = activeDaysIn30.get(ids[i]) ?? 0;
    if (n < 32 ? tables[i][n] === 1 : meetsCadence(cadenceOf(n, settings.cadenceDays), settings.roleCadence[users[i].role])) meeting.push(ids[i]);
  }
  return meeting;
}

export interface UsageMetrics {
  dau: number | null;
  wau: number | null;
  mau: number | null;
  meanDau: number | null;
  stickiness: number | null;
  licenseUtilization: number | null;
  unusedLicenses: number | null;
  dailyUtilization: number | null;
  eligibleUsers: number | null;
  adoptionRateActive: number | null;
  adoptedUserIds: number[];
  adoptionRateAdopted: number | null;
  cadences: UserCadence[];
}

/**
 * The usage family for one account as of D. An account with no usage on or before D has no usage data: every
 * count is null (not 0), because nothing says its users were idle rather than not yet imported.
 */
export function usageMetrics(input: {
  rows: readonly UsageRow[];
  users: readonly UserInfo[];
  licenses: number | null;
  keyFeatureIds: ReadonlySet<number>;
  asOfDay: number;
  settings: MetricsSettings;
}): UsageMetrics {
  const { rows, users, licenses, keyFeatureIds, asOfDay: d, settings } = input;
  const hasUsage = rows.some((r) => r.day <= d && r.events > 0);
  if (!hasUsage) {
    return {
      dau: null, wau: null, mau: null, meanDau: null, stickiness: null, licenseUtilization: null,
      unusedLicenses: null, dailyUtilization: null, eligibleUsers: eligibleUsers(settings.eligibleUsers, users.length, licenses),
      adoptionRateActive: null, adoptedUserIds: [], adoptionRateAdopted: null, cadences: [],
    };
  }
  const monthly = mau(rows, d);
  const daily = meanDau(rows, d);
  const eligible = eligibleUsers(settings.eligibleUsers, users.length, licenses);
  const adopted = adoptedUsers(rows, lastDays(d, settings.adoptedUser.windowDays), keyFeatureIds, settings.adoptedUser);
  return {
    dau: dau(rows, d),
    wau: wau(rows, d),
    mau: monthly,
    meanDau: daily,
    stickiness: stickiness(daily, monthly),
    licenseUtilization: licenseUtilization(monthly, licenses),
    unusedLicenses: unusedLicenses(monthly, licenses),
    dailyUtilization: dailyUtilization(daily, licenses),
    eligibleUsers: eligible,
    adoptionRateActive: adoptionRateActive(monthly, eligible),
    adoptedUserIds: [...adopted].sort((a, b) => a - b),
    adoptionRateAdopted: adoptionRateAdopted(adopted.size, users.length > 0 ? users.length : null),
    cadences: userCadences(users, activeDaysByUser(rows, lastDays(d, 30)), settings),
  };
}
