import { Alert, Button, Group, SegmentedControl, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconLayoutColumns, IconSearch, IconTable } from '@tabler/icons-react';
import { useMediaQuery } from '@mantine/hooks';
import { useDeferredValue, useMemo } from 'react';
import { formatCount } from '../../../shared/format';
import { SEARCH_BOX_ATTRIBUTE } from '../components/shortcuts';
import { useQuery } from '../hooks/use-query';
import { AccountsTable } from '../portfolio/AccountsTable';
import { ColumnsMenu } from '../portfolio/ColumnsMenu';
import { EmptyBook } from '../portfolio/EmptyBook';
import { JourneyLanes } from '../portfolio/JourneyLanes';
import { KpiStrip } from '../portfolio/KpiStrip';
import { PortfolioFilters } from '../portfolio/PortfolioFilters';
import { filterRows, isFiltered, sortRows } from '../portfolio/portfolio-rows';
import { SavedViewsMenu } from '../portfolio/SavedViewsMenu';
import { usePortfolioState, type Layout } from '../portfolio/use-portfolio-state';
import { useTableColumns } from '../portfolio/use-table-columns';

const SHORT_WINDOW = '(max-height: 820px)';

function Loading() {
  return (
    <Stack flex={1} gap="sm" aria-busy aria-label="Loading the portfolio">
      <Skeleton h={36} w={240} />
      <Group grow>
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} h={84} />
        ))}
      </Group>
      <Skeleton h={30} w={520} />
      <Skeleton flex={1} />
    </Stack>
  );
}

export function PortfolioScreen({ onImport }: { onImport: () => void }) {
  const overview = useQuery('portfolio.overview', {});
  const state = usePortfolioState();
  const columns = useTableColumns();
  // A short window (a 13" laptop, 700–800 px high) keeps at least 8 rows in view by tightening what sits above them.
  const compact = useMediaQuery(SHORT_WINDOW, window.matchMedia(SHORT_WINDOW).matches, { getInitialValueInEffect: false });
  const { filters, sort, layout, changeFilters } = state;
  // Typing stays responsive while a 2,000-row filter and sort catch up.
  const deferredFilters = useDeferredValue(filters);

  const all = overview.data?.rows;
  const rows = useMemo(() => sortRows(filterRows(all ?? [], deferredFilters), sort), [all, deferredFilters, sort]);

  if (overview.error && !all) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="Could not load the portfolio" maw={640}>
        <Stack align="flex-start" gap="sm">
          <Text size="sm">{overview.error.message}</Text>
          <Button size="xs" variant="light" color="red" onClick={overview.refetch}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!overview.data || !all) return <Loading />;
  if (all.length === 0) return <EmptyBook onImport={onImport} />;

  const { kpis, asOf } = overview.data;
  const pool = filters.includeChurned ? all.length : all.length - kpis.churnedAccounts;
  const shown = rows.length === pool ? formatCount(pool) : `${formatCount(rows.length)} of ${formatCount(pool)}`;
  const resetKey = JSON.stringify([deferredFilters, sort]);
  const clear = () => changeFilters({ search: '', stages: [], statuses: [], owners: [], renewalWithinDays: null, overdueOnly: false });

  return (
    <Stack flex={1} mih={0} gap={compact ? 'xs' : 'sm'}>
      <Group justify="space-between" align="center" wrap="nowrap">
        <Group gap="sm" align="baseline" wrap="nowrap" miw={0}>
          <Title order={2}>Portfolio</Title>
          <Text size="sm" c="dimmed" truncate data-testid="portfolio-count">
            {shown} {pool === 1 ? 'account' : 'accounts'}
            {!filters.includeChurned && kpis.churnedAccounts > 0 && ` · ${formatCount(kpis.churnedAccounts)} churned kept apart`}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <TextInput
            w={260}
            placeholder="Search accounts"
            aria-label="Search accounts by name, owner or industry"
            leftSection={<IconSearch size={16} />}
            rightSection={
              <Text size="xs" c="dimmed" aria-hidden>
                /
              </Text>
            }
            value={filters.search}
            onChange={(event) => changeFilters({ search: event.currentTarget.value })}
            onKeyDown={(event) => {
              if (event.key === 'Escape') event.currentTarget.blur();
            }}
            data-testid="portfolio-search"
            {...{ [SEARCH_BOX_ATTRIBUTE]: true }}
          />
          <SavedViewsMenu filters={filters} sort={sort} onApply={state.applyView} />
          <SegmentedControl
            value={layout}
            onChange={(value) => state.setLayout(value === 'lanes' ? 'lanes' : 'table')}
            data={[
              { value: 'table' satisfies Layout, label: <Group gap={6} wrap="nowrap"><IconTable size={16} />Table</Group> },
              { value: 'lanes' satisfies Layout, label: <Group gap={6} wrap="nowrap"><IconLayoutColumns size={16} />Lanes</Group> },
            ]}
            aria-label="Layout"
            data-testid="layout-toggle"
          />
        </Group>
      </Group>
      <KpiStrip kpis={kpis} rows={all} onShow={changeFilters} compact={compact} />
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <PortfolioFilters rows={all} filters={filters} onChange={changeFilters} />
        {layout === 'table' && <ColumnsMenu fit={columns.fit} onShow={columns.show} />}
      </Group>
      {layout === 'table' ? (
        <AccountsTable
          rows={rows}
          asOf={asOf}
          sort={sort}
          onSort={state.setSort}
          resetKey={resetKey}
          columns={columns.fit.shown}
          measureRef={columns.measureRef}
          empty={
            <Stack align="center" gap="xs">
              <Text c="dimmed">No account matches these filters{filters.search.trim() ? ` and “${filters.search.trim()}”` : ''}.</Text>
              {isFiltered(filters) && (
                <Button size="xs" variant="light" onClick={clear}>
                  Clear filters
                </Button>
              )}
            </Stack>
          }
        />
      ) : (
        <JourneyLanes
          rows={rows}
          asOf={asOf}
          hiddenChurned={filters.includeChurned ? 0 : kpis.churnedAccounts}
          onShowChurned={() => changeFilters({ includeChurned: true })}
        />
      )}
    </Stack>
  );
}
