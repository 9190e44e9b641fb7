// The vocabulary shared by every importer module: what a file can hold (kind), which tool exported it (source),
// the codes a CSM sees for a rejected line or a refused file, and the rows exactly as they will be stored.
// Kind and source are the contract's enums and role the health model's (src/shared): named here, never listed again.
import type { ImportKind, ImportSource } from '../../shared/contract/imports';
import type { Role } from '../../shared/metrics/settings';

export type Kind = ImportKind;
export type Source = ImportSource;
export type { Role };

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Text encodings the importer reads; UTF-16 only with a byte order mark, as the issue asks. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Codes that refuse a whole file (thrown as AppError by sniff and the records stream). */
export type FileErrorCode =
  | 'file_not_found'
  /** A folder, a named pipe, a device: something that is there but is not a file. */
  | 'not_a_file'
  | 'file_unreadable'
  | 'empty_file'
  /** No line break within the first 16 MB: line 1 never ends (a file that is not CSV, or lost line endings). */
  | 'line_too_long'
  /** More columns than any export Bearing reads has (a wrong separator, or a file that is not a table). */
  | 'too_many_columns'
  | 'no_data_rows'
  | 'not_text'
  | 'unterminated_quote'
  | 'record_too_large'
  | 'cancelled';

/** Codes that reject one line; the line is kept in the import's reject list, never silently dropped. */
export type RejectCode =
  | 'field_count'
  /** A line of a JSON-lines export that is not one JSON object. */
  | 'invalid_json'
  | 'invalid_date'
  | 'future_date'
  | 'negative_duration'
  | 'negative_count'
  | 'not_a_number'
  | 'anonymous_no_account'
  /** An account but only an anonymous device id: usage metrics count known users. */
  | 'anonymous_user'
  | 'missing_value'
  /** The file has an account column but this row's cell is empty, and its user is not known at exactly one account. */
  | 'missing_account'
  | 'invalid_email'
  | 'value_too_long'
  /** An entitlements or renewals line for an account the book does not hold. */
  | 'unknown_account'
  /** A renewals line whose outcome or stage is not one Bearing knows. */
  | 'unknown_outcome'
  /** A survey score outside its scale (NPS 0–10, CSAT 1–5). */
  | 'score_out_of_range';

/** One data record of the file: its physical line (header = line 1) and its cells as written. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** A canonical field -> the header it is read from (null = not in this file). */
export type ColumnMapping = Record<string, string | null>;

/** One usage event. Instants are UTC epoch ms. */
export interface EventRow {
  kind: 'events';
  accountId: string | null;
  accountName: string | null;
  userId: string | null;
  email: string | null;
  /** The person's display name, when the file has one: shown, never an identity. */
  userName: string | null;
  event: string | null;
  /** The file's own feature column, when it has one: it wins over the catalogue for this row. */
  feature: string | null;
  ts: number;
  /** Whole events this line stands for (1 unless the export aggregates). */
  count: number;
  minutes: number | null;
}

/** One user on one calendar day (YYYY-MM-DD as written, or the local date of an instant in the time zone). */
export interface DailyUsageRow {
  kind: 'daily_usage';
  accountId: string | null;
  accountName: string | null;
  userId: string | null;
  email: string | null;
  /** The person's display name, when the file has one: shown, never an identity. */
  userName: string | null;
  event: string | null;
  feature: string | null;
  day: string;
  events: number;
  minutes: number | null;
}

export interface WeeklyUsageRow {
  kind: 'weekly_usage';
  accountId: string | null;
  accountName: string | null;
  userId: string | null;
  email: string | null;
  /** The person's display name, when the file has one: shown, never an identity. */
  userName: string | null;
  event: string | null;
  feature: string | null;
  weekStart: string;
  events: number;
  minutes: number | null;
}

export interface UsageSummaryRow {
  kind: 'usage_summary';
  accountId: string | null;
  accountName: string | null;
  userId: string | null;
  email: string | null;
  /** The person's display name, when the file has one: shown, never an identity. */
  userName: string | null;
  daysActive: number | null;
  events: number | null;
  minutes: number | null;
  firstVisit: number | null;
  lastVisit: number | null;
  windowStart: string | null;
  windowEnd: string | null;
}

