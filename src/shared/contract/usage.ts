// Usage over time for the account view's chart (DAU / WAU / MAU, docs/METRICS.md) with its range switch.
import { z } from 'zod';
import { id, isoDate, method } from './define';

export const UsagePoint = z.object({ date: isoDate, dau: z.number().int(), wau: z.number().int(), mau: z.number().int() });
export type UsagePoint = z.infer<typeof UsagePoint>;

export const usageMethods = {
  'usage.series': method({
    input: z
      .object({
        id,
        /** The range: 30, 90 or 365 days on the screen; the series ends on the as-of date. */
        days: z.number().int().min(7).max(730).default(90),
        asOf: isoDate.optional(),
      })
      .strict(),
    output: z.object({ id, asOf: isoDate, licenses: z.number().int().nullable(), points: z.array(UsagePoint) }),
  }),
};
