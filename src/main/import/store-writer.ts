// Writes validated import rows into the store, inside the import's one transaction: resolves accounts, users
// and features to integer ids (cached, so a million rows cost a million inserts and nothing more), stores each
// usage fact once, records what it changed in accounts and users so the import can be undone, and rolls the
// new events up into usage_daily. The usage path runs once per row of files with millions of rows: it allocates
// nothing on success (the caller reuses one fact object, 'inserted' is a shared constant) and only hands the
// row's ids and numbers to UsageChunks, which stores them a sorted chunk at a time (dedupe and rollup included);
// flushUsage writes the last chunk.
import type Database from 'better-sqlite3';
import type { AccountFact, UsageFact, UsageFlush, UserFact, WriteOutcome } from './store-facts';
import type { RowWarning } from './types';
import { UsageChunks } from './usage-chunks';
import { zoneClock, type ZoneClock } from './zone-clock';

type Row = Record<string, unknown>;

const INSERTED: WriteOutcome = Object.freeze({ kind: 'inserted' });
const UNCHANGED: WriteOutcome = Object.freeze({ kind: 'duplicate', duplicateOf: null, importId: null });

const ACCOUNT_COLUMNS = [
  ['name', 'name'],
  ['owner', 'owner'],
  ['industry', 'industry'],
  ['arrMinor', 'arr_minor'],
  ['currency', 'currency'],
  ['licenses', 'licenses'],
  ['contractStart', 'contract_start'],
  ['renewalDate', 'renewal_date'],
  ['crmStage', 'crm_stage'],
] as const;

const USER_COLUMNS = [
  ['email', 'email'],
  ['name', 'name'],
  ['role', 'role'],
  ['department', 'department'],
] as const;

/** Trimmed text or null. The validator already trims, so the usual answer is the value itself (no new string). */
function norm(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return value;
  const v = value.trim();
  return v === '' ? null : v;
}

/** A record without a name: the name it was given (kept = the name of the account it matched, which stays). */
function namelessWarning(fact: AccountFact, kept: string | null): RowWarning {
  const id = fact.externalId ? ` (id "${fact.externalId}")` : '';
  return {
    code: 'nameless_account',
    message: kept !== null
      ? `The record${id} has no name; the account keeps its name "${kept}".`
      : `The record${id} has no name: kept as "${fact.name}", named by its ${fact.nameFrom === 'domain' ? 'domain' : 'id'}. Rename it in your CRM and import again.`,
  };
}

function sameNameWarning(name: string, externalId: string, otherExternalId: string): RowWarning {
  return {
    code: 'same_name_account',
    message: `Another account is also named "${name}"${otherExternalId ? ` (id "${otherExternalId}")` : ''}: this record (id "${externalId}") is kept as a second account, since its id differs.`,
  };
}

export interface StoreWriterOptions {
  /** Duplicates listed in the usage summary (all are counted). */
  listLimit?: number;
  /** Usage rows per sorted chunk (see UsageChunks); tests use small chunks. */
  chunkRows?: number;
}

