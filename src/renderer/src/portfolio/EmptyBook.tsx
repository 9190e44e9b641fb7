import { Button, Center, EmptyState } from '@mantine/core';
import { IconFileImport, IconFileSpreadsheet, IconFlask } from '@tabler/icons-react';
import { formatCount } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';

/** What a first start looks like: say what to do next, and offer the demo book to look around with. */
export function EmptyBook({ onImport }: { onImport: () => void }) {
  const load = useMutation('demo.load', {
    errorTitle: 'Could not load the demo book',
    successMessage: ({ accounts }) => `Loaded the demo book: ${formatCount(accounts)} sample accounts.`,
  });
  return (
    <Center flex={1} data-testid="empty-book">
      <EmptyState
        maw={520}
        icon={<IconFileSpreadsheet size={32} stroke={1.5} />}
        withIndicatorBackground
        title="No accounts yet"
        description="Drop a usage or accounts CSV on the window, or load the demo book."
      >
        <EmptyState.Actions>
          <Button
            leftSection={<IconFlask size={16} />}
            loading={load.running}
            onClick={() => void load.mutate({})}
            data-testid="load-demo"
          >
            Load the demo book
          </Button>
          <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={onImport}>
            Go to Import
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Center>
  );
}
