// The connection's busy wait (busy_timeout), shortened for one call: background work on the main thread retries
// with backoff between turns of the event loop instead of blocking the thread for seconds on a locked store.
import type Database from 'better-sqlite3';

export function withBusyWait<T>(sqlite: Database.Database, ms: number, fn: () => T): T {
  const previous = Number(sqlite.pragma('busy_timeout', { simple: true }));
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.round(ms))}`);
  try {
    return fn();
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}
