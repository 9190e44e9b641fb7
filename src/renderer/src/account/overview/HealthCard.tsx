// The health score with everything that explains it (docs/METRICS.md, Health): each component's score, weight and
// contribution with its facts, the components left out and why, the rules that capped or forced the status, and
// the change since the snapshot a month before.
import { Alert, Badge, Group, List, Paper, RingProgress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import type { MethodOutput } from '../../../../shared/contract';
import { changeBetween, formatChange } from '../../../../shared/change';
import { formatDate, formatPercent } from '../../../../shared/format';
import { Explained } from '../Explained';
import { STATUS_COLOR, STATUS_LABEL } from '../labels';

type Health = MethodOutput<'health.account'>;

const EFFECT_LABEL: Record<Health['rules'][number]['effect'], string> = {
  force_red: 'forces red',
  force_yellow: 'forces yellow',
  cap_yellow: 'caps at yellow',
};

function one(n: number | null): string {
  return n === null ? '—' : n.toFixed(1).replace(/\.0$/, '');
}

function Trend({ trend, score }: { trend: Health['trend']; score: number | null }) {
  // The change of the two scores as shown here (whole, as in the ring), so "67, +8 since …" adds up with the earlier 59.
  const delta = changeBetween(trend.previousScore, score, 0);
  if (delta === null) return <Text size="sm" c="dimmed">No score {trend.days} days ago to compare with</Text>;
  const color = delta > 0 ? 'teal' : delta < 0 ? 'red' : 'dimmed';
  return (
    <Explained
      c={color}
      fw={600}
      testId="health-trend"
      explanation={`This score minus the score ${trend.days} days earlier (${trend.previousScore === null ? '—' : Math.round(trend.previousScore)}).`}
    >
      {`${formatChange(delta)} since ${trend.days} days ago`}
    </Explained>
  );
}

function DriversTable({ health }: { health: Health }) {
  const scored = health.components.filter((c) => c.score !== null);
  return (
    <Table verticalSpacing={6} fz="sm" data-testid="health-drivers">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Component</Table.Th>
          <Table.Th ta="right">Score</Table.Th>
          <Table.Th ta="right">Weight</Table.Th>
          <Table.Th ta="right">Contribution</Table.Th>
          <Table.Th>Why</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {scored.map((c) => (
          <Table.Tr key={c.name} data-testid="health-driver" data-component={c.name}>
            <Table.Td fw={500}>{c.label}</Table.Td>
            <Table.Td ta="right" data-cell="score">
              {one(c.score)}
            </Table.Td>
            <Table.Td ta="right" data-cell="weight">
              <Tooltip label={`Configured weight ${c.weight}; ${formatPercent(c.share ?? 0)} of the weights with data`}>
                <span>{c.weight}</span>
              </Tooltip>
            </Table.Td>
            <Table.Td ta="right" data-cell="contribution">
              {one(c.contribution)}
            </Table.Td>
            <Table.Td>
              {c.facts.length > 0 ? (
                c.facts.map((f) => (
                  <Text key={f} size="xs">
                    {f}
                  </Text>
                ))
              ) : (
                <Text size="xs" c="dimmed">
                  From the daily snapshot: facts are shown for today’s score only.
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function HealthCard({ health }: { health: Health }) {
  const status = health.status;
  const color = status ? STATUS_COLOR[status] : 'gray';
  const leftOut = health.components.filter((c) => c.score === null);
  return (
    <Paper withBorder p="md" radius="md" data-testid="health-card">
      <Group align="flex-start" gap="lg" wrap="nowrap">
        <Stack align="center" gap={4} miw={120}>
          <RingProgress
            size={110}
            thickness={10}
            roundCaps
            sections={health.score === null ? [] : [{ value: health.score, color }]}
            label={
              <Text ta="center" fw={700} size="xl" data-testid="health-score">
                {health.score === null ? '—' : Math.round(health.score)}
              </Text>
            }
          />
          {status ? (
            <Badge color={color} data-testid="health-status">
              {STATUS_LABEL[status]}
            </Badge>
          ) : (
            <Badge color="gray">No data</Badge>
          )}
        </Stack>
        <Stack gap="xs" flex={1}>
          <Group justify="space-between">
            <Title order={4}>Health</Title>
            <Text size="xs" c="dimmed">
              as of {formatDate(health.asOf)}
            </Text>
          </Group>
          <Trend trend={health.trend} score={health.score} />
          <Text size="xs" c="dimmed">
            The score is the weighted mean of the component scores below; each contribution is score × its share of the weights.
          </Text>
          {health.rules.length > 0 && (
            <Alert variant="light" color={health.status === 'red' ? 'red' : 'yellow'} icon={<IconGavel size={18} />} title="Rules applied" p="xs">
              <List size="sm" spacing={2} data-testid="health-rules">
                {health.rules.map((r) => (
                  <List.Item key={r.id}>
                    <b>{EFFECT_LABEL[r.effect]}</b>: {r.reason}
                  </List.Item>
                ))}
              </List>
              {health.scoreStatus && health.scoreStatus !== health.status && (
                <Text size="xs" mt={4}>
                  The score alone would be {STATUS_LABEL[health.scoreStatus].toLowerCase()}.
                </Text>
              )}
            </Alert>
          )}
        </Stack>
      </Group>
      {health.components.some((c) => c.score !== null) ? (
        <DriversTable health={health} />
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          No component has data yet: import usage, log touchpoints or survey answers to score this account.
        </Text>
      )}
      {leftOut.length > 0 && (
        <Stack gap={2} mt="xs" data-testid="health-left-out">
          <Text size="xs" fw={600}>
            Left out (no data; the other weights are rescaled):
          </Text>
          {leftOut.map((c) => (
            <Text key={c.name} size="xs" c="dimmed">
              {c.label}: {c.noDataReason ?? 'no data'}
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
