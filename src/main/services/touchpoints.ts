// The account's timeline (touchpoints and survey answers merged, newest first) and quick entry of touchpoints.
// Fields that do not apply to a kind are dropped rather than refused, so a quick-entry form can keep its fields
// filled while the CSM switches kinds; what would be contradictory (a case closed before it opened) is refused.
import { daysBetween } from '../../shared/dates';
import type { MethodInput, MethodOutput, TimelineItem, TouchpointItem, TouchpointKind, UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { featureIdByKey } from '../db/features';
import {
  deleteTouchpointRow,
  insertTouchpoint,
  touchpointRow,
  touchpointsOf,
  updateTouchpointRow,
  type StoredTouchpoint,
  type TouchpointRow,
} from '../db/touchpoints';
import { storedRowsById } from '../db/trash';
import { requireAccount } from './account-lookup';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { refreshHealthSnapshots } from './health-snapshots';
import { importedTimeline } from './imported-timeline';
import { listSurveys } from './surveys';
import { deleteWithUndo } from './undo';

const bool = (v: number | null): boolean | null => (v === null ? null : v !== 0);
const bit = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

function toItem(r: TouchpointRow, asOf: string): TouchpointItem {
  const isCase = r.kind === 'support_case';
  const end = r.caseStatus === 'closed' ? r.closedDate : asOf;
  return {
    source: 'touchpoint',
    key: `touchpoint:${r.id}`,
    id: r.id,
    accountId: r.accountId,
    kind: r.kind,
    date: r.date,
    title: r.title,
    notes: r.notes,
    caseStatus: r.caseStatus,
    closedDate: r.closedDate,
    resolved: bool(r.resolved),
    withinSla: bool(r.withinSla),
    daysOpen: isCase && end !== null ? Math.max(0, daysBetween(r.date, end)) : null,
    featureKey: r.featureKey,
    featureName: r.featureName,
    responded: bool(r.responded),
  };
}

function requireTouchpoint(ctx: ServiceContext, id: number): TouchpointRow {
  const row = touchpointRow(ctx, id);
  if (!row) throw new AppError('not_found', `There is no touchpoint with id ${id}.`);
  return row;
}

const SOURCE_ORDER: Record<TimelineItem['source'], number> = { touchpoint: 0, imported: 1, survey: 2 };

export function listTimeline(ctx: ServiceContext, input: MethodInput<'touchpoints.list'>): MethodOutput<'touchpoints.list'> {
  requireAccount(ctx, input.accountId);
  const asOf = input.asOf ?? todayOf(ctx);
  const kinds = input.kinds ? new Set<string>(input.kinds) : null;
  const touchpoints = touchpointsOf(ctx, input.accountId).map((r) => toItem(r, asOf));
  const all: TimelineItem[] = [...touchpoints, ...importedTimeline(ctx, input.accountId, asOf), ...listSurveys(ctx, input.accountId)].filter(
    (i) => kinds === null || kinds.has(i.kind),
  );
  // Newest first; on the same day logged touchpoints, then imported records, then survey answers, later entries first.
  all.sort((a, b) => b.date.localeCompare(a.date) || SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || b.id - a.id);
  return { accountId: input.accountId, items: all.slice(0, input.limit ?? 1000), total: all.length };
}

interface Draft {
  kind: TouchpointKind;
  date: string;
  title: string;
  notes: string | null;
  caseStatus: 'open' | 'closed' | null;
  closedDate: string | null;
  resolved: boolean | null;
  withinSla: boolean | null;
  featureKey: string | null;
  responded: boolean | null;
}

/** A touchpoint as it will be stored: the kind's own fields kept, the others cleared, the contradictions refused. */
function normalize(ctx: ServiceContext, d: Draft): Omit<Draft, 'featureKey'> & { featureId: number | null } {
  const clean = { ...d, caseStatus: null, closedDate: null, resolved: null, withinSla: null, featureId: null, responded: null };
  if (d.kind === 'campaign') {
    let featureId: number | null = null;
    if (d.featureKey) {
      const id = featureIdByKey(ctx, d.featureKey);
      if (id === undefined) throw new AppError('unknown_feature', `There is no feature “${d.featureKey}”.`);
      featureId = id;
    }
    return { ...clean, featureId, responded: d.responded };
  }
  if (d.kind !== 'support_case') return clean;
  const status = d.caseStatus ?? (d.closedDate !== null ? 'closed' : 'open');
  if (status === 'open') return { ...clean, caseStatus: 'open' };
  // A case closed without a date closed today (quick entry), or on the day it opened when that is later.
  const today = todayOf(ctx);
  const closedDate = d.closedDate ?? (d.date > today ? d.date : today);
  if (closedDate < d.date) throw new AppError('invalid_date', 'A support case cannot be closed before it was opened.');
  return { ...clean, caseStatus: 'closed', closedDate, resolved: d.resolved, withinSla: d.withinSla };
}

function write(ctx: ServiceContext, id: number | null, accountId: number, d: Draft): number {
  const n = normalize(ctx, d);
  const stored: StoredTouchpoint = {
    ...n,
    resolved: bit(n.resolved),
    withinSla: bit(n.withinSla),
    responded: bit(n.responded),
  };
  if (id === null) return insertTouchpoint(ctx, accountId, stored, ctx.now().getTime());
  updateTouchpointRow(ctx, id, stored);
  return id;
}

function saved(ctx: ServiceContext, id: number, accountId: number): TouchpointItem {
  // Touchpoints feed health (relationship, the open-support-case rule): that account's history follows.
  refreshHealthSnapshots(ctx, { accountIds: [accountId] });
  return toItem(requireTouchpoint(ctx, id), todayOf(ctx));
}

export function createTouchpoint(ctx: ServiceContext, input: MethodInput<'touchpoints.create'>): TouchpointItem {
  requireAccount(ctx, input.accountId);
  const id = write(ctx, null, input.accountId, {
    kind: input.kind,
    date: input.date,
    title: input.title,
    notes: input.notes ?? null,
    caseStatus: input.caseStatus ?? null,
    closedDate: input.closedDate ?? null,
    resolved: input.resolved ?? null,
    withinSla: input.withinSla ?? null,
    featureKey: input.featureKey ?? null,
    responded: input.responded ?? null,
  });
  return saved(ctx, id, input.accountId);
}

export function updateTouchpoint(ctx: ServiceContext, input: MethodInput<'touchpoints.update'>): TouchpointItem {
  const row = requireTouchpoint(ctx, input.id);
  const current = toItem(row, todayOf(ctx));
  const pick = <K extends keyof Draft>(key: K, value: Draft[K] | undefined): Draft[K] => (value === undefined ? current[key] : value);
  write(ctx, row.id, row.accountId, {
    kind: pick('kind', input.kind),
    date: pick('date', input.date),
    title: pick('title', input.title),
    notes: pick('notes', input.notes),
    caseStatus: pick('caseStatus', input.caseStatus),
    // Reopening a case without saying otherwise forgets when it had closed.
    closedDate: input.caseStatus === 'open' && input.closedDate === undefined ? null : pick('closedDate', input.closedDate),
    resolved: pick('resolved', input.resolved),
    withinSla: pick('withinSla', input.withinSla),
    featureKey: pick('featureKey', input.featureKey),
    responded: pick('responded', input.responded),
  });
  return saved(ctx, row.id, row.accountId);
}

export function deleteTouchpoint(ctx: ServiceContext, id: number): UndoTicket {
  const row = requireTouchpoint(ctx, id);
  const ticket = deleteWithUndo(
    ctx,
    { kind: 'touchpoint', name: row.title, accountId: row.accountId, deleted: [{ table: 'touchpoints', rows: storedRowsById(ctx, 'touchpoints', id) }] },
    () => deleteTouchpointRow(ctx, id),
  );
  refreshHealthSnapshots(ctx, { accountIds: [row.accountId] });
  return ticket;
}

export function touchpointHandlers(
  ctx: ServiceContext,
): HandlerGroup<'touchpoints.list' | 'touchpoints.create' | 'touchpoints.update' | 'touchpoints.delete'> {
  return {
    'touchpoints.list': (input) => listTimeline(ctx, input),
    'touchpoints.create': (input) => createTouchpoint(ctx, input),
    'touchpoints.update': (input) => updateTouchpoint(ctx, input),
    'touchpoints.delete': (input) => deleteTouchpoint(ctx, input.id),
  };
}
