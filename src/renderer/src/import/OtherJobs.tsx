import { Card, Group, Text } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { JobProgressView } from './JobProgressView';
import { useImportSession } from './ImportSession';
import { isFinished } from './announce';
import { originLabel } from './labels';

/** Imports running that were not started on this screen: a watched folder's file, the command line. */
export function OtherJobs() {
  const session = useImportSession();
  // Manual jobs belong to a file card (their first event can arrive before the card learns its job id).
  const others = Object.values(session.progress).filter((p) => p.origin !== 'manual' && !isFinished(p));
  return others.map((p) => (
    <Card key={p.jobId} withBorder padding="md" data-testid="other-job">
      <Group gap="xs" mb="xs">
        <IconFolder size={18} stroke={1.5} />
        <Text fw={600}>{p.fileName}</Text>
        <Text size="xs" c="dimmed">
          {originLabel(p.origin)}
        </Text>
      </Group>
      <JobProgressView progress={p} />
    </Card>
  ));
}
