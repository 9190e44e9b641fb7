// Stakeholders (issue #14, point 9): the account's people with the CSM's flag (sponsor, champion, detractor) and
// each one's last touch (last usage, a survey answered, a QBR attended). Flagged people come first; the rest are
// shown a few at a time, most recently touched first.
import { Badge, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { STAKEHOLDER_FLAGS, STAKEHOLDER_LABELS, type Stakeholder, type StakeholderFlag } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useMutation } from '../../hooks/use-mutation';
import { useQuery } from '../../hooks/use-query';
import { CardSkeleton, QueryError } from '../QueryStates';

const SHOWN = 6;
const VIA: Record<NonNullable<Stakeholder['lastTouch']>['via'], string> = { usage: 'used the product', survey: 'answered a survey', qbr: 'at a QBR' };
const FLAG_COLOR: Record<StakeholderFlag, string> = { sponsor: 'indigo', champion: 'teal', detractor: 'red' };
const ROLE: Record<string, string> = { end_user: 'End user', manager: 'Manager', executive: 'Executive', admin: 'Admin' };

function FlagSelect({ person }: { person: Stakeholder }) {
  const set = useMutation('stakeholders.set', { errorTitle: 'Could not flag the stakeholder' });
  return (
    <Select
      size="xs"
      w={130}
      aria-label={`Stakeholder flag of ${person.name}`}
      placeholder="Not flagged"
      clearable
      data={STAKEHOLDER_FLAGS.map((f) => ({ value: f, label: STAKEHOLDER_LABELS[f] }))}
      value={person.flag}
      disabled={set.running}
      onChange={(v) => void set.mutate({ userId: person.id, flag: STAKEHOLDER_FLAGS.find((f) => f === v) ?? null })}
      data-testid="stakeholder-flag"
    />
  );
}

export function StakeholdersCard({ accountId }: { accountId: number }) {
  const people = useQuery('stakeholders.list', { accountId });
  const [all, setAll] = useState(false);
  const items = people.data?.items ?? [];
  const flagged = items.filter((p) => p.flag !== null).length;
  const shown = all ? items : items.slice(0, Math.max(SHOWN, flagged));
  return (
    <Paper withBorder p="md" radius="md" data-testid="stakeholders-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Stakeholders</Title>
        <Group gap={4}>
          {STAKEHOLDER_FLAGS.map((f) => {
            const n = items.filter((p) => p.flag === f).length;
            return n > 0 ? (
              <Badge key={f} color={FLAG_COLOR[f]} variant="light">
                {n} {STAKEHOLDER_LABELS[f].toLowerCase()}
                {n === 1 ? '' : 's'}
              </Badge>
            ) : null;
          })}
        </Group>
      </Group>
      {people.error && !people.data ? (
        <QueryError title="Could not load the stakeholders" error={people.error} onRetry={people.refetch} />
      ) : !people.data ? (
        <CardSkeleton lines={4} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No people known at this account yet: import usage or a people file.
        </Text>
      ) : (
        <Stack gap="xs">
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Last touch</Table.Th>
                <Table.Th>Flag</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((p) => (
                <Table.Tr key={p.id} data-testid="stakeholder-row">
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {p.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[ROLE[p.role] ?? p.role, p.department].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td data-testid="stakeholder-last-touch">
                    {p.lastTouch ? (
                      <>
                        <Text size="sm">{formatDate(p.lastTouch.date)}</Text>
                        <Text size="xs" c="dimmed">
                          {VIA[p.lastTouch.via]}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        none on record
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <FlagSelect person={p} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {items.length > shown.length || all ? (
            <Button size="xs" variant="subtle" onClick={() => setAll(!all)} data-testid="stakeholders-more">
              {all ? 'Show fewer' : `Show all ${items.length} people`}
            </Button>
          ) : null}
        </Stack>
      )}
    </Paper>
  );
}
