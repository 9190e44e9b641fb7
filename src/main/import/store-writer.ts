// Writes validated import rows into the store, inside the import's one transaction: resolves accounts, users
// and features to integer ids (cached, so a million rows cost a million inserts and nothing more), stores each
// usage fact once, records what it changed in accounts and users so the import can be undone, and rolls the
// new events up into usage_daily. The usage path runs once per row of files with millions of rows: it allocates
// nothing on success (the caller reuses one fact object, 'inserted' is a shared constant) and only appends the
// row to a temp staging table (batched); flushUsage moves the staged rows into usage_events in one sorted,
// set-based pass (dedupe included) before the rollup, in the same transaction.
import type Database from 'better-sqlite3';
import { zoneClock, type ZoneClock } from './zone-clock';

export { undoImportRows } from './undo';

import type { AccountFact, UsageFact, UsageFlush, UserFact, WriteOutcome } from './store-facts';
export type { AccountFact, UsageFact, UsageFlush, UserFact, WriteOutcome } from './store-facts';

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

const STAGE_COLUMNS = 10;
const STAGE_BATCH = 64;

function stagingInsert(rows: number): string {
  const values = `(${new Array<string>(STAGE_COLUMNS).fill('?').join(', ')})`;
  return `INSERT INTO temp.import_staging (account_id, user_id, feature_id, ts, day, count, minutes, line, date_min, date_max) VALUES ${new Array<string>(rows).fill(values).join(', ')}`;
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
  private staged = 0;
  /** Staged rows are inserted STAGE_BATCH at a time (one statement call per batch, not per row). */
  private readonly stageBuffer: (number | null)[] = new Array<number | null>(STAGE_BATCH * STAGE_COLUMNS).fill(null);
  private stageFill = 0;
  private flushed: UsageFlush | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly importId: number,
    timeZone: string,
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
    // Usage rows are appended to a connection-local staging table during the read (no index: the cheapest insert
    // there is) and reach usage_events in one sorted pass at the end, in the same transaction (flushUsage).
    sqlite.exec('DROP TABLE IF EXISTS temp.import_staging');
    sqlite.exec(
      'CREATE TEMP TABLE import_staging (account_id INTEGER, user_id INTEGER, feature_id INTEGER, ts INTEGER, day INTEGER, count INTEGER, minutes REAL, line INTEGER, date_min INTEGER, date_max INTEGER)',
    );
    this.statements = {
      stageBatch: sqlite.prepare(stagingInsert(STAGE_BATCH)),
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
   * stored, by this file or an earlier import) is settled by flushUsage at the end of the file.
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
    // Staged, not yet stored: whether it is a duplicate is settled set-based by flushUsage, which corrects the
    // caller's counts for the rows that turn out to be.
    const b = this.stageBuffer;
    let i = this.stageFill;
    b[i++] = user.accountId;
    b[i++] = user.id;
    b[i++] = featureId;
    b[i++] = fact.ts;
    b[i++] = day;
    b[i++] = fact.count;
    b[i++] = fact.minutes;
    b[i++] = line;
    b[i++] = fact.dateMin;
    b[i++] = fact.dateMax;
    this.stageFill = i;
    if (i === b.length) {
      this.statements.stageBatch.run(b);
      this.stageFill = 0;
    }
    this.staged++;
    this.touchedAccounts.add(user.accountId);
    this.touchedUsers.add(user.id);
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
    if (existingId === undefined) {
      const id = Number(this.statements.insertAccount.run(externalId, fact.name).lastInsertRowid);
      this.update('accounts', id, values);
      this.recordCreated('accounts', id);
      if (externalId !== null) this.accountsByExternal.set(externalId, id);
      else this.accountsWithoutExternal.add(id);
      this.accountsByName.set(fact.name.toLowerCase(), id);
      this.touchedAccounts.add(id);
      return INSERTED;
    }
    const id = existingId;
    return this.updateIfChanged('accounts', id, values, () => {
      this.touchedAccounts.add(id);
      if (externalId !== null && this.accountsWithoutExternal.delete(id)) this.accountsByExternal.set(externalId, id);
    });
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
   * Stores the staged usage rows (same transaction): one INSERT in the dedupe key's order, so usage_events and its
   * unique index are written in key order rather than at random positions. Within the file the first occurrence
   * by line wins (line breaks ties in the sort); a row whose key is already stored is a duplicate of that row.
   * When every staged row was stored (the usual case) nothing else needs looking at; otherwise the duplicates are
   * found by one probe per staged row, and the counts, users, accounts and dates are taken from the stored rows.
   */
  flushUsage(limit: number): UsageFlush {
    const result: UsageFlush = { staged: this.staged, inserted: 0, duplicates: [], duplicateCount: 0, dateRange: null };
    this.flushed = result;
    if (this.staged === 0) return result;
    if (this.stageFill > 0) {
      this.sqlite.prepare(stagingInsert(this.stageFill / STAGE_COLUMNS)).run(this.stageBuffer.slice(0, this.stageFill));
      this.stageFill = 0;
    }
    result.inserted = this.sqlite
      .prepare(
        `INSERT OR IGNORE INTO usage_events (account_id, user_id, feature_id, ts, day, count, minutes, import_id, line)
         SELECT account_id, user_id, feature_id, ts, day, count, minutes, ?, line FROM temp.import_staging
         ORDER BY user_id, ts, feature_id, line`,
      )
      .run(this.importId).changes;
    result.duplicateCount = this.staged - result.inserted;
    if (result.duplicateCount === 0) return result;
    const probe = 'JOIN usage_events e ON e.user_id = s.user_id AND e.ts = s.ts AND e.feature_id = s.feature_id';
    const duplicates = this.sqlite
      .prepare(`SELECT s.line, e.line AS duplicateOf, e.import_id AS importId FROM temp.import_staging s ${probe}
                WHERE NOT (e.import_id IS ? AND e.line IS s.line) ORDER BY s.rowid`)
      .iterate(this.importId) as IterableIterator<{ line: number; duplicateOf: number | null; importId: number | null }>;
    for (const d of duplicates) {
      if (result.duplicates.length >= limit) break;
      result.duplicates.push(d);
    }
    const range = this.sqlite
      .prepare(`SELECT min(coalesce(s.date_min, s.ts)) AS min, max(coalesce(s.date_max, s.ts)) AS max FROM temp.import_staging s ${probe}
                WHERE e.import_id IS ? AND e.line IS s.line`)
      .get(this.importId) as { min: number | null; max: number | null };
    result.dateRange = range.min === null || range.max === null ? null : { min: range.min, max: range.max };
    this.touchedAccounts.clear();
    this.touchedUsers.clear();
    for (const [account, user] of this.sqlite.prepare('SELECT DISTINCT account_id, user_id FROM usage_events WHERE import_id = ?').raw().iterate(this.importId) as IterableIterator<[number, number]>) {
      this.touchedAccounts.add(account);
      this.touchedUsers.add(user);
    }
    return result;
  }

  /**
   * Adds this import's new events to the daily rollup (same transaction as the events themselves). One sorted
   * pass at the end: the rows reach usage_daily in its key order, which is several times faster than updating the
   * rollup row by row in file order (a trigger doing that measured about twice as slow on a million events).
   * When no staged row was a duplicate the staging table holds exactly the new events and is read instead of
   * usage_events (no index lookups). Drops the staging table.
   */
  rollUp(): void {
    const fromStaging = this.flushed !== null && this.flushed.duplicateCount === 0;
    const source = fromStaging ? 'temp.import_staging' : 'usage_events WHERE import_id = ?';
    const statement = this.sqlite.prepare(
      `INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes)
       SELECT account_id, user_id, feature_id, day, sum(count), sum(minutes)
       FROM ${source}${fromStaging ? ' WHERE true' : ''} GROUP BY account_id, day, user_id, feature_id
       ON CONFLICT (account_id, day, user_id, feature_id)
       DO UPDATE SET events = events + excluded.events, minutes = minutes + excluded.minutes`,
    );
    if (fromStaging) statement.run();
    else statement.run(this.importId);
    this.sqlite.exec('DROP TABLE IF EXISTS temp.import_staging');
  }
}
