import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { SHORTCUTS } from './shortcuts';

/** The "?" modal: every keyboard shortcut, from the same list the key handler follows. */
export function ShortcutsHelp({ opened, onClose, desktop }: { opened: boolean; onClose: () => void; desktop: boolean }) {
  const shown = SHORTCUTS.filter((s) => desktop || !s.desktopOnly);
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" centered size="md" data-testid="shortcuts-help">
      <Table verticalSpacing={6} withRowBorders={false}>
        <Table.Tbody>
          {shown.map((shortcut) => (
            <Table.Tr key={shortcut.description}>
              <Table.Td w="45%">
                <Group gap={6} wrap="nowrap">
                  {shortcut.keys.map((chord, i) => (
                    <Fragment key={chord.join('+')}>
                      {i > 0 && (
                        <Text span size="xs" c="dimmed">
                          or
                        </Text>
                      )}
                      <Group gap={3} wrap="nowrap">
                        {chord.map((key, k) => (
                          <Fragment key={key}>
                            {/* A sequence ("G then P") reads differently from a chord ("Ctrl + 1"). */}
                            {k > 0 && (
                              <Text span size="xs" c="dimmed">
                                {chord[0] === 'G' ? 'then' : '+'}
                              </Text>
                            )}
                            <Kbd size="sm">{key}</Kbd>
                          </Fragment>
                        ))}
                      </Group>
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{shortcut.description}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
