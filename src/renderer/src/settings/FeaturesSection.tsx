// Settings › Features: the feature catalogue. Features as the CSM names them, with their key and paid flags and
// the event names (exact, or `*` patterns) that count as each; and the event names the store holds, the
// unreviewed ones first. Every change re-derives usage and rescores health in main, shows that it is working,
// and can be undone from its notification.
import { Alert, Anchor, Button, Group, Loader, Progress, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { CatalogueEvent, Feature } from '../../../shared/contract';
import { eventKey } from '../../../shared/catalogue';
import { useQuery } from '../hooks/use-query';
import { describeChange, eventsPerFeature } from './catalogue-view';
import { EventNamesTable } from './EventNamesTable';
import { FeatureItem } from './FeatureItem';
import { SettingsSection } from './SettingsSection';
import { useCatalogueChange, type CatalogueChanges } from './use-catalogue-change';

export function FeaturesSection() {
  const features = useQuery('features.list', {});
  const events = useQuery('features.eventNames', {});
  const { refetch: refetchFeatures } = features;
  const { refetch: refetchEvents } = events;
  const refetch = useCallback(() => {
    refetchFeatures();
    refetchEvents();
  }, [refetchFeatures, refetchEvents]);
  const changes = useCatalogueChange(refetch);
  const list = features.data ?? [];
  const keyCount = list.filter((f) => f.isKey).length;

  return (
    <SettingsSection
      id="features"
      title="Features"
      description={`Your product’s features and the event names that count as each. Key features (${keyCount} of ${list.length}) are the ones breadth counts (“3 of 4 key features used”) and an adopted user must have used; paid features an account does not use are flagged as a downgrade risk.`}
    >
      <ChangeStatus changes={changes} />
      {features.error || events.error ? (
        <Alert color="red" title="Could not read the feature catalogue">
          <Stack align="flex-start" gap="xs">
            <Text size="sm">{(features.error ?? events.error)?.message}</Text>
            <Button size="xs" variant="light" color="red" onClick={refetch}>
              Try again
            </Button>
          </Stack>
        </Alert>
      ) : !features.data || !events.data ? (
        <Loader size="sm" aria-label="Loading the features" />
      ) : (
        <Catalogue features={features.data} events={events.data} changes={changes} />
      )}
    </SettingsSection>
  );
}

/** While a change runs: what it is and that it takes a moment; after: what it did. */
function ChangeStatus({ changes }: { changes: CatalogueChanges }) {
  if (changes.busy) {
    return (
      <Stack gap={4} role="status" aria-live="polite" data-testid="catalogue-busy">
        <Group gap="xs" wrap="nowrap">
          <Loader size="xs" />
          <Text size="sm">{changes.busy}…</Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Progress
            value={changes.percent}
            animated
            striped
            size="sm"
            style={{ flex: 1 }}
            aria-label={`Rescoring health ${changes.percent}%`}
          />
          <Text size="xs" c="dimmed" w={36} ta="right" data-testid="catalogue-percent" data-percent={changes.percent}>
            {changes.percent}%
          </Text>
        </Group>
        <Text size="xs" c="dimmed">
          Re-deriving every account’s usage and rescoring its health history: this can take a few seconds on a large book.
        </Text>
      </Stack>
    );
  }
  if (!changes.last) return null;
  return (
    <Text size="xs" c="dimmed" role="status" data-testid="catalogue-last-change">
      {changes.last.label}: done — {describeChange(changes.last.change)}.
    </Text>
  );
}

function Catalogue({ features, events, changes }: { features: Feature[]; events: CatalogueEvent[]; changes: CatalogueChanges }) {
  const counts = eventsPerFeature(events);
  return (
    <Stack gap="lg">
      {features.length === 0 ? (
        <Alert color="blue" variant="light" title="No features yet" data-testid="features-empty">
          <Text size="sm">
            Features appear when you{' '}
            <Anchor href="#/import" size="sm">
              import usage events
            </Anchor>{' '}
            (each new event name starts as a feature of its own name, to rename, merge and mark key here), an account file with a
            Products or Features column, or a features file with the columns Event, Feature, Key and Paid. You can also add one
            below.
          </Text>
        </Alert>
      ) : (
        <ScrollArea.Autosize mah={640} type="auto" offsetScrollbars="present">
          <Stack gap="xs" data-testid="features-list">
            {features.map((f) => (
              <FeatureItem key={f.id} feature={f} features={features} storedEvents={events} eventCount={counts.get(f.id) ?? 0} changes={changes} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      )}
      <NewFeature features={features} changes={changes} />
      {events.length > 0 && <EventNamesTable events={events} features={features} changes={changes} />}
    </Stack>
  );
}

function NewFeature({ features, changes }: { features: Feature[]; changes: CatalogueChanges }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return setError('Type the feature’s name, as your team says it.');
    const same = features.find((f) => eventKey(f.name) === eventKey(trimmed));
    if (same) return setError(`There is a feature named “${same.name}” already.`);
    const result = await changes.run(`Adding ${trimmed}`, 'features.create', { name: trimmed }, { inline: true });
    if (result.error) setError(result.error);
    else setName('');
  };
  return (
    <Group gap="xs" align="flex-start" wrap="nowrap" maw={520}>
      <TextInput
        size="xs"
        style={{ flex: 1 }}
        placeholder="A feature’s name, e.g. Dashboards"
        aria-label="New feature’s name"
        value={name}
        error={error}
        onChange={(e) => {
          setName(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => e.key === 'Enter' && void add()}
        data-testid="new-feature-name"
      />
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} disabled={changes.busy !== null} onClick={() => void add()} data-testid="new-feature-add">
        Add feature
      </Button>
    </Group>
  );
}
