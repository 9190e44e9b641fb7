import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ImportSummary } from '../../../shared/contract';
import { formatCount, formatDate } from '../../../shared/format';
import { CreatedAccountsPanel, NotInBookPanel } from './FileAccountsPanels';
import { ImportErrorAlert } from './ImportErrorAlert';
import { RejectsTable, WarningsTable } from './RejectsTable';
import { SaveRejectsButton } from './SaveRejectsButton';
import { formatDuration } from './format-import';
import { kindLabel, sourceLabel, statusLook } from './labels';

function Stat({ label, value, color, testId }: { label: string; value: string; color?: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={600} c={color}>
        {value}
      </Text>
    </div>
  );
}

/**
 * What a finished import did: status, counts, the accounts and dates it covered, the accounts it created or left
 * out, its warnings and every rejected line. `onAddAccounts` imports the file again adding the accounts it left out.
 */
export function ImportSummaryView({ summary, onAddAccounts }: { summary: ImportSummary; onAddAccounts?: () => void }) {
  const look = statusLook(summary.status);
  const { counts } = summary;
  // Event files report instants, day files dates: the calendar day (UTC, as stored) is what the CSM needs here.
  const min = summary.dateRange?.min.slice(0, 10);
  const max = summary.dateRange?.max.slice(0, 10);
  const range = min && max ? (min === max ? formatDate(min) : `${formatDate(min)} – ${formatDate(max)}`) : null;

  return (
    <Stack gap="sm" data-testid="import-summary" data-status={summary.status}>
      <Group gap="xs">
        <Badge color={look.color} variant={look.color === 'gray' ? 'outline' : 'light'} data-testid="import-status">
          {look.label}
        </Badge>
        {summary.kind && (
          <Text size="xs" c="dimmed">
            {kindLabel(summary.kind)}
            {summary.source && ` from ${sourceLabel(summary.source)}`} · took {formatDuration(summary.durationMs)}
          </Text>
        )}
      </Group>
      <Text size="sm" data-testid="import-message">
        {summary.message}
      </Text>
      {summary.error && summary.status !== 'cancelled' && <ImportErrorAlert error={summary.error} />}
      {counts.rows > 0 && (
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
          <Stat label="Accepted" value={formatCount(counts.accepted)} color={counts.accepted ? 'teal' : undefined} testId="count-accepted" />
          <Stat label="Rejected" value={formatCount(counts.rejected)} color={counts.rejected ? 'red' : undefined} testId="count-rejected" />
          <Stat label="Duplicates" value={formatCount(counts.duplicates)} testId="count-duplicates" />
          <Stat label="Skipped" value={formatCount(counts.skipped)} testId="count-skipped" />
          <Stat label="Accounts" value={formatCount(summary.distinctAccounts)} testId="count-accounts" />
          <Stat label="Users" value={formatCount(summary.distinctUsers)} testId="count-users" />
        </SimpleGrid>
      )}
      {range && (
        <Text size="sm" data-testid="date-range">
          <Text span c="dimmed" size="sm">
            Dates in the file:{' '}
          </Text>
          {range}
        </Text>
      )}
      <CreatedAccountsPanel summary={summary} />
      <NotInBookPanel summary={summary} onAdd={onAddAccounts} />
      {counts.warnings > 0 && (
        <Stack gap="xs" data-testid="import-warnings">
          <div>
            <Title order={5}>Warnings</Title>
            <Text size="xs" c="dimmed">
              {counts.warnings === 1 ? 'This row was' : 'These rows were'} imported; here is what Bearing did with{' '}
              {counts.warnings === 1 ? 'it' : 'them'}.
            </Text>
          </div>
          <WarningsTable warnings={summary.warnings} total={counts.warnings} />
        </Stack>
      )}
      {counts.rejected > 0 && (
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={5}>Rejected rows</Title>
            {summary.importId !== null && <SaveRejectsButton importId={summary.importId} />}
          </Group>
          <RejectsTable rejects={summary.rejected} total={counts.rejected} />
        </Stack>
      )}
    </Stack>
  );
}
