import { Button, FileButton, type ButtonProps } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { ACCEPTED_EXTENSIONS } from '../screens/accepted-files';
import { useImportSession } from './ImportSession';

/**
 * One "Choose files…" button for both hosts: the desktop app opens main's own OS dialog through the preload (main
 * keeps what was chosen and answers a handle for each); in a browser a hidden multiple-file input hands over File
 * objects that are uploaded.
 */
export function ChooseFilesButton(props: ButtonProps) {
  const session = useImportSession();
  const bridge = window.bearing;
  const button = (onClick: () => void) => (
    <Button leftSection={<IconFolderOpen size={16} />} onClick={onClick} data-testid="choose-files" {...props}>
      Choose files…
    </Button>
  );
  if (bridge) {
    return button(() => {
      void bridge.pickFiles('import').then((picked) => picked.length > 0 && session.addPicked(picked));
    });
  }
  return (
    <FileButton
      multiple
      accept={ACCEPTED_EXTENSIONS}
      onChange={(files) => files.length > 0 && session.addFiles(files)}
    >
      {({ onClick }) => button(onClick)}
    </FileButton>
  );
}
