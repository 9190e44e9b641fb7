// `npm run -s cli -- <command>`: Bearing's services from a terminal, on the same store as the app
// (BEARING_DATA_DIR or the OS user-data folder).
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../app/backend';
import { diagnoseRecovery } from '../app/recovery';
import { defaultDataDir } from '../db/data-dir';
import { DatabaseProblemError } from '../db/startup-check';
import { commands, type CliIo, type Command } from './commands';
import { recoverCommand, recoveryHint, runRecover } from './recover-command';
import { AppError } from '../../shared/errors';

type CommandSpec = Pick<Command, 'summary' | 'usage' | 'flags' | 'maxArgs'>;
const allCommands: Record<string, CommandSpec> = { ...commands, recover: recoverCommand };

function help(io: CliIo): void {
  const lines = [
    'Bearing: adoption, health and QBRs for a book of customer accounts.',
    '',
    'Usage: npm run -s cli -- <command> [options]',
    '',
    'Commands:',
    ...Object.entries(allCommands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    '',
    'Run `npm run -s cli -- <command> --help` for a command\'s options.',
    'Data folder: BEARING_DATA_DIR, else the OS user-data folder (where the desktop app keeps it).',
  ];
  io.out(lines.join('\n'));
}

function commandHelp(io: CliIo, name: string): void {
  const c = allCommands[name];
  const flags = Object.entries(c.flags).map(([f, d]) => `  --${f.padEnd(12)} ${d.description}`);
  io.out([`Usage: npm run -s cli -- ${c.usage}`, '', c.summary, '', 'Options:', ...flags].join('\n'));
}

export async function runCli(argv: string[], io: CliIo, env = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return 0;
  }
  const command = allCommands[name];
  if (!command) {
    io.err(`Unknown command "${name}". Run \`npm run -s cli -- --help\` for the list.`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { ...command.flags, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\nUsage: npm run -s cli -- ${command.usage}`);
    return 2;
  }
  if (parsed.values.help) {
    commandHelp(io, name);
    return 0;
  }
  const extra = parsed.positionals.slice(command.maxArgs ?? 0);
  if (extra.length > 0) {
    // `health 12` for `health --account 12` would otherwise answer for every account, and exit 0.
    io.err(`${name} does not take "${extra.join(' ')}". Usage: npm run -s cli -- ${command.usage}`);
    return 2;
  }
  const dataDir = defaultDataDir(env);
  if (name === 'recover') return runRecover(io, parsed.values, dataDir);
  let backend: Backend;
  try {
    backend = openBackend({ host: 'cli', dataDir });
  } catch (error) {
    if (!(error instanceof DatabaseProblemError)) {
      // A store that cannot be opened (a folder without write access, a failed migration, whose backup is kept).
      const e = AppError.from(error);
      if ((parsed.values as Record<string, unknown>).json === true) io.out(JSON.stringify({ status: 'error', error: e.toJSON() }));
      io.err(`Error: Bearing cannot open its data in ${dataDir}: ${error instanceof Error ? error.message : String(error)}. Set BEARING_DATA_DIR to a folder you can write to, or check that folder's permissions.`);
      return 1;
    }
    // What is wrong, the newest good backup and the command that restores it, never a driver's stack trace.
    if ((parsed.values as Record<string, unknown>).json === true) io.out(JSON.stringify({ status: 'error', error: { code: error.code, message: error.message, line: null } }));
    io.err(recoveryHint(diagnoseRecovery(error, { dataDir }), dataDir));
    return 1;
  }
  try {
    return await commands[name].run({ api: backend.api, context: backend.context, io, args: parsed.positionals, flags: parsed.values });
  } catch (error) {
    const e = AppError.from(error);
    if ((parsed.values as Record<string, unknown>).json === true) io.out(JSON.stringify({ status: 'error', error: e.toJSON() }));
    if (e.code === 'invalid_input') {
      // A flag's value the contract refuses (--as-of 2026-02-31) is a usage error: exit 2, with the usage, and the
      // field named as the flag the CSM typed.
      const message = e.message.replace(/^Invalid input for [\w.]+: /, '').replace(/(^|; )([a-z][A-Za-z]*)(?=: )/g, (_m, lead: string, field: string) => `${lead}--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      io.err(`Error: ${message}\nUsage: npm run -s cli -- ${command.usage}`);
      return 2;
    }
    io.err(`Error: ${e.message}${e.line ? ` (line ${e.line})` : ''}`);
    return 1;
  } finally {
    backend.close();
  }
}

const isEntry = process.argv[1] && import.meta.filename === (await import('node:fs')).realpathSync(process.argv[1]);
if (isEntry) {
  const code = await runCli(process.argv.slice(2), { out: quietWriter(process.stdout), err: quietWriter(process.stderr) });
  process.exitCode = code;
}

/**
 * A line writer that stops writing, quietly, once the reader has gone: `health --json | head` closes the pipe
 * early, and the command still finishes what it was doing (an import still commits) instead of dying on EPIPE.
 */
export function quietWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text + '\n');
  };
}
