// A file-level import failure is an AppError (src/shared/errors.ts) so every transport already knows how to carry
// it; this module only narrows the code to the importer's list and keeps the wording helpers in one place.
import { AppError } from '../../shared/errors';
import type { FileErrorCode } from './types';

export class ImportError extends AppError {
  declare readonly code: FileErrorCode;

  constructor(code: FileErrorCode, message: string, line: number | null = null) {
    super(code, message, line);
    this.name = 'ImportError';
  }
}

/** Long or multi-line cell values are shortened so a reason stays one readable line. */
export function quoteValue(value: string, max = 40): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ');
  const short = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return `"${short}"`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
