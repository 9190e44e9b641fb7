// The feature catalogue: the event names that count as each feature, and its key and paid flags.
import type { FeatureInfo } from '../../shared/metrics/inputs';
import type { Store } from './open';
import { prepared } from './statements';

/** The catalogue's features as metrics read them: the ones merged into another are counted as that one. */
export function loadFeatures(store: Store): FeatureInfo[] {
  const rows = prepared(store.sqlite, 'SELECT id, key, name, is_key AS isKey, is_paid AS isPaid FROM features WHERE merged_into IS NULL ORDER BY id').all() as {
    id: number;
    key: string;
    name: string;
    isKey: number;
    isPaid: number;
  }[];
  return rows.map((r) => ({ ...r, isKey: r.isKey !== 0, isPaid: r.isPaid !== 0 }));
}

export function featureIdByKey(store: Store, key: string): number | undefined {
  const row = prepared(store.sqlite, 'SELECT id FROM features WHERE key = ?').get(key) as { id: number } | undefined;
  return row?.id;
}

export function updateFeatureRow(store: Store, f: Pick<FeatureInfo, 'id' | 'name' | 'isKey' | 'isPaid'>): void {
  prepared(store.sqlite, 'UPDATE features SET name = ?, is_key = ?, is_paid = ? WHERE id = ?').run(f.name, f.isKey ? 1 : 0, f.isPaid ? 1 : 0, f.id);
}

export function insertFeature(store: Store, f: Pick<FeatureInfo, 'key' | 'name' | 'isKey' | 'isPaid'>, createdAt: number): number {
  return Number(
    prepared(store.sqlite, 'INSERT INTO features (key, name, is_key, is_paid, created_at) VALUES (?, ?, ?, ?, ?)').run(
      f.key,
      f.name,
      f.isKey ? 1 : 0,
      f.isPaid ? 1 : 0,
      createdAt,
    ).lastInsertRowid,
  );
}

export function deleteFeatureRow(store: Store, id: number): void {
  prepared(store.sqlite, 'DELETE FROM features WHERE id = ?').run(id);
}
