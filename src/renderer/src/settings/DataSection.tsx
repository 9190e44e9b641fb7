import { Button, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import type { AppInfo, AppSettings } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';
import { BackupsList } from './BackupsList';
import { CopyablePath } from './CopyablePath';
import { SettingsSection } from './SettingsSection';

/** Where the data lives, backing it up and restoring it: everything stays on this computer, in one folder. */
export function DataSection({ settings, info }: { settings: AppSettings; info: AppInfo | undefined }) {
  const backup = useMutation('backup.create', {
    errorTitle: 'Could not back up',
    successMessage: (b) => `Backed up to ${b.file} in the backups folder.`,
  });
  return (
    <SettingsSection
      id="data"
      title="Your data"
      description="Everything stays on this computer, in one folder. Nothing is sent anywhere."
      actions={
        <Button leftSection={<IconDatabaseExport size={16} />} loading={backup.running} onClick={() => void backup.mutate({})} data-testid="backup-now">
          Back up now
        </Button>
      }
    >
      <Stack gap="sm">
        <CopyablePath label="Data folder" path={settings.dataDir} />
        <CopyablePath label="Database file" path={settings.databaseFile} />
        <CopyablePath label="Backups folder" path={settings.backupsDir} />
        {info && (
          <SimpleGrid cols={3} maw={480}>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                Accounts
              </Text>
              <Text size="sm">{formatCount(info.counts.accounts)}</Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                Usage events
              </Text>
              <Text size="sm">{formatCount(info.counts.usageEvents)}</Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                Version
              </Text>
              <Text size="sm">{info.version}</Text>
            </Stack>
          </SimpleGrid>
        )}
      </Stack>
      <Group justify="space-between">
        <Title order={4} fz="sm">
          Backups
        </Title>
        <Text size="xs" c="dimmed">
          {settings.backups.length} in the folder
        </Text>
      </Group>
      <BackupsList backups={settings.backups} timeZone={settings.effectiveTimeZone} />
    </SettingsSection>
  );
}
