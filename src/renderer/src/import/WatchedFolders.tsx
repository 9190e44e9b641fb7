import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconFolder, IconFolderPlus, IconInfoCircle, IconTrash } from '@tabler/icons-react';
import { useMutation } from '../hooks/use-mutation';
import { useQuery } from '../hooks/use-query';

const ERROR_TITLE = 'Could not watch that folder';

/**
 * Folders whose new CSVs Bearing imports by itself: where a scheduled export from Pendo or Salesforce lands. A
 * folder is chosen in main's own OS folder dialog (the page never names a path), so only the desktop app adds one;
 * in a browser the list is shown and can be trimmed.
 */
export function WatchedFolders() {
  const list = useQuery('watch.list', {});
  const add = useMutation('watch.add', {
    errorTitle: ERROR_TITLE,
    successMessage: (f) => `Watching ${f.path}`,
  });
  const remove = useMutation('watch.remove', { errorTitle: 'Could not stop watching the folder' });
  const bridge = window.bearing;

  const chooseFolder = async () => {
    const picked = await bridge?.pickFolder();
    if (!picked) return;
    if (picked.result.ok) await add.mutate({ folder: picked.result.value.file });
    else notifications.show({ color: 'red', title: ERROR_TITLE, message: picked.result.error.message, autoClose: 10_000 });
  };

  return (
    <Stack gap="md" maw={760}>
      <Text size="sm" c="dimmed">
        New or changed CSV files in these folders are imported automatically with their remembered mapping while
        Bearing is open; a file already imported is left alone. Each import is announced and listed in the history.
      </Text>
      {bridge ? (
        <Group>
          <Button leftSection={<IconFolderPlus size={16} />} loading={add.running} onClick={() => void chooseFolder()} data-testid="watch-add">
            Add folder…
          </Button>
        </Group>
      ) : (
        <Alert color="gray" variant="light" icon={<IconInfoCircle />} data-testid="watch-desktop-only">
          A folder to watch is added in the Bearing desktop app, where you choose it in your computer’s folder dialog: a
          browser cannot give Bearing a folder. Folders added there are listed here.
        </Alert>
      )}
      {list.error && !list.data && (
        <Alert color="red" icon={<IconAlertCircle />} title="Could not load the watched folders">
          {list.error.message}
        </Alert>
      )}
      {!list.data && !list.error && (
        <Center py="md">
          <Loader size="sm" aria-label="Loading watched folders" />
        </Center>
      )}
      {list.data?.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="watch-empty">
          No folders watched yet. Add the folder your scheduled exports are saved to, and new files there are imported
          without you dropping them here.
        </Text>
      )}
      {list.data?.map((folder) => (
        <Paper key={folder.id} withBorder p="sm" data-testid="watched-folder">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <IconFolder size={20} stroke={1.5} style={{ flexShrink: 0 }} />
              <Text size="sm" truncate="start" title={folder.path}>
                {folder.path}
              </Text>
              {!folder.exists && (
                <Tooltip label="Bearing cannot find this folder. Reconnect the drive and restart Bearing, or remove it and add the new location.">
                  <Badge color="yellow" variant="light" style={{ flexShrink: 0 }} data-testid="folder-missing">
                    Folder not found
                  </Badge>
                </Tooltip>
              )}
            </Group>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Stop watching ${folder.path}`}
              loading={remove.running}
              onClick={() => void remove.mutate({ id: folder.id })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
