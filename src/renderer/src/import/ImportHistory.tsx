import { ActionIcon, Alert, Badge, Button, Center, Loader, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconChevronDown, IconChevronRight, IconHistory } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { ImportRecord } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { EmptyState } from '../components/EmptyState';
import { useQuery } from '../hooks/use-query';
import { HistoryDetails } from './HistoryDetails';
import { formatWhen } from './format-import';
import { kindLabel, originLabel, sourceLabel, statusLook } from './labels';

function Counts({ record }: { record: ImportRecord }) {
  const parts = [`${formatCount(record.rowsAccepted)} accepted`];
  if (record.rowsRejected) parts.push(`${formatCount(record.rowsRejected)} rejected`);
  if (record.rowsDuplicate) parts.push(`${formatCount(record.rowsDuplicate)} duplicates`);
  if (record.rowsSkipped) parts.push(`${formatCount(record.rowsSkipped)} skipped`);
  return <>{parts.join(' · ')}</>;
}

/** Every import, newest first, with what it did and a way to undo it. */
export function ImportHistory() {
  const list = useQuery('imports.list', {});
  const [open, setOpen] = useState<number | null>(null);

  if (list.error && !list.data) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="Could not load the import history">
        <Text size="sm">{list.error.message}</Text>
        <Button size="xs" mt="sm" variant="light" color="red" onClick={list.refetch}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!list.data) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading the import history" />
      </Center>
    );
  }
  if (list.data.length === 0) {
    return (
      <EmptyState
        testId="history-empty"
        icon={IconHistory}
        title="No imports yet"
        description="Every file you import is listed here, with its rejected rows and a way to undo it. Drop a CSV on the window to start."
      />
    );
  }

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="import-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36} />
            <Table.Th>File</Table.Th>
            <Table.Th>Contents</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Rows</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>How</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.map((record) => {
            const look = record.undoneAt ? { label: 'Undone', color: 'gray' } : statusLook(record.status);
            const expanded = open === record.id;
            return (
              <Fragment key={record.id}>
                <Table.Tr
                  data-testid="history-row"
                  data-import-id={record.id}
                  data-undone={record.undoneAt ? 'true' : undefined}
                  // Undone rows recede in the dimmed colour, not by transparency: faded to 60 % their text fell
                  // below a readable contrast.
                  c={record.undoneAt ? 'dimmed' : undefined}
                  style={{ cursor: 'pointer' }}
                  onClick={() => setOpen(expanded ? null : record.id)}
                >
                  <Table.Td>
                    <ActionIcon variant="subtle" color="gray" size="sm" aria-label={expanded ? 'Hide details' : 'Show details'} aria-expanded={expanded}>
                      {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td fw={500} td={record.undoneAt ? 'line-through' : undefined}>
                    {record.fileName}
                  </Table.Td>
                  <Table.Td>
                    {kindLabel(record.kind)} · {sourceLabel(record.source)}
                  </Table.Td>
                  <Table.Td>
                    <Badge size="sm" variant={look.color === 'gray' ? 'outline' : 'light'} color={look.color} data-testid="history-status">
                      {look.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <Counts record={record} />
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWhen(record.startedAt)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{originLabel(record.origin)}</Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={6} pb="md">
                      <HistoryDetails record={record} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
