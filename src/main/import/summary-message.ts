import type { ImportSummary } from '../../shared/contract/imports';

const n = (value: number) => value.toLocaleString('en-US');
const plural = (value: number, one: string, many = `${one}s`) => `${n(value)} ${value === 1 ? one : many}`;

/** One sentence a CSM reads after an import: what was added, what was left out, and what to do. */
export function summaryMessage(s: ImportSummary): string {
  if (s.status === 'cancelled') return 'Import cancelled: nothing was changed.';
  if (s.error) {
    // "… no data rows (line 1). Nothing was imported." — the line goes inside the sentence, not after its period.
    const where = s.error.line && !/line \d/i.test(s.error.message) ? ` (line ${s.error.line})` : '';
    const sentence = /[.!?]$/.test(s.error.message) ? `${s.error.message.slice(0, -1)}${where}${s.error.message.slice(-1)}` : `${s.error.message}${where}.`;
    return `${sentence} Nothing was imported.`;
  }
  const { accepted, rejected, duplicates, skipped } = s.counts;
  if (accepted === 0 && duplicates > 0 && rejected === 0) {
    return `Nothing new: all ${plural(duplicates, 'row')} were already in Bearing.`;
  }
  const parts = [`${plural(accepted, 'row')} imported`];
  if (duplicates) parts.push(`${plural(duplicates, 'duplicate')} ignored`);
  if (rejected) parts.push(`${plural(rejected, 'row')} rejected (see the lines listed)`);
  if (skipped) parts.push(`${plural(skipped, 'line')} skipped`);
  return parts.join(', ') + '.';
}
