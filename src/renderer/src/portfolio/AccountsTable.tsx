import { Paper, Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { PortfolioRow } from '../../../shared/contract';
import { AccountRow, ROW_HEIGHT } from './AccountRow';
import type { Sort } from './portfolio-rows';
import { SortHeader, type SortKey } from './SortHeader';

interface Column {
  primary: SortKey;
  secondary?: SortKey;
  width: string;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { primary: { column: 'name', label: 'Account' }, secondary: { column: 'owner', label: 'owner' }, width: '21%' },
  {
    primary: { column: 'health', label: 'Health', hint: 'Health score 0–100 with its 30-day trend; hover a score for its drivers' },
    secondary: { column: 'delta30', label: 'Δ30', hint: 'Change in points since 30 days ago' },
    width: '16%',
  },
  {
    primary: { column: 'stage', label: 'Stage' },
    secondary: { column: 'timeInStageDays', label: 'days', hint: 'Days since the account entered its stage' },
    width: '15%',
  },
  { primary: { column: 'arr', label: 'ARR' }, width: '9%', numeric: true },
  { primary: { column: 'renewalDate', label: 'Renewal' }, width: '11%' },
  {
    primary: { column: 'licenseUtilization', label: 'Utilization', hint: 'License utilization: users active in the last 30 days ÷ licenses purchased' },
    width: '10%',
    numeric: true,
  },
  {
    primary: { column: 'lastQbrDate', label: 'Last QBR', hint: 'Date of the last QBR; red when it is overdue against the QBR cadence' },
    width: '10%',
  },
  {
    primary: { column: 'overdueMilestones', label: 'Overdue', hint: 'Time-to-value milestones past their target date and not achieved' },
    width: '8%',
    numeric: true,
  },
];

interface Props {
  rows: readonly PortfolioRow[];
  /** The day the figures are for (YYYY-MM-DD), for "in N days". */
  asOf: string;
  sort: Sort;
  onSort: (sort: Sort) => void;
  /** Shown in place of rows when nothing matches the filters. */
  empty: ReactNode;
  /** Changes when the filters or the sort change: the list then starts again from the top. */
  resetKey: string;
}

function Spacer({ height }: { height: number }) {
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={COLUMNS.length} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}

/** The book of accounts, virtualized: only the rows in view are in the DOM, so 2,000 accounts scroll smoothly. */
export function AccountsTable({ rows, asOf, sort, onSort, empty, resetKey }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; this only says it would skip this component
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const top = items.length ? items[0].start : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  // The portfolio benchmark and the e2e perf log read this mark: the first time rows reached the screen.
  const hasRows = rows.length > 0;
  useEffect(() => {
    if (hasRows && performance.getEntriesByName('portfolio:first-rows').length === 0) performance.mark('portfolio:first-rows');
  }, [hasRows]);

  // A new sort or filter starts from the top: keeping the old offset would land in the middle of another list.
  // A background refresh (same filters) keeps the CSM's place.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  return (
    <Paper withBorder ref={scrollRef} style={{ flex: 1, minHeight: 0, overflow: 'auto' }} data-testid="portfolio-scroller">
      <Table
        stickyHeader
        highlightOnHover
        layout="fixed"
        data-testid="portfolio-table"
        aria-rowcount={rows.length + 1}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.primary.column} style={{ width: c.width }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.primary.column} primary={c.primary} secondary={c.secondary} numeric={c.numeric} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={COLUMNS.length} py="xl">
                {empty}
              </Table.Td>
            </Table.Tr>
          )}
          {top > 0 && <Spacer height={top} />}
          {items.map((item) => (
            <AccountRow key={rows[item.index].id} row={rows[item.index]} index={item.index} asOf={asOf} />
          ))}
          {bottom > 0 && <Spacer height={bottom} />}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
