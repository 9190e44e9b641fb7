import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import type { Backup } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';

const KIND: Record<Backup['kind'], { label: string; color: string }> = {
  manual: { label: 'Back up now', color: 'indigo' },
  before_migration: { label: 'Before an update', color: 'gray' },
  before_restore: { label: 'Safety copy', color: 'orange' },
  other: { label: 'Other', color: 'gray' },
};

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The backups folder, newest first, each restorable after a confirmation that names what happens to today's data. */
export function BackupsList({ backups, timeZone }: { backups: readonly Backup[]; timeZone: string }) {
  const [restoring, setRestoring] = useState<Backup | null>(null);
  const restore = useMutation('backup.restore', {
    errorTitle: 'Could not restore the backup',
    successMessage: (r) => `Restored ${r.restoredFrom.file}. Your data from before is kept as ${r.safetyBackup.file}.`,
  });
  const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone });

  if (backups.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="backups-empty">
        No backup yet. “Back up now” writes a complete copy of your data into the backups folder.
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={560} maxHeight={300}>
        <Table stickyHeader verticalSpacing={6} data-testid="backups-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {backups.map((b) => (
              <Table.Tr key={b.file} data-testid="backup-row">
                <Table.Td>
                  <Text size="sm">{when.format(b.createdAt)}</Text>
                  <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {b.file}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={KIND[b.kind].color}>
                    {KIND[b.kind].label}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{size(b.sizeBytes)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Button size="xs" variant="default" leftSection={<IconRestore size={14} />} onClick={() => setRestoring(b)} data-testid="backup-restore">
                    Restore
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={restoring !== null} onClose={() => setRestoring(null)} title="Restore this backup?" centered>
        {restoring && (
          <Stack>
            <Text size="sm">
              Bearing will replace all your data with the backup taken {when.format(restoring.createdAt)}. A safety copy of the
              current data is taken first, and listed here, so you can come back to it.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRestoring(null)}>
                Cancel
              </Button>
              <Button
                color="orange"
                loading={restore.running}
                data-testid="confirm-restore"
                onClick={async () => {
                  if (await restore.mutate({ file: restoring.file })) setRestoring(null);
                }}
              >
                Restore
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </>
  );
}
