// The behaviour filters and sorts on the client (issue #14, point 4), on rows carrying the figures of the segments
// book (tests/unit/portfolio-segments.test.ts counts them by hand from its export files).
import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../../src/shared/contract';
import {
  behaviourFilterCount,
  DEFAULT_FILTERS,
  filterRows,
  isFiltered,
  NO_BEHAVIOUR_FILTERS,
  sameView,
  sortRows,
  type Filters,
} from '../../../src/renderer/src/portfolio/portfolio-rows';

let nextId = 1;
type Figures = Pick<PortfolioRow, 'accountAgeDays' | 'daysSinceActive' | 'events7' | 'daysSinceTouchpoint' | 'activeUserTrend' | 'unusedKeyFeatures'> &
  Partial<Pick<PortfolioRow, 'openTasks'>>;
function row(name: string, f: Figures): PortfolioRow {
  return {
    id: nextId++, name, owner: null, industry: null, stage: 'adoption', stageOverridden: false, stageStartedOn: null, timeInStageDays: null,
    churned: false, arr: null, currency: 'USD', licenses: null, contractStart: null, renewalDate: null, daysToRenewal: null,
    renewalPassedDays: null, health: { score: null, status: null, scoreStatus: null }, trend: [], previous30: null, delta30: null, licenseUtilization: null,
    lastQbrDate: null, qbrOverdue: null, overdueMilestones: 0, earlyWarnings: [], renewalPassedWithoutOutcome: false, isDemo: false,
    lastTouchpointDate: null, lastActiveDate: null, activeUsers7: 0, activeUsersPrev7: 0, unusedKeyFeatureNames: [], openTasks: 0,
    ...f,
  };
}

// As of 2026-11-20 (age, days since active, events in 7 days, days since touchpoint, trend, unused key features).
const book = [
  row('Alder Works', { accountAgeDays: 66, daysSinceActive: 0, events7: 12, daysSinceTouchpoint: 61, activeUserTrend: 1, unusedKeyFeatures: 1, openTasks: 3 }),
  row('Birch Labs', { accountAgeDays: 50, daysSinceActive: 0, events7: 11, daysSinceTouchpoint: 15, activeUserTrend: -0.5, unusedKeyFeatures: 0, openTasks: 1 }),
  row('Cedar Co', { accountAgeDays: 309, daysSinceActive: 0, events7: 12, daysSinceTouchpoint: null, activeUserTrend: null, unusedKeyFeatures: 2 }),
  row('Dune Inc', { accountAgeDays: 41, daysSinceActive: 0, events7: 10, daysSinceTouchpoint: null, activeUserTrend: 0, unusedKeyFeatures: 1 }),
  row('Elm Ltd', { accountAgeDays: 80, daysSinceActive: 10, events7: 0, daysSinceTouchpoint: null, activeUserTrend: -1, unusedKeyFeatures: 2 }),
  row('Fir Group', { accountAgeDays: 31, daysSinceActive: null, events7: 0, daysSinceTouchpoint: null, activeUserTrend: null, unusedKeyFeatures: 3 }),
  row('Gorse', { accountAgeDays: null, daysSinceActive: 6, events7: 40, daysSinceTouchpoint: 30, activeUserTrend: null, unusedKeyFeatures: 0, openTasks: 2 }),
];
const names = (rows: PortfolioRow[]) => rows.map((r) => r.name);
const filters = (f: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...f });
const OUTREACH = filters({ ageMinDays: 30, ageMaxDays: 90, activeWithinDays: 7, minEvents7: 11, noTouchpointDays: 30 });

