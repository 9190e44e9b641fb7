// One milestone on the timeline: its status (achieved on time, late, overdue, upcoming), target vs achieved,
// its TTV from contract start, and the actions (complete today, edit, delete with undo).
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { Milestone } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { call } from '../../api/client';
import { useMutation } from '../../hooks/use-mutation';
import { MILESTONE_KIND_LABEL, MILESTONE_STATUS, plural } from '../labels';
import { DeleteButton, EditButton } from '../../components/ItemActions';

function StatusNote({ m }: { m: Milestone }) {
  if (m.status === 'overdue' && m.daysLate !== null) {
    return (
      <Text size="sm" c="red" fw={600}>
        {plural(m.daysLate, 'day')} overdue
      </Text>
    );
  }
  if (m.status === 'achieved_late' && m.daysLate !== null) return <Text size="sm" c="orange">{plural(m.daysLate, 'day')} late</Text>;
  if (m.status === 'upcoming' && m.daysUntilDue !== null) {
    return <Text size="sm" c="dimmed">{m.daysUntilDue === 0 ? 'due today' : `due in ${plural(m.daysUntilDue, 'day')}`}</Text>;
  }
  return null;
}

export function MilestoneItem({ milestone: m, onEdit }: { milestone: Milestone; onEdit: () => void }) {
  const complete = useMutation('milestones.complete', {
    errorTitle: 'Could not complete the milestone',
    successMessage: (done) => `“${done.name}” achieved on ${formatDate(done.achievedDate)}.`,
  });
  const status = MILESTONE_STATUS[m.status];
  return (
    <Stack gap={4} data-testid="milestone" data-status={m.status} data-name={m.name}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs">
          <Text fw={600}>{m.name}</Text>
          {m.name !== MILESTONE_KIND_LABEL[m.kind] && (
            <Badge size="xs" variant="outline" color="gray">
              {MILESTONE_KIND_LABEL[m.kind]}
            </Badge>
          )}
          <Badge size="sm" color={status.color} variant={m.status === 'overdue' ? 'filled' : 'light'} data-testid="milestone-status">
            {status.label}
          </Badge>
          <StatusNote m={m} />
        </Group>
        <Group gap={4} wrap="nowrap">
          {!m.achievedDate && (
            <Button
              size="compact-xs"
              variant="light"
              color="teal"
              leftSection={<IconCheck size={14} />}
              loading={complete.running}
              onClick={() => void complete.mutate({ id: m.id })}
              data-testid="milestone-complete"
            >
              Complete today
            </Button>
          )}
          <EditButton label={`Edit ${m.name}`} onClick={onEdit} testId="milestone-edit" />
          <DeleteButton label={`Delete ${m.name}`} remove={() => call('milestones.delete', { id: m.id })} testId="milestone-delete" />
        </Group>
      </Group>
      <Text size="sm" c="dimmed" data-testid="milestone-dates">
        Target {formatDate(m.targetDate)} · Achieved {m.achievedDate ? formatDate(m.achievedDate) : 'not yet'}
        {m.achievedDate && m.achievedSource === 'usage' && (
          <span title="Marked from the usage data; a date you enter replaces it" data-testid="milestone-from-usage">
            {' '}
            (from usage)
          </span>
        )}
        {m.daysFromContractStart !== null && ` · day ${m.daysFromContractStart} of the contract`}
      </Text>
      {m.notes && <Text size="sm">{m.notes}</Text>}
    </Stack>
  );
}
