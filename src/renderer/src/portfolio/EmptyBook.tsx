import { Button, Progress, Stack, Text } from '@mantine/core';
import { IconFileImport, IconFileSpreadsheet, IconFlask } from '@tabler/icons-react';
import { formatCount } from '../../../shared/format';
import { EmptyState } from '../components/EmptyState';
import { useDemoProgress } from '../hooks/use-demo-progress';
import { useMutation } from '../hooks/use-mutation';

/** What a first start looks like: say what to do next, and offer the demo book to look around with. */
export function EmptyBook({ onImport }: { onImport: () => void }) {
  const load = useMutation('demo.load', {
    errorTitle: 'Could not load the demo book',
    successMessage: ({ accounts, alreadyLoaded }) =>
      alreadyLoaded ? 'The demo book is already loaded.' : `Loaded the demo book: ${formatCount(accounts)} sample accounts.`,
  });
  const progress = useDemoProgress();
  if (progress) {
    return (
      <EmptyState
        fill
        testId="empty-book"
        icon={IconFlask}
        title="Loading the demo book"
        description="Sample export files from Salesforce, HubSpot, Pendo and Mixpanel are being imported, as your own files would be."
        actions={
          <Stack w={360} gap={6} data-testid="demo-progress">
            <Progress value={(100 * progress.done) / progress.total} animated aria-label="Demo book loading" />
            <Text size="sm" c="dimmed">
              {progress.step} ({progress.done + 1} of {progress.total})
            </Text>
          </Stack>
        }
      />
    );
  }
  return (
    <EmptyState
      fill
      testId="empty-book"
      icon={IconFileSpreadsheet}
      title="No accounts yet"
      description="Drop a usage or accounts CSV on the window, or load the demo book."
      actions={
        <>
          <Button leftSection={<IconFlask size={16} />} loading={load.running} onClick={() => void load.mutate({})} data-testid="load-demo">
            Load the demo book
          </Button>
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={onImport}>
            Go to Import
          </Button>
        </>
      }
    />
  );
}
