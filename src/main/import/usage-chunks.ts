// An import's usage rows on their way into the store, a chunk at a time, inside the import's one transaction.
// Rows are held in typed arrays (no object per row) until the chunk is full or the file ends; then the chunk is
// sorted in memory by the rollup's key (account, day, user, feature) and then time, and written in that order:
// - usage_events gets each row once. Rows with the same identity (user, instant, event name, account) sit side by
//   side in that order, so duplicates inside the chunk are found by looking at the neighbour (the first by line wins);
//   rows already stored (by an earlier import or an earlier chunk) are the ones a multi-row INSERT OR IGNORE
//   leaves out, found by probing the table's key (the identity: usage_events is clustered on it) for just those
//   batches. The users whose events were stored go to import_users, how undo finds the import's events.
// - usage_daily gets one upsert per (account, day, user, feature) of the rows that were stored, in its key order,
//   and the work queue a mark per account written (usage_daily has no trigger to do it: migration 0021).
// Sorting in memory (chunk-order.ts) costs a fraction of SQLite's sorter, the B-trees are written in key order rather than at
// random, and memory is bounded by the chunk however long the file (a 10-million-row file is 20 chunks).
import type Database from 'better-sqlite3';
import { markTasksDirty } from '../db/tasks';
import { identityOrder, rollupOrder } from './chunk-order';
import type { PhaseClock } from './phase-clock';
import type { UsageFlush } from './store-facts';

/** Rows held before a chunk is written (~45 MB of typed arrays). */
const CHUNK_ROWS = 1 << 19;
/** Rows per multi-row statement: one statement call per BATCH rows rather than per row. */
const BATCH = 256;
const EVENT_COLUMNS = 11;
const DAILY_COLUMNS = 6;

type Duplicate = UsageFlush['duplicates'][number];

function valuesSql(rows: number, columns: number): string {
  const tuple = `(${new Array<string>(columns).fill('?').join(', ')})`;
  return new Array<string>(rows).fill(tuple).join(', ');
}

const insertEvents = (rows: number) =>
  `INSERT OR IGNORE INTO usage_events (account_id, user_id, feature_id, event_id, pinned_feature_id, ts, day, count, minutes, import_id, line) VALUES ${valuesSql(rows, EVENT_COLUMNS)}`;

const upsertDaily = (rows: number) =>
  `INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes) VALUES ${valuesSql(rows, DAILY_COLUMNS)}
   ON CONFLICT (account_id, day, user_id, feature_id)
   DO UPDATE SET events = events + excluded.events, minutes = minutes + excluded.minutes`;

export interface UsageChunksOptions {
  /** Duplicates listed in the result (all are counted); default 10,000. */
  listLimit?: number;
  /** Rows per chunk; default CHUNK_ROWS (tests use small chunks to cross chunk boundaries). */
  chunkRows?: number;
  /** Accounts and users whose events were stored are added here. */
  touchedAccounts: Set<number>;
  touchedUsers: Set<number>;
  /** bench:import's phase timing (write, rollup), when it asked for it. */
  phases?: PhaseClock | null;
}

export class UsageChunks {
  private readonly capacity: number;
  private readonly listLimit: number;
  private readonly account: Float64Array;
  private readonly user: Float64Array;
  private readonly feature: Float64Array;
  /** The event name's id: with user and instant, the event's identity. */
  private readonly event: Float64Array;
  private readonly pinned: Float64Array;
  private readonly ts: Float64Array;
  private readonly day: Float64Array;
  private readonly count: Float64Array;
  private readonly minutes: Float64Array;
  private readonly line: Float64Array;
  /** The earliest and latest dates a row names when they are not ts itself (NaN: none). */
  private readonly dateMin: Float64Array;
  private readonly dateMax: Float64Array;
  private readonly order: Uint32Array;
  private readonly scratch: Uint32Array;
  /** 1 when the row was stored (not a duplicate). */
  private readonly stored: Uint8Array;
  /** For a duplicate: the line and import of the stored row it repeats (NaN: unknown), while listing. */
  private readonly dupLine: Float64Array;
  private readonly dupImport: Float64Array;
  private fill = 0;
  private readonly batchRows = new Uint32Array(BATCH);
  private readonly eventParams = new Array<number>(BATCH * EVENT_COLUMNS).fill(0);
  private readonly dailyParams = new Array<number>(BATCH * DAILY_COLUMNS).fill(0);
  private dailyFill = 0;
  private readonly statements;
  private minDate = Infinity;
  private maxDate = -Infinity;
  /** The users whose events were stored, each once a chunk (a chunk is written user by user): import_users. */
  private readonly storedUsers: number[] = [];
  private lastStoredUser = -1;
  private readonly result: UsageFlush = { staged: 0, inserted: 0, duplicates: [], duplicateCount: 0, dateRange: null };

