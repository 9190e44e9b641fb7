// `deck --account ID [--quarter 2026Q3] --out FILE.pptx|FILE.pdf`: the QBR deck from a terminal, built as the app's
// "Prepare QBR" builds it (the same input, checked by the contract's schema) but saved where --out says, which
// only the CLI may do (deck.build writes into the decks folder). Prints the path written.
import path from 'node:path';
import { contract } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { describeIssues } from '../api/api';
import { buildDeckFileAt } from '../deck/handlers';
import { accountFlag, type Command } from './command';

const USAGE = 'deck --account ID|CRM-ID [--quarter 2026Q3] --out FILE.pptx|FILE.pdf';

export const deckCommand: Command = {
  summary: 'Build the QBR deck of one account: PowerPoint with native charts (.pptx) or PDF (.pdf)',
  usage: USAGE,
  flags: {
    account: { type: 'string', description: "the account, by Bearing's id or its CRM id (required)" },
    quarter: { type: 'string', description: 'the quarter, e.g. 2026Q3 (default: the last complete quarter the account was a customer throughout, else the quarter to date)' },
    out: { type: 'string', description: 'the file to write; its extension (.pptx or .pdf) picks the format' },
  },
  async run({ api, context, io, flags }) {
    if (typeof flags.account !== 'string' || typeof flags.out !== 'string') {
      io.err(`deck needs --account and --out. Usage: npm run -s cli -- ${USAGE}`);
      return 2;
    }
    // npm runs scripts from the project folder; INIT_CWD is where the CSM typed the command.
    const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), flags.out);
    const ext = path.extname(out).toLowerCase();
    if (ext !== '.pptx' && ext !== '.pdf') {
      io.err(`--out must name a .pptx or .pdf file (the extension picks the format), not "${path.basename(out)}".`);
      return 2;
    }
    const parsed = contract['deck.build'].input.safeParse({
      accountId: await accountFlag(api, flags.account),
      format: ext === '.pptx' ? 'pptx' : 'pdf',
      ...(typeof flags.quarter === 'string' ? { quarter: flags.quarter } : {}),
    });
    // Refused as the API refuses it (--quarter Q3): a usage error, exit 2, the flag named as typed.
    if (!parsed.success) throw new AppError('invalid_input', `Invalid input for deck.build: ${describeIssues(parsed.error)}`);
    const input = parsed.data;
    let result;
    try {
      result = await buildDeckFileAt(context, input, out);
    } catch (error) {
      // The service reads the quarter (2026Q9, one not started): a flag value refused, so a usage error too.
      if (!(error instanceof AppError && error.code === 'invalid_quarter')) throw error;
      io.err(`Error: --quarter: ${error.message}\nUsage: npm run -s cli -- ${USAGE}`);
      return 2;
    }
    // A PDF has a page per slide: counted as what the CSM will see in their reader.
    const unit = input.format === 'pdf' ? 'page' : 'slide';
    io.err(`${result.quarter.label}${result.quarter.complete ? '' : ' to date'}, as of ${formatDate(result.asOf)}: ${result.slides} ${unit}${result.slides === 1 ? '' : 's'}.`);
    io.out(result.path);
    return 0;
  },
};
