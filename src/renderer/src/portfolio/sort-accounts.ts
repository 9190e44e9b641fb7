// Sorting the portfolio on the client: the whole book is already in memory (at most a few thousand rows).
import type { AccountSummary, Stage } from '../../../shared/contract';

export type SortColumn = 'name' | 'stage' | 'arr' | 'licenses' | 'renewalDate';
export interface Sort {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

// The journey's order, not the alphabet's.
const STAGE_ORDER: Record<Stage, number> = { onboarding: 0, adoption: 1, renewal: 2 };

function value(account: AccountSummary, column: SortColumn): string | number | null {
  switch (column) {
    case 'name':
      return account.name.toLocaleLowerCase();
    case 'stage':
      return account.stage === null ? null : STAGE_ORDER[account.stage];
    case 'arr':
      return account.arr;
    case 'licenses':
      return account.licenses;
    case 'renewalDate':
      return account.renewalDate;
  }
}

/** A sorted copy; accounts missing the value go last in either direction, ties keep name order. */
export function sortAccounts(accounts: readonly AccountSummary[], sort: Sort): AccountSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...accounts].sort((a, b) => {
    const x = value(a, sort.column);
    const y = value(b, sort.column);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      return (x < y ? -1 : 1) * sign;
    }
    return a.name.localeCompare(b.name);
  });
}

/** Case-insensitive match on the name, owner and industry. */
export function filterAccounts(accounts: readonly AccountSummary[], search: string): readonly AccountSummary[] {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return accounts;
  return accounts.filter((a) =>
    [a.name, a.owner, a.industry].some((field) => field?.toLocaleLowerCase().includes(needle)),
  );
}
