import { Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ImportRecord } from '../../../shared/contract';
import { useQuery } from '../hooks/use-query';
import { RejectsTable } from './RejectsTable';
import { SaveRejectsButton } from './SaveRejectsButton';
import { UndoImportButton } from './UndoImportButton';
import { formatBytes, formatWhen } from './format-import';
import { fieldLabel } from './labels';

/** On the web host a dropped file's path is the host's upload copy: meaningless to the CSM, so not shown. */
function showsPath(record: ImportRecord): boolean {
  return record.origin !== 'manual' || window.bearing !== undefined;
}

/** One past import: its message, the mapping it used, its rejected lines, and undo. */
export function HistoryDetails({ record }: { record: ImportRecord }) {
  const details = useQuery('imports.get', { id: record.id });
  const mapped = Object.entries(record.mapping ?? {}).filter((entry): entry is [string, string] => entry[1] !== null);
  const undoable = !record.undoneAt && (record.status === 'imported' || record.status === 'imported_with_rejections');

  return (
    <Stack gap="sm" data-testid="history-details">
      {record.message && <Text size="sm">{record.message}</Text>}
      <Text size="xs" c="dimmed">
        {formatBytes(record.sizeBytes)} · started {formatWhen(record.startedAt)}
        {record.finishedAt && `, finished ${formatWhen(record.finishedAt)}`}
        {record.timeZone && ` · times without a zone read as ${record.timeZone}`}
        {record.filePath && showsPath(record) && ` · ${record.filePath}`}
      </Text>
      {record.undoneAt && (
        <Text size="sm" c="dimmed" data-testid="undone-note">
          Undone on {formatWhen(record.undoneAt)}: its rows were removed from your book.
        </Text>
      )}
      {mapped.length > 0 && (
        <div>
          <Title order={6} mb={4}>
            Columns used
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing={4}>
            {mapped.map(([field, header]) => (
              <Text key={field} size="xs">
                <Text span c="dimmed" size="xs">
                  {fieldLabel(field)}:
                </Text>{' '}
                {header}
              </Text>
            ))}
          </SimpleGrid>
        </div>
      )}
      {record.rowsRejected > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={6}>Rejected rows</Title>
            <SaveRejectsButton importId={record.id} />
          </Group>
          {details.data ? (
            <RejectsTable rejects={details.data.rejects} total={details.data.rejectsTotal} />
          ) : details.error ? (
            <Text size="sm" c="red">
              {details.error.message}
            </Text>
          ) : (
            <Loader size="sm" aria-label="Loading the rejected rows" />
          )}
        </Stack>
      )}
      {undoable && <UndoImportButton record={record} />}
    </Stack>
  );
}
