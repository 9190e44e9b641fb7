// Outreach templates (issue #14, point 6): the wording of each e-mail "Draft e-mail" starts from, edited here with
// a live preview, refused with the unknown {{placeholder}} named, and reset to the shipped wording.
import { Badge, Button, Code, Group, Paper, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { OutreachTemplateEntry, OutreachTemplateId } from '../../../shared/contract';
import { renderTemplate, unknownPlaceholders, type PlaceholderValues } from '../../../shared/outreach';
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

export function OutreachSection() {
  const templates = useQuery('outreach.templates.get', {});
  const deck = useQuery('deck.settings.get', {});
  const [selected, setSelected] = useState<OutreachTemplateId>('check_in');
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
          <SegmentedControl
            value={selected}
            onChange={(v) => setSelected(v as OutreachTemplateId)}
            data={list.map((t) => ({ value: t.id, label: t.isDefault ? t.label : `${t.label} •` }))}
            data-testid="outreach-template-tabs"
            fullWidth
          />
          <TemplateForm key={`${current.id}|${current.subject}|${current.body}`} entry={current} placeholders={templates.data.placeholders} signer={signer} />
        </Stack>
      )}
    </SettingsSection>
  );
}

function TemplateForm({ entry, placeholders, signer }: { entry: OutreachTemplateEntry; placeholders: string[]; signer: PlaceholderValues }) {
  const [subject, setSubject] = useState(entry.subject);
  const [body, setBody] = useState(entry.body);
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
          onChange={(e) => setSubject(e.currentTarget.value)}
          maxLength={300}
          error={subject.trim() ? undefined : 'A template needs a subject before it can be saved'}
          data-testid="outreach-template-subject"
        />
        <Textarea
          label="Message"
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
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
              if (entry.isDefault) {
                setSubject(entry.subject);
                setBody(entry.body);
              } else void reset.mutate({ id: entry.id });
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
