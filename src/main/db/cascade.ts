// Deleting rows with everything hanging off them, children first, by the schema's own foreign keys: so a table
// added later that references accounts or users is covered without changing the callers (the demo's removal,
// removing the accounts an import created). Run with foreign keys off (withoutForeignKeys in demo.ts): with
// cascades on, SQLite would search usage_events, which has no index on account_id, once per deleted account.
import type Database from 'better-sqlite3';

export interface ForeignKey {
  child: string;
  column: string;
  parent: string;
  parentColumn: string | null;
}

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function foreignKeys(sqlite: Database.Database): ForeignKey[] {
  return sqlite
    .prepare(
      `SELECT m.name AS child, f."from" AS "column", f."table" AS parent, f."to" AS parentColumn
       FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'`,
    )
    .all() as ForeignKey[];
}

/** Deletes the rows of `table` matching `where`, children first; returns how many rows of `table` went. */
export function cascadeDelete(sqlite: Database.Database, keys: ForeignKey[], table: string, where: string, depth = 0): number {
  if (depth > 8) throw new Error(`Foreign keys under ${table} nest too deep to delete safely.`);
  for (const fk of keys) {
    if (fk.parent !== table || fk.child === table) continue;
    const parentKey = quote(fk.parentColumn ?? 'id');
    const childWhere = `${quote(fk.column)} IN (SELECT ${parentKey} FROM ${quote(table)} WHERE ${where})`;
    cascadeDelete(sqlite, keys, fk.child, childWhere, depth + 1);
  }
  return sqlite.prepare(`DELETE FROM ${quote(table)} WHERE ${where}`).run().changes;
}
