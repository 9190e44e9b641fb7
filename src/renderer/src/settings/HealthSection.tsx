import { Alert, Button, Divider, Loader, Stack, Text, Title } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { RulesEditor } from './RulesEditor';
import { SettingsSection } from './SettingsSection';
import { ThresholdsEditor } from './ThresholdsEditor';
import type { MetricsDraft } from './use-metrics-draft';
import { WeightsEditor } from './WeightsEditor';

/** Health weights, thresholds and rules; the live preview and Save are in the bar at the bottom of the screen. */
export function HealthSection({ draft }: { draft: MetricsDraft }) {
  const { current } = draft;
  return (
    <SettingsSection
      id="health"
      title="Health score"
      description="The score is a weighted mean of six components (0–100). Change a weight, a threshold or a rule and the bar at the bottom says which accounts would change status before you save."
      actions={
        <Button size="xs" variant="default" leftSection={<IconRestore size={14} />} onClick={draft.resetToDefaults} disabled={!current} data-testid="health-reset">
          Reset to defaults
        </Button>
      }
    >
      {draft.error && <Alert color="red" title="Could not read the health settings">{draft.error.message}</Alert>}
      {!current && !draft.error && <Loader size="sm" aria-label="Loading the health settings" />}
      {current && (
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={4} fz="sm">
              Weights
            </Title>
            <Text size="xs" c="dimmed">
              A component without data for an account is left out, and the other weights are rescaled.
            </Text>
          </Stack>
          <WeightsEditor weights={current.weights} onChange={(weights) => draft.update('weights', weights)} />
          <Divider />
          <Title order={4} fz="sm">
            Thresholds
          </Title>
          <ThresholdsEditor thresholds={current.thresholds} onChange={(thresholds) => draft.update('thresholds', thresholds)} />
          <Divider />
          <Stack gap={4}>
            <Title order={4} fz="sm">
              Rules
            </Title>
            <Text size="xs" c="dimmed">
              A rule overrides the score’s colour when its condition holds; the reason is shown beside the score.
            </Text>
          </Stack>
          <RulesEditor rules={current.rules} onChange={(rules) => draft.update('rules', rules)} />
        </Stack>
      )}
    </SettingsSection>
  );
}
