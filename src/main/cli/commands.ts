// The CLI's commands: each is a thin wrapper over contract methods, so the terminal sees exactly what the
// screens see. Output for tools (--json) is one JSON document on stdout; messages for people go to stderr.
import { AccountMetrics, RatioFigure, type MethodOutput } from '../../shared/contract';
import { formatCount, formatDate, formatMoney, formatPercent } from '../../shared/format';
import { accountFlag, call, type CliIo, type Command } from './command';
import { importCommand } from './import-command';
import { deckCommand } from './deck-command';
import { featuresCommand } from './features-command';
import { renewalCommand } from './renewal-command';
import { tasksCommand } from './tasks-command';
import { digestCommand } from './digest-command';

export { call, type CliIo, type Command, type CommandContext } from './command';

function pad(value: string, width: number): string {
  return value.length >= width ? value.slice(0, width) : value + ' '.repeat(width - value.length);
}

/** --json prints the list as it is; an empty book says what to do. True when nothing more is to be printed. */
function printJsonOrNothing(io: CliIo, json: boolean, items: unknown[]): boolean {
  if (json) {
    io.out(JSON.stringify(items, null, 2));
    return true;
  }
  if (items.length === 0) {
    io.err('No accounts yet. Import an accounts CSV or run `npm run -s cli -- demo`.');
    return true;
  }
  return false;
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.min(40, Math.max(...rows.map((r) => r[i].length))));
  return rows.map((r) => r.map((cell, i) => pad(cell, widths[i])).join('  ').trimEnd()).join('\n');
}

