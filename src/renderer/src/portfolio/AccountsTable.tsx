import { Paper, Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMergedRef } from '@mantine/hooks';
import { useEffect, useMemo, useRef, type ReactNode, type RefCallback } from 'react';
import type { PortfolioRow } from '../../../shared/contract';
import { AccountRow, ROW_HEIGHT } from './AccountRow';
import type { Sort } from './portfolio-rows';
import { SortHeader } from './SortHeader';
import { useRowCursor } from './use-row-cursor';
import type { ColumnFit } from './table-columns';

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
  /** The columns that fit the table's width (use-table-columns), and the ref that measures it. */
  columns: ColumnFit['shown'];
  measureRef: RefCallback<HTMLDivElement | null>;
}

function Spacer({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden style={{ height }}>
      <td colSpan={span} style={{ padding: 0, border: 0 }} />
    </tr>
  );
}

/** The book of accounts, virtualized: only the rows in view are in the DOM, so 2,000 accounts scroll smoothly. */
export function AccountsTable({ rows, asOf, sort, onSort, empty, resetKey, columns, measureRef }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const ref = useMergedRef(scrollRef, measureRef);
  const shown = useMemo(() => columns.map((c) => c.column), [columns]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; this only says it would skip this component
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const cursor = useRowCursor(rows, resetKey, scrollRef);
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
    <Paper withBorder ref={ref} style={{ flex: 1, minHeight: 0, overflow: 'auto' }} data-testid="portfolio-scroller">
      <Table
        stickyHeader
        highlightOnHover
        layout="fixed"
        data-testid="portfolio-table"
        aria-rowcount={rows.length + 1}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        <colgroup>
          {columns.map(({ column, percent }) => (
            <col key={column.id} style={{ width: `${percent}%` }} />
          ))}
        </colgroup>
        <Table.Thead>
          <Table.Tr>
            {shown.map((c) => (
              <SortHeader key={c.id} column={c.id} primary={c.primary} secondary={c.secondary} numeric={c.numeric} sort={sort} onSort={onSort} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={shown.length} py="xl">
                {empty}
              </Table.Td>
            </Table.Tr>
          )}
          {top > 0 && <Spacer height={top} span={shown.length} />}
          {items.map((item) => (
            <AccountRow key={rows[item.index].id} row={rows[item.index]} index={item.index} asOf={asOf} columns={shown} current={item.index === cursor} />
          ))}
          {bottom > 0 && <Spacer height={bottom} span={shown.length} />}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
