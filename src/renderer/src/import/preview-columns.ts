// The preview shows rows as they will be stored, under the CSM's field names. A few stored names differ from
// the field they come from (the time is stored as `ts`, money as `arrMinor`); those are named and shown here.
import type { Inspection } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { formatInstantUtc, formatMinorMoney } from './format-import';

type PreviewRow = Inspection['preview'][number];
type Value = PreviewRow['values'][string];

const STORED_AS: Record<string, string> = { ts: 'timestamp', arrMinor: 'arr' };
const INSTANTS = new Set(['ts', 'firstVisit', 'lastVisit']);

export interface PreviewColumn {
  key: string;
  label: string;
}

/** The stored values' columns, in the order of the kind's fields, with the field labels. */
export function previewColumns(inspection: Inspection): PreviewColumn[] {
  const keys: string[] = [];
  for (const row of inspection.preview) {
    for (const key of Object.keys(row.values)) if (!keys.includes(key)) keys.push(key);
  }
  const order = inspection.fields.map((f) => f.field);
  const rank = (key: string) => {
    const i = order.indexOf(STORED_AS[key] ?? key);
    return i === -1 ? order.length : i;
  };
  return keys
    .sort((a, b) => rank(a) - rank(b))
    .map((key) => {
      const field = inspection.fields.find((f) => f.field === (STORED_AS[key] ?? key));
      const label = field?.label ?? key;
      return { key, label: INSTANTS.has(key) ? `${label} (UTC)` : label };
    });
}

/** One stored value as text; null when there is none (shown as a dimmed dash). */
export function formatPreviewValue(key: string, value: Value | undefined, row: PreviewRow['values']): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (INSTANTS.has(key)) return formatInstantUtc(value);
    if (key === 'arrMinor') return formatMinorMoney(value, typeof row.currency === 'string' ? row.currency : 'USD');
    return Number.isInteger(value) ? formatCount(value) : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  return value;
}
