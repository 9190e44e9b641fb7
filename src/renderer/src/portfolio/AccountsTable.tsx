import { Paper, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { AccountSummary } from '../../../shared/contract';
import { formatCount, formatDate, formatDaysFrom, formatMoney } from '../../../shared/format';
import type { Sort, SortColumn } from './sort-accounts';
import { StageBadge } from './StageBadge';

// Rows have one fixed height, so the virtualizer knows every offset without measuring the DOM.
const ROW_HEIGHT = 44;

const COLUMNS: { column: SortColumn; label: string; width: string; numeric?: boolean }[] = [
  { column: 'name', label: 'Account', width: '32%' },
  { column: 'stage', label: 'Stage', width: '18%' },
  { column: 'arr', label: 'ARR', width: '14%', numeric: true },
  { column: 'licenses', label: 'Licenses', width: '11%', numeric: true },
  { column: 'renewalDate', label: 'Renewal', width: '25%' },
];

const cell = { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

interface Props {
  accounts: readonly AccountSummary[];
  /** Today as YYYY-MM-DD, for "in N days". */
  today: string;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** Shown in place of rows when the list is empty (e.g. nothing matches the search). */
  emptyMessage: string;
}

function SortHeader({ column, label, numeric, sort, onSort }: (typeof COLUMNS)[number] & Pick<Props, 'sort' | 'onSort'>) {
  const active = sort.column === column;
  const SortIcon = !active ? IconSelector : sort.direction === 'asc' ? IconChevronUp : IconChevronDown;
  return (
    <Table.Th
      ta={numeric ? 'right' : 'left'}
      aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton
        fw={600}
        fz="sm"
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        onClick={() => onSort({ column, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
        <SortIcon size={14} stroke={1.8} style={{ opacity: active ? 1 : 0.45 }} />
      </UnstyledButton>
    </Table.Th>
  );
}

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={COLUMNS.length} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}

function AccountRow({ account, index, today }: { account: AccountSummary; index: number; today: string }) {
  const overdue = account.renewalDate !== null && account.renewalDate < today;
  return (
    <Table.Tr data-testid="account-row" aria-rowindex={index + 2} style={{ height: ROW_HEIGHT }}>
      <Table.Td style={cell} title={account.name} fw={500}>
        {account.name}
      </Table.Td>
      <Table.Td style={cell}>
        <StageBadge stage={account.stage} overridden={account.stageOverridden} churned={account.churned} />
      </Table.Td>
      <Table.Td style={cell} ta="right">
        {formatMoney(account.arr, account.currency)}
      </Table.Td>
      <Table.Td style={cell} ta="right">
        {formatCount(account.licenses)}
      </Table.Td>
      <Table.Td style={cell}>
        {formatDate(account.renewalDate)}
        {account.renewalDate && (
          <Text span size="xs" ml={8} c={overdue ? 'red' : 'dimmed'}>
            {formatDaysFrom(account.renewalDate, today)}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The book of accounts, virtualized: only the rows in view are in the DOM, so 2,000 accounts scroll smoothly. */
export function AccountsTable({ accounts, today, sort, onSort, emptyMessage }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; this only says it would skip this component
  const virtualizer = useVirtualizer({
    count: accounts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const top = items.length ? items[0].start : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  return (
    <Paper withBorder ref={scrollRef} style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <Table
        stickyHeader
        highlightOnHover
        layout="fixed"
        data-testid="portfolio-table"
        aria-rowcount={accounts.length + 1}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.column} style={{ width: c.width }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.column} {...c} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length} ta="center" c="dimmed" py="xl">
                {emptyMessage}
              </Table.Td>
            </Table.Tr>
          )}
          {top > 0 && <Spacer height={top} />}
          {items.map((item) => (
            <AccountRow key={accounts[item.index].id} account={accounts[item.index]} index={item.index} today={today} />
          ))}
          {bottom > 0 && <Spacer height={bottom} />}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
