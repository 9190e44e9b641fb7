// The portfolio's columns on a narrow table (issue #16, point 3): whole columns drop, least needed first, instead of
// every column squeezing until "Renewal" runs into "Utilization". Widths are the columns' minimums added by hand:
// Account 190, Health 150, Stage 150, ARR 105, Renewal 115, Utilization 120, Last QBR 115, Overdue 105 (1,050), then
// Open tasks 115, then the behaviour columns (issue #14, point 4), least needed: Last touch 115, Last active 150,
// Events 7d 115, Age 130 (1,675 in all).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY, fitColumns, promote } from '../../../src/renderer/src/portfolio/table-columns';

const ids = (width: number, priority = DEFAULT_PRIORITY) => fitColumns(width, priority).shown.map((s) => s.column.id);

describe('fitColumns', () => {
  it('shows every column when they all fit, or before the table is measured', () => {
    const all = [
      'name', 'health', 'stage', 'arr', 'renewalDate', 'licenseUtilization', 'lastQbrDate', 'overdueMilestones', 'openTasks',
      'lastActiveDate', 'events7', 'daysSinceTouchpoint', 'accountAgeDays',
    ];
    expect(ids(1675)).toEqual(all);
    expect(ids(0)).toEqual(all);
    expect(fitColumns(1675).hidden).toEqual([]);
    // 1,050 + Open tasks 115 = 1,165: the behaviour columns go before it.
    expect(fitColumns(1165).hidden.map((c) => c.id)).toEqual(['daysSinceTouchpoint', 'lastActiveDate', 'events7', 'accountAgeDays']);
    // + Last touch 115 = 1,280: the touchpoint's is the last behaviour column to go.
    expect(fitColumns(1280).hidden.map((c) => c.id)).toEqual(['lastActiveDate', 'events7', 'accountAgeDays']);
  });

  it('drops the least needed columns first and keeps screen order', () => {
    // 190+150+115+105+150+120 = 830; Overdue would make 935.
    expect(ids(926)).toEqual(['name', 'health', 'stage', 'arr', 'renewalDate', 'licenseUtilization']);
    expect(fitColumns(926).hidden.map((c) => c.id)).toEqual([
      'overdueMilestones', 'lastQbrDate', 'openTasks', 'daysSinceTouchpoint', 'lastActiveDate', 'events7', 'accountAgeDays',
    ]);
    // 190+150+115 = 455; ARR would make 560.
    expect(ids(500)).toEqual(['name', 'health', 'renewalDate']);
  });

  it('never shows a less needed column in place of a more needed one that does not fit', () => {
    // 190+150+115 = 455 leaves 100: ARR (105) does not fit, so nothing after it shows either.
    expect(ids(555)).toEqual(['name', 'health', 'renewalDate']);
  });

  it('keeps the account name however narrow the table', () => {
    expect(ids(120)).toEqual(['name']);
  });

  it('shares the whole width in proportion to the minimums', () => {
    const shown = fitColumns(500).shown;
    expect(shown.map((s) => Math.round(s.percent * 10) / 10)).toEqual([41.8, 33, 25.3]);
    expect(shown.reduce((sum, s) => sum + s.percent, 0)).toBeCloseTo(100);
  });
});

describe('promote', () => {
  it('moves a column right after the name, so it shows in place of the least needed one', () => {
    const priority = promote(DEFAULT_PRIORITY, 'lastQbrDate');
    expect(priority).toEqual([
      'name', 'lastQbrDate', 'health', 'renewalDate', 'arr', 'stage', 'licenseUtilization', 'overdueMilestones', 'openTasks',
      'daysSinceTouchpoint', 'lastActiveDate', 'events7', 'accountAgeDays',
    ]);
    // 190+115+150+115+105+150 = 825; Utilization would make 945.
    expect(ids(926, priority)).toEqual(['name', 'health', 'stage', 'arr', 'renewalDate', 'lastQbrDate']);
  });
});
