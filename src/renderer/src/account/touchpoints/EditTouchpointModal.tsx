// Editing a logged touchpoint (issue #14, point 7): its kind, date, title and notes. The notes are what the CSM
// finds again from Ctrl/⌘+K, so they get room to be written.
import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { TouchpointKind, type TouchpointItem } from '../../../../shared/contract';
import { useMutation } from '../../hooks/use-mutation';
import { TOUCHPOINT_KIND_LABEL } from '../labels';
import { touchpointRefusal } from './QuickEntry';
import { faultProps, Refusal } from './Refusal';

export function EditTouchpointModal({ touchpoint, onClose }: { touchpoint: TouchpointItem; onClose(): void }) {
  const [kind, setKind] = useState<TouchpointKind>(touchpoint.kind);
  const [date, setDate] = useState(touchpoint.date);
  const [title, setTitle] = useState(touchpoint.title);
  const [notes, setNotes] = useState(touchpoint.notes ?? '');
  const update = useMutation('touchpoints.update', { errorTitle: 'Could not save the touchpoint', successMessage: 'Touchpoint saved.' });
  // Save is never disabled: a press that cannot save says why, as the quick entry does.
  const [tried, setTried] = useState(false);
  const why = tried ? touchpointRefusal(title, date) : null;

  async function save() {
    setTried(true);
    if (touchpointRefusal(title, date)) return;
    const saved = await update.mutate({ id: touchpoint.id, kind, date, title: title.trim(), notes: notes.trim() ? notes : null });
    if (saved) onClose();
  }

  return (
    <Modal opened onClose={onClose} title="Edit touchpoint" size="lg" data-testid="edit-touchpoint">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack>
          <Group grow align="flex-end">
            <Select
              label="Kind"
              data={TouchpointKind.options.map((k) => ({ value: k, label: TOUCHPOINT_KIND_LABEL[k] }))}
              value={kind}
              onChange={(v) => setKind(TouchpointKind.options.find((k) => k === v) ?? kind)}
              allowDeselect={false}
            />
            <TextInput
              type="date"
              label="Date"
              withAsterisk
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              {...faultProps(why, 'date', 'edit-touchpoint-refused')}
              data-testid="edit-touchpoint-date"
            />
          </Group>
          <TextInput
            label="What happened"
            withAsterisk
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            maxLength={300}
            {...faultProps(why, 'title', 'edit-touchpoint-refused')}
            data-testid="edit-touchpoint-title"
          />
          <Textarea
            label="Notes"
            description="Found again from Ctrl/⌘+K, with QBR outcomes and action items."
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={8000}
            data-testid="edit-touchpoint-notes"
          />
          {why && <Refusal id="edit-touchpoint-refused" message={why.message} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.running} data-testid="edit-touchpoint-save">
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
