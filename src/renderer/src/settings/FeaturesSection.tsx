import { Code, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Feature } from '../../../shared/contract';
import { useMutation } from '../hooks/use-mutation';
import { SettingsSection } from './SettingsSection';

/** Which features are key (breadth and the adopted-user definition count them) and which are paid (downgrade risk). */
export function FeaturesSection({ features }: { features: readonly Feature[] }) {
  const update = useMutation('features.update', { errorTitle: 'Could not change the feature' });
  // The switch being saved: a key-feature change recomputes every account's health history, which takes a moment.
  const [pending, setPending] = useState<string | null>(null);
  const toggle = async (feature: Feature, field: 'isKey' | 'isPaid', value: boolean) => {
    setPending(`${feature.id}:${field}`);
    await update.mutate({ id: feature.id, [field]: value });
    setPending(null);
  };
  const keyCount = features.filter((f) => f.isKey).length;
  return (
    <SettingsSection
      id="features"
      title="Key features"
      description={`Key features (${keyCount} of ${features.length}) are the ones breadth counts (“3 of 4 key features used”) and an adopted user must have used. Paid features unused by an account are flagged as a downgrade risk.`}
    >
      {features.length === 0 ? (
        <Text size="sm" c="dimmed">
          No features yet: they appear when you import usage events that name a feature.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={480} maxHeight={360}>
          <Table stickyHeader verticalSpacing={6} data-testid="features-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Feature</Table.Th>
                <Table.Th>Event name</Table.Th>
                <Table.Th ta="center">Key</Table.Th>
                <Table.Th ta="center">Paid</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {features.map((f) => (
                <Table.Tr key={f.id} data-testid="feature-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {f.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>{f.key}</Code>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      mx="auto"
                      w="fit-content"
                      checked={f.isKey}
                      disabled={pending === `${f.id}:isKey`}
                      onChange={(event) => void toggle(f, 'isKey', event.currentTarget.checked)}
                      aria-label={`${f.name} is a key feature`}
                      data-testid="feature-key"
                    />
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      mx="auto"
                      w="fit-content"
                      color="orange"
                      checked={f.isPaid}
                      disabled={pending === `${f.id}:isPaid`}
                      onChange={(event) => void toggle(f, 'isPaid', event.currentTarget.checked)}
                      aria-label={`${f.name} is a paid feature`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SettingsSection>
  );
}
