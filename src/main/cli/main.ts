// `npm run -s cli -- <command>`: Bearing's services from a terminal, on the same store as the app
// (BEARING_DATA_DIR or the OS user-data folder).
import { parseArgs } from 'node:util';
import { openBackend } from '../app/backend';
import { commands, type CliIo } from './commands';
import { AppError } from '../../shared/errors';

function help(io: CliIo): void {
  const lines = [
    'Bearing: adoption, health and QBRs for a book of customer accounts.',
    '',
    'Usage: npm run -s cli -- <command> [options]',
    '',
    'Commands:',
    ...Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
    '',
    'Run `npm run -s cli -- <command> --help` for a command\'s options.',
    'Data folder: BEARING_DATA_DIR, else the OS user-data folder (where the desktop app keeps it).',
  ];
  io.out(lines.join('\n'));
}

function commandHelp(io: CliIo, name: string): void {
  const c = commands[name];
  const flags = Object.entries(c.flags).map(([f, d]) => `  --${f.padEnd(12)} ${d.description}`);
  io.out([`Usage: npm run -s cli -- ${c.usage}`, '', c.summary, '', 'Options:', ...flags].join('\n'));
}

export async function runCli(argv: string[], io: CliIo, env = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return 0;
  }
  const command = commands[name];
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
  const backend = openBackend({ host: 'cli', dataDir: env.BEARING_DATA_DIR || undefined });
  try {
    return await command.run({ api: backend.api, context: backend.context, io, args: parsed.positionals, flags: parsed.values });
  } catch (error) {
    const e = AppError.from(error);
    if ((parsed.values as Record<string, unknown>).json === true) io.out(JSON.stringify({ status: 'error', error: e.toJSON() }));
    io.err(`Error: ${e.message}${e.line ? ` (line ${e.line})` : ''}`);
    return 1;
  } finally {
    backend.close();
  }
}

const isEntry = process.argv[1] && import.meta.filename === (await import('node:fs')).realpathSync(process.argv[1]);
if (isEntry) {
  const code = await runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
  });
  process.exitCode = code;
}
