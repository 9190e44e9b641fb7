// Survey answers (docs/METRICS.md, satisfaction / proficiency, seed 002) entered by hand: one respondent's NPS answer
// (0–10), CSAT (1–5) or proficiency (1–5), optionally tied to one of the account's known users.
import type { MethodInput, SurveyItem, SurveyKind, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { userLabel } from '../../shared/metrics/inputs';
import { deleteSurveyRow, insertSurvey, surveyRow, surveysOf, type SurveyRow } from '../db/surveys';
import { userIdOfAccount } from '../db/users';
import { storedRowsById } from '../db/trash';
import { requireAccount } from './account-lookup';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { deleteWithUndo } from './undo';

/** The scales satisfaction() reads: NPS answers are counted as promoters / detractors, so they must be 0–10. */
const SCALES: Record<SurveyKind, { min: number; max: number; label: string }> = {
  nps: { min: 0, max: 10, label: 'An NPS answer is a whole number from 0 to 10.' },
  csat: { min: 1, max: 5, label: 'A CSAT score is from 1 to 5.' },
  proficiency: { min: 1, max: 5, label: 'A proficiency score is from 1 to 5.' },
};

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
    userName: r.userId === null ? null : userLabel(r),
  };
}

export function listSurveys(ctx: ServiceContext, accountId: number): SurveyItem[] {
  return surveysOf(ctx, accountId).map(toItem);
}

function requireSurvey(ctx: ServiceContext, id: number): SurveyRow {
  const row = surveyRow(ctx, id);
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
    const user = userIdOfAccount(ctx, input.accountId, input.userEmail);
    if (user === undefined) throw new AppError('unknown_user', `${input.userEmail} is not a known user of this account.`);
    userId = user;
  }
  const id = insertSurvey(ctx, { accountId: input.accountId, userId, date: input.date, kind: input.kind, score: input.score });
  // Survey answers feed the satisfaction component: that account's history follows.
  refreshHealthSnapshots(ctx, { accountIds: [input.accountId] });
  return toItem(requireSurvey(ctx, id));
}

export function deleteSurvey(ctx: ServiceContext, id: number): UndoTicket {
  const row = requireSurvey(ctx, id);
  const ticket = deleteWithUndo(
    ctx,
    { kind: 'survey', name: `${row.kind.toUpperCase()} answer of ${formatDate(row.date)}`, accountId: row.accountId, deleted: [{ table: 'surveys', rows: storedRowsById(ctx, 'surveys', id) }] },
    () => deleteSurveyRow(ctx, id),
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