export class StoreWriter {
  private readonly accountsByExternal = new Map<string, number>();
  private readonly accountsByName = new Map<string, number>();
  /** Accounts with no external id yet: created from a name (usage before CRM), completed by an accounts file. */
  private readonly accountsWithoutExternal = new Set<number>();
  private readonly usersByExternal = new Map<string, { id: number; accountId: number }>();
  private readonly features = new Map<string, number>();
  private readonly touchedAccounts = new Set<number>();
  private readonly touchedUsers = new Set<number>();
  private readonly updates = new Map<string, Database.Statement>();
  private readonly statements;
  private readonly clock: ZoneClock;
  /** Created with the first usage row: an accounts or users file allocates no chunk. */
  private usage: UsageChunks | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly importId: number,
    timeZone: string,
    private readonly options: StoreWriterOptions = {},
  ) {
    this.clock = zoneClock(timeZone);
    for (const r of sqlite.prepare('SELECT id, external_id, name FROM accounts').all() as Row[]) {
      if (r.external_id) this.accountsByExternal.set(String(r.external_id), Number(r.id));
      else this.accountsWithoutExternal.add(Number(r.id));
      this.accountsByName.set(String(r.name).toLowerCase(), Number(r.id));
    }
    for (const r of sqlite.prepare('SELECT id, external_id, account_id FROM users').all() as Row[]) {
      this.usersByExternal.set(String(r.external_id), { id: Number(r.id), accountId: Number(r.account_id) });
    }
    for (const r of sqlite.prepare('SELECT id, key FROM features').all() as Row[]) this.features.set(String(r.key), Number(r.id));
    this.statements = {
      insertAccount: sqlite.prepare('INSERT INTO accounts (external_id, name) VALUES (?, ?)'),
      insertUser: sqlite.prepare('INSERT INTO users (account_id, external_id, email, name) VALUES (?, ?, ?, ?)'),
      insertFeature: sqlite.prepare('INSERT INTO features (key, name) VALUES (?, ?)'),
      change: sqlite.prepare('INSERT INTO import_changes (import_id, table_name, row_id, before) VALUES (?, ?, ?, ?)'),
      accountRow: sqlite.prepare('SELECT * FROM accounts WHERE id = ?'),
      userRow: sqlite.prepare('SELECT * FROM users WHERE id = ?'),
    };
  }

  get distinctAccounts(): number {
    return this.touchedAccounts.size;
  }

  get accountIds(): number[] {
    return [...this.touchedAccounts];
  }

  get distinctUsers(): number {
    return this.touchedUsers.size;
  }

  private recordCreated(table: 'accounts' | 'users' | 'features', id: number) {
    this.statements.change.run(this.importId, table, id, null);
  }

  private ensureAccount(externalId: string | null, name: string | null): number | null {
    if (externalId !== null) {
      const known = this.accountsByExternal.get(externalId);
      if (known !== undefined) return known;
    } else if (name !== null) {
      const known = this.accountsByName.get(name.toLowerCase());
      if (known !== undefined) return known;
    }
    if (externalId === null && name === null) return null;
    // Usage often arrives before the CRM export: the account is created from what the usage file says and
    // completed when the accounts file is imported (matched on the same external id, or on the name).
    const id = Number(this.statements.insertAccount.run(externalId, name ?? externalId).lastInsertRowid);
    this.recordCreated('accounts', id);
    if (externalId !== null) this.accountsByExternal.set(externalId, id);
    else this.accountsWithoutExternal.add(id);
    this.accountsByName.set((name ?? externalId ?? '').toLowerCase(), id);
    return id;
  }

  private ensureFeature(key: string | null): number {
    if (key === null) return 0;
    let id = this.features.get(key);
    if (id === undefined) {
      id = Number(this.statements.insertFeature.run(key, key).lastInsertRowid);
      this.recordCreated('features', id);
      this.features.set(key, id);
    }
    return id;
  }

  /**
   * One usage fact: 'rejected', or staged and answered 'inserted'. Whether a staged row is a duplicate (already
   * stored, by this file or an earlier import) is settled when its chunk is written; flushUsage tells the total.
   */
  writeUsage(fact: UsageFact, line: number): WriteOutcome {
    const email = norm(fact.email);
    const userKey = norm(fact.userExternalId) ?? (email === null ? null : email.toLowerCase());
    const accountExternal = norm(fact.accountExternalId);
    const accountName = norm(fact.accountName);
    if (userKey === null) {
      // Checked before any account is created: a rejected row leaves nothing behind.
      return accountExternal === null && accountName === null
        ? { kind: 'rejected', code: 'anonymous_no_account', reason: 'The row names neither an account nor a user, so it cannot be attributed to a customer.' }
        : { kind: 'rejected', code: 'anonymous_user', reason: 'The row has an account but only an anonymous device id; Bearing counts known users, so it was left out.' };
    }
    // A known user's events count for the user's account (the row's account may be spelled differently).
    let user = this.usersByExternal.get(userKey);
    if (user === undefined) {
      const accountId = this.ensureAccount(accountExternal, accountName);
      if (accountId === null) {
        return {
          kind: 'rejected',
          code: 'anonymous_no_account',
          reason: `User "${userKey.slice(0, 60)}" is not known and the row names no account, so it cannot be attributed to a customer.`,
        };
      }
      const id = Number(this.statements.insertUser.run(accountId, userKey, email, null).lastInsertRowid);
      this.recordCreated('users', id);
      user = { id, accountId };
      this.usersByExternal.set(userKey, user);
    }
    const featureId = this.ensureFeature(norm(fact.feature));
    const day = fact.day ?? this.clock.dayNumber(fact.ts);
    // Staged, not yet stored: whether it is a duplicate is settled when its chunk is written, and flushUsage
    // corrects the caller's counts for the rows that turn out to be.
    this.usage ??= new UsageChunks(this.sqlite, this.importId, {
      listLimit: this.options.listLimit,
      chunkRows: this.options.chunkRows,
      touchedAccounts: this.touchedAccounts,
      touchedUsers: this.touchedUsers,
    });
    this.usage.add(user.accountId, user.id, featureId, fact.ts, day, fact.count, fact.minutes, line, fact.dateMin, fact.dateMax);
    return INSERTED;
  }

  /** Creates or updates an account; 'duplicate' when the store already holds exactly this. */
  writeAccount(fact: AccountFact): WriteOutcome {
    const externalId = norm(fact.externalId);
    const byName = this.accountsByName.get(fact.name.toLowerCase());
    let existingId = externalId !== null ? this.accountsByExternal.get(externalId) : byName;
    const values: Row = {};
    // An account created by name from a usage file (no external id yet) is the same customer: complete it
    // rather than create a second account of the same name beside the one holding the usage.
    if (existingId === undefined && externalId !== null && byName !== undefined && this.accountsWithoutExternal.has(byName)) {
      existingId = byName;
      values.external_id = externalId;
    }
    for (const [key, column] of ACCOUNT_COLUMNS) {
      const v = fact[key];
      if (v !== undefined && v !== null && v !== '') values[column] = v;
    }
    const nameless = fact.nameFrom !== undefined && fact.nameFrom !== 'name';
    // A record without a name never renames an account: its domain or id only names an account it creates.
    if (nameless) delete values.name;
    if (existingId === undefined) {
      // Two records of the same name and different ids are two customers (a CRM's duplicates, or two
      // subsidiaries): never merged by name, and said.
      const sameName = externalId !== null && byName !== undefined ? this.otherExternalId(byName) : null;
      const id = Number(this.statements.insertAccount.run(externalId, fact.name).lastInsertRowid);
      this.update('accounts', id, values);
      this.recordCreated('accounts', id);
      if (externalId !== null) this.accountsByExternal.set(externalId, id);
      else this.accountsWithoutExternal.add(id);
      this.accountsByName.set(fact.name.toLowerCase(), id);
      this.touchedAccounts.add(id);
      if (nameless) return { kind: 'inserted', warning: namelessWarning(fact, null) };
      return sameName === null ? INSERTED : { kind: 'inserted', warning: sameNameWarning(fact.name, String(externalId), sameName) };
    }
    const id = existingId;
    const outcome = this.updateIfChanged('accounts', id, values, () => {
      this.touchedAccounts.add(id);
      if (externalId !== null && this.accountsWithoutExternal.delete(id)) this.accountsByExternal.set(externalId, id);
    });
    if (!nameless || outcome.kind === 'rejected') return outcome;
    const kept = String((this.statements.accountRow.get(id) as Row).name);
    return { ...outcome, warning: namelessWarning(fact, kept) };
  }

  /** The external id of an account found by name (for the same-name warning); '' when it has none. */
  private otherExternalId(accountId: number): string {
    return String((this.statements.accountRow.get(accountId) as Row).external_id ?? '');
  }

  writeUser(fact: UserFact): WriteOutcome {
    const key = norm(fact.externalId) ?? norm(fact.email)?.toLowerCase() ?? null;
    if (!key) return { kind: 'rejected', code: 'missing_value', reason: 'The row has neither a user id nor an email.' };
    const existing = this.usersByExternal.get(key);
    const accountExternal = norm(fact.accountExternalId);
    const accountName = norm(fact.accountName);
    if (!existing && accountExternal === null && accountName === null) {
      return { kind: 'rejected', code: 'anonymous_no_account', reason: `User "${key.slice(0, 60)}" names no account and is not known yet.` };
    }
    const accountId = this.ensureAccount(accountExternal, accountName) ?? (existing as { accountId: number }).accountId;
    const values: Row = { account_id: accountId };
    for (const [k, column] of USER_COLUMNS) {
      const v = fact[k];
      if (v !== undefined && v !== null && v !== '') values[column] = v;
    }
    if (!existing) {
      const id = Number(this.statements.insertUser.run(accountId, key, norm(fact.email), norm(fact.name)).lastInsertRowid);
      this.update('users', id, values);
      this.recordCreated('users', id);
      this.usersByExternal.set(key, { id, accountId });
      this.touchedUsers.add(id);
      this.touchedAccounts.add(accountId);
      return INSERTED;
    }
    return this.updateIfChanged('users', existing.id, values, () => {
      this.touchedUsers.add(existing.id);
      this.touchedAccounts.add(accountId);
      existing.accountId = accountId;
    });
  }

  /** One prepared UPDATE per set of columns (an accounts file has one or two shapes, not one per row). */
  private update(table: 'accounts' | 'users', id: number, values: Row) {
    const columns = Object.keys(values);
    if (columns.length === 0) return;
    const sql = `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;
    let statement = this.updates.get(sql);
    if (!statement) this.updates.set(sql, (statement = this.sqlite.prepare(sql)));
    statement.run({ ...values, id });
  }

  private updateIfChanged(table: 'accounts' | 'users', id: number, values: Row, touched: () => void): WriteOutcome {
    const before = (table === 'accounts' ? this.statements.accountRow : this.statements.userRow).get(id) as Row;
    const changed = Object.entries(values).some(([column, v]) => before[column] !== v);
    if (!changed) return UNCHANGED;
    this.statements.change.run(this.importId, table, id, JSON.stringify(before));
    this.update(table, id, values);
    touched();
    return INSERTED;
  }

  /**
   * Writes the last chunk of usage rows (events and rollup, same transaction) and answers for all of them: how
   * many were stored, the duplicates (first `listLimit` in line order, with the line and import they repeat)
   * and the stored rows' dates. Nothing to do for accounts and users files.
   */
  flushUsage(): UsageFlush {
    return this.usage?.finish() ?? { staged: 0, inserted: 0, duplicates: [], duplicateCount: 0, dateRange: null };
  }
}
