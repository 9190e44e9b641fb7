import { Alert, Group, List, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconInfoCircle, IconUpload, IconX } from '@tabler/icons-react';
import { formatCount } from '../../../shared/format';
import { ACCEPTED_FILES } from './accepted-files';

interface Props {
  /** Files dropped here or anywhere else in the window. */
  dropped: readonly File[];
  onDrop: (files: File[]) => void;
}

// A placeholder until the importer lands: it takes the files and says honestly that they are not read yet.
export function ImportScreen({ dropped, onDrop }: Props) {
  return (
    <Stack maw={760} gap="md">
      <div>
        <Title order={2}>Import</Title>
        <Text size="sm" c="dimmed">
          Usage exports from Pendo, Mixpanel or Amplitude, and account exports from Salesforce or HubSpot.
        </Text>
      </div>
      <Dropzone onDrop={onDrop} accept={ACCEPTED_FILES} data-testid="import-dropzone">
        <Group justify="center" gap="xl" mih={180} style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <IconUpload size={48} stroke={1.5} color="var(--mantine-primary-color-filled)" />
          </Dropzone.Accept>
          <Dropzone.Reject>
            <IconX size={48} stroke={1.5} color="var(--mantine-color-red-6)" />
          </Dropzone.Reject>
          <Dropzone.Idle>
            <IconFileSpreadsheet size={48} stroke={1.5} color="var(--mantine-color-dimmed)" />
          </Dropzone.Idle>
          <Stack gap={4}>
            <Text size="lg">Drop CSV files here, or click to choose</Text>
            <Text size="sm" c="dimmed">
              Comma- or tab-separated text (.csv, .tsv, .txt) with a header row, of any size
            </Text>
          </Stack>
        </Group>
      </Dropzone>
      {dropped.length > 0 && (
        <Alert icon={<IconInfoCircle />} title="The importer is not built yet" data-testid="import-pending">
          <Text size="sm" mb="xs">
            These files were received but not read; nothing was added to your book:
          </Text>
          <List size="sm">
            {dropped.map((file) => (
              <List.Item key={`${file.name}:${file.size}:${file.lastModified}`}>
                {file.name} ({formatCount(Math.ceil(file.size / 1024))} KB)
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
