// `recover`: what the desktop app's recovery screen does, from a terminal. It works when the book cannot be
// opened (every other command then stops with the reason and points here), so it never goes through the API.
import { openBackend } from '../app/backend';
import { diagnoseRecovery, recoverDatabase, recoveryMessage, type Recovery } from '../app/recovery';
import { DatabaseProblemError } from '../db/startup-check';
import { AppError } from '../../shared/errors';
import type { CliIo } from './command';

export const recoverCommand = {
  summary: 'When the database cannot be opened: put a backup in its place (the bad file is kept aside)',
  usage: 'recover [--backup FILE | --new-book] [--json]',
  flags: {
    backup: { type: 'string', description: 'the backup to restore (a file name in the backups folder)' },
    'new-book': { type: 'boolean', description: 'set the bad file aside and start a new, empty book' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
} as const;

/** The lines every command prints when the book cannot be opened: what is wrong, and the command that fixes it. */
export function recoveryHint(recovery: Recovery, dataDir: string): string {
  const fix = recovery.newestGoodBackup
    ? `To restore it (the damaged file is kept aside, never deleted): npm run -s cli -- recover --backup ${recovery.newestGoodBackup.file}`
    : 'To start a new, empty book (the file is kept aside, never deleted): npm run -s cli -- recover --new-book';
  return `${recoveryMessage(recovery, dataDir)}\n${fix}`;
}

function tryOpen(dataDir: string): DatabaseProblemError | null {
  try {
    openBackend({ host: 'cli', dataDir }).close();
    return null;
  } catch (error) {
    if (error instanceof DatabaseProblemError) return error;
    throw error;
  }
}

export function runRecover(io: CliIo, flags: Record<string, string | boolean | undefined>, dataDir: string): number {
  const backup = typeof flags.backup === 'string' ? flags.backup : null;
  // A usage error whatever the state of the book: exit 2 before anything is looked at.
  if (backup !== null && flags['new-book'] === true) {
    io.err('Give either --backup FILE or --new-book, not both. Usage: npm run -s cli -- recover [--backup FILE | --new-book] [--json]');
    return 2;
  }
  const problem = tryOpen(dataDir);
  if (!problem) {
    io.err('Your book opens normally: there is nothing to recover. To go back to a backup, use Settings › Backups in the app.');
    return 0;
  }
  const recovery = diagnoseRecovery(problem, { dataDir });
  if (backup === null && flags['new-book'] !== true) {
    io.err(recoveryHint(recovery, dataDir));
    return 1;
  }
  try {
    const result = recoverDatabase({ dataDir }, backup);
    const still = tryOpen(dataDir);
    if (still) throw new AppError(still.code, `The book still cannot be opened: ${still.message}`);
    if (flags.json === true) io.out(JSON.stringify({ status: 'recovered', ...result }));
    else {
      io.out(backup ? `Restored ${backup}. Your book opens again.` : 'A new, empty book was started.');
      for (const kept of result.keptAs) io.out(`The previous file was kept as ${kept}`);
    }
    return 0;
  } catch (error) {
    const e = AppError.from(error);
    if (flags.json === true) io.out(JSON.stringify({ status: 'error', error: e.toJSON() }));
    io.err(`Error: ${e.message}`);
    return 1;
  }
}
