// Quick entry of a touchpoint from the keyboard (issue #5): "n" focuses the title, Enter or Ctrl+Enter saves,
// and the form keeps the kind and date for the next entry so a batch of calls is typed in one go.
import { Button, Group, Paper, Select, Text, TextInput, Kbd } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { TouchpointKind } from '../../../../shared/contract';
import { useMutation } from '../../hooks/use-mutation';
import { TOUCHPOINT_KIND_LABEL } from '../labels';
import { faultProps, Refusal } from './Refusal';

export function QuickEntry({ accountId, today }: { accountId: number; today: string }) {
  const [kind, setKind] = useState<TouchpointKind>('call');
  const [date, setDate] = useState(today);
  const [title, setTitle] = useState('');
  const [caseStatus, setCaseStatus] = useState<'open' | 'closed'>('open');
  const titleRef = useRef<HTMLInputElement>(null);
  const create = useMutation('touchpoints.create', {
    errorTitle: 'Could not log the touchpoint',
    successMessage: (t) => `${TOUCHPOINT_KIND_LABEL[t.kind]} “${t.title}” logged.`,
  });
  useHotkeys([['n', () => titleRef.current?.focus()]]);
  // Tried: the CSM pressed Add (or Enter). The button is never disabled; a press that cannot save says why below.
  const [tried, setTried] = useState(false);
  const why = tried ? touchpointRefusal(title, date) : null;

  async function save() {
    setTried(true);
    if (touchpointRefusal(title, date)) return;
    const support = kind === 'support_case' ? { caseStatus, closedDate: caseStatus === 'closed' ? date : null } : {};
    if (await create.mutate({ accountId, kind, date, title: title.trim(), ...support })) {
      setTitle('');
      setTried(false);
      titleRef.current?.focus();
    }
  }

  return (
    <Paper withBorder p="sm" radius="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
        onKeyDown={(event) => {
          // Ctrl+Enter saves from any field, including the selects where Enter picks an option.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
        data-testid="quick-entry"
      >
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            w={150}
            label="Log a touchpoint"
            data={TouchpointKind.options.map((k) => ({ value: k, label: TOUCHPOINT_KIND_LABEL[k] }))}
            value={kind}
            onChange={(v) => setKind(TouchpointKind.options.find((k) => k === v) ?? kind)}
            allowDeselect={false}
            data-testid="quick-kind"
          />
          {kind === 'support_case' && (
            <Select
              w={110}
              label="Case"
              data={[
                { value: 'open', label: 'Open' },
                { value: 'closed', label: 'Closed' },
              ]}
              value={caseStatus}
              onChange={(v) => setCaseStatus(v === 'closed' ? 'closed' : 'open')}
              allowDeselect={false}
            />
          )}
          <TextInput
            w={150}
            type="date"
            label="Date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            {...faultProps(why, 'date', 'quick-refused')}
            data-testid="quick-date"
          />
          <TextInput
            ref={titleRef}
            flex={1}
            label="What happened"
            placeholder="e.g. Call with the sponsor about the renewal"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            {...faultProps(why, 'title', 'quick-refused')}
            data-testid="quick-title"
          />
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.running} data-testid="quick-save">
            Add
          </Button>
        </Group>
        {why && <Refusal id="quick-refused" message={why.message} />}
        <Text size="xs" c="dimmed" mt={6}>
          <Kbd size="xs">N</Kbd> to type a new one, <Kbd size="xs">Enter</Kbd> or <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd> to save.
        </Text>
      </form>
    </Paper>
  );
}

/** Why this touchpoint cannot be logged, with the field at fault; null when it can. */
export function touchpointRefusal(title: string, date: string): { field: 'title' | 'date'; message: string } | null {
  if (!title.trim()) return { field: 'title', message: 'Write what happened, e.g. “Call with the sponsor about the renewal”' };
  if (!date) return { field: 'date', message: 'Pick the day it happened' };
  return null;
}