  constructor(
    private readonly sqlite: Database.Database,
    private readonly importId: number,
    private readonly options: UsageChunksOptions,
  ) {
    this.capacity = Math.max(1, options.chunkRows ?? CHUNK_ROWS);
    this.listLimit = options.listLimit ?? 10_000;
    const column = () => new Float64Array(this.capacity);
    this.account = column();
    this.user = column();
    this.feature = column();
    this.event = column();
    this.pinned = column();
    this.ts = column();
    this.day = column();
    this.count = column();
    this.minutes = column();
    this.line = column();
    this.dateMin = column();
    this.dateMax = column();
    this.order = new Uint32Array(this.capacity);
    this.scratch = new Uint32Array(this.capacity);
    this.stored = new Uint8Array(this.capacity);
    this.dupLine = column();
    this.dupImport = column();
    this.statements = {
      events: sqlite.prepare(insertEvents(BATCH)),
      daily: sqlite.prepare(upsertDaily(BATCH)),
      probe: sqlite.prepare('SELECT import_id AS importId, line FROM usage_events WHERE user_id = ? AND ts = ? AND event_id = ? AND account_id = ?'),
      importUser: sqlite.prepare('INSERT OR IGNORE INTO import_users (import_id, user_id) VALUES (?, ?)'),
    };
  }

  add(accountId: number, userId: number, featureId: number, eventId: number, pinnedFeatureId: number, ts: number, day: number, count: number, minutes: number, line: number, dateMin: number | null, dateMax: number | null): void {
    const i = this.fill;
    this.account[i] = accountId;
    this.user[i] = userId;
    this.feature[i] = featureId;
    this.event[i] = eventId;
    this.pinned[i] = pinnedFeatureId;
    this.ts[i] = ts;
    this.day[i] = day;
    this.count[i] = count;
    this.minutes[i] = minutes;
    this.line[i] = line;
    this.dateMin[i] = dateMin ?? Number.NaN;
    this.dateMax[i] = dateMax ?? Number.NaN;
    this.fill = i + 1;
    this.result.staged++;
    if (this.fill === this.capacity) this.flush();
  }

  /** Writes what is held and answers for the whole import: stored, duplicates, and the stored rows' dates. */
  finish(): UsageFlush {
    this.flush();
    // How undoing this import finds its events (usage_events has no index by import).
    for (const userId of this.storedUsers) this.statements.importUser.run(this.importId, userId);
    const r = this.result;
    r.duplicateCount = r.staged - r.inserted;
    r.dateRange = r.inserted > 0 ? { min: this.minDate, max: this.maxDate } : null;
    return r;
  }

  private flush(): void {
    const n = this.fill;
    if (n === 0) return;
    this.fill = 0;
    this.lastStoredUser = -1;
    const { account, day, user, feature, event, ts, stored } = this;
    const order = this.order.subarray(0, n);
    const back = this.options.phases?.enter('write');
    // The identity's order (equal identities side by side, the earliest line first): usage_events is written in
    // its key order.
    identityOrder(order, this.scratch, user, ts, event, account);

    // Duplicates are always counted (staged - inserted); listed only while the summary's list has room.
    const listing = this.result.duplicates.length < this.listLimit;
    // Rows that repeat an earlier row of this chunk, as (row, first row) pairs: what they duplicate is known once
    // the first row has been written (it may itself repeat a row stored before).
    const repeats: number[] = [];
    let first = -1;
    let batch = 0;
    for (let k = 0; k < n; k++) {
      const i = order[k];
      if (first !== -1 && user[i] === user[first] && ts[i] === ts[first] && event[i] === event[first] && account[i] === account[first]) {
        stored[i] = 0;
        if (listing) repeats.push(i, first);
        continue;
      }
      first = i;
      this.batchRows[batch++] = i;
      if (batch === BATCH) {
        this.insertBatch(batch, listing);
        batch = 0;
      }
    }
    if (batch > 0) this.insertBatch(batch, listing);
    // Then the rollup's order, so usage_daily is written in its key order too.
    this.options.phases?.enter('rollup');
    rollupOrder(order, this.scratch, account, day, user, feature);
    this.rollUp(order);
    if (listing) this.list(order, repeats);
    if (back !== undefined) this.options.phases?.enter(back);
  }

