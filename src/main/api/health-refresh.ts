// Health history follows every edit: each write method whose `writes` touch what health reads is wrapped so
// that the daily snapshots are refreshed after it. Added per method, visibly, at the API's composition.
import { contract, methodNames, type MethodName, type Table } from '../../shared/contract';
import { dayNumber } from '../../shared/dates';
import { todayOf } from '../services/clock';
import type { Handlers, ServiceContext } from '../services/context';
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
 * 'health' among their writes (the demo loader, health's own) refresh snapshots themselves.
 */
export function withHealthRefresh(ctx: ServiceContext, handlers: Handlers): Handlers {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const name of methodNames) {
    const spec = contract[name];
    const writes: readonly Table[] = 'writes' in spec && spec.writes ? spec.writes : [];
    if (writes.includes('health') || !writes.some((t) => HEALTH_INPUTS.has(t))) continue;
    const inner = handlers[name] as (input: unknown) => unknown;
    const refresh = <T>(input: unknown, output: T): T => {
      const account = targetAccount(name, input);
      refreshHealthSnapshots(ctx, account === undefined ? { fromDay: dayNumber(todayOf(ctx)) } : { accountIds: [account] });
      return output;
    };
    // A synchronous write stays synchronous, so that the API can run it and its refresh in one transaction.
    wrapped[name] = (input: unknown) => {
      const output = inner(input);
      return output instanceof Promise ? output.then((o: unknown) => refresh(input, o)) : refresh(input, output);
    };
  }
  // The same keys with the same signatures: a mapped type cannot be rebuilt key by key without this assertion.
  return wrapped as Handlers;
}
