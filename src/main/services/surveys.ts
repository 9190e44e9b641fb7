// Survey answers (docs/METRICS.md, satisfaction / proficiency, seed 002) entered by hand: one respondent's NPS answer
// (0–10), CSAT (1–5) or proficiency (1–5), optionally tied to one of the account's known users.
import type { MethodInput, SurveyItem, SurveyKind, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { userLabel } from '../../shared/metrics/inputs';
import { requireAccount } from './account-lookup';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { prepared } from '../db/statements';
import { deleteWithUndo, storedRows } from './undo';

/** The scales satisfaction() reads: NPS answers are counted as promoters / detractors, so they must be 0–10. */
const SCALES: Record<SurveyKind, { min: number; max: number; label: string }> = {
  nps: { min: 0, max: 10, label: 'An NPS answer is a whole number from 0 to 10.' },
  csat: { min: 1, max: 5, label: 'A CSAT score is from 1 to 5.' },
  proficiency: { min: 1, max: 5, label: 'A proficiency score is from 1 to 5.' },
};

interface SurveyRow {
  id: number;
  accountId: number;
  kind: SurveyKind;
  date: string;
  score: number;
  userId: number | null;
  name: string | null;
  email: string | null;
}

const SELECT = `SELECT s.id, s.account_id AS accountId, s.kind, s.date, s.score, s.user_id AS userId, u.name, u.email
                FROM surveys s LEFT JOIN users u ON u.id = s.user_id`;

function toItem(r: SurveyRow): SurveyItem {
  return {
    source: 'survey',
    key: `survey:${r.id}`,
    id: r.id,
    accountId: r.accountId,
    kind: r.kind,
    date: r.date,
    score: r.score,
    userId: r.userId,
    userName: r.userId === null ? null : userLabel({ id: r.userId, name: r.name, email: r.email }),
  };
}

export function listSurveys(ctx: ServiceContext, accountId: number): SurveyItem[] {
  return (prepared(ctx.sqlite, `${SELECT} WHERE s.account_id = ?`).all(accountId) as SurveyRow[]).map(toItem);
}

function requireSurvey(ctx: ServiceContext, id: number): SurveyRow {
  const row = prepared(ctx.sqlite, `${SELECT} WHERE s.id = ?`).get(id) as SurveyRow | undefined;
  if (!row) throw new AppError('not_found', `There is no survey answer with id ${id}.`);
  return row;
}

export function createSurvey(ctx: ServiceContext, input: MethodInput<'surveys.create'>): SurveyItem {
  requireAccount(ctx, input.accountId);
  const scale = SCALES[input.kind];
  const whole = input.kind !== 'nps' || Number.isInteger(input.score);
  if (input.score < scale.min || input.score > scale.max || !whole) throw new AppError('invalid_score', scale.label);
  let userId: number | null = null;
  if (input.userEmail !== undefined) {
    const user = prepared(
      ctx.sqlite,
      'SELECT id FROM users WHERE account_id = ? AND (lower(email) = lower(?) OR external_id = ?) ORDER BY id LIMIT 1',
    ).get(input.accountId, input.userEmail, input.userEmail) as { id: number } | undefined;
    if (!user) throw new AppError('unknown_user', `${input.userEmail} is not a known user of this account.`);
    userId = user.id;
  }
  const id = Number(
    prepared(ctx.sqlite, 'INSERT INTO surveys (account_id, user_id, date, kind, score) VALUES (?, ?, ?, ?, ?)').run(
      input.accountId,
      userId,
      input.date,
      input.kind,
      input.score,
    ).lastInsertRowid,
  );
  // Survey answers feed the satisfaction component: that account's history follows.
  refreshHealthSnapshots(ctx, { accountIds: [input.accountId] });
  return toItem(requireSurvey(ctx, id));
}

export function deleteSurvey(ctx: ServiceContext, id: number): UndoTicket {
  const row = requireSurvey(ctx, id);
  const ticket = deleteWithUndo(
    ctx,
    { kind: 'survey', name: `${row.kind} ${row.date}`, accountId: row.accountId, deleted: [{ table: 'surveys', rows: storedRows(ctx, 'surveys', 'id = ?', id) }] },
    () => prepared(ctx.sqlite, 'DELETE FROM surveys WHERE id = ?').run(id),
  );
  refreshHealthSnapshots(ctx, { accountIds: [row.accountId] });
  return ticket;
}

export function surveyHandlers(ctx: ServiceContext): HandlerGroup<'surveys.create' | 'surveys.delete'> {
  return {
    'surveys.create': (input) => createSurvey(ctx, input),
    'surveys.delete': (input) => deleteSurvey(ctx, input.id),
  };
}
