// One import's records on their way in: each is validated, written through the StoreWriter and counted as the
// summary tells it (accepted, duplicate, rejected with its reason, or skipped), and the dates of the rows stored
// make the summary's date range. Runs once per record of files with millions of rows: one fact object serves
// every usage row, and nothing else is allocated per record beyond what the validator returns.
import type Database from 'better-sqlite3';
import { hasControlChars, stripControlChars } from '../../shared/clean-text';
import type { ImportSummary } from '../../shared/contract/imports';
import { addWarning, LIST_LIMIT } from './import-summary';
import type { PhaseClock } from './phase-clock';
import type { UsageFact, WriteOutcome } from './store-facts';
import type { StoreWriter } from './store-writer';
import type { NormalizedRow } from './types';
import type { RowValidator } from './validate';
import type { ZoneClock } from './zone-clock';

export { LIST_LIMIT };
const STORED_REJECTS_LIMIT = 100_000;

const isoMs = (date: string | null) => (date ? Date.parse(`${date}T00:00:00Z`) : null);

export class RowIntake {
  /** One fact object for every usage row: a million rows, no million short-lived objects. */
  private readonly fact: UsageFact = { accountExternalId: null, accountName: null, userExternalId: null, email: null, userName: null, event: null, feature: null, ts: 0, day: undefined, count: 0, minutes: 0, dateMin: null, dateMax: null };
  private readonly insertReject: Database.Statement;
  private minDate = Infinity;
  private maxDate = -Infinity;

  constructor(
    sqlite: Database.Database,
    private readonly importId: number,
    private readonly summary: ImportSummary,
    private readonly validate: RowValidator,
    private readonly writer: StoreWriter,
    private readonly clock: ZoneClock,
    /** bench:import's phase timing (validate, resolve), when it asked for it. */
    private readonly phases: PhaseClock | null = null,
  ) {
    this.insertReject = sqlite.prepare('INSERT INTO import_rejects (import_id, line, code, reason, raw) VALUES (?, ?, ?, ?, ?)');
  }

  /** One record: validated, then stored (accepted) or found already stored (duplicate), else rejected or skipped. */
  take(fields: string[], line: number): void {
    const summary = this.summary;
    summary.counts.rows++;
    this.phases?.enter('validate');
    const result = this.validate(fields, line);
    if (result.ok === true) {
      this.phases?.enter('resolve');
      const outcome = this.write(result.row, line);
      if (outcome.kind === 'inserted') {
        summary.counts.accepted++;
        this.seeDates(result.row);
      } else if (outcome.kind === 'duplicate') {
        summary.counts.duplicates++;
        if (summary.duplicates.length < LIST_LIMIT) summary.duplicates.push({ line, duplicateOf: outcome.duplicateOf, importId: outcome.importId });
      } else if (outcome.kind === 'skipped') {
        this.skip(line, outcome.reason);
      } else {
        this.reject(line, outcome.code, outcome.reason, fields);
        return;
      }
      if (result.warnings !== undefined) for (const w of result.warnings) addWarning(summary, line, w.code, w.message);
      if ('warning' in outcome && outcome.warning !== undefined) addWarning(summary, line, outcome.warning.code, outcome.warning.message);
    } else if (result.ok === false) {
      this.reject(line, result.code, result.reason, fields);
    } else {
      this.skip(line, result.skip);
    }
  }

  /** A record the reader could not turn into cells (a line of a JSON export that is not an object): rejected. */
  refuse(line: number, code: string, reason: string, raw: string[]): void {
    this.summary.counts.rows++;
    this.reject(line, code, reason, raw);
  }

  /** A record the reader knows repeats an earlier line of the same file (the same `$insert_id`): one duplicate. */
  repeat(line: number, duplicateOf: number): void {
    const summary = this.summary;
    summary.counts.rows++;
    summary.counts.duplicates++;
    if (summary.duplicates.length < LIST_LIMIT) summary.duplicates.push({ line, duplicateOf, importId: null });
  }

