import { Code, Table, Text } from '@mantine/core';
import { formatCount } from '../../../shared/format';

export interface Reject {
  line: number;
  code: string;
  reason: string;
}

/** Shown at most; the CSV download has every rejected line. */
const REJECTS_SHOWN = 200;

/** Rejected lines with their code and reason, so the CSM can fix the file or the source export. */
export function RejectsTable({ rejects, total }: { rejects: readonly Reject[]; total: number }) {
  const shown = rejects.slice(0, REJECTS_SHOWN);
  return (
    <div>
      <Table.ScrollContainer minWidth={520} maxHeight={360}>
        <Table withTableBorder fz="xs" verticalSpacing={4} stickyHeader data-testid="rejects-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Line</Table.Th>
              <Table.Th w={190}>Code</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={`${r.line}:${r.code}`} data-testid="reject-row">
                <Table.Td>{r.line}</Table.Td>
                <Table.Td>
                  <Code fz="xs">{r.code}</Code>
                </Table.Td>
                <Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > shown.length && (
        <Text size="xs" c="dimmed" mt={4}>
          Showing the first {formatCount(shown.length)} of {formatCount(total)} rejected rows; the CSV has all of them.
        </Text>
      )}
    </div>
  );
}
