// How a health status looks everywhere in the portfolio: one colour and one word per status, so the table, the
// lanes, the KPI strip and the filters agree. "No data" is grey and says so: it is never shown as red.
import { changeBetween, formatChange } from '../../../shared/change';
import type { HealthStatus } from '../../../shared/contract';
import type { StatusFilter } from './portfolio-rows';

export const STATUS_LOOK: Record<StatusFilter, { label: string; color: string }> = {
  green: { label: 'Green', color: 'green' },
  yellow: { label: 'Yellow', color: 'yellow' },
  red: { label: 'Red', color: 'red' },
  no_data: { label: 'No data', color: 'gray' },
};

export function statusLook(status: HealthStatus | null) {
  return STATUS_LOOK[status ?? 'no_data'];
}

/** "85" for a score, "—" when there is none (a score is shown whole; the explanation gives the decimals). */
export function formatScore(score: number | null): string {
  return score === null ? '—' : String(Math.round(score));
}

/**
 * "+3", "−12", "±0": the change in points between two scores as shown whole (67 from 59 is "+8"), with a true minus
 * sign; null when either score is missing (no data is not zero).
 */
export function formatDelta(previous: number | null, score: number | null): string | null {
  const delta = changeBetween(previous, score, 0);
  return delta === null ? null : formatChange(delta);
}

/** The colour of a change: dimmed when there is none or it shows as ±0. */
export function deltaTone(previous: number | null, score: number | null): 'teal' | 'red' | 'dimmed' {
  const delta = changeBetween(previous, score, 0);
  return delta === null || delta === 0 ? 'dimmed' : delta > 0 ? 'teal' : 'red';
}
