// Words and number reading shared by the success plan's screens (tab, outcome form, QBR form).
import type { Complexity, OutcomeStatus } from '../../../../shared/contract';
export { kpiPath, kpiValue } from '../../../../shared/kpi-format';

export const OUTCOME_STATUS_LABEL: Record<OutcomeStatus, string> = {
  not_started: 'Not started',
  on_track: 'On track',
  at_risk: 'At risk',
  achieved: 'Achieved',
  missed: 'Missed',
};

export const OUTCOME_STATUS_COLOR: Record<OutcomeStatus, string> = {
  not_started: 'gray',
  on_track: 'teal',
  at_risk: 'orange',
  achieved: 'green',
  missed: 'red',
};

export const COMPLEXITY_LABEL: Record<Complexity, string> = { low: 'Low', medium: 'Medium', high: 'High' };

/** A KPI figure as typed: empty → null, a number (comma or point decimals) → the number, else 'invalid'. */
export function parseKpi(text: string): number | null | 'invalid' {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return /^-?\d+(\.\d+)?$/.test(t) && Number.isFinite(n) ? n : 'invalid';
}
