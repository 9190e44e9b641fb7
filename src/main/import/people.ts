// The people an import meets, inside its one transaction. A person is identified by the source's user id or by
// their e-mail (trimmed, any case), never by display name: two "Anna Schmidt"s at two customers are two users,
// and one consultant's e-mail at two customers is one person seen at both. Each user has a home account
// (users.account_id: the first account seen, or the one a users file names) and the other accounts their usage
// names (user_accounts), so that every account counts the people active there. A file with display names only (no
// id, no e-mail) can still be imported: its people are told apart by name within each account, and the summary says so.
import type Database from 'better-sqlite3';
import { ownCopy } from './own-copy';
import type { ImportWarning } from './store-facts';

export interface KnownUser {
  id: number;
  /** The home account. */
  accountId: number;
  /** Other accounts the user was seen at (null: none). */
  others: number[] | null;
  named: boolean;
  label: string;
}

type Row = Record<string, unknown>;

/** A user id or e-mail as a key: e-mails (and ids that are e-mails) compare in any case. */
export function personKey(value: string): string {
  return value.includes('@') ? value.toLowerCase() : value;
}

/** The key of someone known only by display name: the same name at the same account is taken as one person. */
export function nameKey(accountId: number, name: string): string {
  return `name:${accountId}:${name.toLowerCase()}`;
}

export class People {
  private readonly byKey = new Map<string, KnownUser>();
  private readonly byEmail = new Map<string, KnownUser>();
  /** Users this import already warned about (one warning a person). */
  private readonly warned = new Set<number>();
  private warnedByName = false;
  readonly warnings: ImportWarning[] = [];
  private readonly statements;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly recordChange: (table: 'users', id: number, before: string | null) => void,
    private readonly warningLimit: number,
  ) {
    const byId = new Map<number, KnownUser>();
    for (const r of sqlite.prepare('SELECT id, external_id, account_id, email, name FROM users').all() as Row[]) {
      const email = typeof r.email === 'string' && r.email !== '' ? r.email.toLowerCase() : null;
      const user: KnownUser = { id: Number(r.id), accountId: Number(r.account_id), others: null, named: r.name !== null, label: String(r.name ?? r.email ?? r.external_id) };
      byId.set(user.id, user);
      this.byKey.set(String(r.external_id), user);
      if (email !== null && !this.byEmail.has(email)) this.byEmail.set(email, user);
    }
    for (const r of sqlite.prepare('SELECT user_id, account_id FROM user_accounts').all() as Row[]) {
      const user = byId.get(Number(r.user_id));
      if (user && Number(r.account_id) !== user.accountId) (user.others ??= []).push(Number(r.account_id));
    }
    this.statements = {
      insertUser: sqlite.prepare('INSERT INTO users (account_id, external_id, email, name) VALUES (?, ?, ?, ?)'),
      seenAt: sqlite.prepare('INSERT OR IGNORE INTO user_accounts (user_id, account_id) VALUES (?, ?)'),
      userRow: sqlite.prepare('SELECT * FROM users WHERE id = ?'),
      setName: sqlite.prepare('UPDATE users SET name = ? WHERE id = ?'),
      usageAt: sqlite.prepare('SELECT 1 FROM usage_events WHERE user_id = ? AND account_id = ? LIMIT 1'),
      accountName: sqlite.prepare('SELECT name FROM accounts WHERE id = ?').pluck(),
    };
  }

  /** The user with this key, else (a new id for a known e-mail) the user with this e-mail. */
  find(key: string, emailKey: string | null): KnownUser | undefined {
    const user = this.byKey.get(key);
    if (user !== undefined || emailKey === null) return user;
    const byEmail = this.byEmail.get(emailKey);
    if (byEmail !== undefined) this.byKey.set(ownCopy(key), byEmail);
    return byEmail;
  }

  create(cellKey: string, cellEmail: string | null, name: string | null, accountId: number): KnownUser {
    const key = ownCopy(cellKey);
    const email = ownCopy(cellEmail);
    const id = Number(this.statements.insertUser.run(accountId, key, email, name).lastInsertRowid);
    this.recordChange('users', id, null);
    const user: KnownUser = { id, accountId, others: null, named: name !== null, label: name ?? email ?? key };
    this.byKey.set(key, user);
    if (email !== null && !this.byEmail.has(email.toLowerCase())) this.byEmail.set(email.toLowerCase(), user);
    return user;
  }

  /** A usage file's display name completes a user who has none yet (undone with the import). */
  nameIfMissing(user: KnownUser, name: string): void {
    if (user.named) return;
    user.named = true;
    user.label = name;
    this.recordChange('users', user.id, JSON.stringify(this.statements.userRow.get(user.id)));
    this.statements.setName.run(name, user.id);
  }

  /** Every account the user is known at: home first. */
  knownAccounts(user: KnownUser): number[] {
    return user.others === null ? [user.accountId] : [user.accountId, ...user.others];
  }

  /** A row puts the user at `accountId`: remembered when it is not their home, and said once per person. */
  seenAt(user: KnownUser, accountId: number, line: number): void {
    if (accountId === user.accountId || user.others?.includes(accountId)) return;
    (user.others ??= []).push(accountId);
    this.statements.seenAt.run(user.id, accountId);
    if (this.warned.has(user.id)) return;
    this.warned.add(user.id);
    const names = this.knownAccounts(user).map((a) => String(this.statements.accountName.get(a) ?? a));
    this.warn(line, 'user_at_several_accounts',
      `${user.label} is seen at ${names.length} accounts (${names.join(', ')}): one person, counted as a user of each account their rows name.`);
  }

  /** A users file (the CRM) moves the person's home; an account their usage named before still counts them. */
  moveHome(user: KnownUser, accountId: number, line: number): void {
    const before = user.accountId;
    user.accountId = accountId;
    user.others = user.others?.filter((a) => a !== accountId) ?? null;
    if (user.others?.length === 0) user.others = null;
    if (this.statements.usageAt.get(user.id, before) !== undefined) this.seenAt(user, before, line);
  }

  /** Once per import: a file of display names only. */
  warnByName(line: number): void {
    if (this.warnedByName) return;
    this.warnedByName = true;
    this.warn(line, 'users_by_name',
      'This file names people only by display name (no user id or e-mail): Bearing tells them apart by name within each account, so two people of the same name at one account count as one. Map a user id or e-mail column to tell them apart.');
  }

  private warn(line: number | null, code: string, message: string): void {
    if (this.warnings.length < this.warningLimit) this.warnings.push({ line, code, message });
  }
}