  private skip(line: number, reason: string): void {
    this.summary.counts.skipped++;
    if (this.summary.skipped.length < LIST_LIMIT) this.summary.skipped.push({ line, reason });
  }

  /**
   * After the last record. Usage rows were staged as 'inserted': the ones that turn out to be duplicates are moved
   * to duplicates here (an import holds one kind, so a usage file's duplicates and dates all come from this). The
   * last chunk's events and rollup are written now; the earlier chunks' were written as the file was read.
   */
  rollUp(): void {
    const summary = this.summary;
    const flushed = this.writer.flushUsage();
    this.writer.finishCatalogue();
    if (flushed.duplicateCount > 0) {
      summary.counts.accepted -= flushed.duplicateCount;
      summary.counts.duplicates += flushed.duplicateCount;
      for (const d of flushed.duplicates) {
        if (summary.duplicates.length >= LIST_LIMIT) break;
        summary.duplicates.push(d);
      }
      this.minDate = flushed.dateRange?.min ?? Infinity;
      this.maxDate = flushed.dateRange?.max ?? -Infinity;
    }
    this.tellAccountsAndPeople();
    summary.distinctAccounts = this.writer.distinctAccounts;
    summary.distinctUsers = this.writer.distinctUsers;
    summary.dateRange = Number.isFinite(this.minDate) ? { min: new Date(this.minDate).toISOString(), max: new Date(this.maxDate).toISOString() } : null;
  }

  /** What the writer did with accounts and people that the CSM should see: created, left out, attributed, warned. */
  private tellAccountsAndPeople(): void {
    const summary = this.summary;
    const writer = this.writer;
    const byRows = <T extends { rows: number; name: string }>(a: T, b: T) => b.rows - a.rows || a.name.localeCompare(b.name);
    summary.accountsCreated = [...writer.created.values()].sort(byRows).slice(0, LIST_LIMIT);
    summary.accountsNotInBook = [...writer.notInBook.values()].sort(byRows).slice(0, LIST_LIMIT);
    summary.attributed = writer.attributed;
    for (const w of writer.people.warnings) {
      if (summary.warnings.length >= LIST_LIMIT) break;
      summary.warnings.push(w);
    }
  }

  /** A validated row as the StoreWriter takes it: usage as one fact (dated), accounts and users as they are. */
  private write(row: NormalizedRow, line: number): WriteOutcome {
    switch (row.kind) {
      case 'events':
        return this.writeUsage(row, row.ts, undefined, row.count, row.minutes, line);
      case 'daily_usage':
      case 'weekly_usage': {
        const date = row.kind === 'daily_usage' ? row.day : row.weekStart;
        return this.writeUsage(row, this.localMidnight(date), Date.parse(`${date}T00:00:00Z`) / 86_400_000, row.events, row.minutes, line);
      }
      case 'usage_summary': {
        // A summary gives totals per user over a window; Bearing records them on the last-visit day.
        const at = row.lastVisit ?? (row.windowEnd ? this.localMidnight(row.windowEnd) : null);
        if (at === null) return { kind: 'rejected', code: 'missing_value', reason: 'The row has no last visit or window end, so its usage has no date.' };
        // Its dates (for the summary's date range) are more than its one ts: staged with the row.
        let lo = Infinity;
        let hi = -Infinity;
        for (const ms of [row.firstVisit, row.lastVisit, row.windowStart ? this.localMidnight(row.windowStart) : null, row.windowEnd ? this.localMidnight(row.windowEnd) : null]) {
          if (ms === null || ms === undefined || !Number.isFinite(ms)) continue;
          if (ms < lo) lo = ms;
          if (ms > hi) hi = ms;
        }
        return this.writeUsage({ ...row, event: null, feature: null }, at, undefined, row.events ?? row.daysActive ?? 0, row.minutes, line, Number.isFinite(lo) ? lo : null, Number.isFinite(hi) ? hi : null);
      }
      case 'accounts':
        return this.writer.writeAccount({
          externalId: row.externalId, name: row.name, nameFrom: row.nameFrom, owner: row.owner, industry: row.industry, arrMinor: row.arrMinor, currency: row.currency,
          licenses: row.licenses, contractStart: row.contractStart, renewalDate: row.renewalDate, crmStage: row.stage, features: row.features,
        });
      case 'users':
        return this.writer.writeUser({
          externalId: row.externalId, email: row.email, name: row.name, role: row.role, department: row.department, accountExternalId: row.accountId, accountName: row.accountName,
        }, line);
      case 'features':
        return this.writer.writeFeatureLine(row);
      case 'renewals':
        return this.writer.renewals.write(row);
      case 'entitlements':
        return this.writer.writeEntitlement({ accountExternalId: row.accountId, accountName: row.accountName, features: row.features, paid: row.paid });
      case 'tickets':
        return this.writer.relationship.writeTicket(row);
      case 'surveys':
        return this.writer.relationship.writeAnswer(row);
      case 'meetings':
        return this.writer.relationship.writeMeeting(row);
      case 'campaigns':
        return this.writer.campaigns.write(row);
    }
  }

