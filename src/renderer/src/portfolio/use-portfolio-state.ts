// The table's filters, sort and layout. Kept in sessionStorage so that opening an account and coming back (or a
// reload) finds the portfolio as the CSM left it; a fresh start begins from the whole book.
import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { ViewFilters, ViewSort } from '../../../shared/contract';
import { DEFAULT_FILTERS, DEFAULT_SORT, type Filters, type Sort } from './portfolio-rows';

export type Layout = 'table' | 'lanes';

const KEY = 'bearing-portfolio-state';
const Stored = z.object({ filters: ViewFilters, sort: ViewSort, layout: z.enum(['table', 'lanes']) });

interface State {
  filters: Filters;
  sort: Sort;
  layout: Layout;
}

function load(): State {
  try {
    const parsed = Stored.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable storage (a hand edit, a private window): start from the defaults.
  }
  return { filters: DEFAULT_FILTERS, sort: DEFAULT_SORT, layout: 'table' };
}

export function usePortfolioState() {
  const [state, setState] = useState<State>(load);

  useEffect(() => {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      // Storage full or disabled: the state still works for this visit.
    }
  }, [state]);

  const changeFilters = useCallback((change: Partial<Filters>) => setState((s) => ({ ...s, filters: { ...s.filters, ...change } })), []);
  const setSort = useCallback((sort: Sort) => setState((s) => ({ ...s, sort })), []);
  const setLayout = useCallback((layout: Layout) => setState((s) => ({ ...s, layout })), []);
  const applyView = useCallback((view: { filters: Filters; sort: Sort }) => setState((s) => ({ ...s, filters: view.filters, sort: view.sort })), []);

  return { ...state, changeFilters, setSort, setLayout, applyView };
}
