// Writes to an account's or a user's own row during an import, and records each change in import_changes (the row
// as it was, or null for a row the import created) so that undoing the import puts every row back. StoreWriter
// decides what to write; this is how it is written.
import type Database from 'better-sqlite3';
import type { AccountFact, UserFact, WriteOutcome } from './store-facts';

export type Row = Record<string, unknown>;
type Table = 'accounts' | 'users';

export const INSERTED: WriteOutcome = Object.freeze({ kind: 'inserted' });
export const UNCHANGED: WriteOutcome = Object.freeze({ kind: 'duplicate', duplicateOf: null, importId: null });

const ACCOUNT_COLUMNS = [
  ['name', 'name'],
  ['owner', 'owner'],
  ['industry', 'industry'],
  ['arrMinor', 'arr_minor'],
  ['currency', 'currency'],
  ['licenses', 'licenses'],
  ['contractStart', 'contract_start'],
  ['renewalDate', 'renewal_date'],
  ['crmStage', 'crm_stage'],
] as const;

const USER_COLUMNS = [
  ['email', 'email'],
  ['name', 'name'],
  ['role', 'role'],
  ['department', 'department'],
] as const;

/** The columns a record fills (an empty cell never blanks what the store holds). */
function filled<F>(fact: F, columns: readonly (readonly [keyof F, string])[], into: Row): Row {
  for (const [key, column] of columns) {
    const v = fact[key];
    if (v !== undefined && v !== null && v !== '') into[column] = v;
  }
  return into;
}

export const accountValues = (fact: AccountFact, into: Row = {}): Row => filled(fact, ACCOUNT_COLUMNS, into);
export const userValues = (fact: UserFact, into: Row = {}): Row => filled(fact, USER_COLUMNS, into);

export class RecordWriter {
  /** One prepared UPDATE per set of columns (an accounts file has one or two shapes, not one per row). */
  private readonly updates = new Map<string, Database.Statement>();
  private readonly statements;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly importId: number,
  ) {
    this.statements = {
      change: sqlite.prepare('INSERT INTO import_changes (import_id, table_name, row_id, before) VALUES (?, ?, ?, ?)'),
      accounts: sqlite.prepare('SELECT * FROM accounts WHERE id = ?'),
      users: sqlite.prepare('SELECT * FROM users WHERE id = ?'),
    };
  }

  /** Records a row as it was before this import changed it (null: the import created it). */
  recordChange(table: Table, id: number, before: string | null): void {
    this.statements.change.run(this.importId, table, id, before);
  }

  row(table: Table, id: number): Row {
    return this.statements[table].get(id) as Row;
  }

  /** Sets the columns of a row this import created (its creation is recorded, so nothing else is). */
  update(table: Table, id: number, values: Row): void {
    const columns = Object.keys(values);
    if (columns.length === 0) return;
    const sql = `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`;
    let statement = this.updates.get(sql);
    if (!statement) this.updates.set(sql, (statement = this.sqlite.prepare(sql)));
    statement.run({ ...values, id });
  }

  /** Updates an existing row when a value differs, recording it as it was; 'duplicate' when nothing differs. */
  updateIfChanged(table: Table, id: number, values: Row, touched: () => void): WriteOutcome {
    const before = this.row(table, id);
    const changed = Object.entries(values).some(([column, v]) => before[column] !== v);
    if (!changed) return UNCHANGED;
    this.recordChange(table, id, JSON.stringify(before));
    this.update(table, id, values);
    touched();
    return INSERTED;
  }
}
