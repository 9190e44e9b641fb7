import { Alert, Button, Center, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { isoDateIn } from '../../../shared/dates';
import { formatCount } from '../../../shared/format';
import { useQuery } from '../hooks/use-query';
import { AccountsTable } from '../portfolio/AccountsTable';
import { EmptyBook } from '../portfolio/EmptyBook';
import { filterAccounts, sortAccounts, type Sort } from '../portfolio/sort-accounts';

function localToday(): string {
  return isoDateIn(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

export function PortfolioScreen({ onImport }: { onImport: () => void }) {
  const list = useQuery('accounts.list', {});
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<Sort>({ column: 'name', direction: 'asc' });
  // Typing stays responsive while a 2,000-row filter and sort catch up.
  const deferredSearch = useDeferredValue(search);
  const [today] = useState(localToday);

  const items = list.data?.items;
  const rows = useMemo(() => sortAccounts(filterAccounts(items ?? [], deferredSearch), sort), [items, deferredSearch, sort]);

  if (list.error && !items) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="Could not load the accounts" maw={640}>
        <Stack align="flex-start" gap="sm">
          <Text size="sm">{list.error.message}</Text>
          <Button size="xs" variant="light" color="red" onClick={list.refetch}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!items) {
    return (
      <Center flex={1}>
        <Loader aria-label="Loading accounts" />
      </Center>
    );
  }
  if (items.length === 0) return <EmptyBook onImport={onImport} />;

  const shown = rows.length === items.length ? formatCount(items.length) : `${formatCount(rows.length)} of ${formatCount(items.length)}`;
  return (
    <Stack flex={1} mih={0} gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Portfolio</Title>
          <Text size="sm" c="dimmed" data-testid="portfolio-count">
            {shown} {items.length === 1 ? 'account' : 'accounts'}
          </Text>
        </div>
        <TextInput
          w={280}
          placeholder="Search name, owner or industry"
          aria-label="Search accounts"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          data-testid="portfolio-search"
        />
      </Group>
      <AccountsTable
        accounts={rows}
        today={today}
        sort={sort}
        onSort={setSort}
        emptyMessage={`No account matches “${deferredSearch.trim()}”.`}
      />
    </Stack>
  );
}
