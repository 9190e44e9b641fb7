import { Select, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { AppSettings } from '../../../shared/contract';
import { useMutation } from '../hooks/use-mutation';
import { SettingsSection } from './SettingsSection';

const MACHINE = '__machine__';

function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    // An engine without the list: the CSM can still follow the machine's zone.
    return [];
  }
}

/** The zone that decides what "today" is and where each day starts (docs/METRICS.md: a day is a day in this zone). */
export function TimeZoneSection({ settings }: { settings: AppSettings }) {
  const update = useMutation('settings.update', {
    errorTitle: 'Could not change the time zone',
    successMessage: (s) => `Days now start at midnight in ${s.effectiveTimeZone}${s.timeZone === null ? ' (this computer’s time zone)' : ''}.`,
  });
  const data = useMemo(
    () => [{ value: MACHINE, label: `This computer’s time zone (${settings.machineTimeZone})` }, ...zones().map((z) => ({ value: z, label: z.replaceAll('_', ' ') }))],
    [settings.machineTimeZone],
  );
  return (
    <SettingsSection
      id="time-zone"
      title="Time zone"
      description="Usage is counted per calendar day in this zone, and “today” is today here. Changing it recomputes today’s health."
    >
      <Select
        maw={420}
        searchable
        data={data}
        value={settings.timeZone ?? MACHINE}
        allowDeselect={false}
        disabled={update.running}
        onChange={(value) => {
          if (value !== null) void update.mutate({ timeZone: value === MACHINE ? null : value });
        }}
        nothingFoundMessage="No time zone by that name"
        aria-label="Time zone"
        data-testid="time-zone"
      />
      <Text size="xs" c="dimmed">
        In force: {settings.effectiveTimeZone}
      </Text>
    </SettingsSection>
  );
}
