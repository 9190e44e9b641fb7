// Writes validated import rows into the store, inside the import's one transaction: resolves accounts, users
// and features to integer ids (cached, so a million rows cost a million inserts and nothing more), stores each
// usage fact once, records what it changed in accounts and users so the import can be undone, and rolls the
// new events up into usage_daily.
import type Database from 'better-sqlite3';
import { zoneClock, type ZoneClock } from './zone-clock';

export interface UsageFact {
  accountExternalId: string | null;
  accountName: string | null;
  userExternalId: string | null;
  email: string | null;
  feature: string | null;
  ts: number;
  /** The local day (days since 1970-01-01) when the row names a day rather than an instant. */
  day?: number;
  count: number;
  minutes: number;
}

export interface AccountFact {
  externalId: string | null;
  name: string;
  owner?: string | null;
  industry?: string | null;
  arrMinor?: number | null;
  currency?: string | null;
  licenses?: number | null;
  contractStart?: string | null;
  renewalDate?: string | null;
  crmStage?: string | null;
}

export interface UserFact {
  externalId: string | null;
  email: string | null;
  name: string | null;
  role: 'end_user' | 'manager' | 'executive' | 'admin' | null;
  department: string | null;
  accountExternalId: string | null;
  accountName: string | null;
}

export type WriteOutcome =
  | { kind: 'inserted'; accountId: number; userId: number }
  | { kind: 'duplicate'; duplicateOf: number | null; importId: number | null }
  | { kind: 'rejected'; code: string; reason: string };

type Row = Record<string, unknown>;

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

