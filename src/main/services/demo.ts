// The demo book: ~60 fictional accounts with a year of usage, milestones, QBRs, touchpoints, surveys and renewal
// history (resources/demo-book.json.gz, see demo-book.ts for the format and scripts/generate-demo.ts for how it
// is made). Loading places it around today; removing it takes out every demo row and nothing else.
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import { readSetting, writeSetting } from '../db/settings';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { findDemoBook, parseDemoBook, USAGE_STRIDE, type DemoAccount, type DemoBook } from './demo-book';

/** Ids of the features the demo created (the features table has no is_demo flag). Features that existed
 * before the demo was loaded are shared with it and never removed with it. */
const DEMO_FEATURES_SETTING = 'demo.featureIds';
const FeatureIds = z.array(z.number().int().positive());

/** Rows per INSERT for usage: one statement call per row is most of the load time otherwise. */
const USAGE_BATCH = 100;

function readBook(): DemoBook {
  const file = findDemoBook();
  if (!file) {
    throw new AppError('demo_missing', 'The demo book (resources/demo-book.json.gz) is missing from this installation.');
  }
  try {
    return parseDemoBook(fs.readFileSync(file));
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 300) : String(error);
    throw new AppError('demo_invalid', `The demo book could not be read (${reason}).`);
  }
}

/**
 * Runs fn with foreign keys off. Deleting demo accounts with cascades on makes SQLite search every child table once
 * per deleted account, and usage_events has no index on account_id, so with a large import that is one full scan of
 * it per demo account; instead every child row is deleted explicitly (deleteDemoRows), one statement per table.
 * The pragma cannot change inside a transaction; then fn runs as is (correct, only slower).
 */
