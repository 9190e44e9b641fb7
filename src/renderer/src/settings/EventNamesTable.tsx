import { ActionIcon, Badge, Code, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { CatalogueEvent, Feature } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import type { CatalogueChanges } from './use-catalogue-change';

/**
 * The product event names the store holds and what each counts as; the ones no rule covers yet (an import kept
 * them as a feature of their own name) first and highlighted. "Counts as" moves a name to another feature.
 */
export function EventNamesTable({ events, features, changes }: { events: readonly CatalogueEvent[]; features: readonly Feature[]; changes: CatalogueChanges }) {
  const busy = changes.busy !== null;
  const options = features.map((f) => ({ value: String(f.id), label: f.name }));
  const unreviewed = events.filter((e) => e.unreviewed).length;
  return (
    <div>
      <Group gap="xs" mb={4}>
        <Text fw={600} size="sm">
          Event names stored
        </Text>
        {unreviewed > 0 && (
          <Badge color="yellow" variant="light" data-testid="unreviewed-count">
            {unreviewed} not reviewed
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        Each product event name in your imports and the feature it counts as. Names not reviewed yet count as a feature of their own name: choose the feature they belong to, or confirm them as they are.
      </Text>
      <Table.ScrollContainer minWidth={520} maxHeight={420}>
        <Table verticalSpacing={4} stickyHeader data-testid="event-names">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event name</Table.Th>
              <Table.Th ta="right">Events</Table.Th>
              <Table.Th>Counts as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((e) => (
              <Table.Tr key={e.name} data-testid="event-name-row" data-event={e.name} data-unreviewed={e.unreviewed} bg={e.unreviewed ? 'var(--mantine-color-yellow-light)' : undefined}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{e.name}</Text>
                    {e.unreviewed && (
                      <Badge size="xs" color="yellow" variant="filled" autoContrast>
                        new
                      </Badge>
                    )}
                  </Group>
                  {e.rule && e.rule !== e.name && (
                    <Text size="xs" c="dimmed">
                      by the pattern <Code>{e.rule}</Code>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Text size="sm">{formatCount(e.events)}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Select
                      size="xs"
                      w={200}
                      data={options}
                      value={e.featureId === null ? null : String(e.featureId)}
                      placeholder="No feature"
                      searchable
                      allowDeselect={false}
                      disabled={busy}
                      aria-label={`Feature “${e.name}” counts as`}
                      onChange={(value) => {
                        const target = features.find((f) => String(f.id) === value);
                        if (target && target.id !== e.featureId) void changes.run(`Counting “${e.name}” as ${target.name}`, 'features.assignEvent', { event: e.name, featureId: target.id });
                      }}
                      data-testid="event-counts-as"
                    />
                    {e.unreviewed && e.featureId !== null && (
                      <Tooltip label={`Keep it as ${e.featureName ?? e.name}`}>
                        <ActionIcon
                          size="input-xs"
                          variant="light"
                          color="teal"
                          disabled={busy}
                          aria-label={`Keep “${e.name}” as ${e.featureName ?? e.name}`}
                          onClick={() => void changes.run(`Keeping “${e.name}” as ${e.featureName ?? e.name}`, 'features.assignEvent', { event: e.name, featureId: e.featureId as number })}
                          data-testid="event-confirm"
                        >
                          <IconCheck size={14} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
