// Undo for deletes (issue #5, "everywhere"): every delete answers with a ticket; the notification it raises
// carries an Undo button that hands the ticket's token to main. One place, so every tab words it the same.
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UndoTicket } from '../../../shared/contract';
import { call, isClientError } from '../api/client';

const WHAT: Record<UndoTicket['kind'], string> = {
  milestone: 'Milestone',
  qbr: 'QBR',
  action_item: 'Action item',
  touchpoint: 'Touchpoint',
  survey: 'Survey answer',
  view: 'View',
  catalogue: 'Feature catalogue',
  outcome: 'Outcome',
};

async function applyUndo(ticket: UndoTicket, notificationId: string) {
  notifications.hide(notificationId);
  try {
    const restored = await call('undo.apply', { token: ticket.token });
    const done = restored.kind === 'catalogue' ? `Undone: ${restored.name}. Usage and health follow the catalogue as it was.` : `${WHAT[restored.kind]} “${restored.name}” restored.`;
    notifications.show({ color: 'teal', message: done });
  } catch (error) {
    notifications.show({
      color: 'red',
      title: 'Could not undo the delete',
      message: isClientError(error) ? error.message : String(error),
      autoClose: 10_000,
    });
  }
}

/**
 * Shows "<Kind> deleted — Undo" (a catalogue change: "Feature catalogue changed — Undo") for as long as the
 * ticket is good (at most 15 s, so it does not linger).
 */
export function notifyDeleted(ticket: UndoTicket) {
  const id = `undo-${ticket.token}`;
  const autoClose = Math.max(3000, Math.min(15_000, ticket.expiresAt - Date.now()));
  notifications.show({
    id,
    autoClose,
    title: `${WHAT[ticket.kind]} ${ticket.kind === 'catalogue' ? 'changed' : 'deleted'}`,
    message: (
      // The name gives way (two lines, then an ellipsis); the Undo button never shrinks, so it is never cut to "Und".
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" lineClamp={2} style={{ flex: 1, minWidth: 0 }}>
          {/* A catalogue change is a sentence that quotes its own names; anything else is a thing's name. */}
          {ticket.kind === 'catalogue' ? ticket.name : `“${ticket.name}”`}
        </Text>
        <Button size="compact-sm" variant="light" style={{ flexShrink: 0 }} onClick={() => void applyUndo(ticket, id)} data-testid="undo-delete">
          Undo
        </Button>
      </Group>
    ),
  });
}

/**
 * Runs a delete (a contract call answering an undo ticket) and offers the undo; a failure is shown as a readable
 * notification. Resolves true when the thing was deleted.
 */
export async function deleteWithUndo(remove: () => Promise<UndoTicket>): Promise<boolean> {
  try {
    notifyDeleted(await remove());
    return true;
  } catch (error) {
    notifications.show({
      color: 'red',
      title: 'Could not delete it',
      message: isClientError(error) ? error.message : String(error),
      autoClose: 10_000,
    });
    return false;
  }
}
