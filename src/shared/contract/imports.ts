import { z } from 'zod';
import { empty, id, isoDateTime, method } from './define';
import { FileHandle } from './files';

export const ImportKind = z.enum(['events', 'daily_usage', 'weekly_usage', 'usage_summary', 'accounts', 'users', 'features', 'entitlements', 'renewals', 'tickets', 'surveys', 'meetings', 'campaigns']);
export type ImportKind = z.infer<typeof ImportKind>;
export const ImportSource = z.enum([
  'pendo', 'mixpanel', 'amplitude', 'salesforce', 'hubspot',
  // Help desks and survey tools (support tickets, NPS / CSAT answers).
  'zendesk', 'freshdesk', 'intercom', 'delighted', 'surveymonkey', 'typeform', 'qualtrics',
  // Calendars (.ics meetings).
  'google_calendar', 'outlook',
  // Marketing automation (e-mail campaign recipients).
  'marketo',
  'generic',
]);
export type ImportSource = z.infer<typeof ImportSource>;
export const ImportStatus = z.enum(['imported', 'imported_with_rejections', 'no_data', 'error', 'cancelled']);

/** Canonical field -> the file's column that feeds it (null = not mapped). */
export const Mapping = z.record(z.string(), z.string().nullable());
export type Mapping = z.infer<typeof Mapping>;

const ErrorValue = z.object({ code: z.string(), message: z.string(), line: z.number().int().nullable() });

