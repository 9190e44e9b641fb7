// Undo for deletes (issue #5, "everywhere"): a delete answers with a ticket, and the notification that confirms
// the delete carries the Undo button. One helper, so every screen's deletes read and behave the same.
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UndoTicket } from '../../../shared/contract';
import { ClientError, call } from '../api/client';

const MAX_SHOWN_MS = 15_000;

/** "View “Renewals” deleted · Undo"; the button works until the ticket expires (the notification closes first). */
export function showUndoNotification(ticket: UndoTicket, what: string): void {
  const id = `undo-${ticket.token}`;
  const undo = async () => {
    notifications.hide(id);
    try {
      await call('undo.apply', { token: ticket.token });
      notifications.show({ color: 'teal', message: `${what} restored.` });
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Could not undo',
        message: error instanceof ClientError ? error.message : String(error),
        autoClose: 10_000,
      });
    }
  };
  notifications.show({
    id,
    autoClose: Math.max(1_000, Math.min(MAX_SHOWN_MS, ticket.expiresAt - Date.now())),
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{what} deleted.</Text>
        <Button size="compact-sm" variant="light" onClick={() => void undo()} data-testid="undo-delete">
          Undo
        </Button>
      </Group>
    ),
  });
}
