import { IconAlertTriangle } from '@tabler/icons-react';
import { memo, type ReactNode } from 'react';
import type { PortfolioRow } from '../../../shared/contract';
import { formatCount, formatDate, formatDaysFrom, formatMoney, formatPercent } from '../../../shared/format';
import { RENEWAL_WINDOW_DAYS } from '../../../shared/contract';
import { accountHref, openAccount } from './account-link';
import { AgeAndUnused, Events7, LastActive, LastTouch, OpenTasks } from './BehaviourCells';
import { HealthCell } from './HealthCell';
import classes from './portfolio-table.module.css';
import { STAGES } from './StageBadge';
import type { ColumnId, TableColumn } from './table-columns';

// Rows have one fixed height (also in the CSS), so the virtualizer knows every offset without measuring the DOM.
export const ROW_HEIGHT = 52;

// Explanations are native titles here: a Mantine Tooltip per cell would be mounted for every row scrolled past.

function Stage({ row }: { row: PortfolioRow }) {
  if (row.churned) {
    return (
      <span className={classes.stage} data-stage="churned" title="The last renewal was lost: a former customer, kept for history and benchmarks">
        Churned
      </span>
    );
  }
  if (row.stage === null) {
    return (
      <span className={classes.dimmed} title="No contract dates yet, so the stage cannot be worked out">
        —
      </span>
    );
  }
  const label = STAGES[row.stage].label;
  const since = row.stageStartedOn ? ` since ${formatDate(row.stageStartedOn)}` : '';
  return (
    <div className={classes.group}>
      <span className={classes.stage} data-stage={row.stage}>
        {label}
      </span>
      {row.stageOverridden && (
        <span className={classes.override} data-testid="stage-override" title="Set by hand: this replaces the stage worked out from the contract dates">
          override
        </span>
      )}
      {row.timeInStageDays !== null && (
        <span className={classes.sub} data-testid="time-in-stage" title={`${formatCount(row.timeInStageDays)} days in ${label.toLowerCase()}${since}`}>
          {formatCount(row.timeInStageDays)} d
        </span>
      )}
    </div>
  );
}

function Renewal({ row, asOf }: { row: PortfolioRow; asOf: string }) {
  if (!row.renewalDate) {
    return (
      <>
        <span className={`${classes.line} ${classes.dimmed}`}>—</span>
        <span className={classes.sub}>no renewal date</span>
      </>
    );
  }
  const days = row.daysToRenewal ?? 0;
  const tone = days < 0 ? classes.red : days < RENEWAL_WINDOW_DAYS ? classes.orange : '';
  return (
    <>
      <span className={classes.line}>{formatDate(row.renewalDate)}</span>
      {row.renewalPassedDays !== null ? (
        <span
          className={`${classes.sub} ${tone}`}
          title={`Renewal passed ${formatCount(row.renewalPassedDays)} days ago with no outcome recorded: open the account and use Record renewal`}
          data-testid="renewal-passed"
        >
          record outcome
        </span>
      ) : (
        <span className={`${classes.sub} ${tone}`}>{formatDaysFrom(row.renewalDate, asOf)}</span>
      )}
    </>
  );
}

function Utilization({ row }: { row: PortfolioRow }) {
  const seats = row.licenses === null ? 'no license count' : `of ${formatCount(row.licenses)} seats`;
  const why = row.licenses === null ? 'Needs the licenses purchased (an accounts import)' : 'No usage imported in the last 30 days';
  return (
    <>
      {row.licenseUtilization === null ? (
        <span className={`${classes.line} ${classes.dimmed}`} title={why}>
          no data
        </span>
      ) : (
        <span className={classes.line} title="Users active in the last 30 days ÷ licenses purchased">
          {formatPercent(row.licenseUtilization)}
        </span>
      )}
      <span className={classes.sub}>{seats}</span>
    </>
  );
}

function LastQbr({ row }: { row: PortfolioRow }) {
  const overdue = row.qbrOverdue === true;
  return (
    <span
      className={`${classes.line} ${overdue ? classes.red : row.lastQbrDate ? '' : classes.dimmed}`}
      data-qbr-overdue={overdue || undefined}
      title={overdue ? 'QBR overdue: longer since the last one than the QBR cadence in Settings' : undefined}
    >
      {row.lastQbrDate ? formatDate(row.lastQbrDate) : 'none yet'}
    </span>
  );
}

function OverdueMilestones({ count }: { count: number }) {
  if (count === 0) return <span className={classes.dimmed}>0</span>;
  return (
    <span
      className={classes.overdue}
      data-testid="overdue-milestones"
      title={`${count} time-to-value ${count === 1 ? 'milestone is' : 'milestones are'} past the target date and not achieved`}
    >
      <IconAlertTriangle size={12} aria-hidden />
      {count}
    </span>
  );
}

function NameCell({ row }: { row: PortfolioRow }) {
  return (
    <>
      <a className={classes.name} href={accountHref(row.id)} title={row.name}>
        {row.name}
      </a>
      <span className={classes.sub}>
        {row.earlyWarnings.length > 0 && (
          <span className={classes.flag} data-testid="early-warning-flag" title={`Early warning: ${row.earlyWarnings.map((w) => w.message).join(' ')}`}>
            <IconAlertTriangle size={11} aria-hidden />
            early warning
          </span>
        )}
        {row.owner ?? 'no owner'}
      </span>
    </>
  );
}

/** What each column shows for an account; the table says which columns fit the window. */
const CELLS: Record<ColumnId, (row: PortfolioRow, asOf: string) => ReactNode> = {
  name: (row) => <NameCell row={row} />,
  health: (row, asOf) => <HealthCell row={row} asOf={asOf} />,
  stage: (row) => <Stage row={row} />,
  arr: (row) => formatMoney(row.arr, row.currency),
  renewalDate: (row, asOf) => <Renewal row={row} asOf={asOf} />,
  licenseUtilization: (row) => <Utilization row={row} />,
  lastQbrDate: (row) => <LastQbr row={row} />,
  overdueMilestones: (row) => <OverdueMilestones count={row.overdueMilestones} />,
  lastActiveDate: (row) => <LastActive row={row} />,
  events7: (row) => <Events7 row={row} />,
  daysSinceTouchpoint: (row) => <LastTouch row={row} />,
  accountAgeDays: (row) => <AgeAndUnused row={row} />,
  openTasks: (row) => <OpenTasks row={row} />,
};

interface Props {
  row: PortfolioRow;
  index: number;
  asOf: string;
  /** The columns that fit, in screen order. */
  columns: readonly TableColumn[];
  /** The row the arrow keys are on (Enter opens it). */
  current?: boolean;
}

/** One account; the whole row opens the account, the name is the keyboard's (and middle-click's) link. */
export const AccountRow = memo(function AccountRow({ row, index, asOf, columns, current = false }: Props) {
  return (
    <tr
      className={classes.row}
      data-testid="account-row"
      data-account-id={row.id}
      data-current={current || undefined}
      aria-current={current || undefined}
      aria-rowindex={index + 2}
      onClick={(event) => {
        // A click on the link itself already navigates (and a modified click opens it the browser's way).
        if (!(event.target instanceof Element && event.target.closest('a'))) openAccount(row.id);
      }}
    >
      {columns.map((c) => (
        <td key={c.id} className={c.numeric ? `${classes.cell} ${classes.right}` : classes.cell}>
          {CELLS[c.id](row, asOf)}
        </td>
      ))}
    </tr>
  );
});
