import { Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconClearAll, IconFileImport, IconFolders, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { DropPanel } from '../import/DropPanel';
import { FileCard } from '../import/FileCard';
import { ImportHistory } from '../import/ImportHistory';
import { useImportSession } from '../import/ImportSession';
import { OtherJobs } from '../import/OtherJobs';
import { WatchedFolders } from '../import/WatchedFolders';
import { finishedEntry } from '../import/file-entry';

type Tab = 'files' | 'history' | 'watch';

export function ImportScreen() {
  const session = useImportSession();
  const [tab, setTab] = useState<Tab>('files');
  const finished = session.entries.filter((e) => finishedEntry(e, session.progress)).length;

  return (
    <Stack maw={1180} gap="md">
      <div>
        <Title order={2}>Import</Title>
        <Text size="sm" c="dimmed">
          Each file is checked and previewed before anything is saved, and every import can be undone.
        </Text>
      </div>
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'files')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="files" leftSection={<IconFileImport size={16} />} data-testid="tab-files">
            Files
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
            History
          </Tabs.Tab>
          <Tabs.Tab value="watch" leftSection={<IconFolders size={16} />} data-testid="tab-watch">
            Watched folders
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="files">
          <Stack gap="md">
            <DropPanel compact={session.entries.length > 0} />
            <OtherJobs />
            {finished > 1 && (
              <Group justify="flex-end" mb={-8}>
                <Button size="xs" variant="subtle" color="gray" leftSection={<IconClearAll size={14} />} onClick={session.clearFinished}>
                  Clear {finished} finished files
                </Button>
              </Group>
            )}
            {session.entries.map((entry) => (
              <FileCard key={entry.key} entry={entry} />
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <ImportHistory />
        </Tabs.Panel>
        <Tabs.Panel value="watch">
          <WatchedFolders />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