export const commands: Record<string, Command> = {
  import: importCommand,
  deck: deckCommand,
  features: featuresCommand,
  renewal: renewalCommand,
  tasks: tasksCommand,
  digest: digestCommand,
  demo: {
    summary: 'Load the demo book of fictional accounts (or remove it with --remove)',
    usage: 'demo [--remove] [--json]',
    flags: {
      remove: { type: 'boolean', description: 'remove every demo account and its data' },
      json: { type: 'boolean', description: 'print the result as JSON' },
    },
    async run({ api, io, flags }) {
      if (flags.remove) {
        const result = await call(api, 'demo.remove', {});
        io.out(flags.json ? JSON.stringify(result) : `Removed ${formatCount(result.removedAccounts)} demo account${result.removedAccounts === 1 ? '' : 's'}.`);
        return 0;
      }
      const result = await call(api, 'demo.load', {});
      if (flags.json) io.out(JSON.stringify(result));
      else if (result.alreadyLoaded) {
        io.out(`The demo book is already loaded (${formatCount(result.accounts)} accounts): nothing changed. Remove it with \`demo --remove\`.`);
      } else io.out(`Demo book loaded: ${formatCount(result.accounts)} accounts, ${formatCount(result.usageEvents)} usage events, imported from 5 export files.`);
      return 0;
    },
  },
  accounts: {
    summary: 'List the accounts in the book',
    usage: 'accounts [--json] [--search TEXT] [--as-of YYYY-MM-DD]',
    flags: {
      json: { type: 'boolean', description: 'print a JSON array of accounts' },
      search: { type: 'string', description: 'only accounts whose name contains TEXT' },
      'as-of': { type: 'string', description: 'compute stages as of this date (default: today)' },
    },
    async run({ api, io, flags }) {
      const input = {
        ...(typeof flags.search === 'string' ? { search: flags.search } : {}),
        ...(typeof flags['as-of'] === 'string' ? { asOf: flags['as-of'] } : {}),
      };
      const { items } = await call(api, 'accounts.list', input);
      if (printJsonOrNothing(io, flags.json === true, items)) return 0;
      const rows = [['ID', 'CRM ID', 'NAME', 'STAGE', 'ARR', 'LICENSES', 'RENEWAL']];
      for (const a of items) {
        rows.push([
          String(a.id),
          a.externalId ?? '-',
          a.name,
          a.stage ? a.stage + (a.stageOverridden ? '*' : '') : '-',
          a.arr === null ? '-' : formatMoney(a.arr, a.currency),
          a.licenses === null ? '-' : formatCount(a.licenses),
          a.renewalDate ? formatDate(a.renewalDate) : '-',
        ]);
      }
      io.out(table(rows));
      return 0;
    },
  },
  health: {
    summary: 'Health scores with their explanation: components, weights, contributions, facts and rules',
    usage: 'health [--account ID|CRM-ID] [--as-of YYYY-MM-DD] [--json]',
    flags: {
      account: { type: 'string', description: "only this account, by Bearing's id or its CRM id (its history is included)" },
      'as-of': { type: 'string', description: 'compute as of this date (default: today)' },
      json: { type: 'boolean', description: 'print a JSON array: id, name, score, status, components, rules' },
    },
    async run({ api, io, flags }) {
      const asOf = typeof flags['as-of'] === 'string' ? { asOf: flags['as-of'] } : {};
      const items =
        typeof flags.account === 'string'
          ? [await call(api, 'health.account', { id: await accountFlag(api, flags.account), ...asOf })]
          : (await call(api, 'health.list', { ...asOf, explain: true })).items;
      if (printJsonOrNothing(io, flags.json === true, items)) return 0;
      const rows = [['ID', 'NAME', 'SCORE', 'STATUS', 'TREND', 'RULES']];
      for (const a of items) {
        rows.push([
          String(a.id),
          a.name,
          a.score === null ? 'no data' : a.score.toFixed(1),
          a.status ?? '-',
          a.trend.delta === null ? '-' : `${a.trend.delta > 0 ? '+' : ''}${a.trend.delta.toFixed(1)}`,
          a.rules.map((r) => r.id).join(', ') || '-',
        ]);
      }
      io.out(table(rows));
      if (items.length === 1) io.out('\n' + explainHealth(items[0]));
      return 0;
    },
  },
  metrics: {
    summary: "Every docs/METRICS.md metric of one account (the CLI's JSON names are camelCase)",
    usage: 'metrics --account ID|CRM-ID [--as-of YYYY-MM-DD] [--json]',
    flags: {
      account: { type: 'string', description: "the account, by Bearing's id or its CRM id (required)" },
      'as-of': { type: 'string', description: 'compute as of this date (default: today)' },
      json: { type: 'boolean', description: 'print one JSON object keyed by metric name' },
    },
    async run({ api, io, flags }) {
      if (typeof flags.account !== 'string') {
        io.err('metrics needs --account. Usage: npm run -s cli -- metrics --account ID|CRM-ID [--as-of YYYY-MM-DD] [--json]');
        return 2;
      }
      const asOf = typeof flags['as-of'] === 'string' ? { asOf: flags['as-of'] } : {};
      const m = await call(api, 'metrics.account', { id: await accountFlag(api, flags.account), ...asOf });
      if (flags.json) {
        io.out(JSON.stringify(m, null, 2));
        return 0;
      }
      const scalar = Object.entries(m).filter(([, v]) => v === null || typeof v !== 'object');
      io.out(table([['METRIC', 'VALUE'], ...scalar.map(([k, v]) => [k, metricText(k, v)])]));
      const adoption = Object.entries(m.featureAdoption);
      if (adoption.length > 0) {
        io.out('\nFeature adoption (users of the feature / active users, last 30 days):');
        io.out(table([['FEATURE', 'ADOPTION'], ...adoption.map(([k, v]) => [k, v === null ? 'no data' : `${Math.round(v * 100)}%`])]));
      }
      return 0;
    },
  },
};

/**
 * One metric's value for people (the JSON keeps the raw number): ratios as percentages, day counts and means
 * to two decimals, dates as everywhere in Bearing, yes/no for flags.
 */
export function metricText(key: string, value: unknown): string {
  if (value === null || value === undefined) return 'no data';
  const schema = (AccountMetrics.shape as Record<string, unknown>)[key];
  if (typeof value === 'number') {
    if (schema === RatioFigure) return formatPercent(value, 1);
    return Number.isInteger(value) ? formatCount(value) : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

/** The explanation of one account's score, for people: each component's points and the facts behind them. */
function explainHealth(a: MethodOutput<'health.account'> | MethodOutput<'health.list'>['items'][number]): string {
  const lines = [`${a.name}: ${a.score === null ? 'no data' : a.score.toFixed(1)} (${a.status ?? 'no status'}) as of ${formatDate(a.asOf)}`];
  for (const c of a.components) {
    if (c.contribution === null) {
      lines.push(`  ${c.label.padEnd(13)} left out: ${c.noDataReason ?? 'no data'}`);
      continue;
    }
    lines.push(`  ${c.label.padEnd(13)} ${String(c.score).padStart(5)} x ${c.weight} -> ${c.contribution.toFixed(1)} points`);
    for (const f of c.facts) lines.push(`      ${f}`);
  }
  for (const r of a.rules) lines.push(`  Rule ${r.id}: ${r.reason}`);
  return lines.join('\n');
}