describe('behaviour filters', () => {
  it('keeps the seed’s outreach list: 30–90 days old, active last week, more than 10 events, not contacted in 30 days', () => {
    expect(names(filterRows(book, OUTREACH))).toEqual(['Alder Works']);
  });

  it('applies each bound inclusively, and a figure with no data never passes a bound on it', () => {
    expect(names(filterRows(book, filters({ ageMinDays: 50, ageMaxDays: 80 })))).toEqual(['Alder Works', 'Birch Labs', 'Elm Ltd']);
    // Active within 7 days: 0 … 6 days since the last active day; Gorse (6) in, Elm (10) and Fir (never) out.
    expect(names(filterRows(book, filters({ activeWithinDays: 7 })))).toEqual(['Alder Works', 'Birch Labs', 'Cedar Co', 'Dune Inc', 'Gorse']);
    expect(names(filterRows(book, filters({ activeWithinDays: 1 })))).toEqual(['Alder Works', 'Birch Labs', 'Cedar Co', 'Dune Inc']);
    expect(names(filterRows(book, filters({ minEvents7: 12 })))).toEqual(['Alder Works', 'Cedar Co', 'Gorse']);
    // No touchpoint in 30 days: 30 days ago is outside the 30 days ending today; never contacted counts.
    expect(names(filterRows(book, filters({ noTouchpointDays: 30 })))).toEqual(['Alder Works', 'Cedar Co', 'Dune Inc', 'Elm Ltd', 'Fir Group', 'Gorse']);
    expect(names(filterRows(book, filters({ activeTrend: 'down' })))).toEqual(['Birch Labs', 'Elm Ltd']);
    expect(names(filterRows(book, filters({ activeTrend: 'up' })))).toEqual(['Alder Works']);
    expect(names(filterRows(book, filters({ unusedKeyFeaturesOnly: true })))).toEqual(['Alder Works', 'Cedar Co', 'Dune Inc', 'Elm Ltd', 'Fir Group']);
    // Open tasks: Alder 3, Gorse 2, Birch 1, the rest 0; at least 2 keeps Alder and Gorse.
    expect(names(filterRows(book, filters({ minOpenTasks: 2 })))).toEqual(['Alder Works', 'Gorse']);
    expect(names(filterRows(book, filters({ minOpenTasks: 1 })))).toEqual(['Alder Works', 'Birch Labs', 'Gorse']);
    expect(behaviourFilterCount(filters({ minOpenTasks: 1 }))).toBe(1);
    expect(names(sortRows(book, { column: 'openTasks', direction: 'desc' })).slice(0, 3)).toEqual(['Alder Works', 'Gorse', 'Birch Labs']);
  });

  it('counts as filtering, tells views apart by them and clears with the rest', () => {
    expect(isFiltered(filters({ minEvents7: 0 }))).toBe(true);
    expect(behaviourFilterCount(OUTREACH)).toBe(4); // the age range is one filter
    const sort = { column: 'name', direction: 'asc' } as const;
    expect(sameView({ filters: OUTREACH, sort }, { filters: filters({ ...OUTREACH, minEvents7: 10 }), sort })).toBe(false);
    expect(sameView({ filters: { ...OUTREACH, ...NO_BEHAVIOUR_FILTERS }, sort }, { filters: DEFAULT_FILTERS, sort })).toBe(true);
  });

  it('sorts by the behaviour columns with no data last either way', () => {
    expect(names(sortRows(book, { column: 'accountAgeDays', direction: 'asc' }))).toEqual([
      'Fir Group', 'Dune Inc', 'Birch Labs', 'Alder Works', 'Elm Ltd', 'Cedar Co', 'Gorse',
    ]);
    expect(names(sortRows(book, { column: 'activeUserTrend', direction: 'desc' })).slice(-3)).toEqual(['Cedar Co', 'Fir Group', 'Gorse']);
    expect(names(sortRows(book, { column: 'events7', direction: 'desc' })).slice(0, 2)).toEqual(['Gorse', 'Alder Works']);
    expect(names(sortRows(book, { column: 'daysSinceTouchpoint', direction: 'desc' })).slice(0, 3)).toEqual(['Alder Works', 'Gorse', 'Birch Labs']);
  });
});
