// `digest [--json]` (issue #14, point 3): the daily digest the reminder shows: open tasks overdue and due today by
// account (the most ARR at stake first) and the renewals of the coming week. --json prints reminders.digest as is.
import type { Command } from './command';
import { call } from './command';

const money = (arr: number | null, currency: string | null) => (arr === null ? 'ARR unknown' : `${currency ?? ''} ${Math.round(arr).toLocaleString('en-US')}`.trim());

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
    io.out(`Digest for ${d.asOf}: ${d.summary}`);
    for (const a of d.accounts) {
      io.out(`\n${a.accountName} (${money(a.arr, a.currency)}): ${a.overdue} overdue, ${a.dueToday} due today`);
      for (const t of a.tasks) io.out(`  ${t.id.padEnd(7)} ${t.due}  ${t.title}`);
    }
    if (d.renewalsThisWeek.length > 0) {
      io.out('\nRenewals this week:');
      for (const r of d.renewalsThisWeek) io.out(`  ${r.renewalDate}  ${r.accountName} (${money(r.arr, r.currency)}), in ${r.daysToRenewal} d`);
    }
    return 0;
  },
};
