// How the deck writes numbers: the app's shared formatters (so a slide reads like the screen) plus the few
// forms only a deck needs (signed changes, percentage-point moves, status words).
import type { HealthStatus } from '../../shared/contract';
import { formatChange, pointsBetween } from '../../shared/change';
import { formatCount, formatPercent } from '../../shared/format';
import type { ChartSpec, Tone } from './slide-model';

export { formatCount, formatDate, formatDaysFrom, formatPercent, plural } from '../../shared/format';

/** "+5.1" / "−2.0" (a true minus sign); "—" when unknown. */
export function signed(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

/**
 * The move between two ratios in percentage points, from the percentages as shown ("58% → 67%" reads "+9 pts");
 * '' when either is missing (no data is not zero).
 */
export function pointsMove(before: number | null, after: number | null): string {
  const pts = pointsBetween(before, after);
  if (pts === null) return '';
  return pts === 0 ? 'no change' : formatChange(pts, 0, 'pts');
}

/** 18.4 average daily users reads with one decimal; whole counts without. */
export function formatAverage(value: number | null): string {
  if (value === null) return '—';
  return Number.isInteger(value) ? formatCount(value) : value.toFixed(1);
}

export function statusWord(status: HealthStatus | null): string {
  return status === null ? 'No status' : status[0].toUpperCase() + status.slice(1);
}

export function statusTone(status: HealthStatus | null): Tone {
  return status === 'green' ? 'good' : status === 'yellow' ? 'warn' : status === 'red' ? 'bad' : 'neutral';
}

export function changeTone(delta: number | null): Tone {
  if (delta === null || Math.abs(delta) < 0.05) return 'neutral';
  return delta > 0 ? 'good' : 'bad';
}

/** A chart value as its label reads (the PDF writes labels itself; the PPTX uses the matching format code). */
export function chartValue(format: ChartSpec['format'], value: number): string {
  if (format === 'percent') return formatPercent(value);
  if (format === 'points') return value.toFixed(1);
  return formatAverage(value);
}

/** Excel number formats for the same three kinds. */
export function chartFormatCode(format: ChartSpec['format']): string {
  return format === 'percent' ? '0%' : format === 'points' ? '0.0' : '#,##0';
}
