import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';

interface Option<T extends string> {
  value: T;
  label: string;
  /** How many accounts have this value in the whole book, shown beside it. */
  count?: number;
}

interface Props<T extends string> {
  label: string;
  options: readonly Option<T>[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  testId: string;
}

/**
 * A compact multi-choice filter: a button that says what is chosen ("Stage: Renewal") and a list of checkboxes.
 * Pills in a MultiSelect would grow the toolbar with every choice; the table's height is worth more.
 */
export function FilterMenu<T extends string>({ label, options, value, onChange, testId }: Props<T>) {
  const chosen = options.filter((o) => value.includes(o.value));
  const summary = chosen.length === 0 ? label : chosen.length === 1 ? `${label}: ${chosen[0].label}` : `${label}: ${chosen.length}`;
  return (
    <Popover position="bottom-start" shadow="md" withinPortal>
      <Popover.Target>
        <Button
          size="xs"
          variant={chosen.length ? 'light' : 'default'}
          rightSection={<IconChevronDown size={14} />}
          data-testid={testId}
          data-active={chosen.length > 0 || undefined}
        >
          {summary}
        </Button>
      </Popover.Target>
      <Popover.Dropdown miw={200}>
        <Checkbox.Group value={[...value]} onChange={(next) => onChange(options.filter((o) => next.includes(o.value)).map((o) => o.value))}>
          <Stack gap={8}>
            {options.map((o) => (
              <Checkbox
                key={o.value}
                value={o.value}
                label={
                  <>
                    {o.label}
                    {o.count !== undefined && (
                      <Text span size="xs" c="dimmed" ml={6}>
                        {o.count}
                      </Text>
                    )}
                  </>
                }
                aria-label={o.label}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {chosen.length > 0 && (
          <Button size="compact-xs" variant="subtle" mt="sm" onClick={() => onChange([])}>
            Any {label.toLowerCase()}
          </Button>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
