// The transport-free core every transport calls: validate the input against the contract, run the service,
// validate the output, turn errors into values, and announce which tables a write changed.
import { EventEmitter } from 'node:events';
import {
  contract,
  isMethodName,
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

function describeIssues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
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

  async function invoke(method: string, input: unknown): Promise<Result<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method "${method}".` } };
    }
    const spec = contract[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Invalid input for ${method}: ${describeIssues(parsed.error)}` },
      };
    }
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        return {
          ok: false,
          error: { code: 'invalid_output', message: `${method} produced an invalid answer: ${describeIssues(checked.error)}` },
        };
      }
      const writes = 'writes' in spec ? spec.writes : undefined;
      if (writes?.length) emit('changed', { tables: [...writes] });
      return { ok: true, value: checked.data };
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
