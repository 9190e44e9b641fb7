// Two KPI cards that open to their inputs on click (issue #12, point 5): "Needs attention" with every reason and the
// accounts behind each, and the cohort time-to-onboard KPI with every cohort's counts. A popover rather than the
// strip's hover tooltip, so the lists stay open while the CSM reads them and their links can be followed.
import { Anchor, Button, Paper, Popover, Stack, Table, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { ATTENTION_REASONS, type MethodOutput, type PortfolioRow } from '../../../shared/contract';
import { formatCount, formatPercent } from '../../../shared/format';
import { accountHref } from './account-link';
import type { Filters } from './portfolio-rows';

type Kpis = MethodOutput<'portfolio.overview'>['kpis'];
type Reason = keyof typeof ATTENTION_REASONS;

const REASON_LABEL: Record<Reason, string> = {
  overdueMilestones: 'Overdue milestones',
  qbrOverdue: 'QBR overdue',
  earlyWarnings: 'Early warnings',
  renewalPassedWithoutOutcome: 'Renewal passed without outcome',
};

const REASON_WHY: Record<Reason, string> = {
  overdueMilestones: 'a time-to-value milestone past its target date and not achieved',
  qbrOverdue: 'longer since the last QBR than the QBR cadence',
  earlyWarnings: 'more support cases than the threshold in the first 30 days, or low license use during onboarding',
  renewalPassedWithoutOutcome: 'the renewal date has passed and no renewed or churned outcome is recorded',
};

/** The card's one-line breakdown, short enough for a narrow card: "1 milestone · 2 QBR · 1 warning · 1 renewal". */
const REASON_SHORT: Record<Reason, [string, string]> = {
  overdueMilestones: ['milestone', 'milestones'],
  qbrOverdue: ['QBR', 'QBR'],
  earlyWarnings: ['warning', 'warnings'],
  renewalPassedWithoutOutcome: ['renewal', 'renewals'],
};

/** Accounts listed per reason before "and N more": enough to act on, short enough to read. */
const LISTED = 6;

interface CardProps {
  label: string;
  /** The label in the one-row strip of a short window, where the second line is left out too. */
  shortLabel: string;
  compact: boolean;
  value: string;
  sub: string;
  tone?: string;
  testId: string;
  children: ReactNode;
}

function PopoverCard({ label, shortLabel, compact, value, sub, tone, testId, children }: CardProps) {
  return (
    <Popover width={380} position="bottom-end" withArrow shadow="md" middlewares={{ flip: true, shift: true, size: { padding: 8 } }}>
      <Popover.Target>
        <UnstyledButton h="100%" data-testid={`${testId}-card`}>
          <Paper withBorder px={compact ? 'xs' : 'sm'} py={compact ? 6 : 'sm'} h="100%" style={{ cursor: 'pointer' }}>
            <Stack gap={compact ? 0 : 2}>
              <Text fz={compact ? 11 : 'xs'} c="dimmed" tt="uppercase" fw={600} truncate={compact} style={{ letterSpacing: compact ? 0.1 : 0.3 }}>
                {compact ? shortLabel : label}
              </Text>
              <Text fz={compact ? 17 : 22} fw={700} truncate={compact} title={compact ? value : undefined} c={tone} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }}>
                {value}
              </Text>
              {!compact && (
                <Text size="xs" c="dimmed" lineClamp={2} data-testid={`${testId}-sub`}>
                  {sub}
                </Text>
              )}
            </Stack>
          </Paper>
          <VisuallyHidden>Show what this counts</VisuallyHidden>
        </UnstyledButton>
      </Popover.Target>
      {/* Sized to the room left in the window (the size middleware): a long list scrolls rather than running off it. */}
      <Popover.Dropdown data-testid={`${testId}-inputs`} style={{ overflowY: 'auto' }}>
        {children}
      </Popover.Dropdown>
    </Popover>
  );
}

