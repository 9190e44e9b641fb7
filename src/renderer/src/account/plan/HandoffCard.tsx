// The sales handoff facts of the success plan: why they bought, who bought vs who uses, implementation complexity.
// Shown as text; "Edit" turns the card into a form saved with successPlan.setHandoff.
import { Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Complexity, type Handoff } from '../../../../shared/contract';
import { useMutation } from '../../hooks/use-mutation';
import { EditButton } from '../../components/ItemActions';
import { COMPLEXITY_LABEL } from './plan-labels';

function Fact({ label, value }: { label: string; value: string | null }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" c={value ? undefined : 'dimmed'}>
        {value ?? 'not written yet'}
      </Text>
    </Stack>
  );
}

function HandoffForm({ handoff, onClose }: { handoff: Handoff; onClose: () => void }) {
  const [whyBought, setWhyBought] = useState(handoff.whyBought ?? '');
  const [buyer, setBuyer] = useState(handoff.buyer ?? '');
  const [users, setUsers] = useState(handoff.users ?? '');
  const [complexity, setComplexity] = useState<Complexity | null>(handoff.complexity);
  const [complexityNote, setComplexityNote] = useState(handoff.complexityNote ?? '');
  const save = useMutation('successPlan.setHandoff', { errorTitle: 'Could not save the handoff', successMessage: 'Saved the handoff.' });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save.mutate({ accountId: handoff.accountId, whyBought, buyer, users, complexity, complexityNote }).then((r) => r && onClose());
      }}
    >
      <Stack>
        <Textarea label="Why they bought" autosize minRows={2} value={whyBought} onChange={(e) => setWhyBought(e.currentTarget.value)} data-autofocus data-testid="handoff-why" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Who bought" placeholder="VP Finance" value={buyer} onChange={(e) => setBuyer(e.currentTarget.value)} data-testid="handoff-buyer" />
          <TextInput label="Who uses it" placeholder="Regional sales managers" value={users} onChange={(e) => setUsers(e.currentTarget.value)} data-testid="handoff-users" />
          <Select
            label="Implementation complexity"
            data={Complexity.options.map((c) => ({ value: c, label: COMPLEXITY_LABEL[c] }))}
            value={complexity}
            onChange={(v) => setComplexity(Complexity.options.find((c) => c === v) ?? null)}
            clearable
            data-testid="handoff-complexity"
          />
          <TextInput label="Why that complexity" placeholder="SSO and four regions" value={complexityNote} onChange={(e) => setComplexityNote(e.currentTarget.value)} data-testid="handoff-complexity-note" />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.running} data-testid="handoff-save">
            Save handoff
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function HandoffCard({ handoff }: { handoff: Handoff }) {
  const [editing, setEditing] = useState(false);
  return (
    <Paper withBorder p="md" radius="md" data-testid="handoff-card">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Sales handoff</Title>
        {!editing && <EditButton label="Edit the handoff" onClick={() => setEditing(true)} testId="handoff-edit" />}
      </Group>
      {editing ? (
        <HandoffForm handoff={handoff} onClose={() => setEditing(false)} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label="Why they bought" value={handoff.whyBought} />
          <Fact label="Who bought · who uses" value={handoff.buyer || handoff.users ? `${handoff.buyer ?? '—'} · ${handoff.users ?? '—'}` : null} />
          <Stack gap={2}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Complexity
            </Text>
            {handoff.complexity ? (
              <Group gap="xs">
                <Badge variant="light" color={handoff.complexity === 'high' ? 'orange' : handoff.complexity === 'medium' ? 'yellow' : 'teal'}>
                  {COMPLEXITY_LABEL[handoff.complexity]}
                </Badge>
                {handoff.complexityNote && <Text size="sm">{handoff.complexityNote}</Text>}
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                not written yet
              </Text>
            )}
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  );
}
