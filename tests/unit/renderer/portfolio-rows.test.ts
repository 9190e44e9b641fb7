import { describe, expect, it } from 'vitest';
import type { PortfolioRow } from '../../../src/shared/contract';
import { DEFAULT_FILTERS, filterRows, isFiltered, ownersOf, sameView, sortRows } from '../../../src/renderer/src/portfolio/portfolio-rows';

let nextId = 1;
function row(name: string, fields: Partial<PortfolioRow> = {}): PortfolioRow {
  return {
    id: nextId++,
    name,
    owner: null,
    industry: null,
    stage: 'adoption',
    stageOverridden: false,
    stageStartedOn: null,
    timeInStageDays: null,
    churned: false,
    arr: null,
    currency: 'USD',
    licenses: null,
    contractStart: null,
    renewalDate: null,
    daysToRenewal: null,
    renewalPassedDays: null,
    health: { score: null, status: null, scoreStatus: null },
    trend: [],
    previous30: null,
    delta30: null,
    licenseUtilization: null,
    lastQbrDate: null,
    qbrOverdue: null,
    overdueMilestones: 0,
    earlyWarnings: [],
    renewalPassedWithoutOutcome: false,
    isDemo: false,
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
    openTasks: 0,
    ...fields,
  };
}

const book = [
  row('Beta', { arr: 500, stage: 'renewal', owner: 'Priya', daysToRenewal: 30, health: { score: 35, status: 'red', scoreStatus: 'red' } }),
  row('alpha', { arr: 1000, stage: 'onboarding', owner: 'Dana', daysToRenewal: 300, health: { score: 80, status: 'green', scoreStatus: 'green' }, overdueMilestones: 2 }),
  row('Gamma', { arr: 500, stage: 'adoption', industry: 'Retail', daysToRenewal: 89, health: { score: 55, status: 'yellow', scoreStatus: 'yellow' } }),
  row('Delta 10', { churned: true, stage: null, daysToRenewal: -20, health: { score: 10, status: 'red', scoreStatus: 'red' } }),
  row('Delta 9', { daysToRenewal: 90 }),
];
const names = (rows: PortfolioRow[]) => rows.map((r) => r.name);

describe('sortRows', () => {
  it('sorts names without regard to case, numbers by value', () => {
    expect(names(sortRows(book, { column: 'name', direction: 'asc' }))).toEqual(['alpha', 'Beta', 'Delta 9', 'Delta 10', 'Gamma']);
  });

  it('puts missing values last in both directions and breaks ties by name', () => {
    expect(names(sortRows(book, { column: 'health', direction: 'desc' }))).toEqual(['alpha', 'Gamma', 'Beta', 'Delta 10', 'Delta 9']);
    expect(names(sortRows(book, { column: 'health', direction: 'asc' }))).toEqual(['Delta 10', 'Beta', 'Gamma', 'alpha', 'Delta 9']);
    expect(names(sortRows(book, { column: 'arr', direction: 'asc' }))).toEqual(['Beta', 'Gamma', 'alpha', 'Delta 9', 'Delta 10']);
  });

  it('orders stages along the journey, not the alphabet', () => {
    expect(sortRows(book, { column: 'stage', direction: 'asc' }).map((r) => r.stage)).toEqual([
      'onboarding',
      'adoption',
      'adoption',
      'renewal',
      null,
    ]);
  });
});

describe('filterRows', () => {
  it('hides churned accounts unless asked, and matches name, owner and industry', () => {
    expect(names(filterRows(book, DEFAULT_FILTERS))).not.toContain('Delta 10');
    expect(names(filterRows(book, { ...DEFAULT_FILTERS, includeChurned: true }))).toContain('Delta 10');
    expect(names(filterRows(book, { ...DEFAULT_FILTERS, search: ' dana ' }))).toEqual(['alpha']);
    expect(names(filterRows(book, { ...DEFAULT_FILTERS, search: 'RETAIL' }))).toEqual(['Gamma']);
  });

  it('combines stage, status, owner and overdue filters', () => {
    expect(names(filterRows(book, { ...DEFAULT_FILTERS, stages: ['renewal', 'onboarding'] }))).toEqual(['Beta', 'alpha']);
    expect(names(filterRows(book, { ...DEFAULT_FILTERS, statuses: ['red', 'yellow'] }))).toEqual(['Beta', 'Gamma']);
    expect(names(filterRows(book, { ...DEFAULT_FILTERS, statuses: ['no_data'] }))).toEqual(['Delta 9']);
    expect(names(filterRows(book, { ...DEFAULT_FILTERS, owners: [''] }))).toEqual(['Gamma', 'Delta 9']);
    expect(names(filterRows(book, { ...DEFAULT_FILTERS, overdueOnly: true }))).toEqual(['alpha']);
  });

  it('counts renewals within N days as the KPI does: today through N − 1 days after, passed ones excluded', () => {
    expect(names(filterRows(book, { ...DEFAULT_FILTERS, renewalWithinDays: 90, includeChurned: true }))).toEqual(['Beta', 'Gamma']);
  });
});

describe('helpers', () => {
  it('lists owners with the unowned last', () => {
    expect(ownersOf(book)).toEqual(['Dana', 'Priya', '']);
  });

  it('tells a filtered book and an equal view whatever the order of chosen values', () => {
    expect(isFiltered(DEFAULT_FILTERS)).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, includeChurned: true })).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, search: 'x' })).toBe(true);
    const sort = { column: 'name', direction: 'asc' } as const;
    expect(
      sameView({ filters: { ...DEFAULT_FILTERS, stages: ['renewal', 'adoption'] }, sort }, { filters: { ...DEFAULT_FILTERS, stages: ['adoption', 'renewal'] }, sort }),
    ).toBe(true);
    expect(sameView({ filters: DEFAULT_FILTERS, sort }, { filters: DEFAULT_FILTERS, sort: { ...sort, direction: 'desc' } })).toBe(false);
  });
});
