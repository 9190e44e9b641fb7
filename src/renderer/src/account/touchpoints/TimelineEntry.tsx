// One entry of the account's timeline: a touchpoint (with a support case's status and SLA, a campaign's feature
// and response) or a survey answer, with delete-with-undo, editing a touchpoint and, for an open case, closing it
// today.
import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { SurveyItem, TimelineItem, TouchpointItem } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { call } from '../../api/client';
import { useMutation } from '../../hooks/use-mutation';
import { plural, SURVEY_KIND_LABEL, SURVEY_RANGE, TOUCHPOINT_KIND_LABEL } from '../labels';
import { useState } from 'react';
import { DeleteButton, EditButton } from '../../components/ItemActions';
import { EditTouchpointModal } from './EditTouchpointModal';
import { ImportedBody } from './ImportedEntry';

function CaseBadges({ t, today }: { t: TouchpointItem; today: string }) {
  const close = useMutation('touchpoints.update', { errorTitle: 'Could not close the case', successMessage: 'Case closed.' });
  if (t.kind !== 'support_case') return null;
  return (
    <Group gap={4}>
      <Badge size="sm" color={t.caseStatus === 'open' ? 'orange' : 'gray'} variant="light" data-testid="case-status">
        {t.caseStatus === 'open' ? 'Open' : 'Closed'}
        {t.daysOpen !== null && ` · ${plural(t.daysOpen, 'day')}${t.caseStatus === 'open' ? ' open' : ''}`}
      </Badge>
      {t.caseStatus === 'closed' && t.resolved === false && (
        <Badge size="sm" color="red" variant="light">
          not resolved
        </Badge>
      )}
      {t.withinSla !== null && (
        <Badge size="sm" color={t.withinSla ? 'teal' : 'red'} variant="light" data-testid="case-sla">
          {t.withinSla ? 'within SLA' : 'SLA missed'}
        </Badge>
      )}
      {t.caseStatus === 'open' && (
        <Button size="compact-xs" variant="subtle" loading={close.running} onClick={() => void close.mutate({ id: t.id, caseStatus: 'closed', closedDate: today, resolved: true })}>
          Close today
        </Button>
      )}
    </Group>
  );
}

function TouchpointBody({ t, today }: { t: TouchpointItem; today: string }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t.title}
      </Text>
      <CaseBadges t={t} today={today} />
      {t.kind === 'campaign' && (
        <Group gap={4}>
          {t.featureName && (
            <Badge size="sm" variant="light" color="indigo">
              {t.featureName}
            </Badge>
          )}
          {t.responded !== null && (
            <Badge size="sm" variant="light" color={t.responded ? 'teal' : 'gray'}>
              {t.responded ? 'customer responded' : 'no response'}
            </Badge>
          )}
        </Group>
      )}
      {t.notes && (
        <Text size="sm" c="dimmed">
          {t.notes}
        </Text>
      )}
    </Stack>
  );
}

function SurveyBody({ s }: { s: SurveyItem }) {
  const range = SURVEY_RANGE[s.kind];
  const good = s.kind === 'nps' ? s.score >= 9 : s.score >= 4;
  const bad = s.kind === 'nps' ? s.score <= 6 : s.score <= 2;
  return (
    <Group gap="xs">
      <Text size="sm" fw={600}>
        {SURVEY_KIND_LABEL[s.kind]} answer
      </Text>
      <Badge color={good ? 'teal' : bad ? 'red' : 'yellow'} variant="light">
        {s.score} of {range.max}
      </Badge>
      <Text size="sm" c="dimmed">
        {s.userName ?? 'account-level answer'}
      </Text>
    </Group>
  );
}

function entryKindLabel(item: TimelineItem): string {
  return item.source === 'survey' ? `${SURVEY_KIND_LABEL[item.kind]} survey` : TOUCHPOINT_KIND_LABEL[item.kind];
}

function Body({ item, today }: { item: TimelineItem; today: string }) {
  if (item.source === 'survey') return <SurveyBody s={item} />;
  if (item.source === 'imported') return <ImportedBody item={item} />;
  return <TouchpointBody t={item} today={today} />;
}

export function TimelineEntry({ item, today }: { item: TimelineItem; today: string }) {
  const [editing, setEditing] = useState(false);
  const remove = () => (item.source === 'survey' ? call('surveys.delete', { id: item.id }) : call('touchpoints.delete', { id: item.id }));
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" data-testid="timeline-entry" data-kind={item.kind}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed">
          {formatDate(item.date)} · {entryKindLabel(item)}
        </Text>
        <Body item={item} today={today} />
      </Stack>
      {item.source !== 'imported' && (
        <Group gap={2} wrap="nowrap">
          {item.source === 'touchpoint' && <EditButton label={`Edit this ${entryKindLabel(item).toLowerCase()}`} onClick={() => setEditing(true)} testId="timeline-edit" />}
          <DeleteButton label={`Delete this ${entryKindLabel(item).toLowerCase()}`} remove={remove} testId="timeline-delete" />
        </Group>
      )}
      {editing && item.source === 'touchpoint' && <EditTouchpointModal touchpoint={item} onClose={() => setEditing(false)} />}
    </Group>
  );
}
