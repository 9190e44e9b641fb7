// The saved_views table: the portfolio's saved views, with their filters and sort as JSON text.
import type { Store } from './open';
import { prepared } from './statements';

export interface ViewRow {
  id: number;
  name: string;
  filters: string;
  sort: string;
  createdAt: number;
  updatedAt: number;
}

const SELECT = 'SELECT id, name, filters, sort, created_at AS createdAt, updated_at AS updatedAt FROM saved_views';

/** By name, case-insensitively. */
export function allViews(store: Store): ViewRow[] {
  return prepared(store.sqlite, `${SELECT} ORDER BY name COLLATE NOCASE, id`).all() as ViewRow[];
}

export function viewRow(store: Store, id: number): ViewRow | undefined {
  return prepared(store.sqlite, `${SELECT} WHERE id = ?`).get(id) as ViewRow | undefined;
}

/** The view with this name in any case. */
export function viewIdByName(store: Store, name: string): number | undefined {
  const row = prepared(store.sqlite, 'SELECT id FROM saved_views WHERE lower(name) = lower(?)').get(name) as { id: number } | undefined;
  return row?.id;
}

export function insertView(store: Store, v: Pick<ViewRow, 'name' | 'filters' | 'sort'>, now: number): number {
  return Number(
    prepared(store.sqlite, 'INSERT INTO saved_views (name, filters, sort, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(
      v.name,
      v.filters,
      v.sort,
      now,
      now,
    ).lastInsertRowid,
  );
}

export function updateViewRow(store: Store, id: number, v: Pick<ViewRow, 'name' | 'filters' | 'sort'>, now: number): void {
  prepared(store.sqlite, 'UPDATE saved_views SET name = ?, filters = ?, sort = ?, updated_at = ? WHERE id = ?').run(v.name, v.filters, v.sort, now, id);
}

export function deleteViewRow(store: Store, id: number): void {
  prepared(store.sqlite, 'DELETE FROM saved_views WHERE id = ?').run(id);
}
