// The demo book: ~60 fictional accounts with a year of usage, milestones, QBRs, touchpoints, surveys and renewal
// history (resources/demo-book.json.gz, see demo-book.ts for the format and scripts/generate-demo.ts for how it
// is made). Loading places it around today; removing it takes out every demo row and nothing else.
import fs from 'node:fs';
import { z } from 'zod';
import { dayNumber, isoFromDayNumber } from '../../shared/dates';
import { AppError } from '../../shared/errors';
import {
  deleteDemoRows,
  demoAccountIds,
  demoInserts,
  featureIdsInUse,
  USAGE_BATCH,
  withoutForeignKeys,
  type DemoInserts,
} from '../db/demo';
import { deleteFeatureRow, featureIdByKey, insertFeature } from '../db/features';
import { insertMilestone } from '../db/milestones';
import { insertActionItem } from '../db/qbr-action-items';
import { insertQbr } from '../db/qbrs';
import { insertRenewal } from '../db/renewals';
import { readSetting, writeSetting } from '../db/settings';
import { insertSurvey } from '../db/surveys';
import { insertTouchpoint } from '../db/touchpoints';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { findDemoBook, parseDemoBook, USAGE_STRIDE, type DemoAccount, type DemoBook } from './demo-book';

/** Ids of the features the demo created (the features table has no is_demo flag). Features that existed
 * before the demo was loaded are shared with it and never removed with it. */
const DEMO_FEATURES_SETTING = 'demo.featureIds';
const FeatureIds = z.array(z.number().int().positive());

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

/** Deletes the demo's own features that nothing references any more; returns the ids still in use. */
function deleteUnusedDemoFeatures(ctx: ServiceContext): number[] {
  const parsed = FeatureIds.safeParse(readSetting(ctx, DEMO_FEATURES_SETTING));
  const tracked = parsed.success ? parsed.data : [];
  if (tracked.length === 0) return [];
  const used = featureIdsInUse(ctx, tracked);
  for (const id of tracked) if (!used.has(id)) deleteFeatureRow(ctx, id);
  return tracked.filter((id) => used.has(id));
}

/** Feature ids for the book's features: existing features are reused by key, missing ones created and tracked. */
function ensureFeatures(ctx: ServiceContext, book: DemoBook, stillTracked: number[]): number[] {
  const created: number[] = [];
  const ids = book.features.map((f) => {
    const existing = featureIdByKey(ctx, f.key);
    if (existing !== undefined) return existing;
    const id = insertFeature(ctx, f, ctx.now().getTime());
    created.push(id);
    return id;
  });
  writeSetting(ctx, DEMO_FEATURES_SETTING, [...new Set([...stillTracked, ...created])]);
  return ids;
}

function bit(value: boolean | null | undefined): number | null {
  return value === null || value === undefined ? null : value ? 1 : 0;
}

interface Placement {
  /** Day number of offset 0: the most recent Monday on or before today (see demo-book.ts). */
  base: number;
  today: number;
  now: number;
}

/** Inserts one account and everything under it; returns the usage events inserted. */
function insertAccount(ctx: ServiceContext, s: DemoInserts, a: DemoAccount, featureIds: number[], at: Placement): number {
  const iso = (offset: number) => isoFromDayNumber(at.base + offset);
  const isoOrNull = (offset: number | null) => (offset === null ? null : iso(offset));
  const accountId = s.account({ ...a, contractStart: iso(a.contractStart), renewalDate: iso(a.renewalDate) }, at.now);
  const userIds = a.users.map((u) => s.user(accountId, u, at.now));
  for (const e of a.entitlements) s.entitlement(accountId, featureIds[e.feature], bit(e.paid));

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
    if (batch.length === USAGE_BATCH * 6) s.usageBatch(batch.splice(0));
  }
  s.usageRows(batch);

  for (const m of a.milestones) {
    insertMilestone(ctx, { accountId, kind: m.kind, name: m.name, targetDate: isoOrNull(m.target), achievedDate: isoOrNull(m.achieved), notes: m.notes }, at.now);
  }
  const actionIds: number[] = [];
  for (const q of a.qbrs) {
    const qbrId = insertQbr(
      ctx,
      { accountId, date: iso(q.date), attendees: JSON.stringify(q.attendees), goalsReviewed: q.goals, outcomes: q.outcomes, customerResponse: q.response },
      at.now,
    );
    for (const x of q.actions) {
      const carried = x.carriedFrom === null ? null : (actionIds[x.carriedFrom] ?? null);
      actionIds.push(
        insertActionItem(ctx, { qbrId, accountId, text: x.text, owner: x.owner, dueDate: isoOrNull(x.due), status: x.status, carriedFromId: carried }),
      );
    }
  }
  for (const t of a.touchpoints) {
    const c = t.supportCase;
    insertTouchpoint(
      ctx,
      accountId,
      {
        kind: t.kind,
        date: iso(t.date),
        title: t.title,
        notes: t.notes,
        caseStatus: c?.status ?? null,
        closedDate: isoOrNull(c?.closed ?? null),
        resolved: bit(c?.resolved),
        withinSla: bit(c?.withinSla),
        featureId: t.campaign ? featureIds[t.campaign.feature] : null,
        responded: bit(t.campaign?.responded),
      },
      at.now,
    );
  }
  for (const v of a.surveys) {
    insertSurvey(ctx, { accountId, userId: v.user === null ? null : userIds[v.user], date: iso(v.date), kind: v.kind, score: v.score });
  }
  for (const r of a.renewals) insertRenewal(ctx, { accountId, renewalDate: iso(r.date), outcome: r.outcome, arrMinor: r.arrMinor });
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
  const loaded = withoutForeignKeys(ctx, () =>
    ctx.sqlite.transaction(() => {
      deleteDemoRows(ctx);
      const featureIds = ensureFeatures(ctx, book, deleteUnusedDemoFeatures(ctx));
      const s = demoInserts(ctx);
      let usageEvents = 0;
      try {
        for (const account of book.accounts) usageEvents += insertAccount(ctx, s, account, featureIds, at);
      } catch (error) {
        describeConflict(error);
      }
      return { accounts: book.accounts.length, usageEvents };
    })(),
  );
  // The demo should show health trends straight away, like a real book after its first import.
  refreshHealthSnapshots(ctx, { accountIds: demoAccountIds(ctx) });
  return loaded;
}

/** Removes every demo row, leaving the CSM's own data untouched; demo features survive while real data uses them. */
export function removeDemo(ctx: ServiceContext): { removedAccounts: number } {
  return withoutForeignKeys(ctx, () =>
    ctx.sqlite.transaction(() => {
      const removedAccounts = deleteDemoRows(ctx);
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
