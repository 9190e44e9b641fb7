// How every card of the account view waits and fails: a skeleton shaped like the card while loading, and the
// contract's message with a retry when the read failed, so one broken card never blanks the whole screen.
import { Alert, Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ClientError } from '../api/client';

export function QueryError({ title, error, onRetry }: { title: string; error: ClientError; onRetry: () => void }) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle />} title={title} data-testid="query-error">
      <Stack align="flex-start" gap="xs">
        <Text size="sm">{error.message}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          Try again
        </Button>
      </Stack>
    </Alert>
  );
}

export function CardSkeleton({ lines = 4, height }: { lines?: number; height?: number }) {
  return (
    <Stack gap="xs" aria-busy="true" aria-label="Loading">
      <Skeleton height={18} width="40%" radius="sm" />
      {height ? (
        <Skeleton height={height} radius="sm" />
      ) : (
        Array.from({ length: lines }, (_, i) => <Skeleton key={i} height={12} width={`${90 - i * 8}%`} radius="sm" />)
      )}
    </Stack>
  );
}
