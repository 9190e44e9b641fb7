// `renewal record` and `renewal likelihood` (issue #12): record how a renewal ended from a terminal, and read the
// renewal model's answer exactly as the account screen gets it (`--json` prints the renewal.likelihood output).
import { CHURN_REASON_LABELS, CHURN_REASONS, RENEWAL_OUTCOMES, type ChurnReason } from '../../shared/contract/renewal';
import { COMPONENT_LABELS } from '../../shared/contract';
import { formatCount, formatDate, formatPercent } from '../../shared/format';
import { accountFlag, call, moneyText, type CliIo, type Command, type CommandContext } from './command';

const RECORD_USAGE = 'renewal record --account ID --outcome renewed|expanded|downsized|churned [--date YYYY-MM-DD] [--arr N] [--reason TEXT] [--json]';
const LIKELIHOOD_USAGE = 'renewal likelihood [--account ID] [--as-of YYYY-MM-DD] --json';

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

/** A --reason that names a reason of the list (by key or label) is that reason; any other text is "other" in the CSM's words. */
export function churnReasonOf(text: string): { reason: ChurnReason; note?: string } {
  const key = squash(text);
  const listed = CHURN_REASONS.find((r) => squash(r) === key || squash(CHURN_REASON_LABELS[r]) === key);
  return listed ? { reason: listed } : { reason: 'other', note: text.trim() };
}

async function record({ api, io, flags }: CommandContext): Promise<number> {
  const outcome = flags.outcome;
  if (typeof flags.account !== 'string' || typeof outcome !== 'string') {
    io.err(`renewal record needs --account and --outcome. Usage: npm run -s cli -- ${RECORD_USAGE}`);
    return 2;
  }
  if (!(RENEWAL_OUTCOMES as readonly string[]).includes(outcome)) {
    io.err(`--outcome is "${outcome}": write one of ${RENEWAL_OUTCOMES.join(', ')}.`);
    return 2;
  }
  let arr: number | undefined;
  if (typeof flags.arr === 'string') {
    arr = Number(flags.arr.replace(/[,_ ]/g, ''));
    if (!Number.isFinite(arr) || arr < 0) {
      io.err(`--arr is "${flags.arr}": write the new ARR as a number, such as 48000.`);
      return 2;
    }
  }
  const reason = typeof flags.reason === 'string' && flags.reason.trim() !== '' ? churnReasonOf(flags.reason) : {};
  const id = await accountFlag(api, flags.account);
  const result = await call(api, 'renewal.record', {
    id,
    outcome,
    ...(typeof flags.date === 'string' ? { date: flags.date } : {}),
    ...(arr !== undefined ? { arr } : {}),
    ...reason,
  });
  if (flags.json) io.out(JSON.stringify(result, null, 2));
  else {
    const account = await call(api, 'accounts.get', { id });
    const term = result.renewalDate ? ` Next renewal: ${formatDate(result.renewalDate)} (term from ${result.contractStart ? formatDate(result.contractStart) : '?'}).` : '';
    io.out(`Recorded: ${account.name} (account ${result.id}) ${result.outcome} on ${formatDate(result.date)}${result.arr === null ? '' : `, ARR ${moneyText(result.arr, account.currency)}`}.${term}`);
  }
  return 0;
}

function printLikelihood(io: CliIo, r: Awaited<ReturnType<typeof call<'renewal.likelihood'>>>): void {
  if (r.status !== 'ok') {
    io.out(`${r.status}: ${r.message}`);
    return;
  }
  io.out(`Model: AUC ${r.auc?.toFixed(2) ?? '-'} (90% interval ${r.aucInterval?.map((v) => v.toFixed(2)).join('–') ?? '-'}), Brier ${r.brier?.toFixed(3) ?? '-'}, from ${formatCount(r.renewed)} renewed and ${formatCount(r.churned)} churned.`);
  for (const a of r.accounts) {
    const drivers = a.drivers.map((d) => `${COMPONENT_LABELS[d.component]} ${d.value === null ? '-' : Math.round(d.value)} ${d.effect}`).join('; ');
    io.out(`${String(a.id).padStart(5)}  ${a.name.padEnd(30).slice(0, 30)}  ${formatPercent(a.probability).padStart(4)}  ${drivers}`);
  }
}

async function likelihood({ api, io, flags }: CommandContext): Promise<number> {
  const input = {
    ...(typeof flags.account === 'string' ? { id: await accountFlag(api, flags.account) } : {}),
    ...(typeof flags['as-of'] === 'string' ? { asOf: flags['as-of'] } : {}),
  };
  const r = await call(api, 'renewal.likelihood', input);
  if (flags.json) io.out(JSON.stringify(r, null, 2));
  else printLikelihood(io, r);
  return 0;
}

export const renewalCommand: Command = {
  summary: 'Record a renewal outcome, or show the renewal likelihood model and its accuracy',
  usage: `${RECORD_USAGE}\n       npm run -s cli -- ${LIKELIHOOD_USAGE}`,
  maxArgs: 1,
  flags: {
    account: { type: 'string', description: "the account, by Bearing's id or its CRM id" },
    outcome: { type: 'string', description: 'record: renewed, expanded, downsized or churned' },
    date: { type: 'string', description: "record: the day it was decided (default: the passed renewal date, else today)" },
    arr: { type: 'string', description: 'record: the new ARR (churned: 0)' },
    reason: { type: 'string', description: `record, churned: ${CHURN_REASONS.join(', ')}, or your own words` },
    'as-of': { type: 'string', description: 'likelihood: as of this date (outcomes after it do not exist)' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  async run(ctx) {
    const sub = ctx.args[0];
    if (sub === 'record') return record(ctx);
    if (sub === 'likelihood') return likelihood(ctx);
    ctx.io.err(`renewal needs record or likelihood. Usage:\n  npm run -s cli -- ${RECORD_USAGE}\n  npm run -s cli -- ${LIKELIHOOD_USAGE}`);
    return 2;
  },
};
