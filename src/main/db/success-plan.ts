// The success plan's tables (issue #14, point 5): the handoff facts, the desired outcomes with their KPI, their
// milestone links, and the progress QBRs record on them. Plain queries; the service validates and composes.
import type { Store } from './open';
import { prepared } from './statements';

export type Complexity = 'low' | 'medium' | 'high';
export type OutcomeStatus = 'not_started' | 'on_track' | 'at_risk' | 'achieved' | 'missed';

export interface HandoffRow {
  accountId: number;
  whyBought: string | null;
  buyer: string | null;
  users: string | null;
  complexity: Complexity | null;
  complexityNote: string | null;
  updatedAt: number;
}

export interface OutcomeRow {
  id: number;
  accountId: number;
  title: string;
  kpiName: string;
  kpiUnit: string;
  baseline: number | null;
  target: number;
  targetDate: string;
  status: OutcomeStatus;
}

export interface ProgressRow {
  qbrId: number;
  qbrDate: string;
  outcomeId: number;
  value: number | null;
  note: string | null;
}

export function handoffOf(store: Store, accountId: number): HandoffRow | undefined {
  return prepared(
    store.sqlite,
    `SELECT account_id AS accountId, why_bought AS whyBought, buyer, users, complexity, complexity_note AS complexityNote,
            updated_at AS updatedAt FROM success_plans WHERE account_id = ?`,
  ).get(accountId) as HandoffRow | undefined;
}

export function saveHandoff(store: Store, h: HandoffRow): void {
  prepared(
    store.sqlite,
    `INSERT INTO success_plans (account_id, why_bought, buyer, users, complexity, complexity_note, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(account_id) DO UPDATE SET why_bought = excluded.why_bought, buyer = excluded.buyer, users = excluded.users,
       complexity = excluded.complexity, complexity_note = excluded.complexity_note, updated_at = excluded.updated_at`,
  ).run(h.accountId, h.whyBought, h.buyer, h.users, h.complexity, h.complexityNote, h.updatedAt);
}

const OUTCOME = `SELECT id, account_id AS accountId, title, kpi_name AS kpiName, kpi_unit AS kpiUnit, baseline, target,
                        target_date AS targetDate, status FROM success_outcomes`;

export function outcomesOf(store: Store, accountId: number): OutcomeRow[] {
  return prepared(store.sqlite, `${OUTCOME} WHERE account_id = ? ORDER BY target_date, id`).all(accountId) as OutcomeRow[];
}

export function outcomeRow(store: Store, id: number): OutcomeRow | undefined {
  return prepared(store.sqlite, `${OUTCOME} WHERE id = ?`).get(id) as OutcomeRow | undefined;
}

export function insertOutcome(store: Store, o: Omit<OutcomeRow, 'id'>, createdAt: number): number {
  return Number(
    prepared(
      store.sqlite,
      `INSERT INTO success_outcomes (account_id, title, kpi_name, kpi_unit, baseline, target, target_date, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(o.accountId, o.title, o.kpiName, o.kpiUnit, o.baseline, o.target, o.targetDate, o.status, createdAt).lastInsertRowid,
  );
}

export function updateOutcomeRow(store: Store, o: Omit<OutcomeRow, 'accountId'>): void {
  prepared(
    store.sqlite,
    'UPDATE success_outcomes SET title = ?, kpi_name = ?, kpi_unit = ?, baseline = ?, target = ?, target_date = ?, status = ? WHERE id = ?',
  ).run(o.title, o.kpiName, o.kpiUnit, o.baseline, o.target, o.targetDate, o.status, o.id);
}

export function deleteOutcomeRow(store: Store, id: number): void {
  prepared(store.sqlite, 'DELETE FROM success_outcomes WHERE id = ?').run(id);
}

/** The milestones an outcome is linked to, replaced as a whole (only the account's own milestones are kept). */
export function setOutcomeMilestones(store: Store, outcomeId: number, milestoneIds: readonly number[]): void {
  prepared(store.sqlite, 'DELETE FROM success_outcome_milestones WHERE outcome_id = ?').run(outcomeId);
  const insert = prepared(
    store.sqlite,
    `INSERT OR IGNORE INTO success_outcome_milestones (outcome_id, milestone_id)
     SELECT o.id, m.id FROM success_outcomes o JOIN milestones m ON m.account_id = o.account_id WHERE o.id = ? AND m.id = ?`,
  );
  for (const m of milestoneIds) insert.run(outcomeId, m);
}

export function outcomeMilestoneIds(store: Store, accountId: number): { outcomeId: number; milestoneId: number }[] {
  return prepared(
    store.sqlite,
    `SELECT l.outcome_id AS outcomeId, l.milestone_id AS milestoneId FROM success_outcome_milestones l
     JOIN success_outcomes o ON o.id = l.outcome_id WHERE o.account_id = ? ORDER BY l.outcome_id, l.milestone_id`,
  ).all(accountId) as { outcomeId: number; milestoneId: number }[];
}

/** Records (or replaces) what one QBR says about one outcome; both must belong to the same account. */
export function recordProgress(store: Store, p: Omit<ProgressRow, 'qbrDate'>): boolean {
  const run = prepared(
    store.sqlite,
    `INSERT INTO qbr_outcome_progress (qbr_id, outcome_id, value, note)
     SELECT q.id, o.id, ?, ? FROM qbrs q JOIN success_outcomes o ON o.account_id = q.account_id WHERE q.id = ? AND o.id = ?
     ON CONFLICT(qbr_id, outcome_id) DO UPDATE SET value = excluded.value, note = excluded.note`,
  ).run(p.value, p.note, p.qbrId, p.outcomeId);
  return run.changes > 0;
}

/** Every progress entry for an account's outcomes, oldest QBR first (the last one per outcome is the latest). */
export function progressOf(store: Store, accountId: number): ProgressRow[] {
  return prepared(
    store.sqlite,
    `SELECT p.qbr_id AS qbrId, q.date AS qbrDate, p.outcome_id AS outcomeId, p.value, p.note
     FROM qbr_outcome_progress p JOIN qbrs q ON q.id = p.qbr_id JOIN success_outcomes o ON o.id = p.outcome_id
     WHERE o.account_id = ? ORDER BY q.date, q.id`,
  ).all(accountId) as ProgressRow[];
}

export function clearProgress(store: Store, qbrId: number, outcomeId: number): void {
  prepared(store.sqlite, 'DELETE FROM qbr_outcome_progress WHERE qbr_id = ? AND outcome_id = ?').run(qbrId, outcomeId);
}
