// A success-plan KPI in words, the same on the Success plan tab, the QBR form and the deck (issue #14, point 5).
import type { Outcome } from './contract';

/** "16 hours", "80 %", "—" for nothing. */
export function kpiValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit ? `${value} ${unit}` : String(value);
}

/** "16 hours → 9.5 hours → 1 hours": baseline → latest QBR value → target. */
export function kpiPath(o: Pick<Outcome, 'baseline' | 'latest' | 'target' | 'kpiUnit'>): string {
  return `${kpiValue(o.baseline, o.kpiUnit)} → ${kpiValue(o.latest?.value ?? null, o.kpiUnit)} → ${kpiValue(o.target, o.kpiUnit)}`;
}
