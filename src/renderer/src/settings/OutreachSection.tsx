// Outreach templates (issue #14, point 6): the wording of each e-mail "Draft e-mail" starts from, edited here with
// a live preview, refused with the unknown {{placeholder}} named, and reset to the shipped wording. The CSM's
// edits lie over the saved templates, one edit per template, until fresh settings hold them: switching templates
// keeps an unsaved edit (its tab says so), and what is typed while a save is on its way stays.
import { Badge, Button, Code, Group, Paper, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { OutreachTemplateEntry, OutreachTemplateId } from '../../../shared/contract';
import { renderTemplate, unknownPlaceholders, type PlaceholderValues } from '../../../shared/outreach';
import { useEditsOverSaved } from '../hooks/use-edits-over-saved';
import { useMutation } from '../hooks/use-mutation';
import { useQuery } from '../hooks/use-query';
import { SettingsSection } from './SettingsSection';

/** The preview's made-up account: the real values come from the book when a draft is made. */
const SAMPLE: PlaceholderValues = {
  firstName: 'Maya',
  accountName: 'Harbor Analytics',
  feature: 'Alerts',
  userNames: 'Lea Voss and Omar Haddad',
  renewalDate: 'Mar 31, 2027',
  qbrDate: 'Dec 8, 2026',
};

/** An unsaved edit of one template: the fields the CSM changed. */
type TemplateEdit = { subject?: string; body?: string };
type Edits = Partial<Record<OutreachTemplateId, TemplateEdit>>;

/**
 * The edits fresh templates do not hold yet (the same object when they hold none): a subject as Save sends it
 * (main trims it), a body as typed. A template whose every field is held has no edit left.
 */
function withoutSaved(edits: Edits, saved: readonly OutreachTemplateEntry[]): Edits {
  let left: Edits | null = null;
  for (const t of saved) {
    const e = edits[t.id];
    if (e === undefined) continue;
    const subjectHeld = e.subject !== undefined && e.subject.trim() === t.subject;
    const bodyHeld = e.body !== undefined && e.body === t.body;
    if (!subjectHeld && !bodyHeld) continue;
    left ??= { ...edits };
    const rest: TemplateEdit = {};
    if (e.subject !== undefined && !subjectHeld) rest.subject = e.subject;
    if (e.body !== undefined && !bodyHeld) rest.body = e.body;
    if (rest.subject === undefined && rest.body === undefined) delete left[t.id];
    else left[t.id] = rest;
  }
  return left ?? edits;
}

/** Whether an edit still differs from its saved template. */
const differs = (e: TemplateEdit | undefined, t: OutreachTemplateEntry) => e !== undefined && ((e.subject ?? t.subject) !== t.subject || (e.body ?? t.body) !== t.body);

export function OutreachSection() {
  const templates = useQuery('outreach.templates.get', {});
  const deck = useQuery('deck.settings.get', {});
  const [selected, setSelected] = useState<OutreachTemplateId>('check_in');
  const [edits, setEdits] = useEditsOverSaved<readonly OutreachTemplateEntry[] | undefined, Edits>(templates.data?.templates, {}, (e, fresh) =>
    fresh ? withoutSaved(e, fresh) : e,
  );
  const list = templates.data?.templates ?? [];
  const current = list.find((t) => t.id === selected);
  const signer: PlaceholderValues = { csmName: deck.data?.settings.csmName || 'Jane Doe', csmTitle: deck.data?.settings.csmTitle || 'Customer Success Manager' };
  return (
    <SettingsSection
      id="outreach"
      title="Outreach templates"
      description="The e-mails “Draft e-mail” starts from, in your voice and signed with your name from QBR deck. Each draft fills in the account’s own names and dates."
    >
      {templates.data && current && (
        <Stack gap="sm">
          {/* Tabs rather than a segmented control: four names with their marks wrap onto a second line at 1024 px. */}
          <Tabs value={selected} onChange={(v) => v && setSelected(v as OutreachTemplateId)} variant="pills" radius="sm">
            <Tabs.List data-testid="outreach-template-tabs">
              {list.map((t) => (
                <Tabs.Tab key={t.id} value={t.id}>
                  {`${t.isDefault ? t.label : `${t.label} •`}${differs(edits[t.id], t) ? ' (unsaved)' : ''}`}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <TemplateForm
            entry={current}
            edit={edits[current.id] ?? {}}
            onEdit={(change) => setEdits((e) => ({ ...e, [current.id]: { ...e[current.id], ...change } }))}
            onDiscard={() =>
              setEdits((e) => {
                const left = { ...e };
                delete left[current.id];
                return left;
              })
            }
            placeholders={templates.data.placeholders}
            signer={signer}
          />
        </Stack>
      )}
    </SettingsSection>
  );
}

interface TemplateFormProps {
  entry: OutreachTemplateEntry;
  edit: TemplateEdit;
  onEdit: (change: TemplateEdit) => void;
  onDiscard: () => void;
  placeholders: string[];
  signer: PlaceholderValues;
}

function TemplateForm({ entry, edit, onEdit, onDiscard, placeholders, signer }: TemplateFormProps) {
  const subject = edit.subject ?? entry.subject;
  const body = edit.body ?? entry.body;
  const save = useMutation('outreach.templates.set', { errorTitle: 'Could not save the template', successMessage: 'Saved: new drafts use it.' });
  const reset = useMutation('outreach.templates.reset', { errorTitle: 'Could not reset the template', successMessage: 'Back to the shipped wording.' });
  const unknown = unknownPlaceholders(`${subject}\n${body}`);
  const changed = subject !== entry.subject || body !== entry.body;
  const preview = renderTemplate({ subject, body }, { ...SAMPLE, ...signer });
  return (
    <Stack gap="md">
      <Stack gap="sm">
        <TextInput
          label="Subject"
          value={subject}
          onChange={(e) => onEdit({ subject: e.currentTarget.value })}
          maxLength={300}
          error={subject.trim() ? undefined : 'A template needs a subject before it can be saved'}
          data-testid="outreach-template-subject"
        />
        <Textarea
          label="Message"
          value={body}
          onChange={(e) => onEdit({ body: e.currentTarget.value })}
          autosize
          minRows={10}
          maxRows={20}
          error={unknown.length > 0 ? `Bearing does not know ${unknown.map((n) => `{{${n}}}`).join(', ')}.` : undefined}
          data-testid="outreach-template-body"
        />
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            Placeholders:
          </Text>
          {placeholders.map((p) => (
            <Code key={p} fz="xs">{`{{${p}}}`}</Code>
          ))}
        </Group>
        <Group gap="sm">
          <Button
            disabled={!changed || unknown.length > 0 || !subject.trim()}
            loading={save.running}
            onClick={() => void save.mutate({ id: entry.id, subject, body })}
            data-testid="outreach-template-save"
          >
            Save
          </Button>
          <Button
            variant="subtle"
            disabled={entry.isDefault && !changed}
            loading={reset.running}
            onClick={() => {
              // Either way the CSM asked for what is saved or shipped: an unsaved edit goes.
              onDiscard();
              if (!entry.isDefault) void reset.mutate({ id: entry.id });
            }}
            data-testid="outreach-template-reset"
          >
            {entry.isDefault ? 'Discard changes' : 'Reset to shipped wording'}
          </Button>
        </Group>
      </Stack>
      <Stack gap={4}>
        <Group gap={6}>
          <Text size="sm" fw={500}>
            Preview
          </Text>
          <Badge size="xs" variant="light" color="gray" tt="none">
            a sample account
          </Badge>
        </Group>
        <Paper withBorder p="sm" radius="sm" bg="var(--mantine-color-body)" data-testid="outreach-template-preview">
          <Text size="sm" fw={600} mb="xs">
            {preview.subject}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {preview.body}
          </Text>
        </Paper>
      </Stack>
    </Stack>
  );
}
