// The edit and delete buttons of an item in a list (a milestone, a QBR, a timeline entry): icon buttons with a
// tooltip and a label naming the item for screen readers; delete shows the undo notification (deleteWithUndo).
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { UndoTicket } from '../../../shared/contract';
import { deleteWithUndo } from './undo-notification';

export function EditButton({ label, onClick, testId }: { label: string; onClick(): void; testId?: string }) {
  return (
    <Tooltip label="Edit">
      <ActionIcon variant="subtle" aria-label={label} onClick={onClick} data-testid={testId}>
        <IconPencil size={16} />
      </ActionIcon>
    </Tooltip>
  );
}

export function DeleteButton({ label, remove, testId }: { label: string; remove(): Promise<UndoTicket>; testId: string }) {
  return (
    <Tooltip label="Delete (can be undone)">
      <ActionIcon variant="subtle" color="red" aria-label={label} onClick={() => void deleteWithUndo(remove)} data-testid={testId}>
        <IconTrash size={16} />
      </ActionIcon>
    </Tooltip>
  );
}
