// "Draft e-mail" (issue #14, point 6): a draft from a template for this account, addressed from the book, that the
// CSM edits, opens in the mail app (mailto:) or copies, then logs as sent (an email touchpoint on the timeline).
import { Alert, Badge, Button, CopyButton, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle, IconMail, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { OutreachDraft, OutreachTemplateId } from '../../../../shared/contract';
import { TEMPLATE_IDS, TEMPLATE_LABELS, mailtoUrl } from '../../../../shared/outreach';
import { useMutation } from '../../hooks/use-mutation';
import { useQuery } from '../../hooks/use-query';
import { CardSkeleton, QueryError } from '../QueryStates';

export interface DraftRequest {
  template: OutreachTemplateId;
  featureId?: number;
}

interface Props {
  accountId: number;
  request: DraftRequest | null;
  onClose: () => void;
}

export function DraftEmailModal({ accountId, request, onClose }: Props) {
  return (
    <Modal opened={request !== null} onClose={onClose} title="Draft e-mail" size="xl" data-testid="outreach-modal">
      {request && <DraftLoader accountId={accountId} initial={request} onClose={onClose} />}
    </Modal>
  );
}

function DraftLoader({ accountId, initial, onClose }: { accountId: number; initial: DraftRequest; onClose: () => void }) {
  const [template, setTemplate] = useState<OutreachTemplateId>(initial.template);
  // A reminder is about its feature; the other templates take none.
  const featureId = template === 'feature_reminder' ? initial.featureId : undefined;
  const canDraft = template !== 'feature_reminder' || featureId !== undefined;
  const draft = useQuery('outreach.draft', { accountId, template, ...(featureId !== undefined ? { featureId } : {}) }, { enabled: canDraft });
  const options = TEMPLATE_IDS.filter((id) => id !== 'feature_reminder' || initial.featureId !== undefined).map((id) => ({ value: id, label: TEMPLATE_LABELS[id] }));
  return (
    <Stack gap="sm">
      <Select
        label="Template"
        data={options}
        value={template}
        allowDeselect={false}
        onChange={(v) => v && setTemplate(v as OutreachTemplateId)}
        maw={320}
        data-testid="outreach-template"
      />
      {draft.error && !draft.data ? (
        <QueryError title="Could not draft the e-mail" error={draft.error} onRetry={draft.refetch} />
      ) : !draft.data ? (
        <CardSkeleton lines={6} />
      ) : (
        // Keyed on the draft: another template starts a fresh, editable copy.
        <DraftForm key={`${draft.data.template}|${draft.data.subject}|${draft.data.body}`} draft={draft.data} onClose={onClose} />
      )}
    </Stack>
  );
}

function DraftForm({ draft, onClose }: { draft: OutreachDraft; onClose: () => void }) {
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const addresses = draft.to.flatMap((r) => (r.email ? [r.email] : []));
  const href = mailtoUrl(addresses, subject, body);
  const copied = [addresses.length > 0 ? `To: ${addresses.join(', ')}` : '', `Subject: ${subject}`, '', body].filter((l, i) => i > 0 || l).join('\n');
  const log = useMutation('outreach.logSent', { errorTitle: 'Could not log the e-mail', successMessage: 'Logged on the account’s timeline.' });
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          To
        </Text>
        {draft.to.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="outreach-to-empty">
            Nobody yet: add the recipients in your mail app.
          </Text>
        ) : (
          <Group gap={6} data-testid="outreach-to">
            {draft.to.map((r) => (
              <Badge key={r.userId} variant="light" color={r.email ? 'blue' : 'gray'} tt="none" title={r.email ?? 'No e-mail on file'}>
                {r.email && r.name !== r.email ? `${r.name} <${r.email}>` : r.name}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
      {draft.notes.map((note) => (
        <Alert key={note} color="yellow" variant="light" icon={<IconInfoCircle size={16} />} p="xs" data-testid="outreach-note">
          <Text size="sm">{note}</Text>
        </Alert>
      ))}
      <TextInput
        label="Subject"
        value={subject}
        onChange={(e) => setSubject(e.currentTarget.value)}
        maxLength={300}
        // Log as sent waits for a subject: say so where it is missing, not only by greying the button.
        error={subject.trim() ? undefined : 'Write a subject to log the e-mail as sent'}
        data-testid="outreach-subject"
      />
      <Textarea label="Message" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={8} maxRows={16} data-testid="outreach-body" />
      <Group justify="space-between">
        <Group gap="sm">
          <Button
            component="a"
            href={href}
            // The desktop shell opens a mailto: window in the mail app; a browser follows the link itself.
            target={window.bearing ? '_blank' : undefined}
            leftSection={<IconMail size={16} />}
            data-testid="outreach-open-mail"
          >
            Open in mail app
          </Button>
          <CopyButton value={copied}>
            {({ copied: done, copy }) => (
              <Button variant="default" onClick={copy} leftSection={done ? <IconCheck size={16} /> : <IconCopy size={16} />} data-testid="outreach-copy">
                {done ? 'Copied' : 'Copy'}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Button
          variant="light"
          color="teal"
          leftSection={<IconSend size={16} />}
          loading={log.running}
          disabled={!subject.trim()}
          onClick={() =>
            void log.mutate({ accountId: draft.accountId, subject: subject.trim(), body, to: addresses }).then((item) => item && onClose())
          }
          data-testid="outreach-log-sent"
        >
          Log as sent
        </Button>
      </Group>
    </Stack>
  );
}
