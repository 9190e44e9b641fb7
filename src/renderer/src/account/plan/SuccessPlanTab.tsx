// The success plan (issue #14, point 5): the sales handoff facts, then the desired outcomes, each with its KPI
// (baseline → latest QBR value → target), target date, status and the milestones it depends on. QBRs record the
// KPI's value (QBR form); the QBR deck opens with these outcomes.
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import type { Outcome } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { call } from '../../api/client';
import { DeleteButton, EditButton } from '../../components/ItemActions';
import { EmptyState } from '../../components/EmptyState';
import { useQuery } from '../../hooks/use-query';
import { CardSkeleton, QueryError } from '../QueryStates';
import { HandoffCard } from './HandoffCard';
import { OutcomeModal } from './OutcomeModal';
import { kpiValue, OUTCOME_STATUS_COLOR, OUTCOME_STATUS_LABEL } from './plan-labels';

type Editing = { outcome?: Outcome } | null;

export function SuccessPlanTab({ accountId }: { accountId: number }) {
  const plan = useQuery('successPlan.get', { accountId });
  const milestones = useQuery('milestones.list', { accountId });
  const [editing, setEditing] = useState<Editing>(null);

  if (plan.error && !plan.data) return <QueryError title="Could not load the success plan" error={plan.error} onRetry={plan.refetch} />;
  if (!plan.data) return <CardSkeleton lines={8} />;
  const names = new Map((milestones.data?.items ?? []).map((m) => [m.id, m.name]));
  const { handoff, outcomes } = plan.data;
  const add = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})} data-testid="outcome-add">
      Add outcome
    </Button>
  );

  return (
    <Stack gap="md" data-testid="success-plan">
      <HandoffCard handoff={handoff} />
      {outcomes.length === 0 ? (
        <EmptyState
          testId="success-plan-empty"
          icon={IconTargetArrow}
          title="No desired outcomes yet"
          description="From the sales handoff, write what the customer wants to achieve, the KPI that shows it (where it starts and the target) and by when. Link the milestones it depends on; each QBR then records the KPI's value."
          actions={add}
        />
      ) : (
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={4}>Desired outcomes</Title>
            {add}
          </Group>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" data-testid="outcome-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>Baseline → latest → target</Table.Th>
                  <Table.Th>Target date</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th aria-label="Actions" />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {outcomes.map((o) => (
                  <Table.Tr key={o.id} data-testid="outcome-row">
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {o.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {o.kpiName}
                        {o.milestoneIds.length > 0 && ` · milestones: ${o.milestoneIds.map((id) => names.get(id) ?? `#${id}`).join(', ')}`}
                      </Text>
                    </Table.Td>
                    <Table.Td data-testid="outcome-kpi-path">
                      <Text size="sm">
                        {kpiValue(o.baseline, o.kpiUnit)} → <b>{kpiValue(o.latest?.value ?? null, o.kpiUnit)}</b> → {kpiValue(o.target, o.kpiUnit)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {o.latest ? `latest from the QBR of ${formatDate(o.latest.qbrDate)}${o.latest.note ? `: ${o.latest.note}` : ''}` : 'no QBR has measured it yet'}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDate(o.targetDate)}</Text>
                    </Table.Td>
                    {/* Wide enough for "Not started" in full at 1024 px. */}
                    <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 130 }}>
                      <Badge variant="light" color={OUTCOME_STATUS_COLOR[o.status]} style={{ overflow: 'visible' }}>
                        {OUTCOME_STATUS_LABEL[o.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <EditButton label={`Edit ${o.title}`} onClick={() => setEditing({ outcome: o })} testId="outcome-edit" />
                        <DeleteButton label={`Delete ${o.title}`} remove={() => call('successPlan.outcomes.delete', { id: o.id })} testId="outcome-delete" />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <OutcomeModal opened={editing !== null} accountId={accountId} outcome={editing?.outcome} milestones={milestones.data?.items ?? []} onClose={() => setEditing(null)} />
    </Stack>
  );
}
