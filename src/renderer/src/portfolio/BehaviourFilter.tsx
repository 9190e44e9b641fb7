// The "Behaviour" filter (issue #14, point 4): account age, last active, events in the last 7 days, days without a
// touchpoint, the active-user trend and unused key features, in one popover so the toolbar stays one line. Empty
// means any; each figure is the row's as of the portfolio's as-of date (docs/METRICS.md, "Behaviour segments").
import { Button, Checkbox, Group, NumberInput, Popover, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { behaviourFilterCount, NO_BEHAVIOUR_FILTERS, type Filters } from './portfolio-rows';

interface Props {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}

type NumberKey = 'ageMinDays' | 'ageMaxDays' | 'activeWithinDays' | 'minEvents7' | 'noTouchpointDays' | 'minOpenTasks';

function DaysInput({ label, field, min, filters, onChange }: { label: string; field: NumberKey; min: number } & Props) {
  return (
    <NumberInput
      size="xs"
      w={90}
      min={min}
      max={36500}
      allowDecimal={false}
      allowNegative={false}
      placeholder="any"
      aria-label={label}
      data-testid={`behaviour-${field}`}
      value={filters[field] ?? ''}
      onChange={(value) => {
        const n = typeof value === 'number' ? value : value.trim() === '' ? null : Number(value);
        onChange({ [field]: n === null || !Number.isFinite(n) ? null : Math.max(min, Math.round(n)) });
      }}
    />
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between">
      <Text size="sm">{label}</Text>
      <Group gap={6} wrap="nowrap">
        {children}
      </Group>
    </Group>
  );
}

export function BehaviourFilter({ filters, onChange }: Props) {
  const count = behaviourFilterCount(filters);
  return (
    <Popover position="bottom-start" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button
          size="xs"
          variant={count ? 'light' : 'default'}
          rightSection={<IconChevronDown size={14} />}
          data-testid="filter-behaviour"
          data-active={count > 0 || undefined}
        >
          {count ? `Behaviour: ${count}` : 'Behaviour'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown w={330} data-testid="behaviour-popover">
        <Stack gap={10}>
          <Row label="Age in days">
            <DaysInput label="Account age at least (days)" field="ageMinDays" min={0} filters={filters} onChange={onChange} />
            <Text size="xs" c="dimmed">
              to
            </Text>
            <DaysInput label="Account age at most (days)" field="ageMaxDays" min={0} filters={filters} onChange={onChange} />
          </Row>
          <Row label="Active in the last … days">
            <DaysInput label="Active in the last days" field="activeWithinDays" min={1} filters={filters} onChange={onChange} />
          </Row>
          <Row label="At least … events in 7 days">
            <DaysInput label="At least events in the last 7 days" field="minEvents7" min={0} filters={filters} onChange={onChange} />
          </Row>
          <Row label="No touchpoint in … days">
            <DaysInput label="No touchpoint in days" field="noTouchpointDays" min={1} filters={filters} onChange={onChange} />
          </Row>
          <Row label="At least … open tasks">
            <DaysInput label="At least open tasks" field="minOpenTasks" min={1} filters={filters} onChange={onChange} />
          </Row>
          <Row label="Active users, week on week">
            <SegmentedControl
              size="xs"
              data-testid="behaviour-trend"
              data={[
                { value: 'any', label: 'Any' },
                { value: 'down', label: 'Down' },
                { value: 'up', label: 'Up' },
              ]}
              value={filters.activeTrend ?? 'any'}
              onChange={(v) => onChange({ activeTrend: v === 'down' || v === 'up' ? v : null })}
            />
          </Row>
          <Checkbox
            size="sm"
            label="Has key features never used"
            checked={filters.unusedKeyFeaturesOnly}
            onChange={(e) => onChange({ unusedKeyFeaturesOnly: e.currentTarget.checked })}
            data-testid="behaviour-unused"
          />
          <Text size="xs" c="dimmed">
            Events are the product’s usage events, not sign-ins. “Never contacted” counts as no touchpoint.
          </Text>
          {count > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => onChange(NO_BEHAVIOUR_FILTERS)} data-testid="behaviour-clear">
              Any behaviour
            </Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
