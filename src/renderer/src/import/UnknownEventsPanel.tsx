// The mapping screen's "Event names Bearing does not know yet": each product event name no catalogue rule covers,
// with its rows, what it would count as now and the feature it most resembles. The CSM maps it to an existing
// feature, types a new feature's name, or keeps it as its own; only those choices go with the import.
import { Alert, Autocomplete, Badge, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconInfoCircle, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { formatCount } from '../../../shared/format';
import { applySuggestions, chooseEvent, outcomeOf, pendingSuggestions, type EventChoices, type UnknownEvent, type UnknownEvents } from './event-choices';

interface Props {
  unknown: UnknownEvents;
  choices: EventChoices;
  disabled?: boolean;
  onChange: (change: (choices: EventChoices) => EventChoices) => void;
}

export function UnknownEventsPanel({ unknown, choices, disabled, onChange }: Props) {
  // What the CSM is typing, per event name: the choice itself is trimmed, the field keeps their spaces.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const choose = (name: string, feature: string | null) => {
    setDrafts((d) => ({ ...d, [name]: feature ?? '' }));
    onChange((c) => chooseEvent(c, name, feature));
  };
  const pending = pendingSuggestions(unknown, choices);
  return (
    <Stack gap="xs" data-testid="unknown-events">
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={5}>Event names Bearing does not know yet</Title>
          <Text size="xs" c="dimmed">
            Which feature each counts as. A name you leave alone counts as a feature of its own name; you can change that later in Settings › Features. Bearing remembers your choices.
          </Text>
        </div>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconSparkles size={14} />}
          disabled={disabled || pending === 0}
          onClick={() => onChange((c) => applySuggestions(unknown, c))}
          data-testid="apply-suggestions"
        >
          Apply all suggestions{pending > 0 ? ` (${pending})` : ''}
        </Button>
      </Group>
      {!unknown.complete && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />} p="xs" data-testid="unknown-events-partial">
          <Text size="xs">
            This file is large: these are the names in the part Bearing read ahead. Others it meets while importing count as their own names and are listed in Settings › Features for review.
          </Text>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720} maxHeight={480}>
        <Table verticalSpacing={6} fz="sm" stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event name</Table.Th>
              <Table.Th>Suggested</Table.Th>
              <Table.Th>Or map to</Table.Th>
              <Table.Th>Will count as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {unknown.names.map((event) => (
              <EventRow
                key={event.name}
                event={event}
                choices={choices}
                features={unknown.features}
                draft={drafts[event.name]}
                disabled={disabled}
                onType={(text) => {
                  setDrafts((d) => ({ ...d, [event.name]: text }));
                  onChange((c) => chooseEvent(c, event.name, text));
                }}
                onChoose={(feature) => choose(event.name, feature)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

const OUTCOME = {
  existing: { label: 'existing', color: 'indigo' },
  new: { label: 'new feature', color: 'grape' },
  own: { label: 'its own name', color: 'gray' },
} as const;

interface RowProps {
  event: UnknownEvent;
  choices: EventChoices;
  features: readonly string[];
  draft: string | undefined;
  disabled?: boolean;
  onType: (text: string) => void;
  onChoose: (feature: string | null) => void;
}

function EventRow({ event, choices, features, draft, disabled, onType, onChoose }: RowProps) {
  const result = outcomeOf(event, choices, features);
  const chosen = choices[event.name];
  const suggested = event.suggestion !== null && chosen === event.suggestion;
  return (
    <Table.Tr data-testid="unknown-event" data-event={event.name} data-chosen={chosen ?? ''}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {event.name}
        </Text>
        <Text size="xs" c="dimmed">
          {formatCount(event.rows)} {event.rows === 1 ? 'row' : 'rows'}
        </Text>
      </Table.Td>
      <Table.Td>
        {event.suggestion === null ? (
          <Text size="xs" c="dimmed">
            no similar feature
          </Text>
        ) : (
          <Tooltip label={suggested ? 'Your choice: click to undo it' : `Count it as ${event.suggestion}`}>
            <Button
              size="compact-xs"
              radius="xl"
              variant={suggested ? 'filled' : 'light'}
              leftSection={suggested ? <IconCheck size={12} /> : <IconSparkles size={12} />}
              aria-pressed={suggested}
              disabled={disabled}
              onClick={() => onChoose(suggested ? null : event.suggestion)}
              data-testid="unknown-event-suggestion"
            >
              {event.suggestion}
            </Button>
          </Tooltip>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Autocomplete
            size="xs"
            w={170}
            data={[...features]}
            value={draft ?? chosen ?? ''}
            onChange={onType}
            placeholder="A feature, or a new name"
            aria-label={`Feature for “${event.name}”`}
            disabled={disabled}
            comboboxProps={{ withinPortal: true }}
            data-testid="unknown-event-feature"
          />
          <Button
            size="compact-xs"
            variant={chosen === event.name ? 'light' : 'subtle'}
            color="gray"
            disabled={disabled}
            onClick={() => onChoose(event.name)}
            data-testid="unknown-event-keep"
          >
            Keep as its own
          </Button>
        </Group>
      </Table.Td>
      <Table.Td>
        <Stack gap={2} align="flex-start">
          <Text size="sm" fw={result.chosen ? 600 : 400} data-testid="unknown-event-outcome">
            {result.feature}
          </Text>
          <Badge size="xs" variant="light" color={OUTCOME[result.outcome].color} tt="none">
            {OUTCOME[result.outcome].label}
          </Badge>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
