import { Group, Loader, Stack, Table, Text } from '@mantine/core';
import { formatDelta, formatScore, statusLook } from './health-status';
import { useQuery } from '../hooks/use-query';

/**
 * Why an account has its score: each component's score and the points it adds, the rules that capped or forced
 * the status, and what was left out for lack of data (docs/METRICS.md, Health: "no number in the UI is unexplained").
 * Read lazily from 'health.account' when the CSM hovers a score: the portfolio's rows carry only the score.
 */
export function HealthExplanation({ accountId, asOf }: { accountId: number; asOf: string }) {
  const health = useQuery('health.account', { id: accountId, asOf });
  if (health.error) {
    return (
      <Text size="sm" c="red">
        Could not explain this score: {health.error.message}
      </Text>
    );
  }
  const h = health.data;
  if (!h) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Reading the score’s drivers…
        </Text>
      </Group>
    );
  }
  const look = statusLook(h.status);
  const delta = formatDelta(h.trend.previousScore, h.score);
  const components = [...h.components].sort((a, b) => (b.contribution ?? -1) - (a.contribution ?? -1));
  return (
    <Stack gap="xs" data-testid="health-explanation">
      <Text size="sm" fw={600}>
        Health {formatScore(h.score)} · {look.label}
        {delta && (
          <Text span size="sm" c="dimmed" fw={400}>
            {' '}
            ({delta} in {h.trend.days} days)
          </Text>
        )}
      </Text>
      {h.score === null ? (
        <Text size="sm">No component has data yet, so there is no score.</Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={6} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Component</Table.Th>
              <Table.Th ta="right">Score</Table.Th>
              <Table.Th ta="right">Weight</Table.Th>
              <Table.Th ta="right">Adds</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {components.map((c) => (
              <Table.Tr key={c.name} c={c.score === null ? 'dimmed' : undefined}>
                <Table.Td>{c.label}</Table.Td>
                <Table.Td ta="right">{c.score === null ? 'no data' : formatScore(c.score)}</Table.Td>
                <Table.Td ta="right">{c.weight}</Table.Td>
                <Table.Td ta="right">{c.contribution === null ? '—' : `+${c.contribution.toFixed(1)}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {h.leftOut.length > 0 && (
        <Text size="xs" c="dimmed">
          Left out for lack of data, the other weights rescaled: {h.leftOut.join(', ')}.
        </Text>
      )}
      {h.rules.map((rule) => (
        <Text key={rule.id} size="xs" c={rule.effect === 'force_red' ? 'red' : 'yellow.8'}>
          Rule: {rule.reason}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        Open the account for the facts behind each component.
      </Text>
    </Stack>
  );
}
