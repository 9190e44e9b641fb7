// The screen the app opens on when its database file cannot be opened (app.status says 'recovery'): what is
// wrong, which file, the newest good backup and one button that puts it in place. The bad file is never
// overwritten or deleted: main renames it aside, and the screen says where it went.
import { Alert, Button, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDatabaseExclamation, IconFilePlus, IconRestore } from '@tabler/icons-react';
import type { AppStatus } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';
import { CopyablePath } from '../settings/CopyablePath';

type Recovery = Extract<AppStatus, { state: 'recovery' }>;

const TITLES: Record<Recovery['problem']['code'], string> = {
  empty_database: 'Your database file is empty',
  not_a_database: 'Your database file is not a database',
  damaged_database: 'Your database file is damaged',
  unreadable_database: 'Bearing is not allowed to open your database file',
  newer_database: 'Your book was saved by a newer version of Bearing',
  not_bearing_database: 'The database file is not Bearing’s',
};

function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatCount(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function RecoveryScreen({ status }: { status: Recovery }) {
  const recover = useMutation('app.recover', { errorTitle: 'Bearing could not put the backup in place' });
  const backup = status.newestGoodBackup;
  const newer = status.problem.code === 'newer_database';
  const when = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

  async function run(file: string | null) {
    // Every screen's data changes with the book: start the page afresh on it.
    if (await recover.mutate({ file })) window.location.reload();
  }

  return (
    <Center mih="100dvh" p="md" data-testid="recovery-screen">
      <Paper withBorder radius="md" p="xl" maw={680} w="100%">
        <Stack gap="lg">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={44} radius="xl" variant="light" color="red">
              <IconDatabaseExclamation size={26} stroke={1.5} />
            </ThemeIcon>
            <Stack gap={4}>
              <Title order={2} size="h3">
                {TITLES[status.problem.code]}
              </Title>
              <Text size="sm" c="dimmed">
                Bearing has not changed the file. Nothing is lost by waiting: the file stays exactly as it is until you choose below.
              </Text>
            </Stack>
          </Group>
          <Text size="sm" data-testid="recovery-message">
            {status.problem.message}
          </Text>
          <CopyablePath label="Database file" path={status.problem.file} />
          {backup ? (
            <Alert variant="light" color={newer ? 'gray' : 'indigo'} title={newer ? 'Or go back to an older backup' : 'Newest good backup'} data-testid="recovery-backup">
              <Stack gap="sm">
                <Text size="sm">
                  Taken {when.format(backup.createdAt)} · {size(backup.sizeBytes)}
                  <br />
                  <Text span size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                    {backup.file}
                  </Text>
                </Text>
                <Text size="sm">
                  {newer
                    ? 'Installing the newer Bearing opens your book as it is. Restoring this backup instead loses what changed since it was taken.'
                    : 'Restoring brings back your book as it was then. Anything changed since is not in it.'}{' '}
                  The current file is kept beside it under a new name, never deleted.
                </Text>
                <Group>
                  <Button
                    leftSection={<IconRestore size={16} />}
                    variant={newer ? 'default' : 'filled'}
                    loading={recover.running}
                    onClick={() => void run(backup.file)}
                    data-testid="recovery-restore"
                  >
                    Restore this backup
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Alert variant="light" color="gray" title="No good backup" data-testid="recovery-no-backup">
              <Stack gap="sm">
                <Text size="sm">
                  There is no backup Bearing can restore. If you have a copy of the file elsewhere, put it in the data folder in
                  place of this one and start Bearing again. Or start a new, empty book: the current file is kept beside it under a
                  new name, never deleted.
                </Text>
                <Group>
                  <Button
                    leftSection={<IconFilePlus size={16} />}
                    variant="default"
                    loading={recover.running}
                    onClick={() => void run(null)}
                    data-testid="recovery-new-book"
                  >
                    Start a new, empty book
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
          <CopyablePath label="Data folder" path={status.dataDir} />
        </Stack>
      </Paper>
    </Center>
  );
}
