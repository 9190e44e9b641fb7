// Filtering and sorting the portfolio on the client: 'portfolio.overview' sends the whole book (at most a few
// thousand rows), so every filter, sort and keystroke answers at once without a round trip to main. The rows
// already carry every figure; this file only selects and orders them, it computes no metric.
import type { z } from 'zod';
import type { PortfolioRow, Stage, ViewFilters, ViewSort } from '../../../shared/contract';

export type Sort = z.output<typeof ViewSort>;
export type SortColumn = Sort['column'];
export type Filters = ViewFilters;
export type StatusFilter = Filters['statuses'][number];

export const DEFAULT_FILTERS: Filters = {
  search: '',
  stages: [],
  statuses: [],
  owners: [],
  renewalWithinDays: null,
  overdueOnly: false,
  includeChurned: false,
  ageMinDays: null,
  ageMaxDays: null,
  activeWithinDays: null,
  minEvents7: null,
  noTouchpointDays: null,
  activeTrend: null,
  unusedKeyFeaturesOnly: false,
  minOpenTasks: null,
};

/** The behaviour filters (issue #14, point 4), all off: what "Clear filters" puts back besides the others. */
export const NO_BEHAVIOUR_FILTERS = {
  ageMinDays: null,
  ageMaxDays: null,
  activeWithinDays: null,
  minEvents7: null,
  noTouchpointDays: null,
  activeTrend: null,
  unusedKeyFeaturesOnly: false,
  minOpenTasks: null,
} satisfies Partial<Filters>;

/** How many behaviour filters are set (the Behaviour button says it). */
export function behaviourFilterCount(f: Filters): number {
  return (
    Number(f.ageMinDays !== null || f.ageMaxDays !== null) +
    Number(f.activeWithinDays !== null) +
    Number(f.minEvents7 !== null) +
    Number(f.noTouchpointDays !== null) +
    Number(f.activeTrend !== null) +
    Number(f.unusedKeyFeaturesOnly) +
    Number(f.minOpenTasks !== null)
  );
}

/** Whether a row passes the behaviour filters; a figure with no data never passes a bound on it. */
function behaviourKeeps(row: PortfolioRow, f: Filters): boolean {
  const age = row.accountAgeDays;
  if (f.ageMinDays !== null && (age === null || age < f.ageMinDays)) return false;
  if (f.ageMaxDays !== null && (age === null || age > f.ageMaxDays)) return false;
  // Active within N days: the last active day is one of the N days ending on the as-of date.
  if (f.activeWithinDays !== null && (row.daysSinceActive === null || row.daysSinceActive >= f.activeWithinDays)) return false;
  if (f.minEvents7 !== null && row.events7 < f.minEvents7) return false;
  // No touchpoint in N days: the last one is N or more days old, or there never was one.
  if (f.noTouchpointDays !== null && row.daysSinceTouchpoint !== null && row.daysSinceTouchpoint < f.noTouchpointDays) return false;
  if (f.activeTrend === 'down' && !(row.activeUserTrend !== null && row.activeUserTrend < 0)) return false;
  if (f.activeTrend === 'up' && !(row.activeUserTrend !== null && row.activeUserTrend > 0)) return false;
  if (f.unusedKeyFeaturesOnly && row.unusedKeyFeatures === 0) return false;
  if (f.minOpenTasks !== null && (row.openTasks === null || row.openTasks < f.minOpenTasks)) return false;
  return true;
}
export const DEFAULT_SORT: Sort = { column: 'name', direction: 'asc' };

/** The owner filter's value for accounts nobody owns (a saved view stores it like any owner name). */
export const NO_OWNER = '';

// The journey's order, not the alphabet's.
const STAGE_ORDER: Record<Stage, number> = { onboarding: 0, adoption: 1, renewal: 2 };

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function statusOf(row: PortfolioRow): StatusFilter {
  return row.health.status ?? 'no_data';
}