  private writeUsage(row: { accountId: string | null; accountName: string | null; userId: string | null; email: string | null; userName: string | null; event: string | null; feature: string | null }, ts: number, day: number | undefined, count: number, minutes: number | null, line: number, dateMin: number | null = null, dateMax: number | null = null): WriteOutcome {
    const fact = this.fact;
    fact.dateMin = dateMin;
    fact.dateMax = dateMax;
    fact.accountExternalId = row.accountId;
    fact.accountName = row.accountName;
    fact.userExternalId = row.userId;
    fact.email = row.email;
    fact.userName = row.userName;
    fact.event = row.event;
    fact.feature = row.feature;
    fact.ts = ts;
    fact.day = day;
    fact.count = count;
    fact.minutes = minutes ?? 0;
    return this.writer.writeUsage(fact, line);
  }

  /** The dates an accepted row names widen the summary's date range. */
  private seeDates(row: NormalizedRow): void {
    switch (row.kind) {
      case 'events': return this.seeDate(row.ts);
      case 'daily_usage': return this.seeDate(this.localMidnight(row.day));
      case 'weekly_usage': return this.seeDate(this.localMidnight(row.weekStart));
      case 'usage_summary':
        this.seeDate(row.firstVisit);
        this.seeDate(row.lastVisit);
        if (row.windowStart) this.seeDate(this.localMidnight(row.windowStart));
        return row.windowEnd ? this.seeDate(this.localMidnight(row.windowEnd)) : undefined;
      case 'accounts': this.seeDate(isoMs(row.contractStart)); return this.seeDate(isoMs(row.renewalDate));
      case 'renewals': return this.seeDate(isoMs(row.date));
      case 'tickets': this.seeDate(isoMs(row.opened)); return this.seeDate(isoMs(row.solved));
      case 'surveys':
      case 'meetings':
      case 'campaigns':
        return this.seeDate(isoMs(row.date));
      case 'users':
      case 'features':
      case 'entitlements':
        return;
    }
  }

  private seeDate(ms: number | null | undefined): void {
    if (ms === null || ms === undefined || !Number.isFinite(ms)) return;
    if (ms < this.minDate) this.minDate = ms;
    if (ms > this.maxDate) this.maxDate = ms;
  }

  private localMidnight(date: string): number {
    return this.clock.localToEpoch(Date.parse(`${date}T00:00:00Z`));
  }

  /** Counted always, listed while the summary has room, stored up to STORED_REJECTS_LIMIT with its raw cells. */
  private reject(line: number, code: string, reason: string, fields: string[]): void {
    const summary = this.summary;
    summary.counts.rejected++;
    if (summary.rejected.length < LIST_LIMIT) summary.rejected.push({ line, code, reason });
    if (summary.counts.rejected <= STORED_REJECTS_LIMIT) {
      const raw = fields.join(',');
      this.insertReject.run(this.importId, line, code, reason, (hasControlChars(raw) ? stripControlChars(raw).text : raw).slice(0, 2000));
    }
  }
}
