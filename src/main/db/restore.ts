// Restoring a backup into the open database. The services hold one open connection, so a restore cannot reopen
// the file: it checks a copy of the backup, then replaces the live database's content from it through ATTACH.
import Database from 'better-sqlite3';

/** How many drizzle migrations the database has applied (0 for one that never ran them). */
export function appliedMigrations(sqlite: Database.Database): number {
  const has = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  return has ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
}

export interface BackupProbe {
  /** SQLite's quick_check passed. */
  intact: boolean;
  /** It has Bearing's accounts table. */
  isBearing: boolean;
  /** Migrations applied; null when it is not an intact Bearing database. */
  migrations: number | null;
}

/** Opens a database file on its own connection, checks it and closes it; throws when SQLite cannot read it at all. */
export function probeBackup(file: string, nativeBinding?: string): BackupProbe {
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, nativeBinding ? { nativeBinding } : {});
    const intact = probe.pragma('quick_check', { simple: true }) === 'ok';
    const isBearing = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'accounts'").get() !== undefined;
    return { intact, isBearing, migrations: intact && isBearing ? appliedMigrations(probe) : null };
  } finally {
    probe?.close();
  }
}

function columnsOf(sqlite: Database.Database, schema: string, table: string): string[] {
  return (sqlite.prepare(`PRAGMA ${schema}.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
}

/** Empties every table of the live database and refills it from the attached copy, in one transaction. */
export function replaceContent(sqlite: Database.Database, staged: string): void {
  sqlite.prepare('ATTACH DATABASE ? AS restore').run(staged);
  // Foreign keys are off for the copy: deleting a parent must not cascade into rows already copied, and a
  // backup is restored as it was. The pragma only takes effect outside a transaction.
  sqlite.pragma('foreign_keys = OFF');
  try {
    const tables = (
      sqlite
        .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'")
        .all() as { name: string }[]
    ).map((t) => t.name);
    sqlite.transaction(() => {
      for (const t of tables) sqlite.prepare(`DELETE FROM main."${t}"`).run();
      for (const t of tables) {
        const theirs = new Set(columnsOf(sqlite, 'restore', t));
        const columns = columnsOf(sqlite, 'main', t).filter((c) => theirs.has(c)).map((c) => `"${c}"`).join(', ');
        if (columns && t !== 'task_dirty') sqlite.prepare(`INSERT INTO main."${t}" (${columns}) SELECT ${columns} FROM restore."${t}"`).run();
      }
      // The work queue's dirty marks are written by triggers as the rows come back; whatever they hold now, the
      // restored book is reconciled whole (0 marks every account).
      sqlite.prepare('DELETE FROM main.task_dirty').run();
      sqlite.prepare('INSERT INTO main.task_dirty (account_id) VALUES (0)').run();
      // AUTOINCREMENT counters come back too, so ids handed out after the backup are not reused.
      sqlite.prepare('DELETE FROM main.sqlite_sequence').run();
      sqlite.prepare('INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restore.sqlite_sequence').run();
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
    sqlite.prepare('DETACH DATABASE restore').run();
  }
}
