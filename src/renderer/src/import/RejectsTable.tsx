import { Code, Table, Text } from '@mantine/core';
import { formatCount } from '../../../shared/format';

export interface Reject {
  line: number;
  code: string;
  reason: string;
}

export interface ImportWarning {
  line: number | null;
  code: string;
  message: string;
}

/** Shown at most; the CSV download has every rejected line. */
const ROWS_SHOWN = 200;

interface LineRow {
  line: number | null;
  code: string;
  text: string;
}

/** Lines of the file with a code and what it means: the rejected rows, or the warnings about rows kept. */
function LinesTable(props: { rows: readonly LineRow[]; total: number; textHeader: string; testId: string; rowTestId: string; more: string }) {
  const { rows, total, textHeader, testId, rowTestId, more } = props;
  const shown = rows.slice(0, ROWS_SHOWN);
  return (
    <div>
      <Table.ScrollContainer minWidth={520} maxHeight={360}>
        <Table withTableBorder fz="xs" verticalSpacing={4} stickyHeader data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Line</Table.Th>
              <Table.Th w={190}>Code</Table.Th>
              <Table.Th>{textHeader}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r, i) => (
              <Table.Tr key={`${r.line ?? '-'}:${r.code}:${i}`} data-testid={rowTestId}>
                <Table.Td>{r.line ?? '–'}</Table.Td>
                <Table.Td>
                  <Code fz="xs">{r.code}</Code>
                </Table.Td>
                <Table.Td>{r.text}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > shown.length && (
        <Text size="xs" c="dimmed" mt={4}>
          Showing the first {formatCount(shown.length)} of {formatCount(total)} {more}
        </Text>
      )}
    </div>
  );
}

/** Rejected lines with their code and reason, so the CSM can fix the file or the source export. */
export function RejectsTable({ rejects, total }: { rejects: readonly Reject[]; total: number }) {
  const rows = rejects.map((r) => ({ line: r.line, code: r.code, text: r.reason }));
  return <LinesTable rows={rows} total={total} textHeader="Reason" testId="rejects-table" rowTestId="reject-row" more="rejected rows; the CSV has all of them." />;
}

/** What the import did to rows it kept (a nameless record named by its id, a cleaned cell), line by line. */
export function WarningsTable({ warnings, total }: { warnings: readonly ImportWarning[]; total: number }) {
  const rows = warnings.map((w) => ({ line: w.line, code: w.code, text: w.message }));
  return <LinesTable rows={rows} total={total} textHeader="What Bearing did" testId="warnings-table" rowTestId="warning-row" more="warnings." />;
}
