// Home, "Today" (issue #14, point 2): the place a CSM opens first. Overdue and due-today tasks grouped by account
// with the ARR at stake and the account's health, then the rest of the week; triage from the keyboard.
import { Alert, Anchor, Badge, Button, Group, Kbd, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconChecklist, IconLayoutDashboard, IconPlus } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PortfolioRow, Task } from '../../../shared/contract';
import { formatDate, formatMoney } from '../../../shared/format';
import { DraftEmailModal, type DraftRequest } from '../account/outreach/DraftEmailModal';
import { EmptyState } from '../components/EmptyState';
import { useMutation } from '../hooks/use-mutation';
import { useQuery } from '../hooks/use-query';
import { AddTaskModal, DismissTaskModal } from '../home/TaskModals';
import { TaskRow, type TaskActions } from '../home/TaskRow';
import { arrAtStake, draftForTask, homeSections, snoozePresets } from '../home/triage';
import { useTriageKeys } from '../home/use-triage-keys';
import classes from '../home/home.module.css';
import { accountHref, openAccount } from '../portfolio/account-link';
import { formatScore, statusLook } from '../portfolio/health-status';

function KeysHint() {
  const keys: [string, string][] = [
    ['j', 'next'],
    ['k', 'previous'],
    ['d', 'done'],
    ['s', 'snooze to tomorrow'],
    ['e', 'draft e-mail'],
    ['Enter', 'open account'],
  ];
  return (
    <Group gap="sm" data-testid="home-keys">
      {keys.map(([key, what]) => (
        <Text key={key} size="xs" c="dimmed">
          <Kbd size="xs">{key}</Kbd> {what}
        </Text>
      ))}
    </Group>
  );
}

function HealthBadge({ row }: { row: PortfolioRow | undefined }) {
  if (!row) return null;
  const look = statusLook(row.health.status);
  return (
    <Badge variant="light" color={look.color} tt="none" data-testid="home-group-health">
      Health {formatScore(row.health.score)} · {look.label}
    </Badge>
  );
}

