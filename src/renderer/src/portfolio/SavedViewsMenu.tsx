import { ActionIcon, Button, Divider, Group, Popover, ScrollArea, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBookmark, IconBookmarkFilled, IconChevronDown, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { SavedView } from '../../../shared/contract';
import { notifyDeleted } from '../components/undo-notification';
import { useMutation } from '../hooks/use-mutation';
import { useQuery } from '../hooks/use-query';
import { sameView, type Filters, type Sort } from './portfolio-rows';

interface Props {
  filters: Filters;
  sort: Sort;
  onApply: (view: SavedView) => void;
}

/** Saved views: the table's filters and sort under a name, applied from this menu, deleted with an undo. */
export function SavedViewsMenu({ filters, sort, onApply }: Props) {
  const [opened, popover] = useDisclosure(false);
  const views = useQuery('views.list', {});
  const [name, setName] = useState('');
  const save = useMutation('views.save', {
    errorTitle: 'Could not save the view',
    successMessage: (view) => `Saved the view “${view.name}”.`,
  });
  const remove = useMutation('views.delete', { errorTitle: 'Could not delete the view' });

  const items = views.data?.items ?? [];
  const current = items.find((v) => sameView(v, { filters, sort }));

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    if (await save.mutate({ name: trimmed, filters: { ...filters, search: filters.search.trim() }, sort })) {
      setName('');
      // The button now names the view: that is the confirmation, and the table is what the CSM came back to.
      popover.close();
    }
  };

  return (
    <Popover opened={opened} onDismiss={popover.close} position="bottom-end" shadow="md" width={300} withinPortal trapFocus>
      <Popover.Target>
        <Button
          variant={current ? 'light' : 'default'}
          leftSection={current ? <IconBookmarkFilled size={16} /> : <IconBookmark size={16} />}
          rightSection={<IconChevronDown size={14} />}
          onClick={popover.toggle}
          data-testid="views-button"
          maw={240}
        >
          {current ? current.name : 'Views'}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Saved views
          </Text>
          {views.error && (
            <Text size="sm" c="red">
              {views.error.message}
            </Text>
          )}
          {items.length === 0 && !views.error && (
            <Text size="sm" c="dimmed">
              None yet. Set the filters and sort you use often, then save them here under a name.
            </Text>
          )}
          {items.length > 0 && (
            <ScrollArea.Autosize mah={260}>
              <Stack gap={2}>
                {items.map((view) => (
                  <Group key={view.id} gap={4} wrap="nowrap" justify="space-between">
                    <UnstyledButton
                      flex={1}
                      px={6}
                      py={4}
                      style={{ borderRadius: 'var(--mantine-radius-sm)', minWidth: 0 }}
                      bg={view.id === current?.id ? 'var(--mantine-primary-color-light)' : undefined}
                      onClick={() => {
                        onApply(view);
                        popover.close();
                      }}
                      data-testid="view-item"
                    >
                      <Text size="sm" truncate>
                        {view.name}
                      </Text>
                    </UnstyledButton>
                    <Tooltip label={`Delete “${view.name}”`}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Delete the view ${view.name}`}
                        data-testid="view-delete"
                        onClick={async () => {
                          const ticket = await remove.mutate({ id: view.id });
                          if (ticket) notifyDeleted(ticket);
                        }}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
          <Divider />
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Group gap="xs" wrap="nowrap" align="flex-end">
              <TextInput
                flex={1}
                size="xs"
                label="Save the current filters and sort as"
                placeholder="e.g. Renewals at risk"
                value={name}
                maxLength={80}
                onChange={(event) => setName(event.currentTarget.value)}
                data-testid="view-name"
              />
              <Button size="xs" type="submit" loading={save.running} disabled={!name.trim()} data-testid="view-save">
                Save
              </Button>
            </Group>
          </form>
          <Text size="xs" c="dimmed">
            A name already in the list is updated with what is on screen.
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
