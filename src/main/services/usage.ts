// DAU / WAU / MAU per day (docs/METRICS.md, seeds 000 and 003) for the account view's usage chart: one read of the
// rollups and two sliding windows (7 and 30 days), the same UsageWindow the health backfill slides.
import { z } from 'zod';
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import type { Contract, MethodOutput } from '../../shared/contract';
import { UsageWindow } from '../../shared/metrics/usage-window';
import { accountLicenses } from '../db/accounts';
import { loadDayActivity } from '../db/usage';
import { requireAccount } from './account-lookup';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';

type SeriesInput = z.output<Contract['usage.series']['input']>;

export function usageSeries(ctx: ServiceContext, input: SeriesInput): MethodOutput<'usage.series'> {
  requireAccount(ctx, input.id);
  const asOf = input.asOf ?? todayOf(ctx);
  const to = dayNumber(asOf);
  const from = to - input.days + 1;
  const days = loadDayActivity(ctx, input.id, from - 29, to);
  const week = new UsageWindow(7);
  const month = new UsageWindow(30);
  const points: MethodOutput<'usage.series'>['points'] = [];
  let i = 0;
  for (let d = from - 29; d <= to; d++) {
    let dau = 0;
    while (i < days.length && days[i].day <= d) {
      if (days[i].day === d) dau = days[i].users.length;
      week.add(days[i]);
      month.add(days[i++]);
    }
    week.advanceTo(d);
    month.advanceTo(d);
    if (d >= from) points.push({ date: isoFromDayNumber(d), dau, wau: week.activeUsers, mau: month.activeUsers });
  }
  const licenses = accountLicenses(ctx, input.id);
  return { id: input.id, asOf, licenses, points };
}

export function usageHandlers(ctx: ServiceContext): HandlerGroup<'usage.series'> {
  return { 'usage.series': (input) => usageSeries(ctx, input) };
}
