import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { formatCount } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';

/** The one confirmation before the demo book goes, whether asked from the banner or the command palette. */
export function RemoveDemoModal({ opened, onClose, howToReload }: { opened: boolean; onClose(): void; howToReload: string }) {
  const remove = useMutation('demo.remove', {
    errorTitle: 'Could not remove the demo data',
    successMessage: ({ removedAccounts }) => `Removed the demo book (${formatCount(removedAccounts)} accounts).`,
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Remove the demo data?" centered>
      <Stack>
        <Text size="sm">
          This deletes the sample accounts with their usage, milestones, QBRs and touchpoints, and undoes the demo&apos;s
          imports (its feature catalogue included). Accounts you imported stay as they are. You can load the demo book
          again {howToReload}.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.running}
            data-testid="confirm-remove-demo"
            onClick={async () => {
              if (await remove.mutate({})) onClose();
            }}
          >
            Remove demo data
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
