// One task on the Home screen: what to do, why (the reason and the facts behind it), when and how urgent, and the
// five things a CSM does with it. The selected row (j/k) is outlined and the keys act on it.
import { ActionIcon, Anchor, Badge, Group, Menu, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlarmSnooze, IconArrowUpRight, IconCheck, IconMail, IconX } from '@tabler/icons-react';
import { forwardRef } from 'react';
import type { Task } from '../../../shared/contract';
import { formatDate, formatDaysFrom } from '../../../shared/format';
import { accountHref } from '../portfolio/account-link';
import { factList, snoozePresets } from './triage';
import classes from './home.module.css';

export const KIND_LABELS: Record<Task['kind'], string> = {
  manual: 'Task',
  action_item: 'QBR action item',
  recommendation: 'Recommendation',
  early_warning: 'Early warning',
  qbr_overdue: 'QBR overdue',
  renewal_conversation: 'Renewal conversation',
  no_touchpoint: 'No touchpoint',
  stakeholder_dormant: 'Stakeholder dormant',
  milestone_overdue: 'Milestone overdue',
  health_drop: 'Health drop',
  renewal_outcome: 'Renewal outcome',
};

const PRIORITY_COLOR = { high: 'red', medium: 'orange', low: 'gray' } as const;

export interface TaskActions {
  onDone: (task: Task) => void;
  onSnooze: (task: Task, until: string) => void;
  onDismiss: (task: Task) => void;
  onDraft: (task: Task) => void;
}

interface Props extends TaskActions {
  task: Task;
  asOf: string;
  selected: boolean;
  /** Shown in the week's list, where tasks are not grouped under their account. */
  showAccount: boolean;
  onSelect: () => void;
}

export const TaskRow = forwardRef<HTMLDivElement, Props>(function TaskRow({ task, asOf, selected, showAccount, onSelect, ...actions }, ref) {
  const facts = factList(task.facts);
  const overdue = task.due !== null && task.due < asOf;
  return (
    <div
      ref={ref}
      className={classes.row}
      data-selected={selected || undefined}
      data-testid="home-task"
      data-task-id={task.id}
      aria-selected={selected}
      role="option"
      onClick={onSelect}
    >
      <Stack gap={4} flex={1} miw={0}>
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} size="sm" truncate="end" data-testid="home-task-title">
            {task.title}
          </Text>
          <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }} data-testid="home-task-kind">
            {KIND_LABELS[task.kind]}
          </Badge>
        </Group>
        {task.reason && (
          <Text size="sm" c="dimmed" lineClamp={2}>
            {task.reason}
          </Text>
        )}
        {facts.length > 0 && (
          <Text size="xs" c="dimmed" lineClamp={1} data-testid="home-task-facts">
            {facts.map((f) => `${f.label}: ${f.value}`).join(' · ')}
          </Text>
        )}
      </Stack>
      <Stack gap={4} align="flex-end" className={classes.meta}>
        {showAccount && (
          <Anchor href={accountHref(task.accountId)} size="sm" fw={500} truncate="end" maw={200}>
            {task.accountName}
          </Anchor>
        )}
        <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined} data-testid="home-task-due">
          {task.due ? `${formatDate(task.due)} · ${formatDaysFrom(task.due, asOf)}` : 'No date'}
        </Text>
        <Badge size="xs" variant="dot" color={PRIORITY_COLOR[task.priority]} tt="none">
          {task.priority} priority
        </Badge>
      </Stack>
      <Group gap={2} wrap="nowrap" className={classes.actions} onClick={(e) => e.stopPropagation()}>
        <Tooltip label="Done (d)">
          <ActionIcon variant="subtle" color="teal" aria-label={`Done: ${task.title}`} onClick={() => actions.onDone(task)} data-testid="home-task-done">
            <IconCheck size={18} />
          </ActionIcon>
        </Tooltip>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Snooze: ${task.title}`} title="Snooze (s: until tomorrow)" data-testid="home-task-snooze">
              <IconAlarmSnooze size={18} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Snooze until</Menu.Label>
            {snoozePresets(asOf).map((p) => (
              <Menu.Item key={p.label} onClick={() => actions.onSnooze(task, p.until)} rightSection={<Text size="xs" c="dimmed">{formatDate(p.until)}</Text>}>
                {p.label}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        <Tooltip label="Dismiss with a reason">
          <ActionIcon variant="subtle" color="gray" aria-label={`Dismiss: ${task.title}`} onClick={() => actions.onDismiss(task)} data-testid="home-task-dismiss">
            <IconX size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Draft e-mail (e)">
          <ActionIcon variant="subtle" color="blue" aria-label={`Draft e-mail: ${task.title}`} onClick={() => actions.onDraft(task)} data-testid="home-task-draft">
            <IconMail size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label="Open the account (Enter)">
          <ActionIcon component="a" href={accountHref(task.accountId)} variant="subtle" color="gray" aria-label={`Open ${task.accountName}`} data-testid="home-task-open">
            <IconArrowUpRight size={18} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </div>
  );
});
