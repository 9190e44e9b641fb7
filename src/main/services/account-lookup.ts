import type { Stage } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { StoreContext } from './context';
import { prepared } from '../db/statements';

export interface AccountBasics {
  id: number;
  name: string;
  contractStart: string | null;
  renewalDate: string | null;
  stageOverride: Stage | null;
}

/** The account the write is about, or the not_found error every service answers with. */
export function requireAccount(ctx: StoreContext, id: number): AccountBasics {
  const row = prepared(
    ctx.sqlite,
    'SELECT id, name, contract_start AS contractStart, renewal_date AS renewalDate, stage_override AS stageOverride FROM accounts WHERE id = ?',
  ).get(id) as AccountBasics | undefined;
  if (!row) throw new AppError('not_found', `There is no account with id ${id}.`);
  return row;
}
