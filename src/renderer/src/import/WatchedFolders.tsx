import { ActionIcon, Alert, Badge, Button, Center, Group, Loader, Paper, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconFolder, IconFolderPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation } from '../hooks/use-mutation';
import { useQuery } from '../hooks/use-query';

/** Folders whose new CSVs Bearing imports by itself: where a scheduled export from Pendo or Salesforce lands. */
export function WatchedFolders() {
  const list = useQuery('watch.list', {});
  const [path, setPath] = useState('');
  const add = useMutation('watch.add', {
    errorTitle: 'Could not watch that folder',
    successMessage: (f) => `Watching ${f.path}`,
  });
  const remove = useMutation('watch.remove', { errorTitle: 'Could not stop watching the folder' });

  const submit = async () => {
    const trimmed = path.trim();
    if (!trimmed) return;
    if (await add.mutate({ path: trimmed })) setPath('');
  };

  return (
    <Stack gap="md" maw={760}>
      <Text size="sm" c="dimmed">
        New or changed CSV files in these folders are imported automatically with their remembered mapping while
        Bearing is open; a file already imported is left alone. Each import is announced and listed in the history.
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            flex={1}
            label="Folder to watch"
            placeholder="/Users/you/Downloads/pendo-exports"
            description="Paste the full path of the folder."
            value={path}
            onChange={(event) => setPath(event.currentTarget.value)}
            data-testid="watch-path"
          />
          <Button type="submit" leftSection={<IconFolderPlus size={16} />} loading={add.running} disabled={!path.trim()} data-testid="watch-add">
            Watch folder
          </Button>
        </Group>
      </form>
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
