// Display helpers for the import screen that src/shared/format.ts does not need anywhere else.
import { formatCount } from '../../../shared/format';

const LOCALE = 'en-US';
const whenFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const utcFormat = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'medium' });

/** "1.2 MB", "850 KB", "312 bytes". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${formatCount(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${formatCount(Math.ceil(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(LOCALE, { maximumFractionDigits: 1 })} MB`;
}

/** When something happened, in the CSM's own time zone: "Mar 4, 2026, 9:15 AM". */
export function formatWhen(epochMs: number | null | undefined): string {
  return epochMs === null || epochMs === undefined ? '—' : whenFormat.format(epochMs);
}

/** A stored instant exactly as stored (UTC), so the preview never hides a time-zone shift. */
export function formatInstantUtc(epochMs: number): string {
  return `${utcFormat.format(epochMs)} UTC`;
}

/** "about 40 s left", "about 3 min left"; null while there is no estimate yet. */
export function formatTimeLeft(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds < 1) return 'almost done';
  if (seconds < 90) return `about ${Math.ceil(seconds)} s left`;
  return `about ${formatCount(Math.ceil(seconds / 60))} min left`;
}

/** "240 ms", "3.4 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toLocaleString(LOCALE, { maximumFractionDigits: 1 })} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** Money stored in minor units, shown in whole units of its currency. */
export function formatMinorMoney(minor: number, currency: string): string {
  let digits = 2;
  try {
    digits = new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown currency code: assume cents, the common case.
  }
  const amount = minor / 10 ** digits;
  try {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency, maximumFractionDigits: digits }).format(amount);
  } catch {
    return `${amount.toLocaleString(LOCALE)} ${currency}`;
  }
}