  /** One multi-row INSERT OR IGNORE; when it stored fewer rows than it was given, each row is looked up. */
  private insertBatch(rows: number, listing: boolean): void {
    const { account, user, feature, event, pinned, ts, day, count, minutes, line, stored, batchRows } = this;
    const p = this.eventParams;
    let at = 0;
    for (let j = 0; j < rows; j++) {
      const i = batchRows[j];
      p[at++] = account[i];
      p[at++] = user[i];
      p[at++] = feature[i];
      p[at++] = event[i];
      p[at++] = pinned[i];
      p[at++] = ts[i];
      p[at++] = day[i];
      p[at++] = count[i];
      p[at++] = minutes[i];
      p[at++] = this.importId;
      p[at++] = line[i];
    }
    const changes =
      rows === BATCH ? this.statements.events.run(p).changes : this.sqlite.prepare(insertEvents(rows)).run(p.slice(0, at)).changes;
    for (let j = 0; j < rows; j++) {
      const i = batchRows[j];
      if (changes < rows) {
        const found = this.statements.probe.get(user[i], ts[i], event[i], account[i]) as { importId: number | null; line: number | null } | undefined;
        // Every row has a value in every NOT NULL column, so a row that is not stored here is a duplicate of one
        // that is; anything else would be a bug that must not pass silently (the import rolls back).
        if (!found) throw new Error(`usage row of line ${line[i]} was neither stored nor found as a duplicate`);
        if (found.importId !== this.importId || found.line !== line[i]) {
          stored[i] = 0;
          if (listing) {
            this.dupLine[i] = found.line ?? Number.NaN;
            this.dupImport[i] = found.importId ?? Number.NaN;
          }
          continue;
        }
      }
      stored[i] = 1;
      this.seen(i);
    }
  }

  /** A stored row: its account, user and dates count for the import's summary. */
  private seen(i: number): void {
    this.result.inserted++;
    this.options.touchedAccounts.add(this.account[i]);
    const userId = this.user[i];
    this.options.touchedUsers.add(userId);
    if (userId !== this.lastStoredUser) {
      this.storedUsers.push(userId);
      this.lastStoredUser = userId;
    }
    const lo = Number.isNaN(this.dateMin[i]) ? this.ts[i] : this.dateMin[i];
    const hi = Number.isNaN(this.dateMax[i]) ? this.ts[i] : this.dateMax[i];
    if (lo < this.minDate) this.minDate = lo;
    if (hi > this.maxDate) this.maxDate = hi;
  }

  /** The stored rows, in the rollup's key order, summed per key and added to usage_daily. */
  private rollUp(order: Uint32Array): void {
    const { account, day, user, feature, count, minutes, stored } = this;
    const accounts: number[] = [];
    let g = -1;
    let events = 0;
    let mins = 0;
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (stored[i] === 0) continue;
      if (g !== -1 && account[i] === account[g] && day[i] === day[g] && user[i] === user[g] && feature[i] === feature[g]) {
        events += count[i];
        mins += minutes[i];
        continue;
      }
      if (g !== -1) this.daily(g, events, mins);
      if (g === -1 || account[i] !== account[g]) accounts.push(account[i]);
      g = i;
      events = count[i];
      mins = minutes[i];
    }
    if (g !== -1) this.daily(g, events, mins);
    if (this.dailyFill > 0) {
      this.sqlite.prepare(upsertDaily(this.dailyFill / DAILY_COLUMNS)).run(this.dailyParams.slice(0, this.dailyFill));
      this.dailyFill = 0;
    }
    markTasksDirty(this.sqlite, accounts);
  }

  private daily(i: number, events: number, mins: number): void {
    const p = this.dailyParams;
    let at = this.dailyFill;
    p[at++] = this.account[i];
    p[at++] = this.user[i];
    p[at++] = this.feature[i];
    p[at++] = this.day[i];
    p[at++] = events;
    p[at++] = mins;
    this.dailyFill = at;
    if (at === p.length) {
      this.statements.daily.run(p);
      this.dailyFill = 0;
    }
  }

  /**
   * Lists a chunk's duplicates in line order while the list has room (chunks come in line order too). Each names
   * the stored row it repeats: a row that repeats an earlier row of the chunk repeats what that row was stored
   * as, or what that row itself repeated.
   */
  private list(order: Uint32Array, repeats: number[]): void {
    const { line, stored, dupLine, dupImport } = this;
    for (let r = 0; r < repeats.length; r += 2) {
      const i = repeats[r];
      const first = repeats[r + 1];
      dupLine[i] = stored[first] === 1 ? line[first] : dupLine[first];
      dupImport[i] = stored[first] === 1 ? this.importId : dupImport[first];
    }
    const duplicates: Duplicate[] = [];
    for (let k = 0; k < order.length; k++) {
      const i = order[k];
      if (stored[i] === 1) continue;
      duplicates.push({
        line: line[i],
        duplicateOf: Number.isNaN(dupLine[i]) ? null : dupLine[i],
        importId: Number.isNaN(dupImport[i]) ? null : dupImport[i],
      });
    }
    duplicates.sort((a, b) => a.line - b.line);
    const room = this.listLimit - this.result.duplicates.length;
    for (let d = 0; d < duplicates.length && d < room; d++) this.result.duplicates.push(duplicates[d]);
  }
}
