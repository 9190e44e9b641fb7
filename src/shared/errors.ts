// Errors a user can meet are values with a stable code (for tests and tools), a message written for the CSM,
// and, where a file is concerned, its line.
export interface AppErrorShape {
  code: string;
  message: string;
  line?: number | null;
}

export class AppError extends Error implements AppErrorShape {
  constructor(
    readonly code: string,
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message, line: this.line };
  }

  static from(value: unknown): AppError {
    if (value instanceof AppError) return value;
    // SQLite's own codes and words ("SQLITE_BUSY: database is locked") never reach the CSM.
    if (isStoreBusy(value)) {
      return new AppError('store_busy', 'Your book is busy with another change (an import, or Bearing open twice): try again in a moment.');
    }
    if (isSqliteError(value)) return new AppError('internal', `Something went wrong while writing to your book: ${value instanceof Error ? value.message : 'unknown'}`);
    if (isAppErrorShape(value)) return new AppError(value.code, value.message, value.line ?? null);
    const message = value instanceof Error ? value.message : String(value);
    return new AppError('internal', `Something went wrong: ${message}`);
  }
}

function isAppErrorShape(value: unknown): value is AppErrorShape {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppErrorShape).code === 'string' &&
    typeof (value as AppErrorShape).message === 'string'
  );
}

function isSqliteError(value: unknown): value is { code: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string' && (value as { code: string }).code.startsWith('SQLITE_');
}

/** SQLITE_BUSY or SQLITE_LOCKED (and their extended codes): another connection holds the lock; worth a retry. */
export function isStoreBusy(value: unknown): boolean {
  return isSqliteError(value) && /^SQLITE_(BUSY|LOCKED)/.test(value.code);
}
