import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorHint, errorTitle } from './error-hints';

interface Props {
  error: { code: string; message: string; line?: number | null };
  /** Buttons under the message (try again, remove the file...). */
  children?: ReactNode;
}

/** A refused file: what is wrong, on which line, and what to do about it. */
export function ImportErrorAlert({ error, children }: Props) {
  const hint = errorHint(error.code);
  const lineNote = error.line && !error.message.includes(`line ${error.line}`) ? `Line ${error.line}: ` : '';
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={errorTitle(error.code)} data-testid="import-error" data-code={error.code}>
      <Text size="sm">
        {lineNote}
        {error.message}
      </Text>
      {hint && (
        <Text size="sm" mt={4} c="dimmed">
          {hint}
        </Text>
      )}
      {children}
    </Alert>
  );
}
