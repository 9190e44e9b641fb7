import { HoverCard, Text } from '@mantine/core';
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

/** The score as a coloured badge, its 30-day trend and the change; the badge explains the score. */
export function HealthCell({ row, asOf }: { row: PortfolioRow; asOf: string }) {
  const look = statusLook(row.health.status);
  const delta = formatDelta(row.previous30, row.health.score);
  const tone = classes[deltaTone(row.previous30, row.health.score)];
  return (
    <div className={classes.group}>
      <ScoreBadge row={row} asOf={asOf} />
      <Sparkline values={row.trend} color={`var(--mantine-color-${look.color}-filled)`} label={`Health over the last ${row.trend.length} days`} />
      {delta && (
        <span className={`${classes.delta} ${tone}`} title="Change in points since 30 days ago">
          {delta}
        </span>
      )}
    </div>
  );
}