export function NeedsAttentionCard({ kpis, rows, onShow, compact }: { kpis: Kpis; rows: PortfolioRow[]; onShow: (change: Partial<Filters>) => void; compact: boolean }) {
  const n = kpis.needsAttention;
  const current = rows.filter((r) => !r.churned);
  const reasons = (Object.keys(REASON_LABEL) as Reason[]).filter((k) => n[k] > 0);
  return (
    <PopoverCard
      label="Needs attention"
      shortLabel="Attention"
      compact={compact}
      value={formatCount(n.accounts)}
      tone={n.accounts > 0 ? 'red' : undefined}
      testId="kpi-attention"
      sub={
        reasons.length === 0
          ? 'nothing overdue, no warning'
          : reasons.map((k) => `${formatCount(n[k])} ${REASON_SHORT[k][n[k] === 1 ? 0 : 1]}`).join(' · ')
      }
    >
      <Stack gap="xs">
        <Text size="sm">
          Current customers with at least one reason to look; an account with several reasons is counted once in the total and
          under each reason.
        </Text>
        {(Object.keys(REASON_LABEL) as Reason[]).map((k) => {
          const accounts = current.filter(ATTENTION_REASONS[k]);
          return (
            <Stack key={k} gap={2} data-testid="attention-reason" data-reason={k}>
              <Text size="sm" fw={600}>
                {REASON_LABEL[k]}: <span data-testid="attention-count">{formatCount(n[k])}</span>
              </Text>
              <Text size="xs" c="dimmed">
                {REASON_WHY[k]}
              </Text>
              {accounts.length > 0 && (
                <Text size="xs">
                  {accounts.slice(0, LISTED).map((a, i) => (
                    <span key={a.id}>
                      {i > 0 && ', '}
                      <Anchor href={accountHref(a.id)} size="xs" data-testid="attention-account">
                        {a.name}
                      </Anchor>
                    </span>
                  ))}
                  {accounts.length > LISTED && ` and ${formatCount(accounts.length - LISTED)} more`}
                </Text>
              )}
            </Stack>
          );
        })}
        {n.overdueMilestones > 0 && (
          <Button size="xs" variant="light" onClick={() => onShow({ overdueOnly: true })}>
            Show the accounts with overdue milestones
          </Button>
        )}
      </Stack>
    </PopoverCard>
  );
}

export function TimeToOnboardCard({ kpis, compact }: { kpis: Kpis; compact: boolean }) {
  const { expectedDays, cohorts } = kpis.timeToOnboard;
  const latest = [...cohorts].reverse().find((c) => c.rate !== null) ?? null;
  return (
    <PopoverCard
      label="Time to onboard"
      shortLabel="Onboard rate"
      compact={compact}
      value={latest ? formatPercent(latest.rate) : 'no data'}
      tone={latest ? undefined : 'dimmed'}
      testId="kpi-onboard"
      sub={
        latest
          ? `${latest.cohort}: ${formatCount(latest.withinExpected)} of ${formatCount(latest.onboarded)} within ${expectedDays} days`
          : 'no account has completed onboarding yet'
      }
    >
      <Stack gap="xs">
        <Text size="sm">
          Per cohort (the quarter of the contract start, churned accounts included): accounts that completed onboarding within{' '}
          {expectedDays} days of the contract start ÷ accounts that completed it. The card shows the latest cohort with an onboarded
          account.
        </Text>
        <Table withRowBorders={false} verticalSpacing={2} fz="xs" data-testid="onboard-cohorts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cohort</Table.Th>
              <Table.Th ta="right">Onboarded</Table.Th>
              <Table.Th ta="right">Within {expectedDays} d</Table.Th>
              <Table.Th ta="right">Rate</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cohorts.map((c) => (
              <Table.Tr key={c.cohort} data-testid="onboard-cohort" data-cohort={c.cohort}>
                <Table.Td>{c.cohort}</Table.Td>
                <Table.Td ta="right">{formatCount(c.onboarded)}</Table.Td>
                <Table.Td ta="right">{formatCount(c.withinExpected)}</Table.Td>
                <Table.Td ta="right">{c.rate === null ? 'no data' : formatPercent(c.rate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </PopoverCard>
  );
}
