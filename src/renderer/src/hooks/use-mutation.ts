// Writes through the typed client. A failure is shown to the CSM as a notification with the contract's message,
// so every screen reports errors the same way; the refresh after a success comes from main's `changed` event.
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { ClientError, call } from '../api/client';

export interface MutationOptions<K extends MethodName> {
  /** Notification title when the call fails, e.g. "Could not remove the demo data". */
  errorTitle?: string;
  /** A confirmation shown when the call succeeds. */
  successMessage?: string | ((output: MethodOutput<K>) => string);
}

export interface MutationState<K extends MethodName> {
  /** Runs the method; resolves with its output, or with undefined after the error was shown. */
  mutate: (input: MethodInput<K>) => Promise<MethodOutput<K> | undefined>;
  running: boolean;
  error: ClientError | undefined;
}

export function useMutation<K extends MethodName>(method: K, options: MutationOptions<K> = {}): MutationState<K> {
  const { errorTitle, successMessage } = options;
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ClientError>();

  const mutate = useCallback(
    async (input: MethodInput<K>) => {
      setRunning(true);
      setError(undefined);
      try {
        const output = await call(method, input);
        if (successMessage) {
          const message = typeof successMessage === 'function' ? successMessage(output) : successMessage;
          notifications.show({ color: 'teal', message });
        }
        return output;
      } catch (caught) {
        const failure =
          caught instanceof ClientError ? caught : new ClientError({ code: 'internal', message: String(caught) });
        setError(failure);
        notifications.show({
          color: 'red',
          title: errorTitle ?? 'That did not work',
          message: failure.line ? `Line ${failure.line}: ${failure.message}` : failure.message,
          autoClose: 10_000,
        });
        return undefined;
      } finally {
        setRunning(false);
      }
    },
    [method, errorTitle, successMessage],
  );

  return { mutate, running, error };
}