export function HomeScreen() {
  const list = useQuery('tasks.list', { due: 'week' });
  const overview = useQuery('portfolio.overview', {});
  const [index, setIndex] = useState(0);
  const [draft, setDraft] = useState<{ accountId: number; request: DraftRequest } | null>(null);
  const [dismissing, setDismissing] = useState<Task | null>(null);
  const [adding, setAdding] = useState(false);
  const rowRefs = useRef(new Map<string, HTMLDivElement>());

  const asOf = list.data?.asOf ?? '';
  const sections = useMemo(() => homeSections(list.data?.items ?? [], asOf), [list.data, asOf]);
  const rows = useMemo(() => new Map((overview.data?.rows ?? []).map((r) => [r.id, r])), [overview.data]);
  const accounts = useMemo(() => (overview.data?.rows ?? []).filter((r) => !r.churned).map((r) => ({ value: String(r.id), label: r.name })), [overview.data]);
  const { order } = sections;
  const at = Math.min(index, order.length - 1);
  const selected = at >= 0 ? order[at] : undefined;

  const done = useMutation('tasks.done', { errorTitle: 'Could not mark the task done', successMessage: (t) => `Done: ${t.title}` });
  const snooze = useMutation('tasks.snooze', { errorTitle: 'Could not snooze the task', successMessage: (t) => `Snoozed until ${formatDate(t.snoozedUntil)}: ${t.title}` });

  const actions: TaskActions = {
    onDone: (t) => void done.mutate({ id: t.id }),
    onSnooze: (t, until) => void snooze.mutate({ id: t.id, until }),
    onDismiss: setDismissing,
    onDraft: (t) => setDraft({ accountId: t.accountId, request: draftForTask(t) }),
  };

  useTriageKeys(
    {
      move: (by) => setIndex(Math.max(0, Math.min(order.length - 1, at + by))),
      done: () => selected && actions.onDone(selected),
      snooze: () => selected && actions.onSnooze(selected, snoozePresets(asOf)[0].until),
      draft: () => selected && actions.onDraft(selected),
      open: () => selected && openAccount(selected.accountId),
    },
    order.length > 0,
  );

  // The selection stays in view as j/k walk past the window's edge.
  useEffect(() => {
    if (selected) rowRefs.current.get(selected.id)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  if (list.error && !list.data) {
    return (
      <Alert color="red" icon={<IconAlertCircle />} title="Could not load today’s tasks" maw={640}>
        <Stack align="flex-start" gap="sm">
          <Text size="sm">{list.error.message}</Text>
          <Button size="xs" variant="light" color="red" onClick={list.refetch}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!list.data) {
    return (
      <Stack gap="sm" aria-busy aria-label="Loading today’s tasks">
        <Skeleton h={36} w={240} />
        <Skeleton h={160} />
        <Skeleton h={160} />
      </Stack>
    );
  }

  const todayCount = sections.today.reduce((n, g) => n + g.tasks.length, 0);
  const overdueCount = sections.today.reduce((n, g) => n + g.tasks.filter((t) => t.due !== null && t.due < asOf).length, 0);
  const stake = arrAtStake(sections.today);
  const row = (t: Task, showAccount: boolean) => (
    <TaskRow
      key={t.id}
      ref={(el) => {
        if (el) rowRefs.current.set(t.id, el);
        else rowRefs.current.delete(t.id);
      }}
      task={t}
      asOf={asOf}
      selected={selected?.id === t.id}
      showAccount={showAccount}
      onSelect={() => setIndex(order.indexOf(t))}
      {...actions}
    />
  );

  return (
    <Stack gap="md" maw={1200} data-testid="home">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={2}>Today</Title>
          <Text size="sm" c="dimmed" data-testid="home-summary">
            {formatDate(asOf)} · {todayCount === 0 ? 'nothing due' : `${todayCount} due or overdue (${overdueCount} overdue) across ${sections.today.length} ${sections.today.length === 1 ? 'account' : 'accounts'}`}
            {stake.length > 0 && ` · ${stake.map((s) => formatMoney(s.amount, s.currency)).join(' + ')} ARR at stake`}
          </Text>
        </Stack>
        <Group gap="sm">
          {order.length > 0 && <KeysHint />}
          <Button leftSection={<IconPlus size={16} />} variant="light" onClick={() => setAdding(true)} data-testid="home-add-task">
            Add task
          </Button>
        </Group>
      </Group>

      {order.length === 0 ? (
        <EmptyState
          icon={IconChecklist}
          testId="home-empty"
          title="Nothing due this week"
          description="No task is overdue or due in the next seven days. Bearing raises tasks from your book’s signals as data comes in; add one by hand, or look over the portfolio for accounts to get ahead on."
          actions={
            <>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
                Add a task
              </Button>
              <Button variant="default" component="a" href="#/portfolio" leftSection={<IconLayoutDashboard size={16} />}>
                Open the portfolio
              </Button>
            </>
          }
        />
      ) : (
        <Stack gap="md" role="listbox" aria-label="Tasks" data-testid="home-tasks">
          <Title order={4}>Overdue and due today</Title>
          {sections.today.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="home-today-empty">
              Nothing overdue or due today. The week’s tasks are below.
            </Text>
          )}
          {sections.today.map((g) => (
            <Paper key={g.accountId} withBorder radius="md" data-testid="home-group" data-account-id={g.accountId}>
              <div className={classes.groupHeader}>
                <Anchor href={accountHref(g.accountId)} fw={600} data-testid="home-group-name">
                  {g.accountName}
                </Anchor>
                <Group gap="xs">
                  <Text size="sm" fw={500} data-testid="home-group-arr">
                    {g.arr === null ? 'ARR unknown' : `${formatMoney(g.arr, g.currency ?? 'USD')} ARR`}
                  </Text>
                  <HealthBadge row={rows.get(g.accountId)} />
                </Group>
              </div>
              <Stack gap={0} p={4}>
                {g.tasks.map((t) => row(t, false))}
              </Stack>
            </Paper>
          ))}
          <Title order={4} mt="sm">
            This week
          </Title>
          {sections.week.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="home-week-empty">
              Nothing else is due in the next six days.
            </Text>
          ) : (
            <Paper withBorder radius="md" p={4} data-testid="home-week">
              {sections.week.map((t) => row(t, true))}
            </Paper>
          )}
        </Stack>
      )}

      <DraftEmailModal accountId={draft?.accountId ?? 0} request={draft?.request ?? null} onClose={() => setDraft(null)} />
      <DismissTaskModal task={dismissing} onClose={() => setDismissing(null)} />
      <AddTaskModal opened={adding} onClose={() => setAdding(false)} accounts={accounts} asOf={asOf} />
    </Stack>
  );
}
