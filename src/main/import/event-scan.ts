// The event names a usage file holds, for the mapping screen: its event column read from the start, distinct
// names counted, up to a byte budget so that inspecting a million-row export stays quick (the list then says it
// is partial; the import itself still meets every name and keeps the unknown ones as features of their own).
import type { Sniffed } from './job';
import { readImportBatches } from './raw-exports';

export interface EventScan {
  names: { name: string; rows: number }[];
  /** False when the budget ran out before the end of the file. */
  complete: boolean;
}

const USAGE_KINDS = new Set(['events', 'daily_usage', 'weekly_usage']);

/** Null when the file is not usage or maps no event column (a feature column alone names features directly). */
export async function scanEventNames(file: string, plan: Sniffed, budgetBytes = 8 * 1024 * 1024): Promise<EventScan | null> {
  const header = plan.mapping.event;
  if (!USAGE_KINDS.has(plan.kind) || !header) return null;
  const column = plan.sniff.headers.indexOf(header);
  if (column === -1) return null;
  const counts = new Map<string, { name: string; rows: number }>();
  let complete = true;
  for await (const batch of readImportBatches(file, plan.sniff, {})) {
    for (const { fields } of batch.records) {
      const name = fields[column]?.trim();
      if (!name) continue;
      const key = name.toLowerCase();
      const seen = counts.get(key);
      if (seen) seen.rows++;
      else counts.set(key, { name, rows: 1 });
    }
    if (batch.bytesRead >= budgetBytes) {
      complete = false;
      break;
    }
  }
  return { names: [...counts.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name)), complete };
}
