import { Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload, IconX } from '@tabler/icons-react';
import { ACCEPTED_FILES } from '../screens/accepted-files';

interface Props {
  active: boolean;
  onDrop: (files: File[]) => void;
}

/**
 * The CSM can drop an export on any screen. Without this, a file dropped on the page would make the browser
 * open it in place of the app.
 */
export function DropAnywhere({ active, onDrop }: Props) {
  return (
    <Dropzone.FullScreen active={active} accept={ACCEPTED_FILES} onDrop={onDrop}>
      <Group justify="center" mih={220} style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={52} stroke={1.5} color="var(--mantine-primary-color-filled)" />
        </Dropzone.Accept>
        <Dropzone.Reject>
          <IconX size={52} stroke={1.5} color="var(--mantine-color-red-6)" />
        </Dropzone.Reject>
        <Dropzone.Idle>
          <IconFileSpreadsheet size={52} stroke={1.5} />
        </Dropzone.Idle>
        <Stack gap={4}>
          <Text size="xl">Drop to import</Text>
          <Text size="sm" c="dimmed">
            Usage events or accounts, as CSV or TSV files
          </Text>
        </Stack>
      </Group>
    </Dropzone.FullScreen>
  );
}
