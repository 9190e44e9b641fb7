// What the StoreWriter takes (validated rows reduced to what the store needs) and what it answers per row.
import type { Role, RowWarning } from './types';

export interface UsageFact {
  accountExternalId: string | null;
  accountName: string | null;
  userExternalId: string | null;
  email: string | null;
  /** The person's display name in the file (never an identity). */
  userName: string | null;
  /** The product's event name. */
  event: string | null;
  /** The file's own feature column, when it has one. */
  feature: string | null;
  ts: number;
  /** The local day (days since 1970-01-01) when the row names a day rather than an instant. */
  day?: number;
  count: number;
  minutes: number;
  /** The earliest and latest dates the row names, when they are not ts itself (usage summaries); else null. */
  dateMin: number | null;
  dateMax: number | null;
}

/** What flushing the staged usage rows found: how many were stored, the duplicates, and the stored rows' dates. */
export interface UsageFlush {
  staged: number;
  inserted: number;
  /** Staged rows that were not stored, in line order (the first `limit` of them). */
  duplicates: { line: number; duplicateOf: number | null; importId: number | null }[];
  duplicateCount: number;
  /** Earliest and latest date of the stored rows (only computed when there were duplicates; else null). */
  dateRange: { min: number; max: number } | null;
}

export interface AccountFact {
  externalId: string | null;
  name: string;
  /** 'domain' or 'id': the record had no name; an account that exists keeps its own. */
  nameFrom?: 'name' | 'domain' | 'id';
  owner?: string | null;
  industry?: string | null;
  arrMinor?: number | null;
  currency?: string | null;
  licenses?: number | null;
  contractStart?: string | null;
  renewalDate?: string | null;
  crmStage?: string | null;
  /** The features the account pays for, when the file lists them (replaces the account's list). */
  features?: string[] | null;
}

export interface UserFact {
  externalId: string | null;
  email: string | null;
  name: string | null;
  role: Role | null;
  department: string | null;
  accountExternalId: string | null;
  accountName: string | null;
}

/** What the summary says although no row was refused (ImportSummary.warnings). */
export interface ImportWarning {
  line: number | null;
  code: string;
  message: string;
}

export type WriteOutcome =
  | { kind: 'inserted'; warning?: RowWarning }
  /** Left out on purpose (an account outside the CSM's book): listed with its reason, not an error. */
  | { kind: 'skipped'; reason: string }
  | { kind: 'duplicate'; duplicateOf: number | null; importId: number | null; warning?: RowWarning }
  | { kind: 'rejected'; code: string; reason: string };
