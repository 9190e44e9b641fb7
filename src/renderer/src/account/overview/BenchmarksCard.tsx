// Benchmarks from renewals (docs/METRICS.md, seed 003): each metric against the accounts that renewed, at the same
// lifecycle age; below their 25th percentile is flagged, with the comparison sentence main wrote.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { COMPONENT_LABELS, type MethodOutput } from '../../../../shared/contract';
import { formatCount, formatPercent } from '../../../../shared/format';
import { useQuery } from '../../hooks/use-query';
import { CardSkeleton, QueryError } from '../QueryStates';

type Comparison = MethodOutput<'benchmarks.account'>['comparisons'][number];

const METRIC_LABEL: Record<Comparison['metric'], string> = {
  score: 'Health score',
  ...COMPONENT_LABELS,
  licenseUtilization: 'License utilization',
};

function value(c: Comparison): string {
  if (c.value === null) return 'no data';
  return c.metric === 'licenseUtilization' ? formatPercent(c.value) : formatCount(c.value);
}

export function BenchmarksCard({ accountId }: { accountId: number }) {
  const bench = useQuery('benchmarks.account', { id: accountId });
  const data = bench.data;
  return (
    <Paper withBorder p="md" radius="md" data-testid="benchmarks">
      <Title order={4}>Benchmarks vs renewed accounts</Title>
      {bench.error && !data ? (
        <QueryError title="Could not load benchmarks" error={bench.error} onRetry={bench.refetch} />
      ) : !data ? (
        <CardSkeleton lines={5} />
      ) : (
        <>
          <Text size="xs" c="dimmed" mb="xs">
            {data.lifecycleAgeDays === null
              ? 'No contract start, so no lifecycle age to compare at.'
              : `Compared at the same lifecycle age (${formatCount(data.lifecycleAgeDays)} days into the term) with ${formatCount(data.renewedOutcomes)} renewals on record.`}
          </Text>
          {data.comparisons.every((c) => c.distribution === null) ? (
            <Text size="sm" c="dimmed">
              Not enough renewed accounts at this age to compare with yet. Import renewal outcomes from your CRM to build the benchmarks.
            </Text>
          ) : (
            <Stack gap={6}>
              {data.comparisons.map((c) => (
                <div key={c.metric} data-testid="benchmark" data-flagged={c.flagged === true}>
                  <Group gap={6} wrap="nowrap">
                    {c.flagged && <IconAlertTriangle size={14} color="var(--mantine-color-red-6)" />}
                    <Text size="sm" fw={c.flagged ? 600 : 500} c={c.flagged ? 'red' : undefined}>
                      {METRIC_LABEL[c.metric]}: {value(c)}
                    </Text>
                    {c.flagged && (
                      <Badge size="xs" color="red" variant="light">
                        below renewed accounts
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {c.comparison}
                  </Text>
                </div>
              ))}
            </Stack>
          )}
        </>
      )}
    </Paper>
  );
}