function norm(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

export class StoreWriter {
  private readonly accountsByExternal = new Map<string, number>();
  private readonly accountsByName = new Map<string, number>();
  private readonly usersByExternal = new Map<string, { id: number; accountId: number }>();
  private readonly features = new Map<string, number>();
  private readonly touchedAccounts = new Set<number>();
  private readonly touchedUsers = new Set<number>();
  private readonly statements;
  private readonly clock: ZoneClock;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly importId: number,
    timeZone: string,
  ) {
    this.clock = zoneClock(timeZone);
    for (const r of sqlite.prepare('SELECT id, external_id, name FROM accounts').all() as Row[]) {
      if (r.external_id) this.accountsByExternal.set(String(r.external_id), Number(r.id));
      this.accountsByName.set(String(r.name).toLowerCase(), Number(r.id));
    }
    for (const r of sqlite.prepare('SELECT id, external_id, account_id FROM users').all() as Row[]) {
      this.usersByExternal.set(String(r.external_id), { id: Number(r.id), accountId: Number(r.account_id) });
    }
    for (const r of sqlite.prepare('SELECT id, key FROM features').all() as Row[]) this.features.set(String(r.key), Number(r.id));
    this.statements = {
      insertEvent: sqlite.prepare(
        'INSERT OR IGNORE INTO usage_events (account_id, user_id, feature_id, ts, day, count, minutes, import_id, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      original: sqlite.prepare('SELECT import_id, line FROM usage_events WHERE user_id = ? AND ts = ? AND feature_id = ?'),
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
    if (externalId) {
      const known = this.accountsByExternal.get(externalId);
      if (known !== undefined) return known;
    }
    if (name) {
      const known = this.accountsByName.get(name.toLowerCase());
      if (known !== undefined && !externalId) return known;
    }
    if (!externalId && !name) return null;
    // Usage often arrives before the CRM export: the account is created from what the usage file says and
    // completed when the accounts file is imported (matched on the same external id).
    const id = Number(this.statements.insertAccount.run(externalId, name ?? externalId).lastInsertRowid);
    this.recordCreated('accounts', id);
    if (externalId) this.accountsByExternal.set(externalId, id);
    this.accountsByName.set((name ?? externalId ?? '').toLowerCase(), id);
    return id;
  }

  private ensureFeature(key: string | null): number {
    if (!key) return 0;
    let id = this.features.get(key);
    if (id === undefined) {
      id = Number(this.statements.insertFeature.run(key, key).lastInsertRowid);
      this.recordCreated('features', id);
      this.features.set(key, id);
    }
    return id;
  }

  writeUsage(fact: UsageFact, line: number): WriteOutcome {
    const userKey = norm(fact.userExternalId) ?? norm(fact.email)?.toLowerCase() ?? null;
    let user = userKey ? this.usersByExternal.get(userKey) : undefined;
    let accountId = this.ensureAccount(norm(fact.accountExternalId), norm(fact.accountName));
    if (accountId === null) {
      if (!user) {
        return {
          kind: 'rejected',
          code: 'anonymous_no_account',
          reason: userKey
            ? `User "${userKey.slice(0, 60)}" is not known and the row names no account, so it cannot be attributed to a customer.`
            : 'The row names neither an account nor a user, so it cannot be attributed to a customer.',
        };
      }
      accountId = user.accountId;
    }
    if (!userKey) {
      return {
        kind: 'rejected',
        code: 'anonymous_user',
        reason: 'The row has an account but only an anonymous device id; Bearing counts known users, so it was left out.',
      };
    }
    if (!user) {
      const id = Number(this.statements.insertUser.run(accountId, userKey, norm(fact.email), null).lastInsertRowid);
      this.recordCreated('users', id);
      user = { id, accountId };
      this.usersByExternal.set(userKey, user);
    }
    const featureId = this.ensureFeature(norm(fact.feature));
    const day = fact.day ?? this.clock.dayNumber(fact.ts);
    const result = this.statements.insertEvent.run(user.accountId, user.id, featureId, fact.ts, day, fact.count, fact.minutes, this.importId, line);
    if (result.changes === 0) {
      const original = this.statements.original.get(user.id, fact.ts, featureId) as { import_id: number | null; line: number | null } | undefined;
      return { kind: 'duplicate', duplicateOf: original?.line ?? null, importId: original?.import_id ?? null };
    }
    this.touchedAccounts.add(user.accountId);
    this.touchedUsers.add(user.id);
    return { kind: 'inserted', accountId: user.accountId, userId: user.id };
  }

  /** Creates or updates an account; 'duplicate' when the store already holds exactly this. */
  writeAccount(fact: AccountFact, line: number): WriteOutcome {
    void line;
    const externalId = norm(fact.externalId);
    const existingId = externalId ? this.accountsByExternal.get(externalId) : this.accountsByName.get(fact.name.toLowerCase());
    const values: Row = {};
    for (const [key, column] of ACCOUNT_COLUMNS) {
      const v = fact[key];
      if (v !== undefined && v !== null && v !== '') values[column] = v;
    }
    if (existingId === undefined) {
      const id = Number(this.statements.insertAccount.run(externalId, fact.name).lastInsertRowid);
      this.update('accounts', id, values);
      this.recordCreated('accounts', id);
      if (externalId) this.accountsByExternal.set(externalId, id);
      this.accountsByName.set(fact.name.toLowerCase(), id);
      this.touchedAccounts.add(id);
      return { kind: 'inserted', accountId: id, userId: 0 };
    }
    return this.updateIfChanged('accounts', existingId, values, () => this.touchedAccounts.add(existingId));
  }

  writeUser(fact: UserFact, line: number): WriteOutcome {
    void line;
    const key = norm(fact.externalId) ?? norm(fact.email)?.toLowerCase() ?? null;
    if (!key) return { kind: 'rejected', code: 'missing_value', reason: 'The row has neither a user id nor an email.' };
    const existing = this.usersByExternal.get(key);
    const accountId = this.ensureAccount(norm(fact.accountExternalId), norm(fact.accountName)) ?? existing?.accountId ?? null;
    if (accountId === null) {
      return { kind: 'rejected', code: 'anonymous_no_account', reason: `User "${key.slice(0, 60)}" names no account and is not known yet.` };
    }
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
      return { kind: 'inserted', accountId, userId: id };
    }
    return this.updateIfChanged('users', existing.id, values, () => {
      this.touchedUsers.add(existing.id);
      existing.accountId = accountId;
    });
  }

  private update(table: 'accounts' | 'users', id: number, values: Row) {
    const columns = Object.keys(values);
    if (columns.length === 0) return;
    this.sqlite.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...values, id });
  }

  private updateIfChanged(table: 'accounts' | 'users', id: number, values: Row, touched: () => void): WriteOutcome {
    const before = (table === 'accounts' ? this.statements.accountRow : this.statements.userRow).get(id) as Row;
    const changed = Object.entries(values).some(([column, v]) => before[column] !== v);
    if (!changed) return { kind: 'duplicate', duplicateOf: null, importId: null };
    this.statements.change.run(this.importId, table, id, JSON.stringify(before));
    this.update(table, id, values);
    touched();
    return { kind: 'inserted', accountId: table === 'accounts' ? id : Number(before.account_id), userId: table === 'users' ? id : 0 };
  }

  /** Adds this import's new events to the daily rollup (same transaction as the events themselves). */
  rollUp(): void {
    this.sqlite
      .prepare(
        `INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes)
         SELECT account_id, user_id, feature_id, day, sum(count), sum(minutes)
         FROM usage_events WHERE import_id = ? GROUP BY account_id, day, user_id, feature_id
         ON CONFLICT (account_id, day, user_id, feature_id)
         DO UPDATE SET events = events + excluded.events, minutes = minutes + excluded.minutes`,
      )
      .run(this.importId);
  }
}

