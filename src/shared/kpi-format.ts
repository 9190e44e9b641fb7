// A success-plan KPI in words, the same on the Success plan tab, the QBR form and the deck (issue #14, point 5).
import type { Outcome } from './contract';

/** The CSM types the unit as a plural ("hours", "tickets"): one of them reads "1 hour", "1 ticket". */
function unitFor(value: number, unit: string): string {
  const plural = /^[a-z]{2,}s$/.test(unit) && !/(ss|us|is)$/.test(unit);
  return Math.abs(value) === 1 && plural ? unit.slice(0, -1) : unit;
}

/** "16 hours", "1 hour", "80%", "—" for nothing. */
export function kpiValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '%') return `${value}%`;
  return unit ? `${value} ${unitFor(value, unit)}` : String(value);
}

/** "16 hours → 9.5 hours → 1 hour": baseline → latest QBR value → target. */
export function kpiPath(o: Pick<Outcome, 'baseline' | 'latest' | 'target' | 'kpiUnit'>): string {
  return `${kpiValue(o.baseline, o.kpiUnit)} → ${kpiValue(o.latest?.value ?? null, o.kpiUnit)} → ${kpiValue(o.target, o.kpiUnit)}`;
}
