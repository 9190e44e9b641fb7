import { isoDateIn, isValidTimeZone } from '../../shared/dates';
import { readSetting } from '../db/settings';
import type { StoreContext } from './context';

/** The configured time zone (Settings), else the machine's. */
export function timeZoneOf(ctx: StoreContext): string {
  const configured = readSetting(ctx, 'timeZone');
  if (typeof configured === 'string' && isValidTimeZone(configured)) return configured;
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Today's calendar date in the configured time zone: the default as-of date. */
export function todayOf(ctx: StoreContext): string {
  return isoDateIn(ctx.now().getTime(), timeZoneOf(ctx));
}
