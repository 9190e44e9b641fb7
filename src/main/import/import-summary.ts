// The summary of one import, as the CSM reads it and `cli import --json` prints it: empty when the import starts,
// its status and error as they become known, and last its duration and the one sentence that says what happened.
import type { ImportSummary } from '../../shared/contract/imports';
import type { AppError } from '../../shared/errors';
import { plural } from '../../shared/format';

/** Lists in the summary stop here on huge files; the counts never do, and every reject is kept in the store. */
export const LIST_LIMIT = 10_000;

export function emptySummary(fileName: string, timeZone: string): ImportSummary {
  return {
    importId: null,
    fileName,
    status: 'error',
    kind: null,
    source: null,
    rowsAccepted: 0,
    rejected: [],
    skipped: [],
    duplicates: [],
    counts: { rows: 0, accepted: 0, rejected: 0, duplicates: 0, skipped: 0, warnings: 0 },
    distinctAccounts: 0,
    distinctUsers: 0,
    dateRange: null,
    warnings: [],
    accountsCreated: [],
    accountsNotInBook: [],
    attributed: [],
    error: null,
    message: '',
    durationMs: 0,
    timeZone,
    encoding: null,
  };
}

/**
 * Something the import did that the CSM should know although the row was kept (a nameless record named by its id,
 * a cleaned cell): counted always, listed while the summary has room. `line` is the file's line, or null for the
 * whole file.
 */
export function addWarning(summary: ImportSummary, line: number | null, code: string, message: string): void {
  summary.counts.warnings++;
  if (summary.warnings.length < LIST_LIMIT) summary.warnings.push({ line, code, message });
}

/** An import read to the end: nothing accepted is no data, and a rejected line is said in the status. */
export function finishedStatus(counts: ImportSummary['counts']): ImportSummary['status'] {
  return counts.accepted === 0 ? 'no_data' : counts.rejected > 0 ? 'imported_with_rejections' : 'imported';
}

/** An error as the summary carries it: code, message and the file's line. */
export function summaryError(e: AppError): NonNullable<ImportSummary['error']> {
  return { ...e.toJSON(), line: e.line };
}

/** The last touch, once the outcome is known: how long the import took, and its sentence. */
export function summarise(summary: ImportSummary, started: number): ImportSummary {
  summary.durationMs = Date.now() - started;
  summary.rowsAccepted = summary.counts.accepted;
  summary.message = summaryMessage(summary);
  return summary;
}

/** One sentence a CSM reads after an import: what was added, what was left out, and what to do. */
function summaryMessage(s: ImportSummary): string {
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
  if (s.counts.warnings) parts.push(`${plural(s.counts.warnings, 'warning')}`);
  return parts.join(', ') + '.';
}
