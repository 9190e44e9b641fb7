// Health history follows every edit: each write method whose `writes` touch what health reads is wrapped so
// that the daily snapshots are refreshed after it. Added per method, visibly, at the API's composition.
import { contract, methodNames, type MethodName, type Table } from '../../shared/contract';
import { dayNumber } from '../../shared/dates';
import { todayOf } from '../services/clock';
import type { Handlers, ServiceContext } from '../services/context';
import { markHealthStale } from '../db/health-stale';
import { scheduleHealthRepair } from '../services/health-repair';
import { refreshHealthSnapshots } from '../services/health-snapshots';

/** Tables whose rows health reads: a write to any of them makes the snapshots stale. */
const HEALTH_INPUTS: ReadonlySet<Table> = new Set(['accounts', 'users', 'features', 'usage', 'milestones', 'qbrs', 'touchpoints', 'surveys', 'settings']);

function targetAccount(method: MethodName, input: unknown): number | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const fields = new Map(Object.entries(input));
  const accountId = fields.get('accountId');
  if (typeof accountId === 'number') return accountId;
  const id = fields.get('id');
  return method.startsWith('accounts.') && typeof id === 'number' ? id : undefined;
}

/**
 * Wraps every write method whose `writes` touch what health reads, so snapshots follow each edit: the edited
 * account's whole history when the input names it, else today's snapshot of every account. Methods that list
 * 'health' among their writes (the demo loader, health's own, the catalogue) refresh snapshots themselves; what
 * they leave marked is picked up by the background repair.
 */
export function withHealthRefresh(ctx: ServiceContext, handlers: Handlers): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const name of methodNames) {
    const spec = contract[name];
    const writes: readonly Table[] = 'writes' in spec && spec.writes ? spec.writes : [];
    if (!writes.some((t) => HEALTH_INPUTS.has(t))) continue;
    // A restore replaces the whole store, marks included: what its history lacks is found as on a start.
    if (writes.includes('backups')) {
      const restore = handlers[name] as (input: unknown) => unknown;
      const repair = <T>(output: T): T => {
        void scheduleHealthRepair(ctx, { missing: true });
        return output;
      };
      // Synchronous stays synchronous (a refusal included), as for the edits below.
      wrapped[name] = (input: unknown) => {
        const output = restore(input);
        return output instanceof Promise ? output.then(repair) : repair(output);
      };
      continue;
    }
    // Methods that write health themselves (imports, the catalogue, settings, the demo) mark in their own
    // transactions and refresh or schedule the repair themselves.
    if (writes.includes('health')) continue;
    const inner = handlers[name] as (input: unknown) => unknown;
    const mark = (account: number | undefined) =>
      markHealthStale(ctx.sqlite, account === undefined ? 'all' : [account], account === undefined ? dayNumber(todayOf(ctx)) : null);
    const refresh = <T>(account: number | undefined, output: T): T => {
      // Marked again after the write: a background recompute that read the inputs before it cannot clear it.
      mark(account);
      refreshHealthSnapshots(ctx, account === undefined ? { fromDay: dayNumber(todayOf(ctx)) } : { accountIds: [account] });
      return output;
    };
    // A synchronous write stays synchronous, so that the API can run it and its refresh in one transaction.
    wrapped[name] = (input: unknown) => {
      const account = targetAccount(name, input);
      // Marked before the write too: a process killed after the edit's commit leaves the mark for the next start.
      mark(account);
      const output = inner(input);
      return output instanceof Promise ? output.then((o: unknown) => refresh(account, o)) : refresh(account, output);
    };
  }
  // The same keys with the same signatures: a mapped type cannot be rebuilt key by key without this assertion.
  return wrapped as Handlers;
}
