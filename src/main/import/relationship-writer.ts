// Writes support tickets and survey answers inside the import's transaction. Neither creates an account: each
// row finds one of the book's, and says how (a ticket: the file's organization id, else its organization name,
// else the requester's e-mail domain when the book's people at that domain all belong to one account; an answer:
// the respondent's e-mail, which also names the user, else the file's account id or name). A row that finds none
// is rejected by line with what was tried. A re-imported ticket is updated (an open ticket since solved) and the
// update recorded, so undoing the import puts it back; a re-imported answer is a duplicate.
import type Database from 'better-sqlite3';
import type { WriteOutcome } from './store-facts';
import type { MeetingRow, SurveyAnswerRow, TicketRow } from './types';

type MatchedBy = 'organization_id' | 'organization' | 'email_domain';

/** Mail providers: a requester at gmail.com says nothing of their company. */
export const PUBLIC_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'icloud.com', 'me.com',
  'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'web.de', 'mail.com', 'yandex.ru', 'zoho.com',
]);

/** A company name without case, punctuation or a legal suffix: "Fabrikam, Inc." and "fabrikam inc" are one. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(inc|ltd|llc|gmbh|ag|sa|sas|bv|plc|corp|corporation|co|limited|company)\b/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const QBR_TITLE = /\b(qbr|ebr|quarterly business review|executive business review|business review)\b/i;

export const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

export class RelationshipWriter {
  /** Accounts whose tickets or answers this import wrote (their health is refreshed after). */
  readonly touched = new Set<number>();
  /** How many rows each way of matching found. */
  readonly matchCounts: Record<MatchedBy, number> = { organization_id: 0, organization: 0, email_domain: 0 };
  private readonly byExternal = new Map<string, number>();
  private readonly byName = new Map<string, number | null>();
  private readonly accountNames = new Map<number, string>();
  private domains: Map<string, number | null> | null = null;
  private readonly statements;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly importId: number,
    private readonly source: string,
  ) {
    for (const r of sqlite.prepare('SELECT id, external_id, name FROM accounts').all() as { id: number; external_id: string | null; name: string }[]) {
      if (r.external_id) this.byExternal.set(r.external_id, r.id);
      const key = nameKey(r.name);
      // Two accounts whose names differ only by punctuation: the name finds neither.
      this.byName.set(key, this.byName.has(key) ? null : r.id);
      this.accountNames.set(r.id, r.name);
    }
    this.statements = {
      ticket: sqlite.prepare('SELECT * FROM support_cases WHERE source = ? AND ticket_id = ?'),
      insertTicket: sqlite.prepare(
        `INSERT INTO support_cases (account_id, ticket_id, source, subject, opened_date, solved_date, status, priority, sla_breached, requester_email, matched_by, import_id)
         VALUES (@accountId, @ticketId, @source, @subject, @opened, @solved, @status, @priority, @sla, @email, @matchedBy, @importId)`,
      ),
      updateTicket: sqlite.prepare(
        `UPDATE support_cases SET account_id = @accountId, subject = @subject, opened_date = @opened, solved_date = @solved, status = @status,
           priority = @priority, sla_breached = @sla, requester_email = @email, matched_by = @matchedBy WHERE id = @id`,
      ),
      change: sqlite.prepare('INSERT INTO import_changes (import_id, table_name, row_id, before) VALUES (?, ?, ?, ?)'),
      userByEmail: sqlite.prepare('SELECT id, account_id FROM users WHERE lower(email) = ? ORDER BY id'),
      sameAnswer: sqlite.prepare(
        `SELECT import_id FROM surveys WHERE account_id = @accountId AND kind = @kind AND
           (response_id = @responseId OR (@responseId IS NULL AND date = @date AND score = @score AND user_id IS @userId)) LIMIT 1`,
      ),
      meeting: sqlite.prepare("SELECT id, import_id FROM touchpoints WHERE kind = 'meeting' AND external_id = ?"),
      insertMeeting: sqlite.prepare(
        `INSERT INTO touchpoints (account_id, kind, date, title, notes, attendees, external_id, import_id)
         VALUES (@accountId, 'meeting', @date, @title, @notes, @attendees, @externalId, @importId)`,
      ),
      insertAnswer: sqlite.prepare(
        `INSERT INTO surveys (account_id, user_id, date, kind, score, comment, import_id, response_id)
         VALUES (@accountId, @userId, @date, @kind, @score, @comment, @importId, @responseId)`,
      ),
    };
  }

  writeTicket(row: TicketRow): WriteOutcome {
    const match = this.ticketAccount(row);
    if ('reason' in match) return { kind: 'rejected', code: 'unknown_account', reason: match.reason };
    const values = {
      accountId: match.accountId, ticketId: row.ticketId, source: this.source, subject: row.subject, opened: row.opened, solved: row.solved,
      status: row.status, priority: row.priority, sla: row.slaBreached === null ? null : row.slaBreached ? 1 : 0, email: row.email,
      matchedBy: match.matchedBy, importId: this.importId,
    };
    const before = this.statements.ticket.get(this.source, row.ticketId) as Record<string, unknown> | undefined;
    if (before !== undefined) {
      const same = before.account_id === values.accountId && before.subject === values.subject && before.opened_date === values.opened &&
        before.solved_date === values.solved && before.status === values.status && before.priority === values.priority &&
        before.sla_breached === values.sla && before.requester_email === values.email;
      if (same) return { kind: 'duplicate', duplicateOf: null, importId: (before.import_id as number | null) ?? null };
      this.statements.change.run(this.importId, 'support_cases', before.id, JSON.stringify(before));
      this.statements.updateTicket.run({ ...values, id: before.id });
      this.touched.add(before.account_id as number);
    } else {
      this.statements.insertTicket.run(values);
    }
    this.matchCounts[match.matchedBy]++;
    this.touched.add(match.accountId);
    return match.matchedBy === 'email_domain'
      ? { kind: 'inserted', warning: { code: 'matched_by_domain', message: `Ticket ${row.ticketId} names no organization Bearing knows; matched to ${this.accountNames.get(match.accountId)} by the requester's e-mail domain (${domainOf(row.email ?? '')}).` } }
      : { kind: 'inserted' };
  }

  private ticketAccount(row: TicketRow): { accountId: number; matchedBy: MatchedBy } | { reason: string } {
    const tried: string[] = [];
    if (row.organizationId !== null) {
      // HubSpot lists several ids separated by ";": the first one the book knows.
      for (const id of row.organizationId.split(/\s*;\s*/)) {
        const hit = this.byExternal.get(id);
        if (hit !== undefined) return { accountId: hit, matchedBy: 'organization_id' };
      }
      tried.push(`no account has the id ${row.organizationId}`);
    }
    if (row.organization !== null) {
      const hit = this.byName.get(nameKey(row.organization));
      if (hit !== undefined && hit !== null) return { accountId: hit, matchedBy: 'organization' };
      tried.push(`no account is named "${row.organization}"`);
    }
    if (row.email !== null) {
      const domain = domainOf(row.email);
      const hit = PUBLIC_DOMAINS.has(domain) ? undefined : this.domainAccounts().get(domain);
      if (hit !== undefined && hit !== null) return { accountId: hit, matchedBy: 'email_domain' };
      tried.push(
        PUBLIC_DOMAINS.has(domain)
          ? `${domain} is a public mail provider, not a company`
          : hit === null ? `people at ${domain} belong to more than one account` : `nobody in the book has an e-mail at ${domain}`,
      );
    }
    if (tried.length === 0) return { reason: `Ticket ${row.ticketId} names no organization and no requester e-mail: whose ticket is it?` };
    return { reason: `Ticket ${row.ticketId} matched no account: ${tried.join('; ')}. Add the account (or its people) to the book, then import the file again.` };
  }

  /** Each e-mail domain of the book's people -> their one account (null: people at several accounts share it). */
  private domainAccounts(): Map<string, number | null> {
    return (this.domains ??= bookDomains(this.sqlite));
  }

  /**
   * A meeting becomes a touchpoint of the one account its outside attendees are at: each attendee by e-mail (a
   * person of the book), else by the e-mail's domain (when the book's people there are at one account). A meeting
   * with nobody from the book is internal (skipped); one with people of two accounts is refused, naming both.
   */
  writeMeeting(row: MeetingRow): WriteOutcome {
    const accounts = new Set<number>();
    for (const address of new Set([...row.attendees, ...(row.organizer ? [row.organizer] : [])])) {
      const users = this.statements.userByEmail.all(address) as { id: number; account_id: number }[];
      if (users.length > 0) {
        accounts.add(users[0].account_id);
        continue;
      }
      const domain = domainOf(address);
      const hit = PUBLIC_DOMAINS.has(domain) ? undefined : this.domainAccounts().get(domain);
      if (hit !== undefined && hit !== null) accounts.add(hit);
    }
    if (accounts.size === 0) return { kind: 'skipped', reason: 'no attendee is at an account of the book (an internal meeting)' };
    if (accounts.size > 1) {
      const names = [...accounts].map((id) => this.accountNames.get(id)).join(' and ');
      return { kind: 'rejected', code: 'unknown_account', reason: `"${row.title}" had people from ${names}: log it on the account it was for, by hand.` };
    }
    const accountId = [...accounts][0];
    const same = this.statements.meeting.get(row.meetingId) as { id: number; import_id: number | null } | undefined;
    if (same !== undefined) return { kind: 'duplicate', duplicateOf: null, importId: same.import_id };
    this.statements.insertMeeting.run({
      accountId, date: row.date, title: row.title, notes: `Attendees: ${row.attendees.join(', ')}`, attendees: row.attendees.join('; '), externalId: row.meetingId, importId: this.importId,
    });
    this.touched.add(accountId);
    // A meeting titled like a business review is offered as a QBR (the CSM logs it on the account's QBRs tab).
    return QBR_TITLE.test(row.title)
      ? { kind: 'inserted', warning: { code: 'qbr_offered', message: `"${row.title}" with ${this.accountNames.get(accountId)} looks like a QBR: it is on the timeline as a meeting; log it as a QBR on the account's QBRs tab.` } }
      : { kind: 'inserted' };
  }

  writeAnswer(row: SurveyAnswerRow): WriteOutcome {
    const found = this.answerAccount(row);
    if ('reason' in found) return { kind: 'rejected', code: 'unknown_account', reason: found.reason };
    const values = {
      accountId: found.accountId, userId: found.userId, date: row.date, kind: row.survey, score: row.score, comment: row.comment,
      importId: this.importId, responseId: row.responseId,
    };
    const same = this.statements.sameAnswer.get(values) as { import_id: number | null } | undefined;
    if (same !== undefined) return { kind: 'duplicate', duplicateOf: null, importId: same.import_id };
    this.statements.insertAnswer.run(values);
    this.touched.add(found.accountId);
    return { kind: 'inserted' };
  }

  /** The respondent by e-mail (their account too), else the file's account id or name; never a display name. */
  private answerAccount(row: SurveyAnswerRow): { accountId: number; userId: number | null } | { reason: string } {
    if (row.email !== null) {
      const users = this.statements.userByEmail.all(row.email) as { id: number; account_id: number }[];
      if (users.length > 0) return { accountId: users[0].account_id, userId: users[0].id };
    }
    const byId = row.accountId !== null ? this.byExternal.get(row.accountId) : undefined;
    if (byId !== undefined) return { accountId: byId, userId: null };
    const byName = row.accountName !== null ? this.byName.get(nameKey(row.accountName)) : undefined;
    if (byName !== undefined && byName !== null) return { accountId: byName, userId: null };
    const who = row.email ?? 'The respondent';
    const where = [row.accountId, row.accountName].filter((x) => x !== null).map((x) => `"${x}"`).join(' / ');
    return {
      reason: `${who} is nobody in the book${where ? `, and no account is ${where}` : ''}: import the account's people (or the account) first, then the answers.`,
    };
  }
}

/** Each e-mail domain of the book's people -> their one account (null: people at several accounts share it). */
export function bookDomains(sqlite: Database.Database): Map<string, number | null> {
  const map = new Map<string, number | null>();
  for (const r of sqlite.prepare("SELECT DISTINCT lower(substr(email, instr(email, '@') + 1)) AS domain, account_id FROM users WHERE email LIKE '%@%'").all() as { domain: string; account_id: number }[]) {
    const seen = map.get(r.domain);
    map.set(r.domain, seen === undefined || seen === r.account_id ? r.account_id : null);
  }
  return map;
}
