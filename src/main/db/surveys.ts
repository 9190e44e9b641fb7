// The surveys table: NPS, CSAT and proficiency answers, optionally tied to one of the account's users.
import type { SurveyKind } from '../../shared/contract';
import type { Store } from './open';
import { prepared } from './statements';

export interface SurveyRow {
  id: number;
  accountId: number;
  kind: SurveyKind;
  date: string;
  score: number;
  userId: number | null;
  /** The respondent's name and e-mail, when tied to a user. */
  name: string | null;
  email: string | null;
  externalId: string | null;
}

const SELECT = `SELECT s.id, s.account_id AS accountId, s.kind, s.date, s.score, s.user_id AS userId, u.name, u.email, u.external_id AS externalId
                FROM surveys s LEFT JOIN users u ON u.id = s.user_id`;

export function surveysOf(store: Store, accountId: number): SurveyRow[] {
  return prepared(store.sqlite, `${SELECT} WHERE s.account_id = ?`).all(accountId) as SurveyRow[];
}

export function surveyRow(store: Store, id: number): SurveyRow | undefined {
  return prepared(store.sqlite, `${SELECT} WHERE s.id = ?`).get(id) as SurveyRow | undefined;
}

export function insertSurvey(store: Store, s: Pick<SurveyRow, 'accountId' | 'userId' | 'date' | 'kind' | 'score'>): number {
  return Number(
    prepared(store.sqlite, 'INSERT INTO surveys (account_id, user_id, date, kind, score) VALUES (?, ?, ?, ?, ?)').run(
      s.accountId,
      s.userId,
      s.date,
      s.kind,
      s.score,
    ).lastInsertRowid,
  );
}

export function deleteSurveyRow(store: Store, id: number): void {
  prepared(store.sqlite, 'DELETE FROM surveys WHERE id = ?').run(id);
}
