// Writes validated import rows into the store, inside the import's one transaction: resolves accounts, users
// and features to integer ids (cached, so a million rows cost a million inserts and nothing more), stores each
// usage fact once, records what it changed in accounts and users so the import can be undone, and rolls the
// new events up into usage_daily. The usage path runs once per row of files with millions of rows: it allocates
// nothing on success (the caller reuses one fact object, 'inserted' is a shared constant) and only hands the
// row's ids and numbers to UsageChunks, which stores them a sorted chunk at a time (dedupe and rollup included);
// flushUsage writes the last chunk.
import type Database from 'better-sqlite3';
import { CampaignWriter } from './campaign-writer';
import { CatalogueWriter } from './catalogue-writer';
import { accountValues, INSERTED, RecordWriter, type Row, userValues } from './record-writer';
import { RelationshipWriter } from './relationship-writer';
import { RenewalWriter } from './renewal-writer';
import type { PhaseClock } from './phase-clock';
import type { AccountFact, UsageFact, UsageFlush, UserFact, WriteOutcome } from './store-facts';
import { namelessWarning, sameNameWarning } from './account-warnings';
import { ownCopy } from './own-copy';
import { nameKey, People, personKey, type KnownUser } from './people';
import { UsageChunks } from './usage-chunks';
import { zoneClock, type ZoneClock } from './zone-clock';

const SKIPPED_NOT_IN_BOOK: WriteOutcome = Object.freeze({ kind: 'skipped', reason: 'account_not_in_book' });
/** ensureAccount's answer for an account outside the book while the CSM keeps the book to their own accounts. */
const NOT_IN_BOOK = -1;

/** Trimmed text or null. The validator already trims, so the usual answer is the value itself (no new string). */
function norm(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return value;
  const v = value.trim();
  return v === '' ? null : v;
}

export interface StoreWriterOptions {
  /** Duplicates listed in the usage summary (all are counted). */
  listLimit?: number;
  /** Usage rows per sorted chunk (see UsageChunks); tests use small chunks. */
  chunkRows?: number;
  /** The CSM's choices on the mapping screen: event name -> the feature it counts as. */
  eventChoices?: Record<string, string>;
  /** Rows naming an account that is not in the store are skipped (account_not_in_book), never create one. */
  onlyBookAccounts?: boolean;
  /** The file maps an account column: an empty cell there is attributed (or refused as missing_account). */
  hasAccountColumn?: boolean;
  /** The tool that wrote the file: a ticket's id is unique within it. */
  source?: string;
  /** bench:import's phase timing, when it asked for it. */
  phases?: PhaseClock | null;
}

/** An account as the summary lists it, with the rows of this file that name it. */
export interface AccountTally {
  externalId: string | null;
  name: string;
  rows: number;
}

