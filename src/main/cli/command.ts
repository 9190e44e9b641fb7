// What every CLI command is made of, and the one way commands call the contract.
import type { Api } from '../api/api';
import type { ServiceContext } from '../services/context';
import type { MethodName, MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { formatMoney } from '../../shared/format';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  api: Api;
  /**
   * The backend itself, for the few things only a terminal may do and the API never offers: naming a file by
   * its path (the CLI's argument, --out). Everything else goes through `api`.
   */
  context: ServiceContext;
  io: CliIo;
  args: string[];
  flags: Record<string, string | boolean | undefined>;
}

export interface Command {
  summary: string;
  usage: string;
  flags: Record<string, { type: 'string' | 'boolean'; description: string }>;
  /** Commands that only print help or usage do not open the store. */
  needsStore?: boolean;
  /** How many words besides the flags it takes (import: the file; renewal: record | likelihood). Default 0. */
  maxArgs?: number;
  run(ctx: CommandContext): Promise<number>;
}

/** ARR for people, as the Home screen writes it: "$240,000", "ARR unknown" when not on record. */
export function moneyText(arr: number | null, currency: string | null): string {
  return arr === null ? 'ARR unknown' : formatMoney(arr, currency ?? 'USD');
}

/** Calls a contract method and unwraps its result, throwing the error value as an AppError. */
export async function call<K extends MethodName>(api: Api, method: K, input: unknown): Promise<MethodOutput<K>> {
  const result = await api.invoke(method, input);
  if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.line ?? null);
  return result.value as MethodOutput<K>;
}


/**
 * The account a --account flag names: Bearing's id or the account's id in its CRM (externalId), resolved by the
 * API (`id:12` / `ext:12` when a number is both). An unknown value is an error naming it.
 */
export async function accountFlag(api: Api, value: string): Promise<number> {
  return (await call(api, 'accounts.resolve', { ref: value })).id;
}
