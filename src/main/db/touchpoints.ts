// The touchpoints table: calls, e-mails, meetings, support cases and campaigns, with the feature a campaign promoted.
// Flags are stored as SQLite integers (0 / 1, null when unknown) and read back as such.
import type { TouchpointKind } from '../../shared/contract';
import type { Store } from './open';
import { prepared } from './statements';

/** The fields a touchpoint is written with, in SQLite's terms. */
export interface StoredTouchpoint {
  kind: TouchpointKind;
  date: string;
  title: string;
  notes: string | null;
  caseStatus: 'open' | 'closed' | null;
  closedDate: string | null;
  resolved: number | null;
  withinSla: number | null;
  featureId: number | null;
  responded: number | null;
}

export interface TouchpointRow extends StoredTouchpoint {
  id: number;
  accountId: number;
  featureKey: string | null;
  featureName: string | null;
}

const SELECT = `SELECT t.id, t.account_id AS accountId, t.kind, t.date, t.title, t.notes, t.case_status AS caseStatus,
                       t.closed_date AS closedDate, t.resolved, t.within_sla AS withinSla, t.feature_id AS featureId,
                       f.key AS featureKey, f.name AS featureName, t.responded
                FROM touchpoints t LEFT JOIN features f ON f.id = t.feature_id`;

export function touchpointRow(store: Store, id: number): TouchpointRow | undefined {
  return prepared(store.sqlite, `${SELECT} WHERE t.id = ?`).get(id) as TouchpointRow | undefined;
}

export function touchpointsOf(store: Store, accountId: number): TouchpointRow[] {
  return prepared(store.sqlite, `${SELECT} WHERE t.account_id = ?`).all(accountId) as TouchpointRow[];
}

const values = (t: StoredTouchpoint) => [t.kind, t.date, t.title, t.notes, t.caseStatus, t.closedDate, t.resolved, t.withinSla, t.featureId, t.responded];

export function insertTouchpoint(store: Store, accountId: number, t: StoredTouchpoint, createdAt: number): number {
  return Number(
    prepared(
      store.sqlite,
      `INSERT INTO touchpoints (kind, date, title, notes, case_status, closed_date, resolved, within_sla, feature_id, responded,
           account_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(...values(t), accountId, createdAt).lastInsertRowid,
  );
}

export function updateTouchpointRow(store: Store, id: number, t: StoredTouchpoint): void {
  prepared(
    store.sqlite,
    `UPDATE touchpoints SET kind = ?, date = ?, title = ?, notes = ?, case_status = ?, closed_date = ?, resolved = ?,
       within_sla = ?, feature_id = ?, responded = ? WHERE id = ?`,
  ).run(...values(t), id);
}

export function deleteTouchpointRow(store: Store, id: number): void {
  prepared(store.sqlite, 'DELETE FROM touchpoints WHERE id = ?').run(id);
}

/** Every support case's account and opening date (logged or imported), on or before asOf: the portfolio's early warnings count them. */
export function supportCaseDates(store: Store, asOf: string): { accountId: number; date: string }[] {
  return prepared(
    store.sqlite,
    `SELECT account_id AS accountId, date FROM touchpoints WHERE kind = 'support_case' AND date <= @asOf
     UNION ALL SELECT account_id, opened_date FROM support_cases WHERE opened_date <= @asOf ORDER BY 1, 2`,
  ).all({ asOf }) as { accountId: number; date: string }[];
}
