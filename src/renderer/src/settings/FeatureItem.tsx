import { ActionIcon, Badge, Button, CloseButton, Group, Paper, Stack, Switch, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { CatalogueEvent, Feature } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { eventInputError, matchingEvents } from './catalogue-view';
import { MergeFeatureButton } from './MergeFeatureButton';
import type { CatalogueChanges } from './use-catalogue-change';

interface Props {
  feature: Feature;
  features: readonly Feature[];
  storedEvents: readonly CatalogueEvent[];
  eventCount: number;
  changes: CatalogueChanges;
}

/** One feature of the catalogue: its name (renamed in place), key and paid flags, the event names that count as it. */
export function FeatureItem({ feature, features, storedEvents, eventCount, changes }: Props) {
  const busy = changes.busy !== null;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="feature-item" data-feature={feature.name}>
      <Stack gap={8}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <Group gap="xs" wrap="nowrap" miw={0} align="baseline">
            <FeatureName feature={feature} changes={changes} />
            <Text size="xs" c="dimmed" style={{ flexShrink: 0 }} data-testid="feature-event-count">
              {formatCount(eventCount)} {eventCount === 1 ? 'event' : 'events'}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
            <Switch
              label="Key"
              checked={feature.isKey}
              disabled={busy}
              onChange={(e) => void changes.run(`${e.currentTarget.checked ? 'Marking' : 'Unmarking'} ${feature.name} as key`, 'features.update', { id: feature.id, isKey: e.currentTarget.checked })}
              aria-label={`${feature.name} is a key feature`}
              data-testid="feature-key"
            />
            <Switch
              label="Paid"
              color="orange"
              checked={feature.isPaid}
              disabled={busy}
              onChange={(e) => void changes.run(`${e.currentTarget.checked ? 'Marking' : 'Unmarking'} ${feature.name} as paid`, 'features.update', { id: feature.id, isPaid: e.currentTarget.checked })}
              aria-label={`${feature.name} is a paid feature`}
              data-testid="feature-paid"
            />
            <MergeFeatureButton feature={feature} features={features} changes={changes} />
          </Group>
        </Group>
        <Group gap={6} data-testid="feature-events">
          <Text size="xs" c="dimmed">
            Counts
          </Text>
          {feature.events.length === 0 && (
            <Text size="xs" c="dimmed" fs="italic">
              no event name yet
            </Text>
          )}
          {feature.events.map((event) => (
            <Badge
              key={event}
              variant="light"
              color={event.includes('*') ? 'grape' : 'indigo'}
              tt="none"
              pr={2}
              data-testid="feature-event"
              rightSection={
                <CloseButton
                  size="xs"
                  variant="transparent"
                  disabled={busy}
                  aria-label={`Stop counting “${event}” as ${feature.name}`}
                  onClick={() => void changes.run(`Removing “${event}” from ${feature.name}`, 'features.removeEvent', { event })}
                />
              }
            >
              {event}
            </Badge>
          ))}
          <AddEvent feature={feature} storedEvents={storedEvents} changes={changes} />
        </Group>
        {feature.merged.length > 0 && (
          <Text size="xs" c="dimmed" data-testid="feature-merged">
            Includes {feature.merged.join(', ')} (merged)
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function FeatureName({ feature, changes }: { feature: Feature; changes: CatalogueChanges }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (draft === null) {
    return (
      <Group gap={4} wrap="nowrap" miw={0}>
        <Text fw={600} truncate="end" data-testid="feature-name">
          {feature.name}
        </Text>
        <Tooltip label="Rename">
          <ActionIcon variant="subtle" size="sm" color="gray" disabled={changes.busy !== null} aria-label={`Rename ${feature.name}`} onClick={() => setDraft(feature.name)} data-testid="feature-rename">
            <IconPencil size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
    );
  }
  const cancel = () => {
    setDraft(null);
    setError(null);
  };
  const save = async () => {
    const name = draft.trim();
    if (name === '') return setError('A feature needs a name.');
    if (name === feature.name) return cancel();
    const result = await changes.run(`Renaming ${feature.name} to ${name}`, 'features.update', { id: feature.id, name }, { inline: true });
    if (result.error) setError(result.error);
    else cancel();
  };
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" style={{ flex: 1 }} maw={420}>
      <TextInput
        size="xs"
        style={{ flex: 1 }}
        value={draft}
        error={error}
        autoFocus
        aria-label={`New name for ${feature.name}`}
        onChange={(e) => {
          setDraft(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void save();
          if (e.key === 'Escape') cancel();
        }}
        data-testid="feature-rename-input"
      />
      <ActionIcon size="input-xs" variant="light" loading={changes.busy !== null} aria-label="Save the name" onClick={() => void save()} data-testid="feature-rename-save">
        <IconCheck size={14} />
      </ActionIcon>
      <ActionIcon size="input-xs" variant="subtle" color="gray" aria-label="Keep the old name" onClick={cancel}>
        <IconX size={14} />
      </ActionIcon>
    </Group>
  );
}

function AddEvent({ feature, storedEvents, changes }: { feature: Feature; storedEvents: readonly CatalogueEvent[]; changes: CatalogueChanges }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (text === null) {
    return (
      <Button size="compact-xs" variant="subtle" leftSection={<IconPlus size={12} />} disabled={changes.busy !== null} onClick={() => setText('')} data-testid="feature-add-event">
        Add event name
      </Button>
    );
  }
  const matches = matchingEvents(text, storedEvents);
  const add = async () => {
    const problem = eventInputError(text, feature);
    if (problem) return setError(problem);
    const event = text.trim();
    const result = await changes.run(`Counting “${event}” as ${feature.name}`, 'features.assignEvent', { event, featureId: feature.id }, { inline: true });
    if (result.error) setError(result.error);
    else setText(null);
  };
  const hint = text.trim() === '' ? 'An exact name, or a pattern: “Exported *” counts every name starting with “Exported ”.' : `Matches ${matches.length === 0 ? 'no stored event name yet' : matches.map((m) => m.name).slice(0, 4).join(', ') + (matches.length > 4 ? ` and ${matches.length - 4} more` : '')}.`;
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" w="100%" maw={520}>
      <TextInput
        size="xs"
        style={{ flex: 1 }}
        autoFocus
        placeholder="Viewed Dashboard, or Exported *"
        value={text}
        error={error}
        description={error ? undefined : hint}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        aria-label={`Event name or pattern to count as ${feature.name}`}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void add();
          if (e.key === 'Escape') setText(null);
        }}
        data-testid="feature-add-event-input"
      />
      <Button size="xs" loading={changes.busy !== null} onClick={() => void add()} data-testid="feature-add-event-save">
        Add
      </Button>
      <ActionIcon size="input-xs" variant="subtle" color="gray" aria-label="Do not add an event name" onClick={() => setText(null)}>
        <IconX size={14} />
      </ActionIcon>
    </Group>
  );
}
