import { AppError } from '../../shared/errors';
import { accountBasics, type AccountBasics } from '../db/accounts';
import type { StoreContext } from './context';

/** The account the write is about, or the not_found error every service answers with. */
export function requireAccount(ctx: StoreContext, id: number): AccountBasics {
  const row = accountBasics(ctx, id);
  if (!row) throw new AppError('not_found', `There is no account with id ${id}.`);
  return row;
}
