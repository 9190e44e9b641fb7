import { Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import type { ImportProgress } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';
import { formatBytes, formatTimeLeft } from './format-import';

/**
 * A running job: how far it is through the file, how fast, how long to go, and a way to stop it. Once the rows
 * are committed ('scoring': the touched accounts' health is being recomputed) there is nothing left to cancel.
 */
export function JobProgressView({ progress }: { progress: ImportProgress }) {
  const cancel = useMutation('import.cancel', { errorTitle: 'Could not cancel the import' });
  const { phase, bytesRead, totalBytes } = progress;
  const writing = phase === 'saving' || phase === 'scoring';
  const percent = totalBytes > 0 ? Math.min(100, (bytesRead / totalBytes) * 100) : writing ? 100 : 0;
  // Recomputing health after the commit: accounts done of those to do, once the first chunk is under way.
  const scoring = phase === 'scoring' && progress.scoring && progress.scoring.total > 0 ? progress.scoring : null;
  const scoredPercent = scoring ? Math.min(100, (scoring.done / scoring.total) * 100) : null;
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
            value={scoredPercent ?? (writing ? 100 : percent)}
            striped
            animated
            size="lg"
            aria-label={scoredPercent !== null ? `Updating health ${Math.round(scoredPercent)}%` : `Import progress ${Math.round(percent)}%`}
          />
          <Group justify="space-between" gap="xs">
            <Text size="sm">
              {phase === 'scoring' ? (
                <>
                  Saved · {formatCount(progress.rows)} rows read · updating health scores
                  {scoring ? `: ${formatCount(scoring.done)} of ${formatCount(scoring.total)} accounts` : '…'}
                </>
              ) : (
                <>
                  {phase === 'saving' ? 'Saving to your book…' : 'Reading'} · {formatCount(progress.rows)} rows
                </>
              )}
              {progress.rowsPerSecond > 0 && ` · ${formatCount(progress.rowsPerSecond)} rows/s`}
              {phase === 'reading' && timeLeft && ` · ${timeLeft}`}
            </Text>
            <Text size="xs" c="dimmed">
              {formatBytes(bytesRead)} of {formatBytes(totalBytes)}
            </Text>
          </Group>
        </>
      )}
      {phase === 'scoring' ? (
        <Text size="xs" c="dimmed" data-testid="import-committed">
          The rows are in your book; the accounts they touch get their health history recomputed.
        </Text>
      ) : (
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
      )}
    </Stack>
  );
}
