// The account's overview: its story in sentences, health and its drivers, usage and health trends with one range switch, feature adoption,
// the Adoption card (rates, stickiness, engagement, the adoption curve), coverage, benchmarks, renewal likelihood and
// recommendations. Each card loads and fails on its own.
import { Grid, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useQuery } from '../../hooks/use-query';
import { CardSkeleton, QueryError } from '../QueryStates';
import { AdoptionCard } from './AdoptionCard';
import { BenchmarksCard } from './BenchmarksCard';
import { CoverageCard } from './CoverageCard';
import { FeatureAdoptionCard } from './FeatureAdoptionCard';
import { HealthCard } from './HealthCard';
import { HealthChart } from './HealthChart';
import { RANGES, rangeFor } from './ranges';
import { RecommendationsCard } from './RecommendationsCard';
import { RenewalCard } from './RenewalCard';
import { StakeholdersCard } from './StakeholdersCard';
import { sectionId, StoryCard, type AccountTab } from './StoryCard';
import { UsageChart } from './UsageChart';

function Loading({ lines = 5, height }: { lines?: number; height?: number }) {
  return (
    <Paper withBorder p="md" radius="md">
      <CardSkeleton lines={lines} height={height} />
    </Paper>
  );
}

export function OverviewTab({ accountId, onOpenTab }: { accountId: number; onOpenTab: (tab: AccountTab) => void }) {
  const [rangeValue, setRangeValue] = useState('90');
  const range = rangeFor(rangeValue);
  const health = useQuery('health.account', { id: accountId });
  const metrics = useQuery('metrics.account', { id: accountId });
  const settings = useQuery('settings.get', {});
  const definitions = useQuery('health.settings.get', {});
  const keyFeatures = (settings.data?.features ?? []).filter((f) => f.isKey).map((f) => f.name);

  return (
    <Grid gap="md">
      <Grid.Col span={12}>
        <StoryCard accountId={accountId} onOpenTab={onOpenTab} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }} id={sectionId('health')} tabIndex={-1}>
        {health.data ? (
          <HealthCard health={health.data} />
        ) : health.error ? (
          <QueryError title="Could not load the health score" error={health.error} onRetry={health.refetch} />
        ) : (
          <Loading lines={8} />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="md">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              Trends
            </Text>
            <SegmentedControl
              size="xs"
              value={range.value}
              onChange={setRangeValue}
              data={RANGES.map((r) => ({ value: r.value, label: r.label }))}
              aria-label="Chart range"
              data-testid="range-switch"
            />
          </Group>
          <div id={sectionId('usage')} tabIndex={-1}>
            <UsageChart accountId={accountId} range={range} />
          </div>
          {health.data ? (
            <HealthChart history={health.data.history} asOf={health.data.asOf} range={range} />
          ) : (
            !health.error && <Loading height={200} />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="md">
          <div id={sectionId('stakeholders')} tabIndex={-1}>
            <StakeholdersCard accountId={accountId} />
          </div>
          <RecommendationsCard accountId={accountId} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }} id={sectionId('adoption')} tabIndex={-1}>
        {metrics.data ? (
          <FeatureAdoptionCard metrics={metrics.data} features={settings.data?.features ?? []} />
        ) : metrics.error ? (
          <QueryError title="Could not load the account’s metrics" error={metrics.error} onRetry={metrics.refetch} />
        ) : (
          <Loading lines={6} />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        {metrics.data && definitions.data ? (
          <AdoptionCard metrics={metrics.data} definitions={definitions.data.settings} keyFeatures={keyFeatures} />
        ) : definitions.error ? (
          <QueryError title="Could not load the adoption definitions" error={definitions.error} onRetry={definitions.refetch} />
        ) : (
          !metrics.error && <Loading lines={8} />
        )}
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="md">
          {metrics.data ? <CoverageCard metrics={metrics.data} /> : !metrics.error && <Loading />}
          <BenchmarksCard accountId={accountId} />
          <div id={sectionId('renewal')} tabIndex={-1}>
            <RenewalCard accountId={accountId} />
          </div>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
