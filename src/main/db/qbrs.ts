// The qbrs table: the QBR log per account (date, attendees as JSON text, goals, outcomes, the customer's response).
import type { Qbr } from '../../shared/contract';
import type { Store } from './open';
import { prepared } from './statements';

export interface QbrRow {
  id: number;
  accountId: number;
  date: string;
  /** JSON text of a string array, as stored. */
  attendees: string;
  goalsReviewed: string | null;
  outcomes: string | null;
  customerResponse: Qbr['customerResponse'];
}

const SELECT = `SELECT id, account_id AS accountId, date, attendees, goals_reviewed AS goalsReviewed, outcomes,
                       customer_response AS customerResponse FROM qbrs`;

/** The account's QBRs, newest first. */
export function qbrsOf(store: Store, accountId: number): QbrRow[] {
  return prepared(store.sqlite, `${SELECT} WHERE account_id = ? ORDER BY date DESC, id DESC`).all(accountId) as QbrRow[];
}

export function qbrRow(store: Store, id: number): QbrRow | undefined {
  return prepared(store.sqlite, `${SELECT} WHERE id = ?`).get(id) as QbrRow | undefined;
}

export function qbrAccountId(store: Store, id: number): number | undefined {
  const row = prepared(store.sqlite, 'SELECT account_id AS accountId FROM qbrs WHERE id = ?').get(id) as { accountId: number } | undefined;
  return row?.accountId;
}

export function qbrDatesOf(store: Store, accountId: number): { id: number; date: string }[] {
  return prepared(store.sqlite, 'SELECT id, date FROM qbrs WHERE account_id = ?').all(accountId) as { id: number; date: string }[];
}

/** Per account, the date of its latest QBR on or before asOf. */
export function latestQbrDates(store: Store, asOf: string): { id: number; date: string }[] {
  return prepared(store.sqlite, 'SELECT account_id AS id, max(date) AS date FROM qbrs WHERE date <= ? GROUP BY account_id').all(asOf) as {
    id: number;
    date: string;
  }[];
}

/** The account's latest QBR held on or before asOf. */
export function lastQbrOnOrBefore(store: Store, accountId: number, asOf: string): { id: number; date: string } | undefined {
  return prepared(store.sqlite, 'SELECT id, date FROM qbrs WHERE account_id = ? AND date <= ? ORDER BY date DESC, id DESC LIMIT 1').get(
    accountId,
    asOf,
  ) as { id: number; date: string } | undefined;
}

export function insertQbr(store: Store, q: Omit<QbrRow, 'id'>, createdAt: number): number {
  return Number(
    prepared(
      store.sqlite,
      `INSERT INTO qbrs (account_id, date, attendees, goals_reviewed, outcomes, customer_response, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(q.accountId, q.date, q.attendees, q.goalsReviewed, q.outcomes, q.customerResponse, createdAt).lastInsertRowid,
  );
}

export function updateQbrRow(store: Store, q: Omit<QbrRow, 'accountId'>): void {
  prepared(store.sqlite, 'UPDATE qbrs SET date = ?, attendees = ?, goals_reviewed = ?, outcomes = ?, customer_response = ? WHERE id = ?').run(
    q.date,
    q.attendees,
    q.goalsReviewed,
    q.outcomes,
    q.customerResponse,
    q.id,
  );
}

/** Its action items go with it (ON DELETE CASCADE). */
export function deleteQbrRow(store: Store, id: number): void {
  prepared(store.sqlite, 'DELETE FROM qbrs WHERE id = ?').run(id);
}
