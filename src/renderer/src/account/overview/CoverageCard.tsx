// Exposure (docs/METRICS.md, seed 004): which roles and departments have at least one user meeting their expected
// cadence, and the executives' weekly logins on their own, so the CSM sees whose voice is missing.
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { AccountMetrics } from '../../../../shared/contract';
import { formatPercent } from '../../../../shared/format';
import { Explained } from '../Explained';
import { plural, ROLE_LABEL } from '../labels';

type Coverage = AccountMetrics['exposureDetail']['roles'][number];

function CoverageList({ title, items, label }: { title: string; items: Coverage[]; label: (name: string) => string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {items.length === 0 && (
        <Text size="xs" c="dimmed">
          None known: import users with a {title === 'Roles' ? 'role' : 'department'} column.
        </Text>
      )}
      {items.map((c) => (
        <Group key={c.name} gap={6} wrap="nowrap" data-testid="coverage-item" data-covered={c.covered}>
          {c.covered ? <IconCheck size={14} color="var(--mantine-color-teal-6)" /> : <IconX size={14} color="var(--mantine-color-red-6)" />}
          <Text size="sm">{label(c.name)}</Text>
          <Text size="xs" c="dimmed">
            {plural(c.users, 'user')}
            {c.covered ? '' : ', none meeting cadence'}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

export function CoverageCard({ metrics }: { metrics: AccountMetrics }) {
  const { roles, departments, executives } = metrics.exposureDetail;
  const missing = metrics.usageCadence.filter((u) => !u.meets);
  return (
    <Paper withBorder p="md" radius="md" data-testid="coverage">
      <Group justify="space-between" align="flex-start" mb="xs">
        <Title order={4}>Role and department coverage</Title>
        <Explained
          fw={600}
          explanation="Exposure: share of the account's roles and departments with at least one user meeting the cadence their role is expected to keep (Settings)."
        >
          {`Exposure ${formatPercent(metrics.exposure)}`}
        </Explained>
      </Group>
      <SimpleGrid cols={2} spacing="md">
        <CoverageList title="Roles" items={roles} label={(n) => ROLE_LABEL[n] ?? n} />
        <CoverageList title="Departments" items={departments} label={(n) => n} />
      </SimpleGrid>
      <Stack gap={4} mt="sm">
        <Text size="sm" fw={600}>
          Executives’ weekly logins
        </Text>
        {executives.length === 0 ? (
          <Text size="xs" c="dimmed">
            No executive among the account’s known users: ask the sponsor to log in, or import users with roles.
          </Text>
        ) : (
          executives.map((e) => (
            <Group key={e.id} gap="xs" wrap="nowrap" data-testid="executive">
              <Text size="sm">{e.name}</Text>
              <Badge size="sm" variant="light" color={e.weeksActive >= 3 ? 'teal' : e.weeksActive > 0 ? 'yellow' : 'red'}>
                {e.weeksActive} of the last 4 weeks
              </Badge>
              <Text size="xs" c="dimmed">
                {plural(e.activeDays30, 'active day')} in 30
              </Text>
            </Group>
          ))
        )}
      </Stack>
      {missing.length > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          Below their role’s cadence: {missing.slice(0, 8).map((u) => `${u.name} (${u.cadence}, expected ${u.expected})`).join(', ')}
          {missing.length > 8 ? ` and ${missing.length - 8} more` : ''}.
        </Text>
      )}
    </Paper>
  );
}
