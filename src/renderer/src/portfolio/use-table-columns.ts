// Which portfolio columns fit the table as it is measured now (not the window: the sidebar and the padding take
// their share), and the CSM's choice of which to keep first, remembered on this computer.
import { useElementSize, useLocalStorage } from '@mantine/hooks';
import { useCallback, useMemo, type RefCallback } from 'react';
import { DEFAULT_PRIORITY, fitColumns, promote, TABLE_COLUMNS, type ColumnFit, type ColumnId } from './table-columns';

const KNOWN = new Set<string>(TABLE_COLUMNS.map((c) => c.id));

function readPriority(stored: string | undefined): ColumnId[] {
  try {
    const parsed: unknown = JSON.parse(stored ?? 'null');
    if (Array.isArray(parsed)) return parsed.filter((id): id is ColumnId => typeof id === 'string' && KNOWN.has(id));
  } catch {
    // A hand-edited or foreign value: the default order.
  }
  return [...DEFAULT_PRIORITY];
}

export interface TableColumns {
  /** Attach to the table's scroll container: its width decides the columns. */
  measureRef: RefCallback<HTMLDivElement | null>;
  fit: ColumnFit;
  show: (id: ColumnId) => void;
}

export function useTableColumns(): TableColumns {
  const { ref, width } = useElementSize<HTMLDivElement>();
  const [priority, setPriority] = useLocalStorage<ColumnId[]>({
    key: 'bearing-portfolio-columns',
    defaultValue: [...DEFAULT_PRIORITY],
    getInitialValueInEffect: false,
    serialize: JSON.stringify,
    deserialize: readPriority,
  });
  const fit = useMemo(() => fitColumns(Math.floor(width), priority), [width, priority]);
  const show = useCallback((id: ColumnId) => setPriority((p) => promote(p, id)), [setPriority]);
  return { measureRef: ref, fit, show };
}
