import fs from 'node:fs';
import path from 'node:path';
import type { ImportKind, ImportProgress, ImportSummary } from '../../shared/contract';
import { ImportKind as ImportKindSchema } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { formatCount, formatPercent } from '../../shared/format';
import { emptySummary } from '../import/import-summary';
import { fileHandles } from '../services/file-handles';
import { call, type Command } from './command';

function waitForJob(subscribe: (listener: (p: ImportProgress) => void) => () => void) {
  const seen: ImportProgress[] = [];
  let wanted: string | null = null;
  let resolveDone: (p: ImportProgress) => void = () => undefined;
  const done = new Promise<ImportProgress>((resolve) => (resolveDone = resolve));
  const finished = (p: ImportProgress) => p.jobId === wanted && (p.phase === 'done' || p.phase === 'failed' || p.phase === 'cancelled');
  const unsubscribe = subscribe((p) => {
    seen.push(p);
    if (finished(p)) resolveDone(p);
  });
  return {
    seen,
    async until(jobId: string) {
      wanted = jobId;
      const early = seen.find(finished);
      const result = early ?? (await done);
      unsubscribe();
      return result;
    },
  };
}

export const importCommand: Command = {
  summary: 'Import a CSV file (usage, accounts, users, renewals, support tickets, survey answers or e-mail campaign recipients)',
  usage: 'import <file> [--kind K] [--tz ZONE] [--only-book-accounts] [--json]',
  // Counts its own arguments: its --json answer keeps one shape whatever went wrong.
  maxArgs: Number.POSITIVE_INFINITY,
  flags: {
    kind: { type: 'string', description: `${ImportKindSchema.options.join(' | ')} (default: detected; a file that looks like none is refused, never taken for usage)` },
    tz: { type: 'string', description: 'time zone for times with no offset, e.g. Europe/Berlin (default: the setting, else this machine\'s)' },
    'only-book-accounts': { type: 'boolean', description: 'skip rows naming an account not in the book (account_not_in_book) instead of adding it (default: the setting)' },
    json: { type: 'boolean', description: 'print one JSON object: status, kind, source, rowsAccepted, rejected, skipped, duplicates, …' },
  },
  async run({ api, context, io, args, flags }) {
    const failed = (error: AppError, exitCode: number, fileName = args[0] ?? '') => {
      // --json promises one object of the same shape whatever happened, so tools need no second parser.
      if (flags.json) io.out(JSON.stringify(errorSummary(path.basename(fileName), typeof flags.tz === 'string' ? flags.tz : '', error), null, 2));
      io.err(`Error: ${error.message}${error.line ? ` (line ${error.line})` : ''}`);
      return exitCode;
    };
    if (args.length !== 1) return failed(new AppError('usage', 'Name one file to import: npm run -s cli -- import <file>'), 2);
    // npm runs scripts from the project folder; INIT_CWD is where the CSM typed the command.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0]);
    let kind: ImportKind | undefined;
    if (typeof flags.kind === 'string') {
      const parsed = ImportKindSchema.safeParse(flags.kind);
      if (!parsed.success) return failed(new AppError('usage', `--kind must be one of ${ImportKindSchema.options.join(', ')}.`), 2, file);
      kind = parsed.data;
    }
    const progressOnTerminal = !flags.json && process.stderr.isTTY;
    const watcher = waitForJob((listener) =>
      api.subscribe((event, payload) => {
        if (event !== 'import.progress') return;
        const p = payload as ImportProgress;
        if (progressOnTerminal && p.phase === 'reading' && p.totalBytes > 0) {
          process.stderr.write(`\r${formatPercent(p.bytesRead / p.totalBytes)}  ${formatCount(p.rows)} rows  ${formatCount(p.rowsPerSecond)} rows/s   `);
        } else if (progressOnTerminal && p.phase === 'scoring' && p.scoring) {
          process.stderr.write(`\r\x1b[Ksaved; updating health: ${formatCount(p.scoring.done)} of ${formatCount(p.scoring.total)} accounts`);
        }
        listener(p);
      }),
    );
    let jobId: string;
    try {
      // The path the CSM typed is theirs to name (links included, resolved here): registered as a chosen file, so
      // the import goes through the same contract method as the app's, which takes no path.
      const chosen = fileHandles(context).add(realFile(file));
      ({ jobId } = await call(api, 'import.start', {
        file: chosen.file,
        ...(kind ? { kind } : {}),
        ...(typeof flags.tz === 'string' ? { timeZone: flags.tz } : {}),
        ...(flags['only-book-accounts'] === true ? { onlyBookAccounts: true } : {}),
      }));
    } catch (error) {
      // Refused before any job started: an unknown --tz is a usage error (exit 2), as every flag value refused is;
      // no such file is a failure (exit 1).
      const e = AppError.from(error);
      return failed(e, e.code === 'invalid_time_zone' || e.code === 'invalid_input' ? 2 : 1, file);
    }
    const end = await watcher.until(jobId);
    if (progressOnTerminal) process.stderr.write('\r\x1b[K');
    const summary = end.summary;
    if (!summary) return failed(new AppError('import_failed', 'The import stopped without a summary; nothing was changed.'), 1, file);
    if (flags.json) {
      io.out(JSON.stringify(summary, null, 2));
    } else {
      io.out(`${summary.fileName}: ${summary.kind ?? 'unknown kind'} from ${summary.source ?? 'unknown source'}. ${summary.message}`);
      for (const r of summary.rejected.slice(0, 20)) io.out(`  line ${formatCount(r.line)}: [${r.code}] ${r.reason}`);
      if (summary.counts.rejected > 20) io.out(`  … and ${formatCount(summary.counts.rejected - 20)} more rejected rows (Imports screen: save them as CSV).`);
      for (const w of summary.warnings.slice(0, 20)) io.out(`  ${w.line === null ? 'file' : `line ${w.line}`}: warning [${w.code}] ${w.message}`);
      if (summary.counts.warnings > 20) io.out(`  … and ${formatCount(summary.counts.warnings - 20)} more warnings (--json lists them).`);
      for (const line of accountLines(summary, args[0])) io.out(line);
    }
    return summary.status === 'error' ? 1 : summary.status === 'cancelled' ? 130 : 0;
  },
};

