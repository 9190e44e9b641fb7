// The app's hosts (desktop and web) start through openApp: the book opens as usual, or, when its file cannot be
// opened (damaged, empty, unreadable, from a newer Bearing), the app starts in recovery instead of failing: the
// same API answers app.status with what is wrong, the file and the newest good backup, and app.recover puts
// that backup in place (the bad file kept aside) and opens the book, all without restarting the host.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { contract, isMethodName, TABLES, type AppStatus, type Backup, type EventName, type EventPayload, type Result } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Api, EventListener } from '../api/api';
import { defaultDataDir } from '../db/data-dir';
import { backupsDir, findMigrationsFolder, knownMigrations } from '../db/open';
import { newestGoodBackup, replaceDatabaseFile } from '../db/recover';
import { DatabaseProblemError } from '../db/startup-check';
import { describeBackup } from '../services/backup';
import { openBackend, type Backend, type BackendOptions } from './backend';

export interface Recovery {
  error: DatabaseProblemError;
  newestGoodBackup: Backup | null;
}

function when(backup: Backup): string {
  return `${new Date(backup.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The problem and what can be done about it, in one message (the hosts add how to do it). */
export function recoveryMessage(recovery: Recovery, dataDir: string): string {
  const backup = recovery.newestGoodBackup;
  return (
    `${recovery.error.message} ` +
    (backup
      ? `The newest good backup is ${backup.file}, from ${when(backup)}.`
      : `There is no good backup in ${backupsDir(dataDir)}.`)
  );
}

/** Looks for the newest backup that can replace a database that failed to open. */
export function diagnoseRecovery(error: DatabaseProblemError, options: { dataDir: string; migrationsFolder?: string; nativeBinding?: string }): Recovery {
  const known = knownMigrations(options.migrationsFolder ?? findMigrationsFolder());
  const file = newestGoodBackup(options.dataDir, known, options.nativeBinding);
  return { error, newestGoodBackup: file ? describeBackup(options.dataDir, file) : null };
}

/**
 * Sets the bad file aside and puts the backup (by file name; null: none, a new book) in its place. Throws an
 * AppError when the backup is not fit; the folder is then as it was.
 */
export function recoverDatabase(
  options: { dataDir: string; migrationsFolder?: string; nativeBinding?: string; now?: () => Date },
  file: string | null,
): { restoredFrom: Backup | null; keptAs: string[] } {
  const restoredFrom = file === null ? null : describeBackupIfThere(options.dataDir, file);
  const { keptAs } = replaceDatabaseFile(options.dataDir, file, {
    knownMigrations: knownMigrations(options.migrationsFolder ?? findMigrationsFolder()),
    nativeBinding: options.nativeBinding,
    now: options.now?.() ?? new Date(),
  });
  return { restoredFrom, keptAs };
}

function describeBackupIfThere(dataDir: string, file: string): Backup | null {
  try {
    return path.basename(file) === file ? describeBackup(dataDir, file) : null;
  } catch {
    return null;
  }
}

export interface AppHandle {
  /** Stable for the whole run: it answers from the book once open, from the recovery state before. */
  api: Api;
  dataDir: string;
  /** The open book, or null while in recovery. */
  backend(): Backend | null;
  /** What app.status answers. */
  status(): AppStatus;
  close(): void;
}

export function openApp(options: BackendOptions): AppHandle {
  const dataDir = options.dataDir ?? defaultDataDir();
  const settings = { ...options, dataDir };
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let backend: Backend | null = null;
  let recovery: Recovery | null = null;

  function tryOpen(): void {
    try {
      backend = openBackend(settings);
      recovery = null;
    } catch (error) {
      if (!(error instanceof DatabaseProblemError)) throw error;
      recovery = diagnoseRecovery(error, settings);
      return;
    }
    backend.api.subscribe((event, payload) => emitter.emit('event', event, payload));
  }

  function status(): AppStatus {
    if (!recovery) return { state: 'ready' };
    return {
      state: 'recovery',
      problem: { code: recovery.error.code, message: recoveryMessage(recovery, dataDir), file: recovery.error.problem.file },
      dataDir,
      newestGoodBackup: recovery.newestGoodBackup,
    };
  }

  function recover(file: string | null): Result<unknown> {
    const value = recoverDatabase(settings, file);
    // "A new, empty book" is what the CSM chose: not the demo a first start would load.
    settings.demoOnFirstStart = false;
    tryOpen();
    if (recovery) {
      throw new AppError(recovery.error.code, `The backup was put in place but still cannot be opened. ${recoveryMessage(recovery, dataDir)}`);
    }
    emitter.emit('event', 'changed', { tables: [...TABLES] });
    return { ok: true, value };
  }

  /** The API while there is no book: app.status and app.recover answer, every other method says why not. */
  function invokeInRecovery(method: string, input: unknown): Result<unknown> {
    if (!recovery) throw new Error('not in recovery');
    if (method === 'app.status') return { ok: true, value: status() };
    if (method !== 'app.recover') {
      const message = isMethodName(method) ? recoveryMessage(recovery, dataDir) : `Unknown method "${method}".`;
      return { ok: false, error: { code: isMethodName(method) ? recovery.error.code : 'unknown_method', message } };
    }
    const parsed = contract['app.recover'].input.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: 'Choose one of the backups listed, or a new book.' } };
    try {
      return recover(parsed.data.file);
    } catch (error) {
      return { ok: false, error: AppError.from(error).toJSON() };
    }
  }

  tryOpen();
  const api: Api = {
    invoke: async (method, input) => (backend ? backend.api.invoke(method, input) : invokeInRecovery(method, input)),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => emitter.emit('event', event, payload),
    subscribe(listener: EventListener) {
      const wrapped = (event: EventName, payload: EventPayload<EventName>) => listener(event, payload);
      emitter.on('event', wrapped);
      return () => emitter.off('event', wrapped);
    },
  };
  return {
    api,
    dataDir,
    backend: () => backend,
    status,
    close: () => {
      backend?.close();
      backend = null;
    },
  };
}
