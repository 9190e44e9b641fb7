// One account (issue #5): the header with contract and stage, then Overview | Milestones | QBRs | Touchpoints |
// Success plan.
// Only the open tab is mounted, so its reads run and refetch while the others cost nothing. Keys 1–5 switch tabs.
import { Anchor, Group, Kbd, Skeleton, Stack, Tabs, Text, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCalendarEvent, IconFlag, IconGauge, IconMessages, IconQuestionMark, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { AccountHeader } from '../account/AccountHeader';
import { MilestonesTab } from '../account/milestones/MilestonesTab';
import { OverviewTab } from '../account/overview/OverviewTab';
import { SuccessPlanTab } from '../account/plan/SuccessPlanTab';
import { QbrsTab } from '../account/qbrs/QbrsTab';
import { QueryError } from '../account/QueryStates';
import { TouchpointsTab } from '../account/touchpoints/TouchpointsTab';
import { useAccountTabRoute } from '../account/use-account-route';
import { useToday } from '../account/use-today';
import { EmptyState } from '../components/EmptyState';
import { useQuery } from '../hooks/use-query';

const TABS = [
  { value: 'overview', label: 'Overview', icon: IconGauge },
  { value: 'milestones', label: 'Milestones', icon: IconFlag },
  { value: 'qbrs', label: 'QBRs', icon: IconCalendarEvent },
  { value: 'touchpoints', label: 'Touchpoints', icon: IconMessages },
  { value: 'plan', label: 'Success plan', icon: IconTargetArrow },
] as const;
type TabName = (typeof TABS)[number]['value'];

function NotFound({ id }: { id: number }) {
  return (
    <EmptyState
      testId="account-not-found"
      icon={IconQuestionMark}
      title="No such account"
      description={`There is no account #${id} in this book: it may have been removed with its import or the demo data.`}
      actions={<Anchor href="#/portfolio">Back to the portfolio</Anchor>}
    />
  );
}

export function AccountScreen({ id }: { id: number }) {
  const account = useQuery('accounts.get', { id });
  const today = useToday();
  const routeTab = useAccountTabRoute();
  const [tab, setTab] = useState<TabName>(routeTab ?? 'overview');
  // A link to a tab (a note found from Ctrl/⌘+K) switches to it, even when this account is already open: state
  // adjusted while rendering, as React advises for a prop that changed.
  const [linkedTab, setLinkedTab] = useState(routeTab);
  if (routeTab !== linkedTab) {
    setLinkedTab(routeTab);
    if (routeTab) setTab(routeTab);
  }
  useHotkeys(TABS.map((t, i) => [String(i + 1), () => setTab(t.value)]));

  if (account.error && !account.data) {
    if (account.error.code === 'not_found') return <NotFound id={id} />;
    return <QueryError title="Could not load the account" error={account.error} onRetry={account.refetch} />;
  }
  if (!account.data) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading the account">
        <Skeleton height={14} width={90} />
        <Skeleton height={32} width="40%" />
        <Skeleton height={70} />
        <Skeleton height={36} width="50%" />
        <Skeleton height={300} />
      </Stack>
    );
  }

  return (
    <Stack gap="md" data-testid="account-screen">
      <AccountHeader account={account.data} today={today} />
      <Tabs value={tab} onChange={(v) => setTab(TABS.find((t) => t.value === v)?.value ?? 'overview')} keepMounted={false}>
        <Tabs.List>
          {/* The key that opens a tab is a hint on hover, not a badge beside its name: a "2" there reads as a count. */}
          {TABS.map((t, i) => (
            <Tooltip
              key={t.value}
              openDelay={400}
              label={
                <Group gap={6} wrap="nowrap">
                  <Text span size="xs">
                    Press
                  </Text>
                  <Kbd size="xs">{i + 1}</Kbd>
                </Group>
              }
            >
              <Tabs.Tab value={t.value} leftSection={<t.icon size={16} />} aria-keyshortcuts={String(i + 1)} data-testid={`tab-${t.value}`}>
                {t.label}
              </Tabs.Tab>
            </Tooltip>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <OverviewTab accountId={id} onOpenTab={setTab} />
        </Tabs.Panel>
        <Tabs.Panel value="milestones" pt="md">
          <MilestonesTab accountId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="qbrs" pt="md">
          <QbrsTab accountId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="touchpoints" pt="md">
          <TouchpointsTab accountId={id} />
        </Tabs.Panel>
        <Tabs.Panel value="plan" pt="md">
          <SuccessPlanTab accountId={id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
