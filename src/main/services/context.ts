import type { EventName, EventPayload, Table } from '../../shared/contract';
import type { Db } from '../db/open';
import type Database from 'better-sqlite3';

export type Host = 'electron' | 'web' | 'cli';

/** What every service function gets: the store, where it lives, the clock and a way to tell clients. */
export interface ServiceContext {
  db: Db;
  sqlite: Database.Database;
  dataDir: string;
  databaseFile: string;
  host: Host;
  /** The better-sqlite3 addon built for Electron's ABI, when running in Electron (import workers need it too). */
  nativeBinding?: string;
  version: string;
  /** The wall clock, injectable so tests are reproducible. */
  now(): Date;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export function tablesChanged(ctx: ServiceContext, tables: Table[]): void {
  if (tables.length > 0) ctx.emit('changed', { tables });
}
