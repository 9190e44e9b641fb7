// A QBR's action items, editable in place: owner and due date save when the field is left, status when chosen.
// An item a later QBR took over is read-only here ("carried over"); its continuation is edited instead. A row is
// not drawn anew when its item comes back saved: what is typed in its other field meanwhile (the CSM tabs from
// the owner to the due date, which saves the owner) stays, and a change from elsewhere shows in an untouched field.
import { ActionIcon, Badge, Button, Group, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ActionItemStatus, type ActionItem } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { call } from '../../api/client';
import { useEditsOverSaved } from '../../hooks/use-edits-over-saved';
import { useMutation } from '../../hooks/use-mutation';
import { deleteWithUndo } from '../../components/undo-notification';

const STATUS_LABEL: Record<ActionItem['status'], string> = { open: 'Open', done: 'Done', dropped: 'Dropped', carried: 'Carried over' };

/** The row's edits: a field is edited when it has a value here. */
type RowEdit = { owner?: string; due?: string };

function Row({ item }: { item: ActionItem }) {
  const update = useMutation('qbrs.actionItem.update', { errorTitle: 'Could not update the action item' });
  // The CSM's edits lie over the saved item until a fresh one holds them (use-edits-over-saved.ts).
  const [edit, setEdit] = useEditsOverSaved<ActionItem, RowEdit>(item, {}, (e, fresh) => ({
    ...(e.owner !== undefined && e.owner.trim() !== (fresh.owner ?? '') ? { owner: e.owner } : {}),
    ...(e.due !== undefined && e.due !== (fresh.dueDate ?? '') ? { due: e.due } : {}),
  }));
  const setOwnerEdit = (owner: string | undefined) => setEdit((e) => ({ ...e, owner }));
  const setDueEdit = (due: string | undefined) => setEdit((e) => ({ ...e, due }));
  const owner = edit.owner ?? item.owner ?? '';
  const due = edit.due ?? item.dueDate ?? '';
  const carried = item.status === 'carried';

  return (
    <Table.Tr data-testid="action-item" data-status={item.status} data-text={item.text}>
      <Table.Td>
        <Text size="sm">{item.text}</Text>
        <Group gap={4}>
          {item.carriedFromId !== null && (
            <Badge size="xs" variant="light" color="blue" data-testid="carried-from">
              carried over · raised {formatDate(item.raisedOn)}
            </Badge>
          )}
          {item.overdue && (
            <Badge size="xs" color="red">
              overdue
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td w={160}>
        <TextInput
          size="xs"
          variant="unstyled"
          placeholder="No owner"
          aria-label={`Owner of “${item.text}”`}
          value={owner}
          disabled={carried}
          onChange={(e) => setOwnerEdit(e.currentTarget.value)}
          onBlur={() => {
            if (owner.trim() !== (item.owner ?? '')) void update.mutate({ id: item.id, owner: owner.trim() || null });
            else setOwnerEdit(undefined);
          }}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      </Table.Td>
      <Table.Td w={150}>
        <TextInput
          size="xs"
          variant="unstyled"
          type="date"
          aria-label={`Due date of “${item.text}”`}
          value={due}
          disabled={carried}
          onChange={(e) => setDueEdit(e.currentTarget.value)}
          onBlur={() => {
            if (due !== (item.dueDate ?? '')) void update.mutate({ id: item.id, dueDate: due || null });
            else setDueEdit(undefined);
          }}
        />
      </Table.Td>
      <Table.Td w={150}>
        {carried ? (
          <Tooltip label="Still open: a later QBR took it over">
            <Badge variant="light" color="blue">
              {STATUS_LABEL.carried}
            </Badge>
          </Tooltip>
        ) : (
          <Select
            size="xs"
            aria-label={`Status of “${item.text}”`}
            value={item.status}
            allowDeselect={false}
            data={ActionItemStatus.options.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            onChange={(v) => {
              const status = ActionItemStatus.options.find((s) => s === v);
              if (status && status !== item.status) void update.mutate({ id: item.id, status });
            }}
            data-testid="action-item-status"
          />
        )}
      </Table.Td>
      <Table.Td w={40}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={`Delete “${item.text}”`}
          onClick={() => void deleteWithUndo(() => call('qbrs.actionItem.delete', { id: item.id }))}
        >
          <IconTrash size={14} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

function AddItem({ qbrId }: { qbrId: number }) {
  const [text, setText] = useState('');
  const create = useMutation('qbrs.actionItem.create', { errorTitle: 'Could not add the action item' });
  const add = async () => {
    if (text.trim() && (await create.mutate({ qbrId, text: text.trim() }))) setText('');
  };
  return (
    <Group gap="xs" mt="xs">
      <TextInput
        size="xs"
        flex={1}
        placeholder="Add an action item and press Enter"
        aria-label="New action item"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && void add()}
      />
      <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} loading={create.running} onClick={() => void add()}>
        Add
      </Button>
    </Group>
  );
}

export function ActionItemsTable({ qbrId, items }: { qbrId: number; items: ActionItem[] }) {
  return (
    <>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No action items.
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="action-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Action item</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Row key={item.id} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <AddItem qbrId={qbrId} />
    </>
  );
}
