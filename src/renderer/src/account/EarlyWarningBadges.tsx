// Early warnings in the account header (docs/METRICS.md; seed 003): more support cases than the threshold in the
// first 30 days, or low license utilization during onboarding. Each badge opens to the figures that raised it.
import { Badge, Popover, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { AccountMetrics } from '../../../shared/contract';
import { useQuery } from '../hooks/use-query';

export const EARLY_WARNING_LABEL: Record<AccountMetrics['earlyWarnings'][number]['kind'], string> = {
  early_support_cases: 'Early support cases',
  low_onboarding_usage: 'Low onboarding usage',
};

export function EarlyWarningBadges({ accountId }: { accountId: number }) {
  const metrics = useQuery('metrics.account', { id: accountId });
  return (
    <>
      {(metrics.data?.earlyWarnings ?? []).map((w) => (
        <Popover key={w.kind} width={300} position="bottom-start" withArrow shadow="md">
          <Popover.Target>
            <UnstyledButton aria-label={`Early warning: ${EARLY_WARNING_LABEL[w.kind]}`} data-testid="early-warning" data-kind={w.kind}>
              <Badge color="orange" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ cursor: 'help' }}>
                {EARLY_WARNING_LABEL[w.kind]}
              </Badge>
            </UnstyledButton>
          </Popover.Target>
          <Popover.Dropdown>
            <Text size="sm" data-testid="early-warning-inputs">
              {w.message}
            </Text>
          </Popover.Dropdown>
        </Popover>
      ))}
    </>
  );
}
