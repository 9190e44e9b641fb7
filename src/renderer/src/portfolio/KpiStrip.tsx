import { Paper, SimpleGrid, Stack, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import type { MethodOutput, MoneyTotal, PortfolioRow } from '../../../shared/contract';
import { formatCount, formatMoney } from '../../../shared/format';
import { NeedsAttentionCard, TimeToOnboardCard } from './AttentionKpis';
import type { Filters } from './portfolio-rows';

type Kpis = MethodOutput<'portfolio.overview'>['kpis'];

/** The headline figure in the book's main currency (the one most accounts are billed in); "—" for an empty book. */
function primaryMoney(total: MoneyTotal): string {
  return total.primary ? formatMoney(total.primary.amount, total.primary.currency) : '—';
}

/** The other currencies, listed rather than converted: no exchange rate is known offline. */
function otherCurrencies(total: MoneyTotal): string | null {
  const others = total.byCurrency.filter((m) => m.currency !== total.primary?.currency);
  return others.length ? `+ ${others.map((m) => formatMoney(m.amount, m.currency)).join(' · ')}` : null;
}

interface CardProps {
  label: string;
  /** The label on a short window, where the strip is one row of narrow cards without their second line. */
  shortLabel: string;
  compact: boolean;
  value: string;
  testId: string;
  sub?: ReactNode;
  explanation: ReactNode;
  /** Narrows the table to the accounts behind the figure. */
  onClick?: () => void;
  tone?: string;
}

function KpiCard({ label, shortLabel, compact, value, testId, sub, explanation, onClick, tone }: CardProps) {
  const body = (
    <Paper withBorder px={compact ? 'xs' : 'sm'} py={compact ? 6 : 'sm'} h="100%" style={onClick ? { cursor: 'pointer' } : undefined}>
      <Stack gap={compact ? 0 : 2}>
        <Text fz={compact ? 11 : 'xs'} c="dimmed" tt="uppercase" fw={600} truncate={compact} style={{ letterSpacing: compact ? 0.1 : 0.3 }}>
          {compact ? shortLabel : label}
        </Text>
        <Text fz={compact ? 17 : 22} fw={700} truncate={compact} title={compact ? value : undefined} c={tone} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums', lineHeight: 1.2 }}>
          {value}
        </Text>
        {sub && !compact && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {sub}
          </Text>
        )}
      </Stack>
    </Paper>
  );
  return (
    <Tooltip label={explanation} multiline w={300} openDelay={300} position="bottom" withArrow>
      {onClick ? (
        // Named by what it shows (a screen reader's name must contain the visible words), then what a click does.
        <UnstyledButton onClick={onClick} h="100%">
          {body}
          <VisuallyHidden>Show these accounts</VisuallyHidden>
        </UnstyledButton>
      ) : (
        <div>{body}</div>
      )}
    </Tooltip>
  );
}

interface Props {
  kpis: Kpis;
  /** Every row, for the accounts behind each reason to look at. */
  rows: PortfolioRow[];
  /** Applies a filter that shows the accounts behind a figure (red ones for ARR at risk…). */
  onShow: (change: Partial<Filters>) => void;
  /** A short window: one row of cards with short labels and no second line, so the table keeps its rows. */
  compact: boolean;
}

/**
 * The book at a glance; each figure explains itself on hover and, on click, filters the table to its accounts; time to
 * onboard and needs attention open to their inputs on click.
 */
export function KpiStrip({ kpis, rows, onShow, compact }: Props) {
  const { arrAtRisk, renewalsNext90Days: renewals } = kpis;
  const redOthers = otherCurrencies(arrAtRisk.red);
  return (
    <SimpleGrid cols={compact ? { base: 4, md: 7 } : { base: 2, sm: 4, lg: 7 }} spacing={compact ? 'xs' : 'sm'} data-testid="kpi-strip" data-compact={compact || undefined}>
      <KpiCard
        label="Accounts"
        shortLabel="Accounts"
        compact={compact}
        value={formatCount(kpis.accounts)}
        testId="kpi-accounts"
        sub={`${formatCount(kpis.statusCounts.green)} green · ${formatCount(kpis.statusCounts.yellow)} yellow · ${formatCount(kpis.statusCounts.red)} red${kpis.statusCounts.noData ? ` · ${formatCount(kpis.statusCounts.noData)} no data` : ''}`}
        explanation={`Current customers: every account except the ${formatCount(kpis.churnedAccounts)} churned (last renewal lost). Every figure in this strip counts current customers only, but time to onboard, whose cohorts keep every account that started in the quarter. Click to clear the filters.`}
        onClick={() => onShow({ stages: [], statuses: [], owners: [], renewalWithinDays: null, overdueOnly: false, search: '' })}
      />
      <KpiCard
        label="Total ARR"
        shortLabel="Total ARR"
        compact={compact}
        value={primaryMoney(kpis.totalArr)}
        testId="kpi-arr"
        sub={otherCurrencies(kpis.totalArr) ?? 'annual recurring revenue'}
        explanation="The sum of the current customers’ ARR. Accounts billed in another currency are added up per currency and listed under the total: Bearing works offline and knows no exchange rate."
      />
      <KpiCard
        label="ARR at risk"
        shortLabel="ARR at risk"
        compact={compact}
        value={primaryMoney(arrAtRisk.red)}
        testId="kpi-arr-at-risk"
        tone={arrAtRisk.redAccounts > 0 ? 'red' : undefined}
        sub={`${formatCount(arrAtRisk.redAccounts)} red ${arrAtRisk.redAccounts === 1 ? 'account' : 'accounts'}${redOthers ? ` · ${redOthers}` : ''}`}
        explanation={`The ARR of current customers whose health status is red: a score below the red threshold, or a rule that forces red (for example no usage in 30 days). Yellow accounts are not counted; they are the watch list: ${primaryMoney(arrAtRisk.yellow)} in ${formatCount(arrAtRisk.yellowAccounts)} ${arrAtRisk.yellowAccounts === 1 ? 'account' : 'accounts'}. Thresholds and rules are in Settings › Health score. Click to show the red accounts.`}
        onClick={() => onShow({ statuses: ['red'] })}
      />
      <KpiCard
        label="Renewals in 90 days"
        shortLabel="Renewals 90 d"
        compact={compact}
        value={formatCount(renewals.count)}
        testId="kpi-renewals"
        sub={`${primaryMoney(renewals.arr)} ARR${otherCurrencies(renewals.arr) ? ` ${otherCurrencies(renewals.arr)}` : ''}`}
        explanation="Current customers whose renewal date falls from today through the next 89 days, and the ARR up for renewal. Click to show them."
        onClick={() => onShow({ renewalWithinDays: 90 })}
      />
      <KpiCard
        label="Median TTV"
        shortLabel="Median TTV"
        compact={compact}
        value={kpis.medianTtvDays === null ? 'no data' : `${formatCount(kpis.medianTtvDays)} days`}
        testId="kpi-ttv"
        tone={kpis.medianTtvDays === null ? 'dimmed' : undefined}
        sub={
          kpis.medianTtvDays === null
            ? 'no account has reached basic value yet'
            : `from ${formatCount(kpis.ttvAccounts)} of ${formatCount(kpis.accounts)} accounts that reached basic value`
        }
        explanation="Time to value: days from contract start to the achieved date of the “basic value” milestone, the median over the current customers that achieved it. Accounts that have not are left out, not counted as zero."
      />
      <TimeToOnboardCard kpis={kpis} compact={compact} />
      <NeedsAttentionCard kpis={kpis} rows={rows} onShow={onShow} compact={compact} />
    </SimpleGrid>
  );
}
