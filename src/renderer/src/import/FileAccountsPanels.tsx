// The accounts a file brought into the book, or left out of it: a company-wide usage export names many accounts
// the CSM does not own, so the result screen lists them with the one action that undoes the choice.
import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { ImportSummary } from '../../../shared/contract';
import { formatCount, plural } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';

/** Shown at most; the CLI's JSON has the full list (up to the summary's limit). */
const SHOWN = 50;

interface AccountLine {
  key: string;
  name: string;
  externalId: string | null;
  rows: number;
}

function AccountsTable({ accounts, testId }: { accounts: readonly AccountLine[]; testId: string }) {
  const shown = accounts.slice(0, SHOWN);
  return (
    <div>
      <Table.ScrollContainer minWidth={420} maxHeight={260}>
        <Table withTableBorder fz="xs" verticalSpacing={4} stickyHeader data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Account</Table.Th>
              <Table.Th w={180}>Id in the file</Table.Th>
              <Table.Th w={90} ta="right">
                Rows
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((a) => (
              <Table.Tr key={a.key} data-testid={`${testId}-row`}>
                <Table.Td>{a.name}</Table.Td>
                <Table.Td>{a.externalId ?? '–'}</Table.Td>
                <Table.Td ta="right">{formatCount(a.rows)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {accounts.length > shown.length && (
        <Text size="xs" c="dimmed" mt={4}>
          Showing {formatCount(shown.length)} of {formatCount(accounts.length)}.
        </Text>
      )}
    </div>
  );
}

/** The accounts this file created, with "Remove these N accounts and their rows" (after a confirmation). */
export function CreatedAccountsPanel({ summary }: { summary: ImportSummary }) {
  const created = summary.accountsCreated;
  const [confirming, confirm] = useDisclosure(false);
  const [removed, setRemoved] = useState<{ removedAccounts: number; removedUsers: number; removedRows: number } | null>(null);
  const remove = useMutation('imports.removeAccounts', { errorTitle: 'Could not remove the accounts' });
  if (created.length === 0 || summary.importId === null) return null;
  const importId = summary.importId;
  const rows = created.reduce((sum, a) => sum + a.rows, 0);
  const label = `Remove these ${plural(created.length, 'account', 'accounts')} and their rows`;

  if (removed) {
    return (
      <Alert color="teal" data-testid="accounts-removed">
        Removed {plural(removed.removedAccounts, 'account', 'accounts')}, {plural(removed.removedUsers, 'user', 'users')} and{' '}
        {plural(removed.removedRows, 'usage row', 'usage rows')} this file had added. The rest of the import stays.
      </Alert>
    );
  }
  return (
    <Stack gap="xs" data-testid="accounts-created">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={5}>New accounts from this file</Title>
          <Text size="xs" c="dimmed">
            {created.length === 1 ? 'This account was' : 'These accounts were'} not in your book before this file. If the file is a company-wide export,
            remove the ones you do not own.
          </Text>
        </div>
        <Button size="xs" variant="light" color="red" onClick={confirm.open} data-testid="remove-created-accounts">
          {label}
        </Button>
      </Group>
      <AccountsTable
        accounts={created.map((a) => ({ key: String(a.id), name: a.name, externalId: a.externalId, rows: a.rows }))}
        testId="created-accounts"
      />
      <Modal opened={confirming} onClose={confirm.close} title={`${label}?`} centered>
        <Stack gap="md">
          <Text size="sm">
            {plural(created.length, 'account', 'accounts')} and the {plural(rows, 'row', 'rows')} this file stored for{' '}
            {created.length === 1 ? 'it' : 'them'} leave your book, with the people seen only there. People also seen at one of your accounts
            stay there. The rest of the import is kept. This cannot be undone here; importing the file again brings them back.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={confirm.close}>
              Keep them
            </Button>
            <Button
              color="red"
              loading={remove.running}
              data-testid="confirm-remove-created"
              onClick={async () => {
                const result = await remove.mutate({ importId, accountIds: created.map((a) => a.id) });
                confirm.close();
                if (result) setRemoved(result);
              }}
            >
              Remove {plural(created.length, 'account', 'accounts')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/**
 * The accounts rows named that are not in the book (the book is kept to the CSM's accounts): their rows were
 * skipped. "Add these accounts" imports the file again with the book open; rows already stored are duplicates.
 */
export function NotInBookPanel({ summary, onAdd }: { summary: ImportSummary; onAdd?: () => void }) {
  const left = summary.accountsNotInBook;
  if (left.length === 0) return null;
  const rows = left.reduce((sum, a) => sum + a.rows, 0);
  return (
    <Stack gap="xs" data-testid="accounts-not-in-book">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={5}>Accounts not in your book</Title>
          <Text size="xs" c="dimmed">
            {plural(rows, 'row', 'rows')} named {left.length === 1 ? 'an account' : 'accounts'} you do not have, so {rows === 1 ? 'it was' : 'they were'}{' '}
            skipped (Settings › Importing keeps the book to your accounts).
          </Text>
        </div>
        {onAdd && (
          <Button size="xs" variant="light" onClick={onAdd} data-testid="add-not-in-book">
            Add {left.length === 1 ? 'this account' : `these ${formatCount(left.length)} accounts`}
          </Button>
        )}
      </Group>
      <AccountsTable
        accounts={left.map((a, i) => ({ key: `${a.externalId ?? ''}:${a.name}:${i}`, name: a.name, externalId: a.externalId, rows: a.rows }))}
        testId="not-in-book-accounts"
      />
    </Stack>
  );
}
