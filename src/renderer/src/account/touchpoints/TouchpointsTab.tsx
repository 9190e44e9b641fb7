// The account's timeline: calls, emails, meetings, support cases, campaigns and survey answers, newest first,
// with quick entry on top. Paged, since a long relationship has hundreds of entries.
import { Button, Center, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import {
  IconChartDots,
  IconLifebuoy,
  IconMail,
  IconMessages,
  IconMoodSmile,
  IconPhone,
  IconSchool,
  IconSpeakerphone,
  IconStar,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { TimelineItem } from '../../../../shared/contract';
import { formatCount, plural } from '../../../../shared/format';
import { EmptyState } from '../../components/EmptyState';
import { useQuery } from '../../hooks/use-query';
import { CardSkeleton, QueryError } from '../QueryStates';
import { useToday } from '../use-today';
import { QuickEntry } from './QuickEntry';
import { SurveyEntry } from './SurveyEntry';
import { TimelineEntry } from './TimelineEntry';

const PAGE = 50;

const ICON: Record<TimelineItem['kind'], { icon: Icon; color: string }> = {
  call: { icon: IconPhone, color: 'blue' },
  email: { icon: IconMail, color: 'cyan' },
  meeting: { icon: IconUsers, color: 'indigo' },
  support_case: { icon: IconLifebuoy, color: 'orange' },
  campaign: { icon: IconSpeakerphone, color: 'grape' },
  nps: { icon: IconMoodSmile, color: 'teal' },
  csat: { icon: IconStar, color: 'yellow' },
  proficiency: { icon: IconSchool, color: 'lime' },
};

export function TouchpointsTab({ accountId }: { accountId: number }) {
  const [limit, setLimit] = useState(PAGE);
  const list = useQuery('touchpoints.list', { accountId, limit });
  const today = useToday();
  const items = list.data?.items;

  return (
    <Stack gap="md">
      <QuickEntry accountId={accountId} today={today} />
      <SurveyEntry accountId={accountId} today={today} />
      {list.error && !items ? (
        <QueryError title="Could not load the timeline" error={list.error} onRetry={list.refetch} />
      ) : !items ? (
        <CardSkeleton lines={8} />
      ) : items.length === 0 ? (
        <EmptyState
          testId="touchpoints-empty"
          icon={IconMessages}
          title="No touchpoints yet"
          description="Press N and type what happened: calls, emails, meetings and support cases build the relationship score."
        />
      ) : (
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="md">
            <Text size="sm" c="dimmed" data-testid="timeline-count">
              {formatCount(items.length)} of {plural(list.data?.total ?? items.length, 'entry', 'entries')}
            </Text>
            <Group gap={4}>
              <IconChartDots size={14} />
              <Text size="xs" c="dimmed">
                Touchpoints and survey answers feed the relationship and satisfaction components of health.
              </Text>
            </Group>
          </Group>
          <Timeline active={items.length - 1} bulletSize={26} lineWidth={2} data-testid="touchpoint-timeline">
            {items.map((item) => {
              const { icon: KindIcon, color } = ICON[item.kind];
              return (
                <Timeline.Item key={item.key} color={color} bullet={<KindIcon size={14} />}>
                  <TimelineEntry item={item} today={today} />
                </Timeline.Item>
              );
            })}
          </Timeline>
          {(list.data?.total ?? 0) > items.length && (
            <Center mt="md">
              <Button variant="default" size="xs" onClick={() => setLimit((n) => n + PAGE)}>
                Show {PAGE} more
              </Button>
            </Center>
          )}
        </Paper>
      )}
    </Stack>
  );
}
