// TTV milestones (docs/METRICS.md, seed 003) on a timeline, target vs achieved; overdue ones stand out in red. The
// TTV figures above the timeline are the days from contract start to each value milestone.
import { Alert, Button, Group, Kbd, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconClock, IconFlag, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { MilestoneKind, type Milestone, type MilestoneStatus } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { EmptyState } from '../../components/EmptyState';
import { useQuery } from '../../hooks/use-query';
import { Explained } from '../Explained';
import { MILESTONE_STATUS, plural } from '../labels';
import { CardSkeleton, QueryError } from '../QueryStates';
import { MilestoneItem } from './MilestoneItem';
import { MilestoneModal } from './MilestoneModal';

const BULLET: Record<MilestoneStatus, typeof IconCheck> = {
  achieved_on_time: IconCheck,
  achieved_late: IconCheck,
  overdue: IconAlertTriangle,
  upcoming: IconClock,
};

type Editing = { milestone?: Milestone } | null;

function TtvFigure({ label, days, what }: { label: string; days: number | null; what: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      {days === null ? (
        <Text size="sm" c="dimmed">
          not yet
        </Text>
      ) : (
        <Explained fw={600} explanation={`Achieved date of ${what} minus the contract start, in days.`}>
          {plural(days, 'day')}
        </Explained>
      )}
    </Stack>
  );
}

export function MilestonesTab({ accountId }: { accountId: number }) {
  const list = useQuery('milestones.list', { accountId });
  const [editing, setEditing] = useState<Editing>(null);
  useHotkeys([['n', () => setEditing({})]]);

  const items = list.data?.items ?? [];
  const present = new Set(items.map((m) => m.kind));
  const defaultKind = MilestoneKind.options.find((k) => k !== 'custom' && !present.has(k)) ?? 'custom';
  const modal = (
    <MilestoneModal
      opened={editing !== null}
      accountId={accountId}
      milestone={editing?.milestone}
      defaultKind={defaultKind}
      onClose={() => setEditing(null)}
    />
  );

  if (list.error && !list.data) return <QueryError title="Could not load the milestones" error={list.error} onRetry={list.refetch} />;
  if (!list.data) return <CardSkeleton lines={8} />;

  if (items.length === 0) {
    return (
      <>
        <EmptyState
          testId="milestones-empty"
          icon={IconFlag}
          title="No milestones yet"
          description="Add kickoff and basic value targets to track time to value. Press N to add one."
          actions={
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})} data-testid="milestone-add">
              Add a milestone
            </Button>
          }
        />
        {modal}
      </>
    );
  }

  const { ttv, overdue, contractStart } = list.data;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Group gap="xl">
          <TtvFigure label="Time to basic value" days={ttv.basicValueDays} what="basic value" />
          <TtvFigure label="Time to exceeded value" days={ttv.exceededValueDays} what="exceeded value" />
          <TtvFigure label="Onboarding took" days={ttv.onboardingDays} what="onboarding complete" />
          <TtvFigure label="First key action" days={ttv.firstKeyActionDays} what="the first key action" />
        </Group>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">N</Kbd> new
          </Text>
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})} data-testid="milestone-add">
            Add milestone
          </Button>
        </Group>
      </Group>
      {overdue > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="milestones-overdue">
          {plural(overdue, 'milestone is', 'milestones are')} past the target date and not achieved.
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="md">
          Timeline{' '}
          <Text span size="sm" c="dimmed" fw={400}>
            from contract start {formatDate(contractStart)}
          </Text>
        </Title>
        {/* Every item "active", so each bullet takes its status colour rather than the inactive grey. */}
        <Timeline active={items.length - 1} bulletSize={24} lineWidth={2} data-testid="milestone-timeline">
          {items.map((m) => {
            const Bullet = BULLET[m.status];
            return (
              <Timeline.Item key={m.id} color={MILESTONE_STATUS[m.status].color} bullet={<Bullet size={14} />} lineVariant={m.achievedDate ? 'solid' : 'dashed'}>
                <MilestoneItem milestone={m} onEdit={() => setEditing({ milestone: m })} />
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Paper>
      {modal}
    </Stack>
  );
}
