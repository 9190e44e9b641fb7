// Writes a renewals file's outcomes inside the import's transaction: each names an account of the book (a renewals
// file creates none), a Closed Won opportunity becomes renewed, expanded or downsized by comparing its amount with
// the ARR before it, and the account's newest outcome rolls its term forward (recorded in the import's change log,
// so undoing the import puts the account back; the outcomes themselves carry the import's id).
import type Database from 'better-sqlite3';
import { accountTerm, arrBefore, insertRenewal, isNewestOutcome, termAfter, updateAccountTerm } from '../db/renewals';
import type { WriteOutcome } from './store-facts';
import type { RenewalRow } from './types';

type Row = Record<string, unknown>;

export class RenewalWriter {
  /** Accounts whose outcomes this import wrote (their health is refreshed after). */
  readonly touched = new Set<number>();
  /** Each account's ARR before this import: what a Closed Won amount is compared with when no earlier outcome names one. */
  private readonly arrAtStart = new Map<number, number | null>();
  private readonly store: { sqlite: Database.Database };

  constructor(
    sqlite: Database.Database,
    private readonly importId: number,
    private readonly resolve: (externalId: string | null, name: string | null) => number | undefined,
  ) {
    this.store = { sqlite };
  }

  write(row: RenewalRow): WriteOutcome {
    const accountId = this.resolve(row.accountId, row.accountName);
    if (accountId === undefined) {
      return {
        kind: 'rejected',
        code: 'unknown_account',
        reason: `The account ${row.accountId ?? row.accountName ?? ''} is not in Bearing: import the accounts file first, then its renewals.`,
      };
    }
    const sqlite = this.store.sqlite;
    const term = accountTerm(this.store, accountId);
    if (!this.arrAtStart.has(accountId)) this.arrAtStart.set(accountId, term.arr_minor);
    // The same outcome stored already (a Closed Won one as whichever kept-customer outcome it became then).
    const outcomes = row.outcome === 'won' ? ['renewed', 'expanded', 'downsized'] : [row.outcome];
    const same = sqlite
      .prepare('SELECT import_id FROM renewals WHERE account_id = ? AND renewal_date = ? AND arr_minor IS ? AND outcome IN (SELECT value FROM json_each(?)) LIMIT 1')
      .get(accountId, row.date, row.arrMinor, JSON.stringify(outcomes)) as { import_id: number | null } | undefined;
    if (same !== undefined) return { kind: 'duplicate', duplicateOf: null, importId: same.import_id };
    const outcome = row.outcome === 'won' ? this.wonOutcome(accountId, row) : row.outcome;
    const newest = isNewestOutcome(this.store, accountId, row.date);
    const changes = termAfter(term, { date: row.date, outcome, arrMinor: row.arrMinor }, newest);
    insertRenewal(this.store, {
      accountId, renewalDate: row.date, outcome, arrMinor: row.arrMinor, reason: row.reason, note: row.note, importId: this.importId,
      termBefore: changes ? term : null,
    });
    if (changes) {
      const before = sqlite.prepare('SELECT * FROM accounts WHERE id = ?').get(accountId) as Row;
      sqlite.prepare('INSERT INTO import_changes (import_id, table_name, row_id, before) VALUES (?, ?, ?, ?)').run(this.importId, 'accounts', accountId, JSON.stringify(before));
      updateAccountTerm(this.store, accountId, changes);
    }
    this.touched.add(accountId);
    return { kind: 'inserted' };
  }

  /** Closed Won: more than the ARR before it is an expansion, less a downsize; the same, or no amount to compare, renewed. */
  private wonOutcome(accountId: number, row: RenewalRow): 'renewed' | 'expanded' | 'downsized' {
    const before = arrBefore(this.store, accountId, row.date) ?? this.arrAtStart.get(accountId) ?? null;
    if (row.arrMinor === null || before === null || row.arrMinor === before) return 'renewed';
    return row.arrMinor > before ? 'expanded' : 'downsized';
  }
}
