// The portfolio's saved views: filters and a sort, named by the CSM.
import { z } from 'zod';
import { Stage } from './accounts';
import { empty, id, method } from './define';
import { PortfolioSortColumn } from './portfolio';
import { UndoTicket } from './undo';

export const ViewFilters = z.object({
  search: z.string().max(200).default(''),
  stages: z.array(Stage).default([]),
  statuses: z.array(z.enum(['green', 'yellow', 'red', 'no_data'])).default([]),
  owners: z.array(z.string().max(200)).max(500).default([]),
  /** Renewal within this many days of today (passed renewals excluded); null = any. */
  renewalWithinDays: z.number().int().min(1).max(3650).nullable().default(null),
  /** Only accounts with an overdue milestone. */
  overdueOnly: z.boolean().default(false),
  includeChurned: z.boolean().default(false),
  // Behaviour (issue #14, point 4); null = any. Each compares with the row's figure as of the as-of date.
  /** Account age (days since the first contract start) at least / at most this. */
  ageMinDays: z.number().int().min(0).max(36500).nullable().default(null),
  ageMaxDays: z.number().int().min(0).max(36500).nullable().default(null),
  /** Last active day within the last N days (N = 1: active on the as-of date). */
  activeWithinDays: z.number().int().min(1).max(3650).nullable().default(null),
  /** At least this many usage events in the last 7 days ("more than 10 logins" is 11). */
  minEvents7: z.number().int().min(0).max(1_000_000_000).nullable().default(null),
  /** No touchpoint or QBR in the last N days, D−N+1 … D (an account never contacted counts). */
  noTouchpointDays: z.number().int().min(1).max(3650).nullable().default(null),
  /** Active users this week against the week before: fewer ('down') or more ('up'). */
  activeTrend: z.enum(['down', 'up']).nullable().default(null),
  /** Only accounts with at least one key feature never used. */
  unusedKeyFeaturesOnly: z.boolean().default(false),
  /** At least this many open items in the work queue (issue #14, point 4). */
  minOpenTasks: z.number().int().min(1).max(10_000).nullable().default(null),
});
export type ViewFilters = z.infer<typeof ViewFilters>;

export const ViewSort = z.object({ column: PortfolioSortColumn, direction: z.enum(['asc', 'desc']) });

export const SavedView = z.object({
  id,
  name: z.string(),
  filters: ViewFilters,
  sort: ViewSort,
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type SavedView = z.infer<typeof SavedView>;

export const viewMethods = {
  'views.list': method({ input: empty, output: z.object({ items: z.array(SavedView) }) }),
  'views.save': method({
    input: z
      .object({
        /** Update this view; without it, a view of the same name (any case) is replaced, else one is added. */
        id: id.optional(),
        name: z.string().trim().min(1).max(80),
        filters: ViewFilters.default(ViewFilters.parse({})),
        sort: ViewSort.default({ column: 'name', direction: 'asc' }),
      })
      .strict(),
    output: SavedView,
    writes: ['views'],
  }),
  'views.delete': method({ input: z.object({ id }).strict(), output: UndoTicket, writes: ['views'] }),
};
