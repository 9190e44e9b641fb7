// `tasks` (issue #14, point 1): the work queue from a terminal. `tasks [--due today|overdue|week] [--account ID]
// [--json]` lists the open tasks (--json: the array of tasks.list items, whose {id, accountId, title, kind, reason,
// due, status} are the contract); `tasks done ID` marks one done (a QBR action item's own status is set).
import { TaskDue, type Task } from '../../shared/contract';
import { formatCount, formatDate } from '../../shared/format';
import { accountFlag, call, type Command, type CommandContext } from './command';

const USAGE = 'tasks [--due today|overdue|week] [--account ID] [--json]\n       npm run -s cli -- tasks done ID';

async function done({ api, io, args, flags }: CommandContext): Promise<number> {
  const id = args[1];
  if (id === undefined) {
    io.err(`tasks done needs the task's id, such as t12 or a5 (see \`tasks\`). Usage: npm run -s cli -- ${USAGE}`);
    return 2;
  }
  const result = await api.invoke('tasks.done', { id });
  if (!result.ok) {
    io.err(result.error.code === 'not_found' || result.error.code === 'invalid_input' ? result.error.message : `${result.error.code}: ${result.error.message}`);
    return 1;
  }
  const t = result.value as Task;
  if (flags.json) io.out(JSON.stringify(t, null, 2));
  else io.out(`Done: ${t.id} "${t.title}" (${t.accountName})${t.kind === 'action_item' ? ', the QBR action item is marked done' : ''}.`);
  return 0;
}

async function list({ api, io, flags }: CommandContext): Promise<number> {
  let due: 'today' | 'overdue' | 'week' | undefined;
  if (flags.due !== undefined) {
    const parsed = TaskDue.safeParse(flags.due);
    if (!parsed.success) {
      io.err(`--due is "${String(flags.due)}": write today, overdue or week.`);
      return 2;
    }
    due = parsed.data;
  }
  const accountId = typeof flags.account === 'string' ? await accountFlag(api, flags.account) : undefined;
  const r = await call(api, 'tasks.list', { ...(due ? { due } : {}), ...(accountId !== undefined ? { accountId } : {}) });
  if (flags.json) {
    io.out(JSON.stringify(r.items, null, 2));
    return 0;
  }
  if (r.items.length === 0) {
    io.err(`Nothing to do as of ${formatDate(r.asOf)}${due ? ` (due ${due})` : ''}.`);
    return 0;
  }
  for (const t of r.items) {
    io.out(`${t.id.padEnd(7)} ${(t.due ? formatDate(t.due) : '-').padEnd(12)}  ${t.priority.padEnd(6)}  ${t.accountName.padEnd(24).slice(0, 24)}  ${t.title}`);
    if (t.reason) io.out(`${' '.repeat(29)}${t.kind}: ${t.reason}`);
  }
  io.err(`${formatCount(r.items.length)} open task${r.items.length === 1 ? '' : 's'} as of ${formatDate(r.asOf)}.`);
  return 0;
}

export const tasksCommand: Command = {
  summary: 'The work queue: open tasks by due date, or mark one done',
  usage: USAGE,
  maxArgs: 2,
  flags: {
    due: { type: 'string', description: 'today (due today or before), overdue (before today) or week (the next 7 days and before)' },
    account: { type: 'string', description: "only this account, by Bearing's id or its CRM id" },
    json: { type: 'boolean', description: 'print the tasks as JSON' },
  },
  async run(ctx) {
    const sub = ctx.args[0];
    if (sub === 'done') return done(ctx);
    if (sub !== undefined) {
      ctx.io.err(`tasks takes "done ID" or nothing, not "${sub}". Usage:\n  npm run -s cli -- ${USAGE}`);
      return 2;
    }
    if (ctx.args.length > 0) return 2;
    return list(ctx);
  },
};
