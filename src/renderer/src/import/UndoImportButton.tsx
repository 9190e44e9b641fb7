import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp } from '@tabler/icons-react';
import type { ImportRecord } from '../../../shared/contract';
import { formatCount } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';

/** Undo takes a whole import back out of the book, after the CSM confirms what that removes. */
export function UndoImportButton({ record }: { record: ImportRecord }) {
  const [opened, modal] = useDisclosure(false);
  const undo = useMutation('imports.undo', {
    errorTitle: 'Could not undo the import',
    successMessage: (r) => `Undid the import of ${r.fileName}.`,
  });

  return (
    <>
      <Group>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconArrowBackUp size={14} />}
          onClick={modal.open}
          data-testid="undo-import"
        >
          Undo import
        </Button>
      </Group>
      <Modal opened={opened} onClose={modal.close} title={`Undo the import of ${record.fileName}?`} centered>
        <Text size="sm">
          The {formatCount(record.rowsAccepted)} rows it added are removed from your book. Accounts and users it created are
          removed too unless other imports use them, and accounts it updated go back to how they were. Health scores are
          recomputed.
        </Text>
        <Text size="sm" mt="xs" c="dimmed">
          The file itself is not touched: you can import it again later.
        </Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={modal.close}>
            Keep it
          </Button>
          <Button
            color="red"
            loading={undo.running}
            onClick={async () => {
              if (await undo.mutate({ id: record.id })) modal.close();
            }}
            data-testid="confirm-undo"
          >
            Undo import
          </Button>
        </Group>
      </Modal>
    </>
  );
}
