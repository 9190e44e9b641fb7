import { Anchor, Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PortfolioRow } from '../../../shared/contract';
import { formatCount, formatDaysFrom } from '../../../shared/format';
import { accountHref, openAccount } from './account-link';
import { formatScore, statusLook } from './health-status';
import classes from './portfolio-table.module.css';
import { STAGES } from './StageBadge';

/** Cards have one fixed height so each lane can be virtualized like the table. */
export const CARD_HEIGHT = 74;
export const CARD_GAP = 8;

/** One account in a journey lane: health colour on the edge, time in stage, and what needs attention. */
export function LaneCard({ row, asOf }: { row: PortfolioRow; asOf: string }) {
  const look = statusLook(row.health.status);
  const stage = row.stage ? STAGES[row.stage].label.toLowerCase() : null;
  return (
    <Paper
      withBorder
      px="sm"
      py={8}
      h={CARD_HEIGHT}
      data-testid="lane-card"
      onClick={(event) => {
        if (!(event.target instanceof Element && event.target.closest('a'))) openAccount(row.id);
      }}
      style={{ cursor: 'pointer', borderLeft: `4px solid var(--mantine-color-${look.color}-filled)`, overflow: 'hidden' }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Anchor href={accountHref(row.id)} c="inherit" fw={500} size="sm" truncate underline="hover" title={row.name}>
          {row.name}
        </Anchor>
        {/* The table's badge, so a score looks the same in both layouts (dark text on yellow, for contrast). */}
        <span className={classes.score} data-color={row.health.score === null ? 'gray' : look.color} title={`Health ${formatScore(row.health.score)}, ${look.label}`}>
          {formatScore(row.health.score)}
        </span>
      </Group>
      <Text size="xs" c="dimmed" truncate>
        {row.owner ?? 'no owner'}
      </Text>
      <Group gap="xs" wrap="nowrap" mt={2}>
        {/* A passed renewal with no outcome replaces the time in stage: the one thing to do about this account. */}
        {row.renewalPassedDays !== null && (
          <Text
            size="xs"
            c="red"
            fw={600}
            truncate
            title={`Renewal passed ${formatCount(row.renewalPassedDays)} days ago and no outcome is recorded: open the account and use Record renewal`}
            data-testid="renewal-passed"
          >
            renewal passed {formatCount(row.renewalPassedDays)} days ago: record the outcome
          </Text>
        )}
        {/* On a narrow lane the time in stage gives way (cut with an ellipsis) to the renewal date, which matters more. */}
        {row.renewalPassedDays === null && stage && row.timeInStageDays !== null && (
          <Text size="xs" truncate miw={0} title={`${formatCount(row.timeInStageDays)} days in ${stage}`}>
            {formatCount(row.timeInStageDays)} days in {stage}
          </Text>
        )}
        {row.renewalPassedDays === null && row.stage === 'renewal' && row.renewalDate && (
          <Text size="xs" c={(row.daysToRenewal ?? 0) < 0 ? 'red' : 'orange'} style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
            renews {formatDaysFrom(row.renewalDate, asOf)}
          </Text>
        )}
        {row.overdueMilestones > 0 && (
          <Tooltip label="Time-to-value milestones past their target date and not achieved">
            <Badge size="xs" color="red" variant="filled" leftSection={<IconAlertTriangle size={10} />} style={{ flexShrink: 0 }}>
              {row.overdueMilestones} overdue
            </Badge>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}
