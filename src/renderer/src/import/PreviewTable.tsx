import { Badge, Table, Text } from '@mantine/core';
import type { Inspection } from '../../../shared/contract';
import { formatPreviewValue, previewColumns } from './preview-columns';

const OUTCOME = {
  accepted: { label: 'OK', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
  skipped: { label: 'Skipped', color: 'gray' },
} as const;

/** The first rows exactly as they will be stored; a rejected or skipped row says why, with its line. */
export function PreviewTable({ inspection }: { inspection: Inspection }) {
  const columns = previewColumns(inspection);
  if (inspection.preview.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No rows to preview.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer
      minWidth={Math.max(560, columns.length * 130)}
      maxHeight={420}
      // A wide file scrolls sideways: the region takes focus so the keyboard can scroll it too.
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': 'Preview of the rows' } }}
    >
      <Table striped={false} withTableBorder fz="xs" verticalSpacing={6} data-testid="import-preview" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Line</Table.Th>
            <Table.Th w={90}>Row</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.key}>{c.label}</Table.Th>
            ))}
            {columns.length === 0 && <Table.Th>Why</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {inspection.preview.map((row) => (
            <Table.Tr
              key={row.line}
              data-outcome={row.outcome}
              bg={row.outcome === 'rejected' ? 'var(--mantine-color-red-light)' : undefined}
            >
              <Table.Td c="dimmed">{row.line}</Table.Td>
              <Table.Td>
                <Badge size="xs" variant="light" color={OUTCOME[row.outcome].color}>
                  {OUTCOME[row.outcome].label}
                </Badge>
              </Table.Td>
              {row.outcome === 'accepted' ? (
                columns.map((c) => {
                  const text = formatPreviewValue(c.key, row.values[c.key], row.values);
                  return (
                    <Table.Td key={c.key} c={text === null ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
                      {text ?? '—'}
                    </Table.Td>
                  );
                })
              ) : (
                <Table.Td colSpan={Math.max(1, columns.length)} c={row.outcome === 'rejected' ? 'var(--mantine-color-red-light-color)' : 'dimmed'}>
                  {row.reason}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
