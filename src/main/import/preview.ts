// The preview on the mapping screen: the first sample rows run through the same validator as the import, so what
// the CSM sees is exactly what will be stored (or why a line will be rejected or skipped).
import type { CsvRecord, ValidationResult } from './types';
import { createRowValidator, type ValidatorOptions } from './validate';

export interface PreviewLine {
  line: number;
  result: ValidationResult;
}

export function previewRows(options: ValidatorOptions, sampleRows: CsvRecord[], limit = 20): PreviewLine[] {
  const validate = createRowValidator(options);
  return sampleRows.slice(0, limit).map((r) => ({ line: r.line, result: validate(r.fields, r.line) }));
}
