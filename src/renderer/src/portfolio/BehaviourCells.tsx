// The portfolio's behaviour cells (issue #14, point 4): last active day with the active-user trend, events in the
// last 7 days, days since the last touchpoint, and account age with the key features never used. Native titles, as
// in AccountRow: a Tooltip per cell would be mounted for every row scrolled past.
import type { PortfolioRow } from '../../../shared/contract';
import { formatCount, formatDate, formatPercent } from '../../../shared/format';
import classes from './portfolio-table.module.css';

const ago = (days: number) => (days === 0 ? 'today' : days === 1 ? 'yesterday' : `${formatCount(days)} d ago`);

export function LastActive({ row }: { row: PortfolioRow }) {
  if (row.lastActiveDate === null || row.daysSinceActive === null) {
    return (
      <span className={`${classes.line} ${classes.dimmed}`} title="No usage event on record up to this day">
        never
      </span>
    );
  }
  const trend = row.activeUserTrend;
  const change = trend === null ? '' : ` · ${trend > 0 ? '+' : trend < 0 ? '−' : '±'}${formatPercent(Math.abs(trend))}`;
  const why =
    trend === null
      ? 'No trend: nobody was active in the 7 days before'
      : `${formatCount(row.activeUsers7)} active users in the last 7 days, ${formatCount(row.activeUsersPrev7)} in the 7 days before`;
  return (
    <>
      <span className={classes.line} title={formatDate(row.lastActiveDate)}>
        {ago(row.daysSinceActive)}
      </span>
      <span className={`${classes.sub} ${trend !== null && trend < 0 ? classes.red : ''}`} title={why} data-testid="active-trend">
        {formatCount(row.activeUsers7)} users{change}
      </span>
    </>
  );
}

export function Events7({ row }: { row: PortfolioRow }) {
  return (
    <span className={row.events7 === 0 ? classes.dimmed : undefined} title="Usage events in the last 7 days">
      {formatCount(row.events7)}
    </span>
  );
}

export function LastTouch({ row }: { row: PortfolioRow }) {
  if (row.lastTouchpointDate === null || row.daysSinceTouchpoint === null) {
    return (
      <span className={`${classes.line} ${classes.dimmed}`} title="No touchpoint or QBR logged up to this day">
        never
      </span>
    );
  }
  return (
    <>
      <span className={classes.line}>{ago(row.daysSinceTouchpoint)}</span>
      <span className={classes.sub}>{formatDate(row.lastTouchpointDate)}</span>
    </>
  );
}

export function AgeAndUnused({ row }: { row: PortfolioRow }) {
  const unused = row.unusedKeyFeatures;
  return (
    <>
      {row.accountAgeDays === null ? (
        <span className={`${classes.line} ${classes.dimmed}`} title="No contract start on record up to this day">
          no start
        </span>
      ) : (
        <span className={classes.line} title="Days since the first contract start">
          {formatCount(row.accountAgeDays)} d
        </span>
      )}
      <span
        className={`${classes.sub} ${unused > 0 ? classes.orange : ''}`}
        title={unused > 0 ? `Key features never used: ${row.unusedKeyFeatureNames.join(', ')}` : 'Every key feature has been used'}
        data-testid="unused-key-features"
      >
        {unused > 0 ? `${formatCount(unused)} key unused` : 'all keys used'}
      </span>
    </>
  );
}

export function OpenTasks({ row }: { row: PortfolioRow }) {
  return (
    <span
      className={row.openTasks === null || row.openTasks === 0 ? classes.dimmed : undefined}
      title={row.openTasks === null ? 'The work queue is today’s: set the date back to today to see open tasks' : 'Open items in the work queue today'}
      data-testid="open-tasks"
    >
      {formatCount(row.openTasks)}
    </span>
  );
}
