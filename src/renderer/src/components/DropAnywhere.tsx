import { Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';

interface Props {
  onDrop: (files: File[]) => void;
}

/**
 * The CSM can drop exports on any screen, the Import screen included. Without this, a file dropped on the page
 * would make the browser open it in place of the app. Every file is accepted here: main reads it and explains
 * a wrong one (an image, an Excel workbook) in words a silent refusal could not.
 */
export function DropAnywhere({ onDrop }: Props) {
  return (
    <Dropzone.FullScreen onDrop={onDrop} data-testid="drop-anywhere">
      <Group justify="center" mih="calc(100dvh - 6rem)" style={{ pointerEvents: 'none' }}>
        <Dropzone.Accept>
          <IconUpload size={52} stroke={1.5} color="var(--mantine-primary-color-filled)" />
        </Dropzone.Accept>
        <Dropzone.Idle>
          <IconFileSpreadsheet size={52} stroke={1.5} />
        </Dropzone.Idle>
        <Stack gap={4}>
          <Text size="xl">Drop to import</Text>
          <Text size="sm" c="dimmed">
            Usage events or accounts, as CSV or TSV files. Each file is checked before anything is saved.
          </Text>
        </Stack>
      </Group>
    </Dropzone.FullScreen>
  );
}
