// The transport-free core every transport calls: validate the input against the contract, run the service,
// validate the output, turn errors into values, and announce which tables a write changed.
import { EventEmitter } from 'node:events';
import {
  contract,
  isMethodName,
  type MethodName,
  type EventName,
  type EventPayload,
  type Result,
} from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Handlers, ServiceContext } from '../services/context';
import { createHandlers } from './handlers';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface Api {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/**
 * Writes that cannot run inside one transaction of the API's connection: they wait on other work (the demo's
 * imports run in a worker with a connection of its own), switch foreign keys off (a pragma SQLite ignores inside a
 * transaction), copy or replace the database file, or start and stop folder watchers a rollback would not undo.
 * A catalogue change commits its change (with its undo and health marks) in one transaction of its own, then
 * waits for the background re-score, which must see that change committed. Each keeps its own all-or-nothing inside (see the services). Every other write is synchronous and atomic here.
 */
const OUTSIDE_ONE_TRANSACTION: ReadonlySet<MethodName> = new Set<MethodName>([
  'demo.load',
  'demo.remove',
  'backup.create',
  'backup.restore',
  'imports.removeAccounts',
  'watch.add',
  'watch.remove',
  'features.update',
  'features.create',
  'features.merge',
  'features.assignEvent',
  'features.removeEvent',
]);

/**
 * Every string of a payload as SQLite will keep it: a lone UTF-16 surrogate (which no keyboard types, but a page
 * or a pasted file can send) becomes U+FFFD here rather than in the store, so what a service compares is what it
 * stores (a feature named with one would otherwise pass the duplicate check and then collide in the index).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd');
  if (depth > 32 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => wellFormed(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wellFormed(v, depth + 1)]));
}

/** A schema's refusal in words: `field: message; …` (at most three). */
export function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export function createApi(
  makeContext: (emit: Api['emit']) => ServiceContext,
  makeHandlers: (ctx: ServiceContext) => Handlers = createHandlers,
): Api & { context: ServiceContext } {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const emit: Api['emit'] = (event, payload) => emitter.emit('event', event, payload);
  const context = makeContext(emit);
  const handlers = makeHandlers(context);

  /** The output checked against the contract: the value to send, or the error that replaces it. */
  function checkOutput(method: MethodName, value: unknown): Result<unknown> {
    const checked = contract[method].output.safeParse(value);
    if (checked.success) return { ok: true, value: checked.data };
    return {
      ok: false,
      error: { code: 'invalid_output', message: `${method} produced an invalid answer: ${describeIssues(checked.error)}` },
    };
  }

  /**
   * A write and the check of its answer in one SQLite transaction: an answer the contract refuses rolls the write
   * back, so a method never reports an error while keeping what it wrote (a milestone stored with a date no later
   * read could parse), and so does an unexpected error. An AppError is the service's considered refusal: what it
   * wrote before refusing is what it means to keep (an expired undo removes its trash entry), so that commits.
   * Services' own transactions nest inside as savepoints.
   */
  function writeAtomically(method: MethodName, handler: (i: unknown) => unknown, input: unknown): Result<unknown> {
    let refused: Result<unknown> | undefined;
    const result = context.sqlite.transaction((): Result<unknown> => {
      let value: unknown;
      try {
        value = handler(input);
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toJSON() };
        throw error;
      }
      if (value instanceof Promise) throw new Error(`${method} is asynchronous: it cannot be one transaction (see OUTSIDE_ONE_TRANSACTION).`);
      const checked = checkOutput(method, value);
      if (!checked.ok) {
        refused = checked;
        throw new Error(checked.error.message);
      }
      return checked;
    });
    try {
      return result();
    } catch (error) {
      if (refused) return refused;
      throw error;
    }
  }

  async function invoke(method: string, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method "${method}".` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(wellFormed(input ?? {}));
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Invalid input for ${method}: ${describeIssues(parsed.error)}` },
      };
    }
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      const writes = 'writes' in spec ? spec.writes : undefined;
      const result =
        writes?.length && !OUTSIDE_ONE_TRANSACTION.has(method)
          ? writeAtomically(method, handler, parsed.data)
          : checkOutput(method, await handler(parsed.data));
      if (result.ok && writes?.length) emit('changed', { tables: [...writes] });
      return result;
    } catch (error) {
      return { ok: false, error: AppError.from(error).toJSON() };
    }
  }

  return {
    context,
    invoke,
    emit,
    subscribe(listener) {
      const wrapped = (event: EventName, payload: EventPayload<EventName>) => listener(event, payload);
      emitter.on('event', wrapped);
      return () => emitter.off('event', wrapped);
    },
  };
}