function realFile(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    throw new AppError('file_not_found', `Bearing cannot find the file ${file}. Was it moved or renamed?`);
  }
}

const rowsOf = (n: number) => `${formatCount(n)} row${n === 1 ? '' : 's'}`;
const accountLabel = (a: { externalId: string | null; name: string; rows: number }) =>
  `  ${a.name}${a.externalId && a.externalId !== a.name ? ` (${a.externalId})` : ''}: ${rowsOf(a.rows)}`;

/** What the import did to the book, for a person reading the terminal: accounts added, left out, people and cells. */
function accountLines(summary: ImportSummary, file: string): string[] {
  const out: string[] = [];
  const created = summary.accountsCreated;
  if (created.length > 0) {
    out.push(`${created.length} account${created.length === 1 ? '' : 's'} not in the book before ${created.length === 1 ? 'was' : 'were'} added:`);
    out.push(...created.slice(0, 20).map(accountLabel));
    if (created.length > 20) out.push(`  … and ${created.length - 20} more.`);
    out.push('  To keep them out, undo this import on the Imports screen and import it again with --only-book-accounts (or remove them from its result screen).');
  }
  const left = summary.accountsNotInBook;
  if (left.length > 0) {
    out.push(`${left.length} account${left.length === 1 ? '' : 's'} not in the book ${left.length === 1 ? 'was' : 'were'} left out (rows skipped: account_not_in_book):`);
    out.push(...left.slice(0, 20).map(accountLabel));
    if (left.length > 20) out.push(`  … and ${left.length - 20} more.`);
    out.push(`  To add them, import the file again without --only-book-accounts (and with "Keep the book to my own accounts" off in Settings): npm run -s cli -- import ${file}`);
  }
  if (summary.attributed.length > 0) {
    out.push(`${rowsOf(summary.attributed.length)} with an empty account cell went to their user's one known account.`);
  }
  for (const w of summary.warnings.slice(0, 20)) out.push(`  ${w.line ? `line ${w.line}: ` : ''}${w.message}`);
  return out;
}

function errorSummary(fileName: string, timeZone: string, error: AppError): ImportSummary {
  return { ...emptySummary(fileName, timeZone), error: { code: error.code, message: error.message, line: error.line }, message: `${error.message} Nothing was imported.` };
}
