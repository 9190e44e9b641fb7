// Renewal likelihood (docs/METRICS.md, beyond the seeds): once enough outcomes of each kind are known and the model
// proves it can tell renewals from churns, this account's probability with its top drivers and the model's accuracy
// on later outcomes; else why there is no probability yet.
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
      ) : data.status !== 'ok' ? (
        <Stack gap={4} data-testid={data.status === 'not_enough_history' ? 'renewal-not-enough' : 'renewal-not-predictive'}>
          <Text size="sm" c="dimmed">
            {data.message}
          </Text>
          <Text size="xs" c="dimmed">
            {data.status === 'not_enough_history'
              ? `Recorded so far: ${data.renewed} renewed, ${data.churned} churned. Record outcomes with "Record renewal" or import a renewals file.`
              : `Fitted on ${data.renewed} renewed and ${data.churned} churned outcomes; Brier score ${data.brier === null ? 'not measurable' : data.brier.toFixed(2)}.`}
          </Text>
        </Stack>
      ) : (
        (() => {
          const mine = data.accounts.find((a) => a.id === accountId);
          if (!mine) {
            return (
              <Text size="sm" c="dimmed">
                No prediction for this account: it is a former customer, or has no health components to predict from.
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
                  explanation={`A logistic model fitted on ${data.renewed + data.churned} of your renewal outcomes (${data.renewed} renewed, ${data.churned} churned) from the health components 30 days before each; more of any component never lowers the odds.`}
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
                  <Text span c={d.effect === 'raises' ? 'teal' : 'red'} fw={500}>
                    {d.effect} the odds
                  </Text>
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                Accuracy on later outcomes: AUC {data.auc === null ? 'not measurable' : data.auc.toFixed(2)}
                {data.aucInterval ? ` (90 % interval ${data.aucInterval[0].toFixed(2)}–${data.aucInterval[1].toFixed(2)})` : ''}, Brier score{' '}
                {data.brier === null ? 'not measurable' : data.brier.toFixed(2)} ({data.folds} time-ordered folds; AUC 0.5 is chance, 1 is perfect).
              </Text>
            </Stack>
          );
        })()
      )}
    </Paper>
  );
}