/** Undoes an import: its events leave the rollups and the store; accounts and users go back to how they were. */
export function undoImportRows(sqlite: Database.Database, importId: number): void {
  sqlite
    .prepare(
      `UPDATE usage_daily SET
         events = events - (SELECT sum(e.count) FROM usage_events e WHERE e.import_id = :id AND e.account_id = usage_daily.account_id
                            AND e.user_id = usage_daily.user_id AND e.feature_id = usage_daily.feature_id AND e.day = usage_daily.day),
         minutes = minutes - (SELECT sum(e.minutes) FROM usage_events e WHERE e.import_id = :id AND e.account_id = usage_daily.account_id
                            AND e.user_id = usage_daily.user_id AND e.feature_id = usage_daily.feature_id AND e.day = usage_daily.day)
       WHERE (account_id, day, user_id, feature_id) IN
         (SELECT account_id, day, user_id, feature_id FROM usage_events WHERE import_id = :id)`,
    )
    .run({ id: importId });
  sqlite.prepare('DELETE FROM usage_daily WHERE events <= 0').run();
  sqlite.prepare('DELETE FROM usage_events WHERE import_id = ?').run(importId);
  const changes = sqlite
    .prepare('SELECT table_name, row_id, before FROM import_changes WHERE import_id = ? ORDER BY id DESC')
    .all(importId) as { table_name: 'accounts' | 'users' | 'features'; row_id: number; before: string | null }[];
  for (const change of changes) {
    if (change.before === null) {
      // Created by this import: remove it unless later data now depends on it.
      const inUse =
        change.table_name === 'accounts'
          ? sqlite.prepare('SELECT 1 FROM usage_events WHERE account_id = ? UNION ALL SELECT 1 FROM users WHERE account_id = ? LIMIT 1').get(change.row_id, change.row_id)
          : change.table_name === 'users'
            ? sqlite.prepare('SELECT 1 FROM usage_events WHERE user_id = ? LIMIT 1').get(change.row_id)
            : sqlite.prepare('SELECT 1 FROM usage_events WHERE feature_id = ? LIMIT 1').get(change.row_id);
      if (!inUse) sqlite.prepare(`DELETE FROM ${change.table_name} WHERE id = ?`).run(change.row_id);
    } else {
      const before = JSON.parse(change.before) as Row;
      const columns = Object.keys(before).filter((c) => c !== 'id');
      sqlite
        .prepare(`UPDATE ${change.table_name} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
        .run({ ...before, id: change.row_id });
    }
  }
}
