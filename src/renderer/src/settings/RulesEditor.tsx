import { Group, NumberInput, Select, Stack, Switch, Text } from '@mantine/core';
import type { HealthRule, RuleEffect } from '../../../shared/contract';

const EFFECTS: { value: RuleEffect; label: string }[] = [
  { value: 'force_red', label: 'make it red' },
  { value: 'force_yellow', label: 'make it yellow' },
  { value: 'cap_yellow', label: 'at most yellow' },
];

function condition(rule: HealthRule): string {
  switch (rule.kind) {
    case 'no_usage':
      return 'No usage event for';
    case 'open_support_case':
      return 'A support case open longer than';
    case 'qbr_overdue':
      return 'The QBR is overdue (past the QBR cadence)';
    case 'onboarding_late':
      return 'Onboarding is late against its milestones';
  }
}

/** Rules cap or force a status whatever the score, each shown with its reason beside the score. */
export function RulesEditor({ rules, onChange }: { rules: readonly HealthRule[]; onChange: (rules: HealthRule[]) => void }) {
  const replace = (index: number, next: HealthRule) => onChange(rules.map((r, i) => (i === index ? next : r)));
  return (
    <Stack gap="sm" data-testid="rules-editor">
      {rules.map((rule, index) => (
        <Group key={rule.id} gap="sm" wrap="nowrap" align="center" opacity={rule.enabled ? 1 : 0.7}>
          <Switch
            checked={rule.enabled}
            onChange={(event) => replace(index, { ...rule, enabled: event.currentTarget.checked })}
            aria-label={`${condition(rule)}: ${rule.enabled ? 'on' : 'off'}`}
            data-testid={`rule-${rule.id}`}
          />
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {condition(rule)}
          </Text>
          {(rule.kind === 'no_usage' || rule.kind === 'open_support_case') && (
            <Group gap={6} wrap="nowrap">
              <NumberInput
                w={72}
                size="xs"
                min={1}
                max={365}
                allowDecimal={false}
                value={rule.days}
                disabled={!rule.enabled}
                onChange={(v) => replace(index, { ...rule, days: Math.max(1, Math.min(365, typeof v === 'number' ? v : Number(v) || 1)) })}
                aria-label="Days"
              />
              <Text size="sm">days</Text>
            </Group>
          )}
          <Text size="sm" c="dimmed">
            →
          </Text>
          <Select
            w={150}
            size="xs"
            data={EFFECTS}
            value={rule.effect}
            disabled={!rule.enabled}
            allowDeselect={false}
            onChange={(value) => {
              const effect = EFFECTS.find((e) => e.value === value)?.value;
              if (effect) replace(index, { ...rule, effect });
            }}
            aria-label="Effect on the status"
          />
        </Group>
      ))}
    </Stack>
  );
}
