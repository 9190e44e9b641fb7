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
