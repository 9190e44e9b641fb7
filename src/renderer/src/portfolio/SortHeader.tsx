import { Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { Sort, SortColumn } from './portfolio-rows';

export interface SortKey {
  column: SortColumn;
  label: string;
  /** What the column means, for the header's tooltip. */
  hint?: string;
}

interface Props {
  /** Which column this header heads (data-column, for tests and styles). */
  column: string;
  primary: SortKey;
  /** A second sortable field shown in the same column (owner under the name, Δ30 beside the score…). */
  secondary?: SortKey;
  numeric?: boolean;
  sort: Sort;
  onSort: (sort: Sort) => void;
}

// Numbers start high-first (the largest ARR, the most overdue), names and dates low-first.
const DESCENDING_FIRST = new Set<SortColumn>([
  'health',
  'delta30',
  'arr',
  'licenseUtilization',
  'overdueMilestones',
  'timeInStageDays',
  'lastActiveDate',
  'activeUserTrend',
  'events7',
  'daysSinceTouchpoint',
  'accountAgeDays',
  'unusedKeyFeatures',
  'openTasks',
]);

function SortButton({ keyDef, sort, onSort, small }: { keyDef: SortKey; sort: Sort; onSort: Props['onSort']; small?: boolean }) {
  const active = sort.column === keyDef.column;
  const Icon = !active ? IconSelector : sort.direction === 'asc' ? IconChevronUp : IconChevronDown;
  const first = DESCENDING_FIRST.has(keyDef.column) ? 'desc' : 'asc';
  const next = active ? (sort.direction === 'asc' ? 'desc' : 'asc') : first;
  const button = (
    <UnstyledButton
      fw={small ? 500 : 600}
      fz={small ? 'xs' : 'sm'}
      c={small && !active ? 'dimmed' : undefined}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 2, whiteSpace: 'nowrap' }}
      onClick={() => onSort({ column: keyDef.column, direction: next })}
      data-testid={`sort-${keyDef.column}`}
    >
      {keyDef.label}
      <Icon size={small ? 12 : 14} stroke={1.8} style={{ opacity: active ? 1 : 0.45 }} />
    </UnstyledButton>
  );
  return keyDef.hint ? (
    <Tooltip label={keyDef.hint} multiline w={260} openDelay={400}>
      {button}
    </Tooltip>
  ) : (
    button
  );
}

export function SortHeader({ column, primary, secondary, numeric, sort, onSort }: Props) {
  const active = sort.column === primary.column || sort.column === secondary?.column;
  return (
    <Table.Th
      data-column={column}
      ta={numeric ? 'right' : 'left'}
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <Group gap={6} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'}>
        <SortButton keyDef={primary} sort={sort} onSort={onSort} />
        {secondary && (
          <>
            <Text span c="dimmed" fz="xs" aria-hidden>
              ·
            </Text>
            <SortButton keyDef={secondary} sort={sort} onSort={onSort} small />
          </>
        )}
      </Group>
    </Table.Th>
  );
}
