import { Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import type { ImportProgress } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';
import { formatBytes, formatTimeLeft } from './format-import';

/** A running job: how far it is through the file, how fast, how long to go, and a way to stop it. */
export function JobProgressView({ progress }: { progress: ImportProgress }) {
  const cancel = useMutation('import.cancel', { errorTitle: 'Could not cancel the import' });
  const { phase, bytesRead, totalBytes } = progress;
  const percent = totalBytes > 0 ? Math.min(100, (bytesRead / totalBytes) * 100) : phase === 'saving' ? 100 : 0;
  const timeLeft = formatTimeLeft(progress.secondsLeft);

  return (
    <Stack gap="xs" data-testid="import-progress" data-phase={phase}>
      {phase === 'queued' ? (
        <Group gap="xs">
          <Loader size="xs" type="dots" />
          <Text size="sm">Waiting for the previous import to finish…</Text>
        </Group>
      ) : (
        <>
          <Progress
            value={phase === 'saving' ? 100 : percent}
            striped
            animated
            size="lg"
            aria-label={`Import progress ${Math.round(percent)}%`}
          />
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {phase === 'saving' ? 'Saving to your book…' : 'Reading'} · {formatCount(progress.rows)} rows
              {progress.rowsPerSecond > 0 && ` · ${formatCount(progress.rowsPerSecond)} rows/s`}
              {phase === 'reading' && timeLeft && ` · ${timeLeft}`}
            </Text>
            <Text size="xs" c="dimmed">
              {formatBytes(bytesRead)} of {formatBytes(totalBytes)}
            </Text>
          </Group>
        </>
      )}
      <Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPlayerStop size={14} />}
          loading={cancel.running}
          onClick={() => void cancel.mutate({ jobId: progress.jobId })}
          data-testid="import-cancel"
        >
          Cancel
        </Button>
        <Text size="xs" c="dimmed">
          Cancelling keeps your book exactly as it was before this file.
        </Text>
      </Group>
    </Stack>
  );
}
