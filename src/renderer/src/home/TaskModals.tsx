// The two small forms of the Home screen: dismissing a task says why (a generated task stays dismissed, and the
// reason is what the CSM reads when it is reopened), and adding a task by hand for any account of the book.
import { Button, Group, Modal, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Task, TaskPriority } from '../../../shared/contract';
import { useMutation } from '../hooks/use-mutation';

export function DismissTaskModal({ task, onClose }: { task: Task | null; onClose: () => void }) {
  return (
    <Modal opened={task !== null} onClose={onClose} title="Dismiss the task" data-testid="dismiss-modal">
      {task && <DismissForm key={task.id} task={task} onClose={onClose} />}
    </Modal>
  );
}

function DismissForm({ task, onClose }: { task: Task; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const dismiss = useMutation('tasks.dismiss', { errorTitle: 'Could not dismiss the task', successMessage: `Dismissed: ${task.title}` });
  const submit = () => void dismiss.mutate({ id: task.id, reason: reason.trim() }).then((done) => done && onClose());
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) submit();
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={`Why is “${task.title}” not worth doing?`}
          description="A task raised by a signal stays dismissed; the reason is kept with it."
          placeholder="Already discussed on the last call"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-autofocus
          data-testid="dismiss-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red" disabled={!reason.trim()} loading={dismiss.running} data-testid="dismiss-submit">
            Dismiss
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface AddProps {
  opened: boolean;
  onClose: () => void;
  accounts: { value: string; label: string }[];
  asOf: string;
}

export function AddTaskModal({ opened, onClose, accounts, asOf }: AddProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a task" data-testid="add-task-modal">
      {opened && <AddTaskForm accounts={accounts} asOf={asOf} onClose={onClose} />}
    </Modal>
  );
}

function AddTaskForm({ accounts, asOf, onClose }: Omit<AddProps, 'opened'>) {
  const [accountId, setAccountId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState(asOf);
  const [priority, setPriority] = useState<TaskPriority>('medium');
  const create = useMutation('tasks.create', { errorTitle: 'Could not add the task', successMessage: (t) => `Added for ${t.accountName}.` });
  const ready = accountId !== null && title.trim() !== '';
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        void create.mutate({ accountId: Number(accountId), title: title.trim(), due: due || null, priority }).then((t) => t && onClose());
      }}
    >
      <Stack gap="sm">
        <Select label="Account" placeholder="Type to search" data={accounts} value={accountId} onChange={setAccountId} searchable required data-autofocus data-testid="add-task-account" />
        <TextInput label="What to do" placeholder="Send Olga the ROI summary" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={300} required data-testid="add-task-title" />
        <Group grow align="flex-end">
          <TextInput type="date" label="Due" value={due} onChange={(e) => setDue(e.currentTarget.value)} data-testid="add-task-due" />
          <SegmentedControl
            value={priority}
            onChange={(v) => setPriority(v as TaskPriority)}
            data={[
              { value: 'high', label: 'High' },
              { value: 'medium', label: 'Medium' },
              { value: 'low', label: 'Low' },
            ]}
            aria-label="Priority"
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={!ready} loading={create.running} data-testid="add-task-submit">
            Add task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
