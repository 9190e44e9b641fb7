// The new action items of a QBR being logged: what, who, by when. Rows with an empty text are ignored on save,
// so the CSM can leave a blank row without an error.
import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';

export interface DraftItem {
  key: number;
  text: string;
  owner: string;
  dueDate: string;
}

let nextKey = 1;
export function draftItem(): DraftItem {
  return { key: nextKey++, text: '', owner: '', dueDate: '' };
}

export function ActionItemsEditor({ items, onChange }: { items: DraftItem[]; onChange: (items: DraftItem[]) => void }) {
  const set = (key: number, patch: Partial<DraftItem>) => onChange(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        New action items
      </Text>
      {items.map((item, index) => (
        <Group key={item.key} gap="xs" wrap="nowrap" align="flex-start" data-testid="draft-action-item">
          <TextInput
            flex={1}
            placeholder="What needs doing"
            aria-label={`Action item ${index + 1}`}
            value={item.text}
            onChange={(e) => set(item.key, { text: e.currentTarget.value })}
            data-testid="draft-item-text"
          />
          <TextInput
            w={150}
            placeholder="Owner"
            aria-label={`Owner of action item ${index + 1}`}
            value={item.owner}
            onChange={(e) => set(item.key, { owner: e.currentTarget.value })}
            data-testid="draft-item-owner"
          />
          <TextInput
            w={150}
            type="date"
            aria-label={`Due date of action item ${index + 1}`}
            value={item.dueDate}
            onChange={(e) => set(item.key, { dueDate: e.currentTarget.value })}
            data-testid="draft-item-due"
          />
          <ActionIcon variant="subtle" color="gray" mt={6} aria-label="Remove this action item" onClick={() => onChange(items.filter((i) => i.key !== item.key))}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange([...items, draftItem()])} data-testid="draft-item-add">
          Add action item
        </Button>
      </Group>
    </Stack>
  );
}