/** The result of one import: also what `cli import --json` prints. */
export const ImportSummary = z.object({
  importId: z.number().int().nullable(),
  fileName: z.string(),
  status: ImportStatus,
  kind: ImportKind.nullable(),
  source: ImportSource.nullable(),
  rowsAccepted: z.number().int(),
  rejected: z.array(z.object({ line: z.number().int(), code: z.string(), reason: z.string() })),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  duplicates: z.array(z.object({ line: z.number().int(), duplicateOf: z.number().int().nullable(), importId: z.number().int().nullable() })),
  /** Totals: the lists above stop at a few thousand entries on huge files; these never do. */
  counts: z.object({ rows: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), duplicates: z.number().int(), skipped: z.number().int(), warnings: z.number().int() }),
  distinctAccounts: z.number().int(),
  distinctUsers: z.number().int(),
  dateRange: z.object({ min: isoDateTime, max: isoDateTime }).nullable(),
  /** What the import did that the CSM should know although no row was refused (a nameless record, a cleaned cell). */
  warnings: z.array(z.object({ line: z.number().int().nullable(), code: z.string(), message: z.string() })),
  /** Accounts this file created (not in the book before it): the CSM can remove them and their rows. */
  accountsCreated: z.array(z.object({ id, externalId: z.string().nullable(), name: z.string(), rows: z.number().int() })),
  /**
   * Accounts rows named that are not in the book, when the CSM keeps the book to their own accounts: those rows were
   * skipped (reason account_not_in_book); importing the file again with the book open adds them.
   */
  accountsNotInBook: z.array(z.object({ externalId: z.string().nullable(), name: z.string(), rows: z.number().int() })),
  /** Rows with an empty account cell that went to their user's one known account. */
  attributed: z.array(z.object({ line: z.number().int(), accountId: id })),
  error: ErrorValue.nullable(),
  /** One sentence for the CSM ("1,204 rows imported, 3 rejected"). */
  message: z.string(),
  durationMs: z.number(),
  timeZone: z.string(),
  /**
   * The text encoding the file was read as, decided by all of it: a file whose first 64 KB are plain ASCII (all the
   * preview sees) can turn out to be Windows-1252 at its first accented name. Null: not read as text (Parquet), or
   * not read at all.
   */
  encoding: z.string().nullable(),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const MappingField = z.object({ field: z.string(), label: z.string(), required: z.boolean() });

export const Inspection = z.object({
  /** The handle it was inspected under (import.start takes the same). */
  file: FileHandle,
  fileName: z.string(),
  sizeBytes: z.number().int(),
  encoding: z.string(),
  delimiter: z.string(),
  headers: z.array(z.string()),
  kind: ImportKind,
  source: ImportSource,
  confidence: z.number(),
  /**
   * False when the file looks like none of the kinds Bearing reads: `kind` is then only a placeholder, and the
   * CSM must choose what the file holds before it can be imported (it is never taken for usage by default).
   */
  kindRecognised: z.boolean(),
  mapping: Mapping,
  /** True when the mapping was remembered from an earlier file with the same headers. */
  mappingRemembered: z.boolean(),
  fields: z.array(MappingField),
  /** Groups of fields of which at least one needs a column (e.g. an account, a user or an email). */
  requiresOneOf: z.array(z.array(z.string())),
  /**
   * The file's product event names the catalogue has no rule for (null: not a usage file with an event column):
   * each with its rows, what it would count as if imported now (a feature of its own name, unless an earlier
   * import kept it so) and the catalogue feature its name most resembles. `complete` is false when only the
   * first part of a very large file was read. `features` are the catalogue's names to choose from.
   */
  unknownEvents: z
    .object({
      names: z.array(z.object({ name: z.string(), rows: z.number().int(), countsAs: z.string(), suggestion: z.string().nullable() })),
      complete: z.boolean(),
      features: z.array(z.string()),
    })
    .nullable(),
  /** The first rows exactly as they would be stored, or why each would be rejected or skipped. */
  preview: z.array(
    z.object({
      line: z.number().int(),
      outcome: z.enum(['accepted', 'rejected', 'skipped']),
      values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      reason: z.string().nullable(),
    }),
  ),
});
export type Inspection = z.infer<typeof Inspection>;

export const ImportRecord = z.object({
  id,
  fileName: z.string(),
  filePath: z.string().nullable(),
  source: z.string(),
  kind: z.string(),
  status: z.string(),
  origin: z.string(),
  mapping: Mapping.nullable(),
  timeZone: z.string().nullable(),
  rowsAccepted: z.number().int(),
  rowsRejected: z.number().int(),
  rowsDuplicate: z.number().int(),
  rowsSkipped: z.number().int(),
  sizeBytes: z.number().int(),
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  undoneAt: z.number().nullable(),
  message: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecord>;

export const ImportProgress = z.object({
  jobId: z.string(),
  fileName: z.string(),
  /** 'scoring': the import is committed and the touched accounts' health history is being recomputed. */
  phase: z.enum(['queued', 'reading', 'saving', 'scoring', 'done', 'failed', 'cancelled']),
  /** 'demo': one of the demo book's files, imported by demo.load. */
  origin: z.enum(['manual', 'watch', 'cli', 'demo']),
  rows: z.number().int(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  rowsPerSecond: z.number(),
  secondsLeft: z.number().nullable(),
  /** In 'scoring': of the accounts whose health history is being recomputed, how many are done. */
  scoring: z.object({ done: z.number().int(), total: z.number().int() }).optional(),
  summary: ImportSummary.nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const importMethods = {
  'import.inspect': method({
    input: z
      .object({
        /** A file the CSM chose or dropped (never a path: see files.ts). */
        file: FileHandle,
        kind: ImportKind.optional(),
        /** A mapping the CSM edited: the preview then shows the rows as this mapping would store them. */
        mapping: Mapping.optional(),
        timeZone: z.string().optional(),
      })
      .strict(),
    output: Inspection,
  }),
  'import.start': method({
    input: z
      .object({
        file: FileHandle,
        kind: ImportKind.optional(),
        mapping: Mapping.optional(),
        timeZone: z.string().optional(),
        /** Skip rows naming an account not in the book (account_not_in_book); default: the setting. */
        onlyBookAccounts: z.boolean().optional(),
        /** The CSM's choices for event names the catalogue does not know: event name -> feature name (its own keeps it). */
        eventFeatures: z.record(z.string().min(1).max(500), z.string().trim().min(1).max(200)).optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
  }),
  /** The CSM set the file aside (dismissed its card): its handle is forgotten and an uploaded copy deleted. */
  'import.discard': method({ input: z.object({ file: FileHandle }).strict(), output: z.object({ discarded: z.boolean() }) }),
  'import.cancel': method({ input: z.object({ jobId: z.string() }).strict(), output: z.object({ cancelled: z.boolean() }) }),
  'import.jobs': method({ input: empty, output: z.array(ImportProgress) }),
  'imports.list': method({ input: empty, output: z.array(ImportRecord) }),
  'imports.get': method({
    input: z.object({ id }).strict(),
    output: z.object({
      record: ImportRecord,
      rejects: z.array(z.object({ line: z.number().int(), code: z.string(), reason: z.string() })),
      rejectsTotal: z.number().int(),
    }),
  }),
  'imports.rejectsCsv': method({ input: z.object({ id }).strict(), output: z.object({ fileName: z.string(), csv: z.string() }) }),
  /**
   * Removes accounts an import created (its summary's accountsCreated), with their users and usage: for a
   * company-wide export that brought in accounts the CSM does not own. A person also seen at a remaining account
   * stays, homed there. Refuses an account the import did not create.
   */
  'imports.removeAccounts': method({
    input: z.object({ importId: id, accountIds: z.array(id).min(1).max(10_000) }).strict(),
    output: z.object({ removedAccounts: z.number().int(), removedUsers: z.number().int(), removedRows: z.number().int() }),
    writes: ['accounts', 'usage', 'users', 'health', 'imports'],
  }),
  'imports.undo': method({
    input: z.object({ id }).strict(),
    output: ImportRecord,
    writes: ['imports', 'usage', 'accounts', 'users', 'features', 'renewals', 'health'],
  }),
};
