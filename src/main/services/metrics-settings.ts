// The metrics and health settings, stored under one key as JSON and always read through the zod schema, so a
// hand-edited or older settings value falls back to the defaults field by field instead of breaking health.
import { AppError } from '../../shared/errors';
import { MetricsSettings, parseSettings } from '../../shared/metrics/settings';
import { readSetting, writeSetting } from '../db/settings';
import type { StoreContext } from './context';

export const METRICS_SETTINGS_KEY = 'metrics';

export function readMetricsSettings(ctx: StoreContext): MetricsSettings {
  return parseSettings(readSetting(ctx, METRICS_SETTINGS_KEY));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Current settings with a change applied: top-level fields replace, and nested objects merge one level deep
 * (so `{ weights: { usage: 50 } }` keeps the other weights). Invalid values are refused with the reason.
 */
export function mergeMetricsSettings(current: MetricsSettings, change: Record<string, unknown>): MetricsSettings {
  const merged: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change)) {
    const before = merged[key];
    merged[key] = isPlainObject(before) && isPlainObject(value) ? { ...before, ...value } : value;
  }
  const parsed = MetricsSettings.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('invalid_settings', `These health settings are not valid: ${issue.path.map(String).join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

export function writeMetricsSettings(ctx: StoreContext, settings: MetricsSettings): void {
  writeSetting(ctx, METRICS_SETTINGS_KEY, settings);
}