export class StoreWriter {
  private readonly accountsByExternal = new Map<string, number>();
  private readonly accountsByName = new Map<string, number>();
  /** Accounts with no external id yet: created from a name (usage before CRM), completed by an accounts file. */
  private readonly accountsWithoutExternal = new Set<number>();
  readonly people: People;
  /** Accounts this import created, with the rows naming them (the summary's accountsCreated). */
  readonly created = new Map<number, AccountTally & { id: number }>();
  /** Accounts outside the book that rows named, by external id or lower-case name (onlyBookAccounts). */
  readonly notInBook = new Map<string, AccountTally>();
  /** Rows with an empty account cell that went to their user's one known account. */
  readonly attributed: { line: number; accountId: number }[] = [];
  private readonly listLimit: number;
  readonly catalogue: CatalogueWriter;
  readonly renewals: RenewalWriter;
  /** Made with the first ticket or survey answer: a usage file never builds it. */
  private relationshipWriter: RelationshipWriter | null = null;
  /** Made with the first campaign recipient. */
  private campaignWriter: CampaignWriter | null = null;
  private readonly touchedAccounts = new Set<number>();
  private readonly touchedUsers = new Set<number>();
  private readonly records: RecordWriter;
  private readonly insertAccount: Database.Statement;
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
    this.listLimit = options.listLimit ?? 10_000;
    this.records = new RecordWriter(sqlite, importId);
    this.insertAccount = sqlite.prepare('INSERT INTO accounts (external_id, name) VALUES (?, ?)');
    this.people = new People(sqlite, (table, id, before) => this.records.recordChange(table, id, before), this.listLimit);
    this.catalogue = new CatalogueWriter(sqlite, importId, options.eventChoices);
    this.renewals = new RenewalWriter(sqlite, importId, (externalId, name) => this.bookAccount(norm(externalId), norm(name)));
  }

  get distinctAccounts(): number {
    const relationship = this.relationshipWriter?.touched;
    const campaigns = this.campaignWriter?.touched ?? [];
    return relationship === undefined && this.campaignWriter === null
      ? this.touchedAccounts.size
      : new Set([...this.touchedAccounts, ...(relationship ?? []), ...campaigns]).size;
  }

  get accountIds(): number[] {
    return [...new Set([...this.touchedAccounts, ...this.renewals.touched, ...(this.relationshipWriter?.touched ?? []), ...(this.campaignWriter?.touched ?? [])])];
  }

  get campaigns(): CampaignWriter {
    return (this.campaignWriter ??= new CampaignWriter(this.sqlite, this.importId, this.options.source ?? 'generic'));
  }

  get relationship(): RelationshipWriter {
    return (this.relationshipWriter ??= new RelationshipWriter(this.sqlite, this.importId, this.options.source ?? 'generic'));
  }

  get distinctUsers(): number {
    return this.touchedUsers.size;
  }

  /** The account a row names; created when new (listed in accountsCreated), or NOT_IN_BOOK when the book is closed. */
  private ensureAccount(externalCell: string | null, nameCell: string | null): number | null {
    if (externalCell !== null) {
      const known = this.accountsByExternal.get(externalCell);
      if (known !== undefined) return known;
    } else if (nameCell !== null) {
      const known = this.accountsByName.get(nameCell.toLowerCase());
      if (known !== undefined) return known;
    }
    if (externalCell === null && nameCell === null) return null;
    if (this.options.onlyBookAccounts) return NOT_IN_BOOK;
    // Kept for the rest of the import: copies, not views of the file's text.
    const externalId = ownCopy(externalCell);
    const name = ownCopy(nameCell);
    // Usage often arrives before the CRM export: the account is created from what the usage file says and
    // completed when the accounts file is imported (matched on the same external id, or on the name).
    const id = Number(this.insertAccount.run(externalId, name ?? externalId).lastInsertRowid);
    this.records.recordChange('accounts', id, null);
    if (externalId !== null) this.accountsByExternal.set(externalId, id);
    else this.accountsWithoutExternal.add(id);
    this.accountsByName.set((name ?? externalId ?? '').toLowerCase(), id);
    this.created.set(id, { id, externalId, name: name ?? (externalId as string), rows: 0 });
    return id;
  }

  /**
   * One usage fact: 'rejected', 'skipped' (an account outside the book), or staged and answered 'inserted'. The
   * row's own account column always wins; an empty account cell goes to the user's one known account, else the
   * row is refused. Whether a staged row is a duplicate is settled when its chunk is written (flushUsage).
   */
  writeUsage(fact: UsageFact, line: number): WriteOutcome {
    const id = norm(fact.userExternalId);
    // A user id that is an e-mail (Amplitude's user_id often is) is the person's e-mail too.
    const email = norm(fact.email) ?? (id !== null && id.includes('@') ? id : null);
    const emailKey = email === null ? null : email.toLowerCase();
    const key = id !== null ? personKey(id) : emailKey;
    const displayName = norm(fact.userName);
    const accountExternal = norm(fact.accountExternalId);
    const accountName = norm(fact.accountName);
    if (key === null && displayName === null) {
      // Checked before any account is created: a rejected row leaves nothing behind.
      return accountExternal === null && accountName === null
        ? { kind: 'rejected', code: 'anonymous_no_account', reason: 'The row names neither an account nor a user, so it cannot be attributed to a customer.' }
        : { kind: 'rejected', code: 'anonymous_user', reason: 'The row has an account but only an anonymous device id; Bearing counts known users, so it was left out.' };
    }
    let user = key === null ? undefined : this.people.find(key, emailKey);
    let accountId: number;
    if (accountExternal !== null || accountName !== null) {
      const resolved = this.ensureAccount(accountExternal, accountName);
      if (resolved === NOT_IN_BOOK) return this.leftOut(accountExternal, accountName);
      accountId = resolved as number;
    } else {
      const who = (key ?? displayName ?? '').slice(0, 60);
      if (user === undefined) {
        return this.options.hasAccountColumn
          ? { kind: 'rejected', code: 'missing_account', reason: `The account cell is empty and user "${who}" is not known at any account yet, so the row cannot be attributed to a customer.` }
          : { kind: 'rejected', code: 'anonymous_no_account', reason: `User "${who}" is not known and the row names no account, so it cannot be attributed to a customer.` };
      }
      const known = this.people.knownAccounts(user);
      if (known.length !== 1) {
        return { kind: 'rejected', code: 'missing_account', reason: `The account cell is empty and user "${who}" is known at ${known.length} accounts, so Bearing cannot tell which one this row belongs to. Fill in the account.` };
      }
      accountId = known[0];
      if (this.options.hasAccountColumn && this.attributed.length < this.listLimit) this.attributed.push({ line, accountId });
    }
    if (user === undefined) {
      if (key !== null) user = this.people.create(key, email, displayName, accountId);
      else {
        const byName = nameKey(accountId, displayName as string);
        this.people.warnByName(line);
        user = this.people.find(byName, null) ?? this.people.create(byName, null, displayName, accountId);
      }
    } else {
      if (displayName !== null && !user.named) this.people.nameIfMissing(user, displayName);
      if (user.accountId !== accountId) this.people.seenAt(user, accountId, line);
    }
    const created = this.created.get(accountId);
    if (created !== undefined) created.rows++;
    const feature = this.catalogue.usageFeature(norm(fact.event), norm(fact.feature));
    const day = fact.day ?? this.clock.dayNumber(fact.ts);
    // Staged, not yet stored: whether it is a duplicate is settled when its chunk is written, and flushUsage
    // corrects the caller's counts for the rows that turn out to be.
    this.usage ??= new UsageChunks(this.sqlite, this.importId, {
      listLimit: this.options.listLimit,
      chunkRows: this.options.chunkRows,
      touchedAccounts: this.touchedAccounts,
      touchedUsers: this.touchedUsers,
      phases: this.options.phases,
    });
    this.usage.add(accountId, user.id, feature.featureId, feature.eventId, feature.pinnedFeatureId, fact.ts, day, fact.count, fact.minutes, line, fact.dateMin, fact.dateMax);
    return INSERTED;
  }

  /** A row naming an account outside the book, when the CSM keeps the book to their own accounts: counted, skipped. */
  private leftOut(externalId: string | null, name: string | null): WriteOutcome {
    const k = externalId ?? (name as string).toLowerCase();
    const seen = this.notInBook.get(k);
    if (seen) seen.rows++;
    else this.notInBook.set(ownCopy(k), { externalId: ownCopy(externalId), name: ownCopy(name ?? (externalId as string)), rows: 1 });
    return SKIPPED_NOT_IN_BOOK;
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
    accountValues(fact, values);
    const nameless = fact.nameFrom !== undefined && fact.nameFrom !== 'name';
    // A record without a name never renames an account: its domain or id only names an account it creates.
    if (nameless) delete values.name;
    if (existingId === undefined) {
      // Two records of the same name and different ids are two customers (a CRM's duplicates, or two
      // subsidiaries): never merged by name, and said.
      const sameName = externalId !== null && byName !== undefined ? this.otherExternalId(byName) : null;
      const id = Number(this.insertAccount.run(externalId, fact.name).lastInsertRowid);
      this.records.update('accounts', id, values);
      this.records.recordChange('accounts', id, null);
      if (externalId !== null) this.accountsByExternal.set(externalId, id);
      else this.accountsWithoutExternal.add(id);
      this.accountsByName.set(fact.name.toLowerCase(), id);
      this.touchedAccounts.add(id);
      if (fact.features) this.catalogue.writeEntitlements(id, fact.features, true, true);
      if (nameless) return { kind: 'inserted', warning: namelessWarning(fact, null) };
      return sameName === null ? INSERTED : { kind: 'inserted', warning: sameNameWarning(fact.name, String(externalId), sameName) };
    }
    const id = existingId;
    const outcome = this.records.updateIfChanged('accounts', id, values, () => {
      this.touchedAccounts.add(id);
      if (externalId !== null && this.accountsWithoutExternal.delete(id)) this.accountsByExternal.set(externalId, id);
    });
    const entitled = fact.features ? this.catalogue.writeEntitlements(id, fact.features, true, true).kind === 'inserted' : false;
    if (entitled) this.touchedAccounts.add(id);
    const result: WriteOutcome = entitled && outcome.kind === 'duplicate' ? INSERTED : outcome;
    if (!nameless || result.kind === 'rejected' || result.kind === 'skipped') return result;
    const kept = String(this.records.row('accounts', id).name);
    return { ...result, warning: namelessWarning(fact, kept) };
  }

  /** The external id of an account found by name (for the same-name warning); '' when it has none. */
  private otherExternalId(accountId: number): string {
    return String(this.records.row('accounts', accountId).external_id ?? '');
  }

  /** An entitlements line: the account must be in the book (a file of entitlements creates no account). */
  writeEntitlement(fact: { accountExternalId: string | null; accountName: string | null; features: string[]; paid: boolean }): WriteOutcome {
    const externalId = norm(fact.accountExternalId);
    const name = norm(fact.accountName);
    const id = this.bookAccount(externalId, name);
    if (id === undefined) {
      return {
        kind: 'rejected',
        code: 'unknown_account',
        reason: `The account ${externalId ?? name ?? ''} is not in Bearing: import the accounts file first, then its entitlements.`,
      };
    }
    const outcome = this.catalogue.writeEntitlements(id, fact.features, fact.paid, false);
    if (outcome.kind === 'inserted') this.touchedAccounts.add(id);
    return outcome;
  }

  /** An account of the book by its CRM id, else its name (files that create no account: entitlements, renewals). */
  private bookAccount(externalId: string | null, name: string | null): number | undefined {
    return (externalId !== null ? this.accountsByExternal.get(externalId) : undefined) ?? (name !== null ? this.accountsByName.get(name.toLowerCase()) : undefined);
  }

  /** A catalogue line: a feature, its flags, and the event name or pattern that counts as it. */
  writeFeatureLine(fact: { pattern: string | null; feature: string; isKey: boolean | null; isPaid: boolean | null }): WriteOutcome {
    return this.catalogue.writeFeatureLine(norm(fact.pattern), fact.feature, fact.isKey, fact.isPaid);
  }

  /**
   * After the usage is flushed: stored events follow the rules this import wrote, and the accounts whose usage
   * moved between features (all of them when a key flag changed) are the import's touched accounts.
   */
  finishCatalogue(): void {
    const rederived = this.catalogue.finish();
    for (const id of rederived?.accountIds ?? []) this.touchedAccounts.add(id);
    if (this.catalogue.keyFlagsChanged) {
      for (const r of this.sqlite.prepare('SELECT id FROM accounts').all() as Row[]) this.touchedAccounts.add(Number(r.id));
    }
  }

  writeUser(fact: UserFact, line = 0): WriteOutcome {
    const email = norm(fact.email);
    const id = norm(fact.externalId);
    const key = id !== null ? personKey(id) : email === null ? null : email.toLowerCase();
    if (!key) return { kind: 'rejected', code: 'missing_value', reason: 'The row has neither a user id nor an email.' };
    const existing = this.people.find(key, email === null ? null : email.toLowerCase());
    const accountExternal = norm(fact.accountExternalId);
    const accountName = norm(fact.accountName);
    if (!existing && accountExternal === null && accountName === null) {
      return { kind: 'rejected', code: 'anonymous_no_account', reason: `User "${key.slice(0, 60)}" names no account and is not known yet.` };
    }
    const named = this.ensureAccount(accountExternal, accountName);
    if (named === NOT_IN_BOOK) return this.leftOut(accountExternal, accountName);
    const accountId = named ?? (existing as KnownUser).accountId;
    const created = this.created.get(accountId);
    if (created !== undefined) created.rows++;
    const values = userValues(fact, { account_id: accountId });
    if (!existing) {
      const user = this.people.create(key, email, norm(fact.name), accountId);
      this.records.update('users', user.id, values);
      this.touchedUsers.add(user.id);
      this.touchedAccounts.add(accountId);
      return INSERTED;
    }
    const homeBefore = existing.accountId;
    return this.records.updateIfChanged('users', existing.id, values, () => {
      this.touchedUsers.add(existing.id);
      this.touchedAccounts.add(accountId);
      if (fact.name) existing.named = true;
      if (homeBefore !== accountId) this.people.moveHome(existing, accountId, line);
    });
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
