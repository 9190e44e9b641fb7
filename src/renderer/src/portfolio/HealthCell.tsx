import { HoverCard, Text } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { PortfolioRow } from '../../../shared/contract';
import { HealthExplanation } from './HealthExplanation';
import { deltaTone, formatDelta, formatScore, statusLook } from './health-status';
import classes from './portfolio-table.module.css';
import { Sparkline } from './Sparkline';

const OPEN_DELAY_MS = 250;

/**
 * The score badge, explained on hover or keyboard focus. The HoverCard is only mounted once the CSM lingers on
 * a badge: a floating card in each of the rows scrolling past would cost more than the rest of the row.
 */
function ScoreBadge({ row, asOf }: { row: PortfolioRow; asOf: string }) {
  const [armed, setArmed] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const look = statusLook(row.health.status);
  const label = `Health ${formatScore(row.health.score)}, ${look.label}. Hover or focus for its drivers.`;
  const badge = (
    <span
      className={classes.score}
      data-color={row.health.score === null ? 'gray' : look.color}
      data-testid="health-score"
      tabIndex={0}
      aria-label={label}
      onMouseEnter={() => {
        timer.current = window.setTimeout(() => setArmed(true), OPEN_DELAY_MS);
      }}
      onMouseLeave={() => window.clearTimeout(timer.current)}
      onFocus={() => setArmed(true)}
    >
      {formatScore(row.health.score)}
    </span>
  );
  if (!armed) return badge;
  return (
    <HoverCard initiallyOpened width={340} openDelay={OPEN_DELAY_MS} closeDelay={100} position="right" withArrow shadow="md" role="tooltip">
      <HoverCard.Target>{badge}</HoverCard.Target>
      <HoverCard.Dropdown>
        {row.health.score === null && row.health.status === null ? (
          <Text size="sm">No health yet: import usage for this account, or check that its contract dates are set.</Text>
        ) : (
          <HealthExplanation accountId={row.id} asOf={asOf} />
        )}
      </HoverCard.Dropdown>
    </HoverCard>
  );
}

/** A rule, not the score, chose the colour (docs/METRICS.md, "Rules"): a small gavel says so, its title says how. */
function RuledMark({ row }: { row: PortfolioRow }) {
  const { status, scoreStatus } = row.health;
  if (status === null || scoreStatus === null || status === scoreStatus) return null;
  const shown = statusLook(status).label;
  const earned = statusLook(scoreStatus).label.toLowerCase();
  const why = `${shown}, though the score alone is ${earned}: a health rule set the colour. Hover the score for the rule; the rules are in Settings › Health.`;
  return (
    <span className={classes.ruled} title={why} aria-label={why} role="img" data-testid="health-ruled" data-earned={scoreStatus}>
      <IconGavel size={13} stroke={1.8} aria-hidden />
    </span>
  );
}

/** The score as a coloured badge, its 30-day trend and the change; the badge explains the score. */
export function HealthCell({ row, asOf }: { row: PortfolioRow; asOf: string }) {
  const look = statusLook(row.health.status);
  const delta = formatDelta(row.previous30, row.health.score);
  const tone = classes[deltaTone(row.previous30, row.health.score)];
  return (
    <div className={classes.group}>
      <ScoreBadge row={row} asOf={asOf} />
      <RuledMark row={row} />
      <Sparkline values={row.trend} color={`var(--mantine-color-${look.color}-filled)`} label={`Health over the last ${row.trend.length} days`} />
      {delta && (
        <span className={`${classes.delta} ${tone}`} title="Change in points since 30 days ago">
          {delta}
        </span>
      )}
    </div>
  );
}
