// The portfolio table's columns, each with the narrowest width its header label and its cells read at, and how
// much a CSM needs it. On a narrow window the least needed columns drop out whole instead of squeezing every
// column until labels run into each other (issue #16: "RenewalUtilization" at 1024 px).
import type { SortKey } from './SortHeader';
import type { SortColumn } from './portfolio-rows';

export type ColumnId = Extract<
  SortColumn,
  | 'name'
  | 'health'
  | 'stage'
  | 'arr'
  | 'renewalDate'
  | 'licenseUtilization'
  | 'lastQbrDate'
  | 'overdueMilestones'
  | 'lastActiveDate'
  | 'events7'
  | 'daysSinceTouchpoint'
  | 'accountAgeDays'
  | 'openTasks'
>;

export interface TableColumn {
  id: ColumnId;
  primary: SortKey;
  secondary?: SortKey;
  /** Pixels, padding included: below this the header label or a typical cell would be cut off. */
  minWidth: number;
  numeric?: boolean;
}

/** In the order they appear on screen. */
export const TABLE_COLUMNS: readonly TableColumn[] = [
  { id: 'name', primary: { column: 'name', label: 'Account' }, secondary: { column: 'owner', label: 'owner' }, minWidth: 190 },
  {
    id: 'health',
    primary: { column: 'health', label: 'Health', hint: 'Health score 0–100 with its 30-day trend; hover a score for its drivers' },
    secondary: { column: 'delta30', label: 'Δ30', hint: 'Change in points since 30 days ago' },
    minWidth: 150,
  },
  {
    id: 'stage',
    primary: { column: 'stage', label: 'Stage' },
    secondary: { column: 'timeInStageDays', label: 'days', hint: 'Days since the account entered its stage' },
    minWidth: 150,
  },
  { id: 'arr', primary: { column: 'arr', label: 'ARR' }, minWidth: 105, numeric: true },
  { id: 'renewalDate', primary: { column: 'renewalDate', label: 'Renewal' }, minWidth: 115 },
  {
    id: 'licenseUtilization',
    primary: { column: 'licenseUtilization', label: 'Utilization', hint: 'License utilization: users active in the last 30 days ÷ licenses purchased' },
    minWidth: 120,
    numeric: true,
  },
  {
    id: 'lastQbrDate',
    primary: { column: 'lastQbrDate', label: 'Last QBR', hint: 'Date of the last QBR; red when it is overdue against the QBR cadence' },
    minWidth: 115,
  },
  {
    id: 'overdueMilestones',
    primary: { column: 'overdueMilestones', label: 'Overdue', hint: 'Time-to-value milestones past their target date and not achieved' },
    minWidth: 105,
    numeric: true,
  },
  {
    id: 'openTasks',
    primary: { column: 'openTasks', label: 'Open tasks', hint: 'Open items in the work queue today: tasks and QBR action items' },
    minWidth: 115,
    numeric: true,
  },
  // Behaviour (issue #14, point 4): the least needed by default, so a narrow window hides them first.
  {
    id: 'lastActiveDate',
    primary: { column: 'lastActiveDate', label: 'Last active', hint: 'The last day with a usage event, and active users in the last 7 days' },
    secondary: { column: 'activeUserTrend', label: 'trend', hint: 'Active users in the last 7 days against the 7 days before' },
    minWidth: 150,
  },
  {
    id: 'events7',
    primary: { column: 'events7', label: 'Events 7d', hint: 'Usage events in the last 7 days (the product’s events, not sign-ins)' },
    minWidth: 115,
    numeric: true,
  },
  {
    id: 'daysSinceTouchpoint',
    primary: { column: 'daysSinceTouchpoint', label: 'Last touch', hint: 'Days since the last logged touchpoint or QBR' },
    minWidth: 115,
  },
  {
    id: 'accountAgeDays',
    primary: { column: 'accountAgeDays', label: 'Age', hint: 'Days since the first contract start' },
    secondary: { column: 'unusedKeyFeatures', label: 'unused', hint: 'Key features never used' },
    minWidth: 130,
  },
];

/**
 * Most needed first: who the account is and how healthy, then money and dates, then the rest. The account's name
 * is always first; the CSM can move another column to the front from the Columns menu.
 */
export const DEFAULT_PRIORITY: readonly ColumnId[] = [
  'name',
  'health',
  'renewalDate',
  'arr',
  'stage',
  'licenseUtilization',
  'overdueMilestones',
  'lastQbrDate',
  'openTasks',
  'daysSinceTouchpoint',
  'lastActiveDate',
  'events7',
  'accountAgeDays',
];

export interface ColumnFit {
  /** The columns that fit, in screen order, each with its share of the table's width in percent. */
  shown: { column: TableColumn; percent: number }[];
  /** The columns left out, most needed first. */
  hidden: TableColumn[];
}

/**
 * Takes columns in priority order while their minimum widths fit `width`; the first that does not fit ends the
 * list, so a less needed column never shows while a more needed one is hidden. A width of 0 (not measured yet)
 * shows every column. The shown columns share the whole width in proportion to their minimums.
 */
export function fitColumns(width: number, priority: readonly ColumnId[] = DEFAULT_PRIORITY): ColumnFit {
  const byId = new Map(TABLE_COLUMNS.map((c) => [c.id, c]));
  const ordered = [...priority.filter((id) => byId.has(id)), ...TABLE_COLUMNS.map((c) => c.id).filter((id) => !priority.includes(id))];
  const kept = new Set<ColumnId>();
  let used = 0;
  for (const id of ordered) {
    const min = byId.get(id)?.minWidth ?? 0;
    // The first column always shows, however narrow the window: a table without names is no use.
    if (width > 0 && kept.size > 0 && used + min > width) break;
    kept.add(id);
    used += min;
  }
  const shown = TABLE_COLUMNS.filter((c) => kept.has(c.id));
  const total = shown.reduce((sum, c) => sum + c.minWidth, 0);
  return {
    shown: shown.map((column) => ({ column, percent: (100 * column.minWidth) / total })),
    hidden: ordered.filter((id) => !kept.has(id)).flatMap((id) => byId.get(id) ?? []),
  };
}

/** The priority with `id` moved right after the account's name: shown in place of the least needed column. */
export function promote(priority: readonly ColumnId[], id: ColumnId): ColumnId[] {
  const rest = priority.filter((c) => c !== id && c !== 'name');
  return ['name', id, ...rest];
}
