// Writes e-mail campaign recipients inside the import's transaction as campaign touchpoints. A contact finds its
// account by e-mail: the book's person with that address (never a display name: two Chris Millers are two people),
// else, as tickets do, the address's domain when the book's people at that domain all belong to one account and
// it is no public mail provider. Nobody found: rejected by line with what was tried. The same campaign and contact
// again is a duplicate, or an update when the contact has since opened, clicked or replied (recorded for undo).
import type Database from 'better-sqlite3';
import { PUBLIC_DOMAINS, bookDomains, domainOf, nameKey } from './relationship-writer';
import type { WriteOutcome } from './store-facts';
import type { CampaignRow } from './types';

type MatchedBy = 'email' | 'email_domain';

export class CampaignWriter {
  /** Accounts whose campaign touchpoints this import wrote (their health is refreshed after). */
  readonly touched = new Set<number>();
  private domains: Map<string, number | null> | null = null;
  /** The catalogue's features by name key, longest first (a campaign's name is searched for them in that order). */
  private readonly features: { key: string; id: number }[];
  private readonly accountNames = new Map<number, string>();
  private readonly statements;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly importId: number,
    private readonly source: string,
  ) {
    this.features = (sqlite.prepare('SELECT id, name FROM features WHERE merged_into IS NULL').all() as { id: number; name: string }[])
      .map((f) => ({ key: nameKey(f.name), id: f.id }))
      .filter((f) => f.key.length >= 3)
      .sort((a, b) => b.key.length - a.key.length);
    for (const r of sqlite.prepare('SELECT id, name FROM accounts').all() as { id: number; name: string }[]) this.accountNames.set(r.id, r.name);
    this.statements = {
      userByEmail: sqlite.prepare('SELECT id, account_id FROM users WHERE lower(email) = ? ORDER BY id'),
      existing: sqlite.prepare('SELECT * FROM campaign_touchpoints WHERE source = ? AND campaign = ? AND email = ?'),
      insert: sqlite.prepare(
        `INSERT INTO campaign_touchpoints (account_id, user_id, source, campaign, email, date, opened, clicked, replied, responded, feature_id, matched_by, import_id)
         VALUES (@accountId, @userId, @source, @campaign, @email, @date, @opened, @clicked, @replied, @responded, @featureId, @matchedBy, @importId)`,
      ),
      update: sqlite.prepare(
        `UPDATE campaign_touchpoints SET account_id = @accountId, user_id = @userId, date = @date, opened = @opened, clicked = @clicked,
           replied = @replied, responded = @responded, feature_id = @featureId, matched_by = @matchedBy WHERE id = @id`,
      ),
      change: sqlite.prepare('INSERT INTO import_changes (import_id, table_name, row_id, before) VALUES (?, ?, ?, ?)'),
    };
  }

  write(row: CampaignRow): WriteOutcome {
    const match = this.contactAccount(row.email);
    if ('reason' in match) return { kind: 'rejected', code: 'unknown_account', reason: match.reason };
    const email = row.email.toLowerCase();
    const values = {
      accountId: match.accountId, userId: match.userId, source: this.source, campaign: row.campaign, email, date: row.date,
      opened: +row.opened, clicked: +row.clicked, replied: +row.replied, responded: +(row.clicked || row.replied),
      featureId: this.featureOf(row), matchedBy: match.matchedBy, importId: this.importId,
    };
    const before = this.statements.existing.get(this.source, row.campaign, email) as Record<string, unknown> | undefined;
    if (before !== undefined) {
      const same = (['account_id', 'user_id', 'date', 'opened', 'clicked', 'replied', 'feature_id'] as const).every(
        (c, i) => before[c] === [values.accountId, values.userId, values.date, values.opened, values.clicked, values.replied, values.featureId][i],
      );
      if (same) return { kind: 'duplicate', duplicateOf: null, importId: (before.import_id as number | null) ?? null };
      this.statements.change.run(this.importId, 'campaign_touchpoints', before.id, JSON.stringify(before));
      this.statements.update.run({ ...values, id: before.id });
      this.touched.add(before.account_id as number);
    } else {
      this.statements.insert.run(values);
    }
    this.touched.add(match.accountId);
    if (match.matchedBy === 'email_domain') {
      return { kind: 'inserted', warning: { code: 'matched_by_domain', message: `${email} is nobody in the book; counted at ${this.accountNames.get(match.accountId)} by the e-mail's domain (${domainOf(email)}).` } };
    }
    if (row.feature !== null && values.featureId === null) {
      return { kind: 'inserted', warning: { code: 'feature_not_in_catalogue', message: `The promoted feature "${row.feature}" is no feature of the catalogue: the campaign's uplift counts all events. Add it in Settings › Features (or fix the name in the file), then import the file again.` } };
    }
    return { kind: 'inserted' };
  }

  private contactAccount(email: string): { accountId: number; userId: number | null; matchedBy: MatchedBy } | { reason: string } {
    const users = this.statements.userByEmail.all(email.toLowerCase()) as { id: number; account_id: number }[];
    if (users.length > 0) return { accountId: users[0].account_id, userId: users[0].id, matchedBy: 'email' };
    const domain = domainOf(email);
    if (PUBLIC_DOMAINS.has(domain)) {
      return { reason: `${email} is nobody in the book, and ${domain} is a public mail provider, not a company: add the person to the book, then import the file again.` };
    }
    const hit = (this.domains ??= bookDomains(this.sqlite)).get(domain);
    if (hit !== undefined && hit !== null) return { accountId: hit, userId: null, matchedBy: 'email_domain' };
    return {
      reason: hit === null
        ? `${email} is nobody in the book, and people at ${domain} belong to more than one account: add the person to the book, then import the file again.`
        : `${email} is nobody in the book, and nobody in the book has an e-mail at ${domain}: add the account (or its people), then import the file again.`,
    };
  }

  /** The feature the file's column names, else the longest catalogue feature whose name the campaign's name holds. */
  private featureOf(row: CampaignRow): number | null {
    if (row.feature !== null) {
      const key = nameKey(row.feature);
      return this.features.find((f) => f.key === key)?.id ?? null;
    }
    const name = ` ${nameKey(row.campaign)} `;
    return this.features.find((f) => name.includes(` ${f.key} `))?.id ?? null;
  }
}
