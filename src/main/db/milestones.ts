// The milestones table: time-to-value milestones per account (kickoff, onboarding complete, basic value…).
import { and, eq } from 'drizzle-orm';
import type { MilestoneKind } from '../../shared/contract';
import type { MilestoneInfo } from '../../shared/metrics/inputs';
import type { Store } from './open';
import { milestones } from './schema';
import { prepared } from './statements';

/** Every account's onboarding-complete milestone (or one account's) with its achieved date, null when not yet. */
export function onboardingDates(store: Store, accountId?: number): { accountId: number; achievedDate: string | null }[] {
  const where = accountId
    ? and(eq(milestones.kind, 'onboarding_complete'), eq(milestones.accountId, accountId))
    : eq(milestones.kind, 'onboarding_complete');
  return store.db
    .select({ accountId: milestones.accountId, achievedDate: milestones.achievedDate })
    .from(milestones)
    .where(where)
    .all();
}

export interface MilestoneRow {
  id: number;
  accountId: number;
  kind: MilestoneKind;
  name: string;
  targetDate: string | null;
  achievedDate: string | null;
  notes: string | null;
  /** Who set achievedDate: 'usage' (db/onboarding.ts) or 'csm'; null while not achieved. */
  achievedSource: 'usage' | 'csm' | null;
}

const SELECT = `SELECT id, account_id AS accountId, kind, name, target_date AS targetDate, achieved_date AS achievedDate, notes,
                       achieved_source AS achievedSource FROM milestones`;

export function milestonesOf(store: Store, accountId: number): MilestoneRow[] {
  return prepared(store.sqlite, `${SELECT} WHERE account_id = ? ORDER BY id`).all(accountId) as MilestoneRow[];
}

export function milestoneRow(store: Store, id: number): MilestoneRow | undefined {
  return prepared(store.sqlite, `${SELECT} WHERE id = ?`).get(id) as MilestoneRow | undefined;
}

/** Every account's milestones (without notes), in id order. */
export function allMilestones(store: Store): (MilestoneInfo & { accountId: number })[] {
  return prepared(
    store.sqlite,
    'SELECT id, account_id AS accountId, kind, name, target_date AS targetDate, achieved_date AS achievedDate FROM milestones ORDER BY id',
  ).all() as (MilestoneInfo & { accountId: number })[];
}

export function insertMilestone(store: Store, m: Omit<MilestoneRow, 'id'>, createdAt: number): number {
  return Number(
    prepared(
      store.sqlite,
      'INSERT INTO milestones (account_id, kind, name, target_date, achieved_date, notes, achieved_source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(m.accountId, m.kind, m.name, m.targetDate, m.achievedDate, m.notes, m.achievedSource, createdAt).lastInsertRowid,
  );
}

export function updateMilestoneRow(store: Store, m: Omit<MilestoneRow, 'accountId'>): void {
  prepared(store.sqlite, 'UPDATE milestones SET kind = ?, name = ?, target_date = ?, achieved_date = ?, notes = ?, achieved_source = ? WHERE id = ?').run(
    m.kind,
    m.name,
    m.targetDate,
    m.achievedDate,
    m.notes,
    m.achievedSource,
    m.id,
  );
}

export function deleteMilestoneRow(store: Store, id: number): void {
  prepared(store.sqlite, 'DELETE FROM milestones WHERE id = ?').run(id);
}