function withoutForeignKeys<T>(sqlite: Database.Database, fn: () => T): T {
  if (sqlite.inTransaction || sqlite.pragma('foreign_keys', { simple: true }) !== 1) return fn();
  sqlite.pragma('foreign_keys = OFF');
  try {
    return fn();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  parentColumn: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Deletes the rows of `table` matching `where`, children first, following the schema's foreign keys; so a
 * table added later that references accounts or users is covered without changing this file. */
function cascadeDelete(sqlite: Database.Database, keys: ForeignKey[], table: string, where: string, depth = 0): number {
  if (depth > 8) throw new Error(`Foreign keys under ${table} nest too deep to remove the demo safely.`);
  for (const fk of keys) {
    if (fk.parent !== table || fk.child === table) continue;
    const parentKey = quote(fk.parentColumn ?? 'id');
    const childWhere = `${quote(fk.column)} IN (SELECT ${parentKey} FROM ${quote(table)} WHERE ${where})`;
    cascadeDelete(sqlite, keys, fk.child, childWhere, depth + 1);
  }
  return sqlite.prepare(`DELETE FROM ${quote(table)} WHERE ${where}`).run().changes;
}

/** Removes every demo account and user and everything hanging off them; returns the accounts removed. */
function deleteDemoRows(sqlite: Database.Database): number {
  const keys = sqlite
    .prepare(
      `SELECT m.name AS child, f."from" AS "column", f."table" AS parent, f."to" AS parentColumn
       FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
    )
    .all() as ForeignKey[];
  const demoAccounts = 'SELECT id FROM accounts WHERE is_demo = 1';
  // usage_daily carries no foreign keys (it is a rollup), so it is cleared by hand.
  sqlite.prepare(`DELETE FROM usage_daily WHERE account_id IN (${demoAccounts})`).run();
  sqlite.prepare('DELETE FROM usage_daily WHERE user_id IN (SELECT id FROM users WHERE is_demo = 1)').run();
  cascadeDelete(sqlite, keys, 'users', 'is_demo = 1');
  return cascadeDelete(sqlite, keys, 'accounts', 'is_demo = 1');
}

/** Deletes the demo's own features that nothing references any more; returns the ids still in use. */
function deleteUnusedDemoFeatures(ctx: ServiceContext): number[] {
  const parsed = FeatureIds.safeParse(readSetting(ctx, DEMO_FEATURES_SETTING));
  const tracked = parsed.success ? parsed.data : [];
  if (tracked.length === 0) return [];
  // Any column named feature_id may point at a feature, with or without a declared foreign key.
  const tables = ctx.sqlite
    .prepare(
      `SELECT m.name AS name FROM sqlite_master m, pragma_table_info(m.name) c
       WHERE m.type = 'table' AND c.name = 'feature_id'`,
    )
    .all() as { name: string }[];
  const list = tracked.join(',');
  const used = new Set<number>();
  for (const { name } of tables) {
    const rows = ctx.sqlite
      .prepare(`SELECT DISTINCT feature_id AS id FROM ${quote(name)} WHERE feature_id IN (${list})`)
      .all() as { id: number }[];
    for (const r of rows) used.add(r.id);
  }
  const remove = ctx.sqlite.prepare('DELETE FROM features WHERE id = ?');
  for (const id of tracked) if (!used.has(id)) remove.run(id);
  return tracked.filter((id) => used.has(id));
}

/** Feature ids for the book's features: existing features are reused by key, missing ones created and tracked. */
function ensureFeatures(ctx: ServiceContext, book: DemoBook, stillTracked: number[]): number[] {
  const find = ctx.sqlite.prepare('SELECT id FROM features WHERE key = ?').pluck();
  const insert = ctx.sqlite.prepare('INSERT INTO features (key, name, is_key, is_paid, created_at) VALUES (?, ?, ?, ?, ?)');
  const created: number[] = [];
  const ids = book.features.map((f) => {
    const existing = find.get(f.key) as number | undefined;
    if (existing !== undefined) return existing;
    const id = Number(insert.run(f.key, f.name, bit(f.isKey), bit(f.isPaid), ctx.now().getTime()).lastInsertRowid);
    created.push(id);
    return id;
  });
  writeSetting(ctx, DEMO_FEATURES_SETTING, [...new Set([...stillTracked, ...created])]);
  return ids;
}

function bit(value: boolean | null | undefined): number | null {
  return value === null || value === undefined ? null : value ? 1 : 0;
}

/** Prepared inserts for one load. */
function statements(sqlite: Database.Database) {
  const usageRow = '(?, ?, ?, ?, ?, ?)';
  const usageSql = 'INSERT INTO usage_daily (account_id, user_id, feature_id, day, events, minutes) VALUES ';
  return {
    account: sqlite.prepare(
      `INSERT INTO accounts (external_id, name, owner, industry, arr_minor, currency, licenses, contract_start,
         renewal_date, crm_stage, is_demo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    ),
    user: sqlite.prepare(
      `INSERT INTO users (account_id, external_id, email, name, role, department, is_demo, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?)`,
    ),
    entitlement: sqlite.prepare('INSERT INTO entitlements (account_id, feature_id, paid) VALUES (?, ?, ?)'),
    usageBatch: sqlite.prepare(usageSql + Array(USAGE_BATCH).fill(usageRow).join(', ')),
    usageOne: sqlite.prepare(usageSql + usageRow),
    milestone: sqlite.prepare(
      `INSERT INTO milestones (account_id, kind, name, target_date, achieved_date, notes, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    qbr: sqlite.prepare(
      `INSERT INTO qbrs (account_id, date, attendees, goals_reviewed, outcomes, customer_response, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    action: sqlite.prepare(
      `INSERT INTO qbr_action_items (qbr_id, account_id, text, owner, due_date, status, carried_from_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    touchpoint: sqlite.prepare(
      `INSERT INTO touchpoints (account_id, kind, date, title, notes, case_status, closed_date, resolved, within_sla,
         feature_id, responded, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    survey: sqlite.prepare('INSERT INTO surveys (account_id, user_id, date, kind, score) VALUES (?, ?, ?, ?, ?)'),
    renewal: sqlite.prepare('INSERT INTO renewals (account_id, renewal_date, outcome, arr_minor) VALUES (?, ?, ?, ?)'),
  };
}

type Statements = ReturnType<typeof statements>;

interface Placement {
  /** Day number of offset 0: the most recent Monday on or before today (see demo-book.ts). */
  base: number;
  today: number;
  now: number;
}

/** Inserts one account and everything under it; returns the usage events inserted. */
function insertAccount(s: Statements, a: DemoAccount, featureIds: number[], at: Placement): number {
  const iso = (offset: number) => isoFromDayNumber(at.base + offset);
  const isoOrNull = (offset: number | null) => (offset === null ? null : iso(offset));
  const accountId = Number(
    s.account.run(a.externalId, a.name, a.owner, a.industry, a.arrMinor, a.currency, a.licenses, iso(a.contractStart),
      iso(a.renewalDate), a.crmStage, at.now, at.now).lastInsertRowid,
  );
  const userIds = a.users.map((u) =>
    Number(s.user.run(accountId, u.email, u.email, u.name, u.role, u.department, at.now).lastInsertRowid),
  );
  for (const e of a.entitlements) s.entitlement.run(accountId, featureIds[e.feature], bit(e.paid));

  // Usage: decode the delta-coded rows, drop those past today, insert in batches.
  let events = 0;
  let day = at.base;
  const batch: number[] = [];
  for (let r = 0; r < a.usage.length; r += USAGE_STRIDE) {
    day += a.usage[r];
    if (day > at.today) break;
    const feature = a.usage[r + 2];
    const featureId = feature === 0 ? 0 : featureIds[feature - 1];
    batch.push(accountId, userIds[a.usage[r + 1]], featureId, day, a.usage[r + 3], a.usage[r + 4]);
    events += a.usage[r + 3];
    if (batch.length === USAGE_BATCH * 6) s.usageBatch.run(...batch.splice(0));
  }
  for (let i = 0; i < batch.length; i += 6) s.usageOne.run(...batch.slice(i, i + 6));

  for (const m of a.milestones) {
    s.milestone.run(accountId, m.kind, m.name, isoOrNull(m.target), isoOrNull(m.achieved), m.notes, at.now);
  }
  const actionIds: number[] = [];
  for (const q of a.qbrs) {
    const qbrId = Number(
      s.qbr.run(accountId, iso(q.date), JSON.stringify(q.attendees), q.goals, q.outcomes, q.response, at.now).lastInsertRowid,
    );
    for (const x of q.actions) {
      const carried = x.carriedFrom === null ? null : (actionIds[x.carriedFrom] ?? null);
      actionIds.push(
        Number(s.action.run(qbrId, accountId, x.text, x.owner, isoOrNull(x.due), x.status, carried).lastInsertRowid),
      );
    }
  }
  for (const t of a.touchpoints) {
    const c = t.supportCase;
    s.touchpoint.run(accountId, t.kind, iso(t.date), t.title, t.notes, c?.status ?? null, isoOrNull(c?.closed ?? null),
      bit(c?.resolved), bit(c?.withinSla), t.campaign ? featureIds[t.campaign.feature] : null, bit(t.campaign?.responded),
      at.now);
  }
  for (const v of a.surveys) {
    s.survey.run(accountId, v.user === null ? null : userIds[v.user], iso(v.date), v.kind, v.score);
  }
  for (const r of a.renewals) s.renewal.run(accountId, iso(r.date), r.outcome, r.arrMinor);
  return events;
}

function describeConflict(error: unknown): never {
  if (error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE') {
    throw new AppError(
      'demo_conflict',
      'The demo book could not be loaded: your data already uses one of its ids (accounts demo-001 and up, ' +
        'users with .example emails).',
    );
  }
  throw error;
}

/**
 * Loads the demo book, placed so that its last usage day is today (in the configured time zone). Loading again
 * replaces the demo cleanly (fresh dates, no duplicates). Returns the demo accounts and the usage events loaded:
 * usageEvents is the SUM of the daily rollups' event counts (not the number of rollup rows).
 */
export function loadDemo(ctx: ServiceContext): { accounts: number; usageEvents: number } {
  const book = readBook();
  const today = dayNumber(todayOf(ctx));
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  const at: Placement = { base: today - ((today + 3) % 7), today, now: ctx.now().getTime() };
  const loaded = withoutForeignKeys(ctx.sqlite, () =>
    ctx.sqlite.transaction(() => {
      deleteDemoRows(ctx.sqlite);
      const featureIds = ensureFeatures(ctx, book, deleteUnusedDemoFeatures(ctx));
      const s = statements(ctx.sqlite);
      let usageEvents = 0;
      try {
        for (const account of book.accounts) usageEvents += insertAccount(s, account, featureIds, at);
      } catch (error) {
        describeConflict(error);
      }
      return { accounts: book.accounts.length, usageEvents };
    })(),
  );
  // The demo should show health trends straight away, like a real book after its first import.
  const ids = (ctx.sqlite.prepare('SELECT id FROM accounts WHERE is_demo = 1').all() as { id: number }[]).map((r) => r.id);
  refreshHealthSnapshots(ctx, { accountIds: ids });
  return loaded;
}

/** Removes every demo row, leaving the CSM's own data untouched; demo features survive while real data uses them. */
export function removeDemo(ctx: ServiceContext): { removedAccounts: number } {
  return withoutForeignKeys(ctx.sqlite, () =>
    ctx.sqlite.transaction(() => {
      const removedAccounts = deleteDemoRows(ctx.sqlite);
      const stillUsed = deleteUnusedDemoFeatures(ctx);
      writeSetting(ctx, DEMO_FEATURES_SETTING, stillUsed);
      return { removedAccounts };
    })(),
  );
}

export function demoHandlers(ctx: ServiceContext): HandlerGroup<'demo.load' | 'demo.remove'> {
  return {
    'demo.load': () => loadDemo(ctx),
    'demo.remove': () => removeDemo(ctx),
  };
}
