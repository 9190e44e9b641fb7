import { Group, NumberInput, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { SettingsSection } from './SettingsSection';
import type { MetricsDraft } from './use-metrics-draft';

const int = (v: number | string, min: number, max: number) => Math.max(min, Math.min(max, Math.round(typeof v === 'number' ? v : Number(v) || min)));

/** The adoption definitions of docs/METRICS.md (seeds 001–003), saved with the health settings. */
export function AdoptionSection({ draft }: { draft: MetricsDraft }) {
  const s = draft.current;
  return (
    <SettingsSection
      id="adoption"
      title="Adoption definitions"
      description="What counts as an adopted user, an adopted account and an eligible user. Saved with the health settings (bar at the bottom)."
    >
      {s && (
        <Stack gap="md">
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Adopted user
            </Text>
            <Group gap="xs" align="center">
              <Text size="sm">Active on at least</Text>
              <DaysInput max={31} value={s.adoptedUser.minActiveDays} label="Minimum active days" testId="adopted-min-days" onChange={(days) => draft.update('adoptedUser', { ...s.adoptedUser, minActiveDays: days })} />
              <Text size="sm">distinct days of the last</Text>
              <DaysInput max={90} value={s.adoptedUser.windowDays} label="Window in days" onChange={(days) => draft.update('adoptedUser', { ...s.adoptedUser, windowDays: days })} />
              <Text size="sm">days</Text>
            </Group>
            <Switch
              label="…and used at least one key feature in that time"
              checked={s.adoptedUser.requireKeyFeature}
              onChange={(event) => draft.update('adoptedUser', { ...s.adoptedUser, requireKeyFeature: event.currentTarget.checked })}
            />
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Adopted account
            </Text>
            <Group gap="xs" align="center">
              <Text size="sm">Onboarding milestone achieved and at least</Text>
              <NumberInput
                w={80}
                size="xs"
                min={0}
                max={100}
                suffix="%"
                allowDecimal={false}
                value={Math.round(s.adoptedAccount.minDailyActiveShare * 100)}
                onChange={(v) => draft.update('adoptedAccount', { minDailyActiveShare: int(v, 0, 100) / 100 })}
                aria-label="Share of users active daily"
              />
              <Text size="sm">of its users active daily on average</Text>
            </Group>
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Eligible users (the adoption rate’s denominator)
            </Text>
            <SegmentedControl
              style={{ alignSelf: 'flex-start' }}
              value={s.eligibleUsers}
              onChange={(value) => draft.update('eligibleUsers', value === 'licenses' ? 'licenses' : 'known_users')}
              data={[
                { value: 'known_users', label: 'Known users' },
                { value: 'licenses', label: 'Licenses purchased' },
              ]}
              data-testid="eligible-users"
            />
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Usage cadence
            </Text>
            <Group gap="xs" align="center">
              <Text size="sm">Daily user: active on at least</Text>
              <DaysInput max={30} value={s.cadenceDays.daily} label="Days for a daily user" onChange={(days) => draft.update('cadenceDays', { ...s.cadenceDays, daily: days })} />
              <Text size="sm">of the last 30 days; weekly user: at least</Text>
              <DaysInput max={30} value={s.cadenceDays.weekly} label="Days for a weekly user" onChange={(days) => draft.update('cadenceDays', { ...s.cadenceDays, weekly: days })} />
              <Text size="sm">days</Text>
            </Group>
          </Stack>
        </Stack>
      )}
    </SettingsSection>
  );
}

/** A whole number of days in a sentence ("at least [8] distinct days of the last [30] days"). */
function DaysInput({ value, max, label, testId, onChange }: { value: number; max: number; label: string; testId?: string; onChange(days: number): void }) {
  return (
    <NumberInput
      w={70}
      size="xs"
      min={1}
      max={max}
      allowDecimal={false}
      value={value}
      onChange={(v) => onChange(int(v, 1, max))}
      aria-label={label}
      data-testid={testId}
    />
  );
}
