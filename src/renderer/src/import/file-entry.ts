// One file the CSM dropped or picked, from upload to finished import. Each file is its own job: it is read,
// shown with its detected kind and mapping, and imported only when the CSM says so.
import type { ImportProgress, Inspection, Mapping } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/errors';
import type { EventChoices } from './event-choices';

export type FileStage =
  /** Main is being handed the file (the web host receiving the upload, or the desktop app registering the drop). */
  | 'uploading'
  /** Main is sniffing the file: kind, source, mapping and a preview. */
  | 'inspecting'
  /** Shown with its mapping and preview; waiting for the CSM to press Import. */
  | 'ready'
  /** Main refused the file (empty, not text, unterminated quote...). */
  | 'unreadable'
  /** import.start was called; the job id is not known yet. */
  | 'starting'
  /** A job runs or ran: its progress and summary come from import.progress events. */
  | 'started';

export interface FileEntry {
  key: string;
  fileName: string;
  sizeBytes: number | null;
  /** Main's handle for the file (never a path): null until main has answered. */
  file: string | null;
  stage: FileStage;
  inspection: Inspection | null;
  /** The mapping the import will use: detected, remembered, or edited by the CSM. */
  mapping: Mapping;
  mappingEdited: boolean;
  /** The CSM's choices for event names the catalogue does not know: event name -> feature name. */
  eventFeatures: EventChoices;
  /** A re-inspection (new kind or mapping) is running; the previous preview stays on screen meanwhile. */
  refreshing: boolean;
  error: AppErrorShape | null;
  jobId: string | null;
}

export function newEntry(key: string, fileName: string, sizeBytes: number | null, file: string | null): FileEntry {
  return {
    key,
    fileName,
    sizeBytes,
    file,
    stage: file ? 'inspecting' : 'uploading',
    inspection: null,
    mapping: {},
    mappingEdited: false,
    eventFeatures: {},
    refreshing: false,
    error: null,
    jobId: null,
  };
}

/** A card with nothing left to do: its import ended, or the file could not be read. */
export function finishedEntry(entry: FileEntry, progress: Record<string, ImportProgress>): boolean {
  if (entry.stage === 'unreadable') return true;
  return entry.stage === 'started' && entry.jobId !== null && progress[entry.jobId]?.summary != null;
}

/**
 * What still needs a column before the file can be imported: each required field, and each group of which at
 * least one field is needed ("Account ID or User ID or Email"). They block the Import button.
 */
export function missingRequired(inspection: Inspection, mapping: Mapping): string[] {
  const label = (field: string) => inspection.fields.find((f) => f.field === field)?.label ?? field;
  const single = inspection.fields.filter((f) => f.required && !mapping[f.field]).map((f) => f.label);
  const groups = (inspection.requiresOneOf ?? []).filter((g) => !g.some((field) => mapping[field])).map((g) => g.map(label).join(' or '));
  return [...single, ...groups];
}

/** "Time", "Time and Account", "Time, Account and User". */
export function joinLabels(labels: readonly string[]): string {
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
