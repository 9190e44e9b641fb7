// One logged QBR: when, who came, what was reviewed and agreed, how the customer responded, and its action items.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Qbr } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { call } from '../../api/client';
import { DeleteButton, EditButton } from '../../components/ItemActions';
import { ActionItemsTable } from './ActionItemsTable';
import { RESPONSE_COLOR, RESPONSE_LABEL } from './response';

function Field({ label, value }: { label: string; value: string | null }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" c={value ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {value ?? 'Not recorded'}
      </Text>
    </div>
  );
}

export function QbrCard({ qbr, onEdit }: { qbr: Qbr; onEdit: () => void }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid="qbr" data-date={qbr.date}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Title order={4}>QBR of {formatDate(qbr.date)}</Title>
            <Badge color={RESPONSE_COLOR[qbr.customerResponse]} variant="light">
              {RESPONSE_LABEL[qbr.customerResponse]}
            </Badge>
          </Group>
          <Group gap={4}>
            <EditButton label={`Edit the QBR of ${formatDate(qbr.date)}`} onClick={onEdit} />
            <DeleteButton label={`Delete the QBR of ${formatDate(qbr.date)}`} remove={() => call('qbrs.delete', { id: qbr.id })} testId="qbr-delete" />
          </Group>
        </Group>
        <Group gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mr={4}>
            Attendees
          </Text>
          {qbr.attendees.length === 0 ? (
            <Text size="sm" c="dimmed">
              Not recorded
            </Text>
          ) : (
            qbr.attendees.map((a) => (
              <Badge key={a} variant="outline" color="gray" tt="none">
                {a}
              </Badge>
            ))
          )}
        </Group>
        <Group grow align="flex-start">
          <Field label="Goals reviewed" value={qbr.goalsReviewed} />
          <Field label="Outcomes" value={qbr.outcomes} />
        </Group>
        <ActionItemsTable qbrId={qbr.id} items={qbr.actionItems} />
      </Stack>
    </Paper>
  );
}