export interface AccountRow {
  kind: 'accounts';
  externalId: string | null;
  /** The record's name, else its domain, else its id (see nameFrom). */
  name: string;
  /** Where the name came from: a record without a name is named by its domain or id, and never renames an account. */
  nameFrom: 'name' | 'domain' | 'id';
  owner: string | null;
  /** ARR in integer minor units (cents) of `currency`. */
  arrMinor: number | null;
  currency: string;
  licenses: number | null;
  contractStart: string | null;
  renewalDate: string | null;
  industry: string | null;
  stage: string | null;
  /** The features the account pays for, as its Features or Plan column lists them (null: no such column or cell). */
  features: string[] | null;
}

export interface UserRow {
  kind: 'users';
  /** The analytics tool's id, or the email when the file has none (matches users.external_id). */
  externalId: string;
  email: string | null;
  name: string | null;
  /** The job title as written; `role` is its normalization. */
  title: string | null;
  role: Role;
  department: string | null;
  accountId: string | null;
  accountName: string | null;
}

/** One line of a feature catalogue file: an event name or pattern counted as a feature, and the feature's flags. */
export interface FeatureRuleRow {
  kind: 'features';
  /** Null for a line that only names a feature (and its flags). */
  pattern: string | null;
  feature: string;
  isKey: boolean | null;
  isPaid: boolean | null;
}

/** One account's features paid for (a cell may list several). */
export interface EntitlementRow {
  kind: 'entitlements';
  accountId: string | null;
  accountName: string | null;
  features: string[];
  paid: boolean;
}

/**
 * One renewal outcome (a renewals file, or a Salesforce renewal-opportunity report). 'won' is a Closed Won
 * opportunity: renewed, expanded or downsized once its amount is compared with the account's ARR.
 */
export interface RenewalRow {
  kind: 'renewals';
  accountId: string | null;
  accountName: string | null;
  date: string;
  outcome: 'renewed' | 'expanded' | 'downsized' | 'churned' | 'won';
  /** The new ARR in minor units (null: not in the file). */
  arrMinor: number | null;
  /** A churn's reason from the list (see CHURN_REASONS) and the file's own words. */
  reason: string | null;
  note: string | null;
}

/** One support ticket from a help desk's export. Dates are the local calendar days it was opened and solved. */
export interface TicketRow {
  kind: 'tickets';
  ticketId: string;
  subject: string | null;
  opened: string;
  solved: string | null;
  status: 'open' | 'closed';
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  slaBreached: boolean | null;
  organizationId: string | null;
  organization: string | null;
  email: string | null;
}

/** One NPS or CSAT answer. The respondent is known by e-mail only (never by a display name). */
export interface SurveyAnswerRow {
  kind: 'surveys';
  responseId: string | null;
  survey: 'nps' | 'csat';
  score: number;
  comment: string | null;
  date: string;
  email: string | null;
  accountId: string | null;
  accountName: string | null;
}

/** One meeting (one occurrence of a series) from a calendar file: who was in it, by e-mail only. */
export interface MeetingRow {
  kind: 'meetings';
  /** The event's UID and, for an occurrence of a series, its recurrence id: together they name it for re-imports. */
  meetingId: string;
  /** The local calendar day it took place. */
  date: string;
  title: string;
  organizer: string | null;
  attendees: string[];
}

/**
 * One contact's line of an e-mail campaign export (HubSpot recipients, Marketo program members): who got which
 * campaign, when, and what they did with it. The contact is known by e-mail only (never by a display name).
 */
export interface CampaignRow {
  kind: 'campaigns';
  campaign: string;
  email: string;
  date: string;
  opened: boolean;
  clicked: boolean;
  replied: boolean;
  /** The promoted feature as the file names it (a column), else null (the campaign's name may name one). */
  feature: string | null;
}

export type NormalizedRow = MeetingRow | CampaignRow | TicketRow | SurveyAnswerRow | EventRow | DailyUsageRow | WeeklyUsageRow | UsageSummaryRow | AccountRow | UserRow | FeatureRuleRow | EntitlementRow | RenewalRow;

/** What a kept row tells the CSM (the summary's `warnings`, with the row's line). */
export interface RowWarning {
  code: 'control_characters' | 'nameless_account' | 'same_name_account' | (string & {});
  message: string;
}

export type ValidationResult =
  | { ok: true; row: NormalizedRow; warnings?: RowWarning[] }
  | { ok: false; code: RejectCode; reason: string }
  | { ok?: undefined; skip: string };
