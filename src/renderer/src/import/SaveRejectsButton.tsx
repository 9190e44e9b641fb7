import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '../hooks/use-mutation';
import { downloadText } from './download-text';

/** Downloads every rejected line of an import (line, code, reason and the row as read) as a CSV. */
export function SaveRejectsButton({ importId }: { importId: number }) {
  const rejects = useMutation('imports.rejectsCsv', { errorTitle: 'Could not save the rejected rows' });
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconDownload size={14} />}
      loading={rejects.running}
      onClick={async () => {
        const file = await rejects.mutate({ id: importId });
        if (file) downloadText(file.fileName, file.csv);
      }}
      data-testid="save-rejects"
    >
      Save rejected rows as CSV
    </Button>
  );
}
