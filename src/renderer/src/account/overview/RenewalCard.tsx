// Renewal likelihood (docs/METRICS.md, beyond the seeds): once enough outcomes are known, a model fitted on past
// renewals gives this account's probability with its top drivers, and says how accurate it was on held-back ones.
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { COMPONENT_LABELS } from '../../../../shared/contract';
import { formatPercent } from '../../../../shared/format';
import { useQuery } from '../../hooks/use-query';
import { Explained } from '../Explained';
import { CardSkeleton, QueryError } from '../QueryStates';

export function RenewalCard({ accountId }: { accountId: number }) {
  const likelihood = useQuery('renewal.likelihood', { id: accountId });
  const data = likelihood.data;
  return (
    <Paper withBorder p="md" radius="md" data-testid="renewal-likelihood">
      <Title order={4} mb="xs">
        Renewal likelihood
      </Title>
      {likelihood.error && !data ? (
        <QueryError title="Could not load the renewal likelihood" error={likelihood.error} onRetry={likelihood.refetch} />
      ) : !data ? (
        <CardSkeleton lines={3} />
      ) : data.status === 'not_enough_history' ? (
        <Text size="sm" c="dimmed" data-testid="renewal-not-enough">
          Not enough history: {data.outcomes} of {data.needed} renewal outcomes. {data.message}
        </Text>
      ) : (
        (() => {
          const mine = data.accounts.find((a) => a.id === accountId);
          if (!mine) {
            return (
              <Text size="sm" c="dimmed">
                No prediction for this account: it has no open renewal or no health components to predict from.
              </Text>
            );
          }
          return (
            <Stack gap={6}>
              <Group gap="xs" align="baseline">
                <Explained
                  size="xl"
                  fw={700}
                  testId="renewal-probability"
                  explanation={`A logistic model fitted on ${data.outcomes} past renewal outcomes (${data.renewed} renewed, ${data.churned} churned) from the health components.`}
                >
                  {formatPercent(mine.probability)}
                </Explained>
                <Text size="sm" c="dimmed">
                  chance of renewing
                </Text>
              </Group>
              <Text size="sm" fw={600}>
                Top drivers
              </Text>
              {mine.drivers.map((d) => (
                <Text key={d.component} size="sm">
                  {COMPONENT_LABELS[d.component]} {d.value === null ? '(no data)' : Math.round(d.value)}:{' '}
                  <Text span c={d.effect >= 0 ? 'teal' : 'red'} fw={500}>
                    {d.effect >= 0 ? 'raises' : 'lowers'} the odds
                  </Text>
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                Model accuracy on held-back outcomes: AUC {data.auc === null ? 'not measurable' : data.auc.toFixed(2)} ({data.folds}-fold
                cross-validation; 0.5 is chance, 1 is perfect).
              </Text>
            </Stack>
          );
        })()
      )}
    </Paper>
  );
}
