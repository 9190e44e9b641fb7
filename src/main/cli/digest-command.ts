// `digest [--json]` (issue #14, point 3): the daily digest the reminder shows: open tasks overdue and due today by
// account (the most ARR at stake first) and the renewals of the coming week. --json prints reminders.digest as is.
import { formatCount, formatDate } from '../../shared/format';
import type { Command } from './command';
import { call, moneyText } from './command';

export const digestCommand: Command = {
  summary: 'The daily digest: overdue and due-today tasks by account, renewals this week',
  usage: 'digest [--json]',
  maxArgs: 0,
  flags: { json: { type: 'boolean', description: 'print the digest as JSON' } },
  async run({ api, io, flags }) {
    const d = await call(api, 'reminders.digest', {});
    if (flags.json) {
      io.out(JSON.stringify(d, null, 2));
      return 0;
    }
    io.out(`Digest for ${formatDate(d.asOf)}: ${d.summary}`);
    for (const a of d.accounts) {
      io.out(`\n${a.accountName} (${moneyText(a.arr, a.currency)}): ${formatCount(a.overdue)} overdue, ${formatCount(a.dueToday)} due today`);
      for (const t of a.tasks) io.out(`  ${t.id.padEnd(7)} ${formatDate(t.due).padEnd(12)}  ${t.title}`);
    }
    if (d.renewalsThisWeek.length > 0) {
      io.out('\nRenewals this week:');
      for (const r of d.renewalsThisWeek) io.out(`  ${formatDate(r.renewalDate).padEnd(12)}  ${r.accountName} (${moneyText(r.arr, r.currency)}), in ${formatCount(r.daysToRenewal)} day${r.daysToRenewal === 1 ? '' : 's'}`);
    }
    return 0;
  },
};
