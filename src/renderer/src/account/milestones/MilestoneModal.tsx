// Create or edit a TTV milestone: kind, name, target and achieved dates, notes. Dates are plain date inputs
// (YYYY-MM-DD, what the contract takes), so no date library is needed and the browser's picker is keyboard-friendly.
import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { MilestoneKind, type Milestone } from '../../../../shared/contract';
import { useMutation } from '../../hooks/use-mutation';
import { MILESTONE_KIND_LABEL } from '../labels';

interface Props {
  accountId: number;
  /** The milestone to edit; absent to create one. */
  milestone?: Milestone;
  /** The kind to start with when creating (the first one the account lacks). */
  defaultKind: MilestoneKind;
  onClose: () => void;
}

function Form({ accountId, milestone, defaultKind, onClose }: Props) {
  const [kind, setKind] = useState<MilestoneKind>(milestone?.kind ?? defaultKind);
  const [name, setName] = useState(milestone?.name ?? '');
  const [targetDate, setTargetDate] = useState(milestone?.targetDate ?? '');
  const [achievedDate, setAchievedDate] = useState(milestone?.achievedDate ?? '');
  const [notes, setNotes] = useState(milestone?.notes ?? '');
  const create = useMutation('milestones.create', { errorTitle: 'Could not add the milestone', successMessage: (m) => `Added “${m.name}”.` });
  const update = useMutation('milestones.update', { errorTitle: 'Could not save the milestone', successMessage: (m) => `Saved “${m.name}”.` });
  const nameMissing = kind === 'custom' && name.trim() === '';

  async function save() {
    if (nameMissing) return;
    const fields = {
      kind,
      targetDate: targetDate || null,
      achievedDate: achievedDate || null,
      notes: notes.trim() || null,
    };
    const trimmed = name.trim();
    const saved = milestone
      ? await update.mutate({ id: milestone.id, ...fields, ...(trimmed ? { name: trimmed } : {}) })
      : await create.mutate({ accountId, ...fields, ...(trimmed ? { name: trimmed } : {}) });
    if (saved) onClose();
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack>
        <Select
          label="Kind"
          data={MilestoneKind.options.map((k) => ({ value: k, label: MILESTONE_KIND_LABEL[k] }))}
          value={kind}
          onChange={(v) => setKind(MilestoneKind.options.find((k) => k === v) ?? kind)}
          allowDeselect={false}
          data-testid="milestone-kind"
        />
        <TextInput
          label="Name"
          placeholder={kind === 'custom' ? 'e.g. CRM integration live' : MILESTONE_KIND_LABEL[kind]}
          description={kind === 'custom' ? undefined : 'Leave empty to use the kind’s name.'}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={nameMissing ? 'A custom milestone needs a name' : undefined}
          data-autofocus
          data-testid="milestone-name"
        />
        <Group grow>
          <TextInput type="date" label="Target date" value={targetDate} onChange={(e) => setTargetDate(e.currentTarget.value)} data-testid="milestone-target" />
          <TextInput
            type="date"
            label="Achieved date"
            description="Empty until it is reached"
            value={achievedDate}
            onChange={(e) => setAchievedDate(e.currentTarget.value)}
            data-testid="milestone-achieved"
          />
        </Group>
        <Textarea label="Notes" autosize minRows={2} maxRows={6} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} data-testid="milestone-notes" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.running || update.running} disabled={nameMissing} data-testid="milestone-save">
            {milestone ? 'Save' : 'Add milestone'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function MilestoneModal(props: Props & { opened: boolean }) {
  const { opened, ...rest } = props;
  return (
    <Modal opened={opened} onClose={rest.onClose} title={rest.milestone ? `Edit “${rest.milestone.name}”` : 'Add a milestone'} centered>
      {/* Keyed so each opening starts from the milestone's current values. */}
      {opened && <Form key={rest.milestone?.id ?? 'new'} {...rest} />}
    </Modal>
  );
}