function value(row: PortfolioRow, column: SortColumn): string | number | null {
  switch (column) {
    case 'name':
      return row.name;
    case 'owner':
      return row.owner;
    case 'stage':
      return row.stage === null ? null : STAGE_ORDER[row.stage];
    case 'health':
      return row.health.score;
    case 'delta30':
      return row.delta30;
    case 'arr':
      // Amounts in different currencies are compared as numbers: no exchange rate is known offline.
      return row.arr;
    case 'renewalDate':
      return row.renewalDate;
    case 'licenseUtilization':
      return row.licenseUtilization;
    case 'lastQbrDate':
      return row.lastQbrDate;
    case 'overdueMilestones':
      return row.overdueMilestones;
    case 'timeInStageDays':
      return row.timeInStageDays;
    case 'daysSinceTouchpoint':
      return row.daysSinceTouchpoint;
    case 'lastActiveDate':
      return row.lastActiveDate;
    case 'activeUserTrend':
      return row.activeUserTrend;
    case 'events7':
      return row.events7;
    case 'accountAgeDays':
      return row.accountAgeDays;
    case 'unusedKeyFeatures':
      return row.unusedKeyFeatures;
    case 'openTasks':
      return row.openTasks;
  }
}

function compareValues(x: string | number, y: string | number): number {
  if (typeof x === 'string' && typeof y === 'string') return collator.compare(x, y);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A sorted copy; rows missing the value go last in either direction (a "no data" is never the best or worst). */
export function sortRows(rows: readonly PortfolioRow[], sort: Sort): PortfolioRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.column);
    const y = value(b, sort.column);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else {
      const order = compareValues(x, y);
      if (order !== 0) return order * sign;
    }
    return collator.compare(a.name, b.name) || a.id - b.id;
  });
}

/** The rows the filters keep. Renewal "within N days" matches the KPI: from today through N − 1 days after. */
export function filterRows(rows: readonly PortfolioRow[], filters: Filters): PortfolioRow[] {
  const needle = filters.search.trim().toLocaleLowerCase();
  const stages = new Set<string>(filters.stages);
  const statuses = new Set<string>(filters.statuses);
  const owners = new Set(filters.owners);
  const within = filters.renewalWithinDays;
  return rows.filter((row) => {
    if (row.churned && !filters.includeChurned) return false;
    if (stages.size > 0 && (row.stage === null || !stages.has(row.stage))) return false;
    if (statuses.size > 0 && !statuses.has(statusOf(row))) return false;
    if (owners.size > 0 && !owners.has(row.owner ?? NO_OWNER)) return false;
    if (within !== null && (row.daysToRenewal === null || row.daysToRenewal < 0 || row.daysToRenewal >= within)) return false;
    if (filters.overdueOnly && row.overdueMilestones === 0) return false;
    if (!behaviourKeeps(row, filters)) return false;
    if (needle && ![row.name, row.owner, row.industry].some((field) => field?.toLocaleLowerCase().includes(needle))) return false;
    return true;
  });
}

/** Whether any filter narrows the book (the search included); "include churned" widens it, so it does not count. */
export function isFiltered(filters: Filters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.stages.length > 0 ||
    filters.statuses.length > 0 ||
    filters.owners.length > 0 ||
    filters.renewalWithinDays !== null ||
    filters.overdueOnly ||
    behaviourFilterCount(filters) > 0
  );
}

/** Distinct owners in name order, for the owner filter. */
export function ownersOf(rows: readonly PortfolioRow[]): string[] {
  const names = new Set<string>();
  for (const row of rows) names.add(row.owner ?? NO_OWNER);
  return [...names].sort((a, b) => (a === NO_OWNER ? 1 : b === NO_OWNER ? -1 : collator.compare(a, b)));
}

/** Same filters and sort, whatever the order of the chosen values: tells whether a saved view is the one on screen. */
export function sameView(a: { filters: Filters; sort: Sort }, b: { filters: Filters; sort: Sort }): boolean {
  // A fixed field order, so two objects built in different ways compare equal.
  const norm = (f: Filters) =>
    JSON.stringify([
      f.search.trim(),
      [...f.stages].sort(),
      [...f.statuses].sort(),
      [...f.owners].sort(),
      f.renewalWithinDays,
      f.overdueOnly,
      f.includeChurned,
      f.ageMinDays,
      f.ageMaxDays,
      f.activeWithinDays,
      f.minEvents7,
      f.noTouchpointDays,
      f.activeTrend,
      f.unusedKeyFeaturesOnly,
      f.minOpenTasks,
    ]);
  return norm(a.filters) === norm(b.filters) && a.sort.column === b.sort.column && a.sort.direction === b.sort.direction;
}
