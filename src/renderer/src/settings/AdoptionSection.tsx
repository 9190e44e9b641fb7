import { Group, NumberInput, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { SettingsSection } from './SettingsSection';
import type { MetricsDraft } from './use-metrics-draft';

const int = (v: number | string, min: number, max: number) => Math.max(min, Math.min(max, Math.round(typeof v === 'number' ? v : Number(v) || min)));

/** The adoption definitions of METRICS.md (seeds 001–003), saved with the health settings. */
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
              <NumberInput
                w={70}
                size="xs"
                min={1}
                max={31}
                allowDecimal={false}
                value={s.adoptedUser.minActiveDays}
                onChange={(v) => draft.update('adoptedUser', { ...s.adoptedUser, minActiveDays: int(v, 1, 31) })}
                aria-label="Minimum active days"
                data-testid="adopted-min-days"
              />
              <Text size="sm">distinct days of the last</Text>
              <NumberInput
                w={70}
                size="xs"
                min={1}
                max={90}
                allowDecimal={false}
                value={s.adoptedUser.windowDays}
                onChange={(v) => draft.update('adoptedUser', { ...s.adoptedUser, windowDays: int(v, 1, 90) })}
                aria-label="Window in days"
              />
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
              <NumberInput
                w={70}
                size="xs"
                min={1}
                max={30}
                allowDecimal={false}
                value={s.cadenceDays.daily}
                onChange={(v) => draft.update('cadenceDays', { ...s.cadenceDays, daily: int(v, 1, 30) })}
                aria-label="Days for a daily user"
              />
              <Text size="sm">of the last 30 days; weekly user: at least</Text>
              <NumberInput
                w={70}
                size="xs"
                min={1}
                max={30}
                allowDecimal={false}
                value={s.cadenceDays.weekly}
                onChange={(v) => draft.update('cadenceDays', { ...s.cadenceDays, weekly: int(v, 1, 30) })}
                aria-label="Days for a weekly user"
              />
              <Text size="sm">days</Text>
            </Group>
          </Stack>
        </Stack>
      )}
    </SettingsSection>
  );
}
