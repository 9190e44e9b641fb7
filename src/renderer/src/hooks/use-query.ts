// Reads through the typed client and keeps the answer fresh: when main announces that a table this query
// reads has changed, the query runs again. Components never refetch by hand after a write.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput, Table } from '../../../shared/contract';
import { ClientError, call, on } from '../api/client';
import { tablesReadBy } from '../api/reads';

export interface QueryOptions {
  /** Tables the query reads; defaults to the method's entry in api/reads.ts. */
  reads?: readonly Table[];
  /** When false the query waits (e.g. until a selection exists). */
  enabled?: boolean;
}

export interface QueryState<T> {
  data: T | undefined;
  error: ClientError | undefined;
  /** True while the current input has no answer yet; a refetch keeps showing the previous data. */
  loading: boolean;
  refetch: () => void;
}

interface Settled<T> {
  key: string;
  run: number;
  data?: T;
  error?: ClientError;
}

export function useQuery<K extends MethodName>(
  method: K,
  input: MethodInput<K>,
  options: QueryOptions = {},
): QueryState<MethodOutput<K>> {
  const { enabled = true } = options;
  // The input is compared by value, so callers may pass a fresh object literal on every render.
  const key = `${method}:${JSON.stringify(input)}`;
  const readsKey = (options.reads ?? tablesReadBy(method)).toString();
  const [run, setRun] = useState(0);
  const [settled, setSettled] = useState<Settled<MethodOutput<K>>>();
  const refetch = useCallback(() => setRun((n) => n + 1), []);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const parsed: MethodInput<K> = JSON.parse(key.slice(method.length + 1));
    call(method, parsed).then(
      (data) => current && setSettled({ key, run, data }),
      (error: unknown) =>
        current &&
        setSettled({
          key,
          run,
          data: undefined,
          error: error instanceof ClientError ? error : new ClientError({ code: 'internal', message: String(error) }),
        }),
    );
    // A newer input or run supersedes this one: its late answer must not overwrite the newer state.
    return () => {
      current = false;
    };
  }, [method, key, run, enabled]);

  useEffect(() => {
    if (!enabled) return;
    const reads = readsKey === 'all' ? 'all' : readsKey.split(',');
    return on('changed', ({ tables }) => {
      if (reads === 'all' || tables.some((t) => reads.includes(t))) refetch();
    });
  }, [readsKey, enabled, refetch]);

  return useMemo(() => {
    // Show the last answer for the same input while a refetch runs, so tables do not flash on every change.
    const sameInput = settled?.key === key;
    return {
      data: sameInput ? settled.data : undefined,
      error: sameInput ? settled.error : undefined,
      loading: enabled && (!sameInput || (settled.run !== run && settled.data === undefined)),
      refetch,
    };
  }, [settled, key, run, enabled, refetch]);
}
