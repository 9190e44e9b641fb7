import { Button, Chip, Group, Select } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import type { PortfolioRow, Stage } from '../../../shared/contract';
import { BehaviourFilter } from './BehaviourFilter';
import { FilterMenu } from './FilterMenu';
import { STATUS_LOOK } from './health-status';
import { isFiltered, NO_BEHAVIOUR_FILTERS, NO_OWNER, ownersOf, statusOf, type Filters, type StatusFilter } from './portfolio-rows';
import { STAGES } from './StageBadge';

const RENEWAL_CHOICES = [
  { value: '30', label: 'Renewal in 30 days' },
  { value: '60', label: 'Renewal in 60 days' },
  { value: '90', label: 'Renewal in 90 days' },
  { value: '180', label: 'Renewal in 180 days' },
  { value: '365', label: 'Renewal in a year' },
];

function tally<K extends string>(rows: readonly PortfolioRow[], key: (row: PortfolioRow) => K | null): Map<K, number> {
  const counts = new Map<K, number>();
  for (const row of rows) {
    const k = key(row);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

interface Props {
  /** The whole book, for the owner list and the counts beside each choice. */
  rows: readonly PortfolioRow[];
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}

export function PortfolioFilters({ rows, filters, onChange }: Props) {
  const churned = useMemo(() => rows.filter((r) => r.churned).length, [rows]);
  const options = useMemo(() => {
    // Counts over the accounts the churned toggle lets in, so a count matches what choosing it shows.
    const pool = filters.includeChurned ? rows : rows.filter((r) => !r.churned);
    const stages = tally(pool, (r) => r.stage);
    const statuses = tally(pool, statusOf);
    const owners = tally(pool, (r) => r.owner ?? NO_OWNER);
    return {
      stages: (Object.keys(STAGES) as Stage[]).map((s) => ({ value: s, label: STAGES[s].label, count: stages.get(s) ?? 0 })),
      statuses: (Object.keys(STATUS_LOOK) as StatusFilter[]).map((s) => ({ value: s, label: STATUS_LOOK[s].label, count: statuses.get(s) ?? 0 })),
      owners: ownersOf(rows).map((o) => ({ value: o, label: o === NO_OWNER ? 'No owner' : o, count: owners.get(o) ?? 0 })),
    };
  }, [rows, filters.includeChurned]);

  return (
    <Group gap="xs" wrap="wrap" data-testid="portfolio-filters">
      <FilterMenu label="Stage" options={options.stages} value={filters.stages} onChange={(stages) => onChange({ stages })} testId="filter-stage" />
      <FilterMenu
        label="Health"
        options={options.statuses}
        value={filters.statuses}
        onChange={(statuses) => onChange({ statuses })}
        testId="filter-status"
      />
      <FilterMenu label="Owner" options={options.owners} value={filters.owners} onChange={(owners) => onChange({ owners })} testId="filter-owner" />
      <Select
        size="xs"
        w={170}
        placeholder="Any renewal date"
        aria-label="Renewal within"
        data={RENEWAL_CHOICES}
        value={filters.renewalWithinDays === null ? null : String(filters.renewalWithinDays)}
        onChange={(value) => onChange({ renewalWithinDays: value === null ? null : Number(value) })}
        clearable
        allowDeselect
        data-testid="filter-renewal"
      />
      <BehaviourFilter filters={filters} onChange={onChange} />
      <Chip
        size="xs"
        color="red"
        checked={filters.overdueOnly}
        onChange={(overdueOnly) => onChange({ overdueOnly })}
        data-testid="filter-overdue"
      >
        Overdue milestones only
      </Chip>
      {churned > 0 && (
        <Chip size="xs" color="gray" checked={filters.includeChurned} onChange={(includeChurned) => onChange({ includeChurned })} data-testid="filter-churned">
          Include {churned} churned
        </Chip>
      )}
      {isFiltered(filters) && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconFilterOff size={14} />}
          onClick={() => onChange({ search: '', stages: [], statuses: [], owners: [], renewalWithinDays: null, overdueOnly: false, ...NO_BEHAVIOUR_FILTERS })}
          data-testid="clear-filters"
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
