import { Switch } from '@mantine/core';
import type { AppSettings } from '../../../shared/contract';
import { useMutation } from '../hooks/use-mutation';
import { SettingsSection } from './SettingsSection';

/** Whether a usage file may add accounts to the book, or is kept to the accounts the CSM already has. */
export function ImportingSection({ settings }: { settings: AppSettings }) {
  const update = useMutation('settings.update', {
    errorTitle: 'Could not change how files are imported',
    successMessage: (s) =>
      s.onlyBookAccounts
        ? 'Rows naming an account that is not in your book will be skipped and listed.'
        : 'Accounts a file names that are not in your book will be added, and listed so you can remove them.',
  });
  return (
    <SettingsSection
      id="importing"
      title="Importing"
      description="A company-wide usage export names many accounts you do not own. Either way, each import lists the accounts it added or left out."
    >
      <Switch
        checked={settings.onlyBookAccounts}
        disabled={update.running}
        onChange={(event) => void update.mutate({ onlyBookAccounts: event.currentTarget.checked })}
        label="Keep the book to my accounts"
        description="Skip rows naming an account that is not in the book yet, instead of adding the account. Import an account file first to say which accounts are yours."
        data-testid="only-book-accounts"
      />
    </SettingsSection>
  );
}
