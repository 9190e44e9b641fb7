// `deck --account ID [--quarter 2026Q3] --out FILE.pptx|FILE.pdf`: the QBR deck from a terminal, through the same
// contract method as the app's "Prepare QBR", saved where --out says. Prints the path written.
import path from 'node:path';
import { accountFlag, call, type Command } from './command';

const USAGE = 'deck --account ID|CRM-ID [--quarter 2026Q3] --out FILE.pptx|FILE.pdf';

export const deckCommand: Command = {
  summary: 'Build the QBR deck of one account: PowerPoint with native charts (.pptx) or PDF (.pdf)',
  usage: USAGE,
  flags: {
    account: { type: 'string', description: "the account, by Bearing's id or its CRM id (required)" },
    quarter: { type: 'string', description: 'the quarter, e.g. 2026Q3 (default: the last complete quarter the account was a customer throughout, else the quarter to date)' },
    out: { type: 'string', description: 'the file to write; its extension (.pptx or .pdf) picks the format' },
  },
  async run({ api, io, flags }) {
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
    const result = await call(api, 'deck.build', {
      accountId: await accountFlag(api, flags.account),
      format: ext === '.pptx' ? 'pptx' : 'pdf',
      outPath: out,
      ...(typeof flags.quarter === 'string' ? { quarter: flags.quarter } : {}),
    });
    io.err(`${result.quarter.label}${result.quarter.complete ? '' : ' to date'}, as of ${result.asOf}: ${result.slides} slides.`);
    io.out(result.path);
    return 0;
  },
};
