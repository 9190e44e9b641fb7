// How a health status looks everywhere in the portfolio: one colour and one word per status, so the table, the
// lanes, the KPI strip and the filters agree. "No data" is grey and says so: it is never shown as red.
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

/** "+3", "−12", "±0": the change in points since 30 days before, with a true minus sign. */
export function formatDelta(delta: number | null): string | null {
  if (delta === null) return null;
  const rounded = Math.round(delta);
  if (rounded === 0) return '±0';
  return rounded > 0 ? `+${rounded}` : `−${-rounded}`;
}
