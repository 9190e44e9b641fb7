// What to do next for each reason a whole file is refused. Main's message says what is wrong (and usually the
// fix); these add the next step where the message alone leaves the CSM stuck.
const HINTS: Record<string, string> = {
  empty_file: 'Export the report again from the source tool and check that it has rows before you download it.',
  no_data_rows: 'Export again with a date range or filter that includes some activity.',
  not_text: 'Open the file in the tool that made it and export or save it as CSV (comma-separated values).',
  unterminated_quote: 'Open the file in a text editor, fix that line (close or remove the quote), save, and drop it here again.',
  record_too_large: 'The file may not be a CSV or may use an unusual separator. Export it again as a plain CSV.',
  mapping_incomplete: 'Pick a column for each required field in the mapping above, then import again.',
  file_not_found: 'The file was moved or deleted. Drop it on the window again.',
  upload_failed: 'Try again; if it keeps failing, check there is free disk space.',
  unreachable: 'Bearing’s local server stopped. Start it again and reload this page.',
};

export function errorHint(code: string): string | null {
  return HINTS[code] ?? null;
}

/** Titles a CSM recognises, by code; anything else gets the generic one. */
const TITLES: Record<string, string> = {
  empty_file: 'This file is empty',
  no_data_rows: 'This file has no data rows',
  not_text: 'This is not a CSV file',
  unterminated_quote: 'A quote is never closed',
  record_too_large: 'A row is too large to read',
  mapping_incomplete: 'Some required fields have no column',
  cancelled: 'Import cancelled',
};

export function errorTitle(code: string, fallback = 'Bearing could not read this file'): string {
  return TITLES[code] ?? fallback;
}
