import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { AppInfo } from '../../../shared/contract';
import type { ClientError } from '../api/client';
import { useQuery } from '../hooks/use-query';
import { AdoptionSection } from '../settings/AdoptionSection';
import { AppearanceSection } from '../settings/AppearanceSection';
import { DataSection } from '../settings/DataSection';
import { DeckSection } from '../settings/DeckSection';
import { OutreachSection } from '../settings/OutreachSection';
import { HealthSection } from '../settings/HealthSection';
import { ImportingSection } from '../settings/ImportingSection';
import { JourneySection } from '../settings/JourneySection';
import { FeaturesSection } from '../settings/FeaturesSection';
import { ModelChangesBar } from '../settings/ModelChangesBar';
import { OnboardingSection } from '../settings/OnboardingSection';
import { RemindersSection } from '../settings/RemindersSection';
import { TimeZoneSection } from '../settings/TimeZoneSection';
import { useMetricsDraft } from '../settings/use-metrics-draft';

const SECTIONS = [
  { id: 'health', label: 'Health score' },
  { id: 'adoption', label: 'Adoption' },
  { id: 'features', label: 'Features' },
  { id: 'journey', label: 'Stages and QBRs' },
  { id: 'onboarding', label: 'Onboarding' },
  { id: 'reminders', label: 'Reminders' },
  { id: 'time-zone', label: 'Time zone' },
  { id: 'importing', label: 'Importing' },
  { id: 'outreach', label: 'Outreach templates' },
  { id: 'data', label: 'Data and backups' },
  { id: 'appearance', label: 'Appearance' },
];

export function SettingsScreen({ info, error }: { info: AppInfo | undefined; error: ClientError | undefined }) {
  const settings = useQuery('settings.get', {});
  const draft = useMetricsDraft();
  const s = settings.data;

  return (
    <Stack maw={740} gap="md" pb="md">
      <Stack gap={6}>
        <Title order={2}>Settings</Title>
        {/* Buttons, not #anchors: the hash is the app's router. */}
        <Group gap={4}>
          {SECTIONS.map((section) => (
            <Button
              key={section.id}
              size="compact-sm"
              variant="subtle"
              onClick={() => document.getElementById(section.id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
            >
              {section.label}
            </Button>
          ))}
        </Group>
      </Stack>
      {error && (
        <Alert color="red" title="Could not read the app’s details">
          {error.message}
        </Alert>
      )}
      <HealthSection draft={draft} />
      <AdoptionSection draft={draft} />
      <FeaturesSection />
      {settings.error && !s && (
        <Alert color="red" title="Could not read the settings">
          <Stack align="flex-start" gap="xs">
            <Text size="sm">{settings.error.message}</Text>
            <Button size="xs" variant="light" color="red" onClick={settings.refetch}>
              Try again
            </Button>
          </Stack>
        </Alert>
      )}
      {!s && !settings.error && <Loader size="sm" aria-label="Loading the settings" />}
      {s && (
        <>
          {/* A save elsewhere (another window, the CLI) shows in the fields the CSM has not touched. */}
          <JourneySection settings={s} />
          <OnboardingSection settings={s} />
          <RemindersSection settings={s} host={info?.host} />
          <TimeZoneSection settings={s} />
          <ImportingSection settings={s} />
          <DeckSection />
          <OutreachSection />
          <DataSection settings={s} info={info} />
        </>
      )}
      <AppearanceSection />
      <ModelChangesBar draft={draft} />
    </Stack>
  );
}
