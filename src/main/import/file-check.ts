// Before a file is opened: is it there, and is it a file? Checked with stat, never by opening it: opening a named
// pipe (FIFO) waits for a writer that may never come, and "cannot find" for a folder sends the CSM looking for a
// file that is right there.
import fs from 'node:fs';
import { ImportError } from './import-error';

/** What a path names when it is not a regular file, in the CSM's words. */
function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'something other than a file';
}

/** `not_a_file` for what `label` (a path, or a name where the window must not show paths) names instead. */
export function notAFile(label: string, stat: fs.Stats): ImportError {
  if (stat.isDirectory()) {
    return new ImportError('not_a_file', `${label} is a folder, not a file. Choose the CSV files inside it (or watch the folder in Settings).`);
  }
  return new ImportError('not_a_file', `${label} is not a regular file (it is ${kindOf(stat)}). Save the export as a file on disk and import that file.`);
}

/**
 * Throws ImportError `file_not_found`, `not_a_file` (a folder, a pipe, a device) or `file_unreadable` (no
 * permission); returns the file's size otherwise.
 */
export function assertImportableFile(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    if (code === 'EACCES' || code === 'EPERM') {
      throw new ImportError('file_unreadable', `Bearing may not read ${file}: check the permissions of the file and its folder, then import it again.`);
    }
    throw new ImportError('file_not_found', `Bearing cannot find the file ${file}. Was it moved or renamed?`);
  }
  if (!stat.isFile()) throw notAFile(file, stat);
  try {
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new ImportError('file_unreadable', `Bearing may not read ${file}: check the permissions of the file and its folder, then import it again.`);
  }
  return stat.size;
}
