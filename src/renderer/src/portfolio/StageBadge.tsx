import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { Stage } from '../../../shared/contract';

export const STAGES: Record<Stage, { label: string; color: string }> = {
  onboarding: { label: 'Onboarding', color: 'blue' },
  adoption: { label: 'Adoption', color: 'teal' },
  renewal: { label: 'Renewal', color: 'grape' },
};

export function StageBadge({ stage, overridden, churned = false }: { stage: Stage | null; overridden: boolean; churned?: boolean }) {
  if (churned) {
    return (
      <Tooltip label="The last renewal was lost: a former customer, kept for history and benchmarks">
        <Badge color="gray" variant="light">
          Churned
        </Badge>
      </Tooltip>
    );
  }
  if (stage === null) {
    return (
      <Tooltip label="No contract dates yet, so the stage cannot be worked out">
        <Text size="sm" c="dimmed" span>
          —
        </Text>
      </Tooltip>
    );
  }
  const { label, color } = STAGES[stage];
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={color} variant="light">
        {label}
      </Badge>
      {overridden && (
        <Tooltip label="Set by hand: this replaces the stage worked out from the contract dates">
          <Badge color="gray" variant="outline" size="xs" data-testid="stage-override">
            override
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
