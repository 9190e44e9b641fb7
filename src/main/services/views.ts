// The portfolio's saved views: a name, the table's filters and its sort. Filters and sort are stored as JSON and
// read back through the contract's schemas, whose defaults fill in fields a view saved by an older build lacks.
import { z } from 'zod';
import { ViewFilters, ViewSort, type Contract, type SavedView, type UndoTicket } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { allViews, deleteViewRow, insertView, updateViewRow, viewIdByName, viewRow, type ViewRow } from '../db/views';
import { storedRowsById } from '../db/trash';
import type { HandlerGroup, ServiceContext } from './context';
import { deleteWithUndo } from './undo';

const DEFAULT_SORT: z.output<typeof ViewSort> = { column: 'name', direction: 'asc' };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function toView(r: ViewRow): SavedView {
  const filters = ViewFilters.safeParse(parseJson(r.filters));
  const sort = ViewSort.safeParse(parseJson(r.sort));
  return {
    id: r.id,
    name: r.name,
    filters: filters.success ? filters.data : ViewFilters.parse({}),
    sort: sort.success ? sort.data : DEFAULT_SORT,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

export function listViews(ctx: ServiceContext): { items: SavedView[] } {
  return { items: allViews(ctx).map(toView) };
}

function requireView(ctx: ServiceContext, id: number): ViewRow {
  const row = viewRow(ctx, id);
  if (!row) throw new AppError('not_found', `There is no saved view with id ${id}.`);
  return row;
}

type SaveInput = z.output<Contract['views.save']['input']>;

/** With an id, updates that view; without, replaces the view of the same name (any case) or adds one. */
export function saveView(ctx: ServiceContext, input: SaveInput): SavedView {
  const now = ctx.now().getTime();
  const sameName = viewIdByName(ctx, input.name);
  let id = input.id;
  if (id !== undefined) {
    requireView(ctx, id);
    if (sameName !== undefined && sameName !== id) throw new AppError('duplicate_view_name', `There is already a view called “${input.name}”.`);
  } else {
    id = sameName;
  }
  const filters = JSON.stringify(input.filters);
  const sort = JSON.stringify(input.sort);
  if (id === undefined) id = insertView(ctx, { name: input.name, filters, sort }, now);
  else updateViewRow(ctx, id, { name: input.name, filters, sort }, now);
  return toView(requireView(ctx, id));
}

export function deleteView(ctx: ServiceContext, id: number): UndoTicket {
  const row = requireView(ctx, id);
  return deleteWithUndo(
    ctx,
    { kind: 'view', name: row.name, accountId: null, deleted: [{ table: 'saved_views', rows: storedRowsById(ctx, 'saved_views', id) }] },
    () => deleteViewRow(ctx, id),
  );
}

export function viewHandlers(ctx: ServiceContext): HandlerGroup<'views.list' | 'views.save' | 'views.delete'> {
  return {
    'views.list': () => listViews(ctx),
    'views.save': (input) => saveView(ctx, input),
    'views.delete': (input) => deleteView(ctx, input.id),
  };
}
