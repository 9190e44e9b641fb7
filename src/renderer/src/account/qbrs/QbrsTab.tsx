// The QBR log, newest first, under the next QBR's suggested date (from the cadence setting) and the open action
// items that will carry over to it.
import { Badge, Button, Group, Kbd, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCalendarEvent, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { MethodOutput, Qbr } from '../../../../shared/contract';
import { formatDate, formatDaysFrom } from '../../../../shared/format';
import { EmptyState } from '../../components/EmptyState';
import { useQuery } from '../../hooks/use-query';
import { Explained } from '../Explained';
import { plural } from '../labels';
import { CardSkeleton, QueryError } from '../QueryStates';
import { LogQbrModal } from './LogQbrModal';
import { QbrCard } from './QbrCard';

type Suggestion = MethodOutput<'qbrs.nextSuggestion'>;

const BASIS: Record<Suggestion['basis'], string> = {
  scheduled: 'a QBR is already logged for that date',
  last_qbr: 'the last QBR plus the cadence',
  contract_start: 'the contract start plus the cadence (no QBR logged yet)',
  today: 'today (no QBR or contract start on record)',
};

function NextQbr({ suggestion, onLog }: { suggestion: Suggestion; onLog: () => void }) {
  const open = suggestion.openActionItems;
  return (
    <Paper withBorder p="md" radius="md" data-testid="next-qbr">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} flex={1}>
          <Group gap="xs">
            <Title order={4}>Next QBR</Title>
            {suggestion.overdue && <Badge color="red">overdue</Badge>}
          </Group>
          <Group gap={6}>
            <Text size="sm">{suggestion.basis === 'scheduled' ? 'Scheduled for' : 'Suggested'}</Text>
            <Explained
              fw={600}
              testId="next-qbr-date"
              explanation={`From ${BASIS[suggestion.basis]}. QBR cadence: every ${suggestion.cadenceDays} days (Settings). Last QBR: ${formatDate(suggestion.lastQbrDate)}.`}
            >
              {formatDate(suggestion.suggestedDate)}
            </Explained>
            <Text size="sm" c={suggestion.overdue ? 'red' : 'dimmed'}>
              ({formatDaysFrom(suggestion.suggestedDate, suggestion.asOf)})
            </Text>
          </Group>
          <Text size="sm" c="dimmed" data-testid="open-action-items">
            {open.length === 0 ? 'No open action items to carry over.' : `${plural(open.length, 'open action item')} will carry over: ${open.map((i) => i.text).join(' · ')}`}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">N</Kbd> new
          </Text>
          <Button leftSection={<IconPlus size={16} />} onClick={onLog} data-testid="log-qbr">
            Log QBR
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

export function QbrsTab({ accountId }: { accountId: number }) {
  const list = useQuery('qbrs.list', { accountId });
  const suggestion = useQuery('qbrs.nextSuggestion', { accountId });
  const [editing, setEditing] = useState<{ qbr?: Qbr } | null>(null);
  useHotkeys([['n', () => setEditing({})]]);

  const modal = (
    <LogQbrModal opened={editing !== null} accountId={accountId} qbr={editing?.qbr} suggestion={suggestion.data} onClose={() => setEditing(null)} />
  );
  if (list.error && !list.data) return <QueryError title="Could not load the QBRs" error={list.error} onRetry={list.refetch} />;
  if (!list.data) return <CardSkeleton lines={8} />;

  // Newest first, whatever order main answers in.
  const qbrs = [...list.data.items].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return (
    <Stack gap="md">
      {suggestion.data && <NextQbr suggestion={suggestion.data} onLog={() => setEditing({})} />}
      {qbrs.length === 0 ? (
        <EmptyState
          testId="qbrs-empty"
          icon={IconCalendarEvent}
          title="No QBRs logged yet"
          description="Log the last business review with its goals, outcomes and action items; open items carry over to the next one."
          actions={
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})}>
              Log a QBR
            </Button>
          }
        />
      ) : (
        qbrs.map((q) => <QbrCard key={q.id} qbr={q} onEdit={() => setEditing({ qbr: q })} />)
      )}
      {modal}
    </Stack>
  );
}
