import { Button, Group, NumberInput, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { TEMPLATE_KINDS, TEMPLATE_NAMES, type AppSettings, type OnboardingTemplate } from '../../../shared/contract';
import { useMutation } from '../hooks/use-mutation';
import { SettingsSection } from './SettingsSection';

const int = (v: number | string, min: number, max: number) => Math.max(min, Math.min(max, Math.round(typeof v === 'number' ? v : Number(v) || min)));

/** What each milestone of the template means, and which ones the usage data marks achieved. */
const HINTS: Record<(typeof TEMPLATE_KINDS)[number], string> = {
  kickoff: 'The kickoff meeting.',
  first_key_action: 'Marked from usage: the first day anyone at the account used a key feature.',
  onboarding_complete: 'Marked from usage: the day enough of the licensed seats had used a key feature.',
  basic_value: 'The customer gets the value they bought the product for.',
  exceeded_value: 'The customer gets more than they expected.',
};

/** The onboarding milestone template: five kinds with target offsets from the contract start, and the on/off switch. */
export function OnboardingSection({ settings }: { settings: AppSettings }) {
  const saved = settings.onboardingTemplate;
  const [edit, setEdit] = useState<OnboardingTemplate | null>(null);
  const form = edit ?? saved;
  const dirty = edit !== null && JSON.stringify(edit) !== JSON.stringify(saved);
  const update = useMutation('settings.update', { errorTitle: 'Could not save the onboarding template', successMessage: 'Onboarding template saved.' });
  const save = async (next: OnboardingTemplate) => {
    if (await update.mutate({ onboardingTemplate: next })) setEdit(null);
  };
  const setOffset = (kind: (typeof TEMPLATE_KINDS)[number], v: number | string) =>
    setEdit({ ...form, offsets: { ...form.offsets, [kind]: int(v, 0, 730) } });

  return (
    <SettingsSection
      id="onboarding"
      title="Onboarding template"
      description="Milestones a new account starts with, each due a number of days after its contract start. Accounts already in the book are left as they are."
    >
      <Switch
        checked={form.enabled}
        disabled={update.running}
        onChange={(event) => void save({ ...form, enabled: event.currentTarget.checked })}
        label="Add these milestones to every new account"
        description="When an import adds an account, or first gives one a contract start, and it has no milestones yet. Undoing the import removes them."
        data-testid="onboarding-template-enabled"
      />
      <Table verticalSpacing={6} data-testid="onboarding-template">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Milestone</Table.Th>
            <Table.Th w={190}>Due (days after start)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {TEMPLATE_KINDS.map((kind) => (
            <Table.Tr key={kind}>
              <Table.Td>
                <Text size="sm">{TEMPLATE_NAMES[kind]}</Text>
                <Text size="xs" c="dimmed">
                  {HINTS[kind]}
                </Text>
              </Table.Td>
              <Table.Td>
                <NumberInput
                  size="xs"
                  w={110}
                  min={0}
                  max={730}
                  allowDecimal={false}
                  suffix=" d"
                  aria-label={`${TEMPLATE_NAMES[kind]}: days after contract start`}
                  value={form.offsets[kind]}
                  onChange={(v) => setOffset(kind, v)}
                  data-testid={`onboarding-offset-${kind}`}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <NumberInput
        min={1}
        max={100}
        allowDecimal={false}
        suffix=" %"
        label="Onboarding complete at"
        description="Share of the licensed seats (or known users, without a license count) that have used a key feature."
        styles={{ root: { width: '100%' }, wrapper: { width: 120 } }}
        value={form.onboardedSharePercent}
        onChange={(v) => setEdit({ ...form, onboardedSharePercent: int(v, 1, 100) })}
        data-testid="onboarding-share"
      />
      <Text size="xs" c="dimmed">
        A date you enter on a milestone is never replaced by one from usage.
      </Text>
      {dirty && (
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setEdit(null)}>
            Discard
          </Button>
          <Button loading={update.running} data-testid="onboarding-save" onClick={() => void save(form)}>
            Save
          </Button>
        </Group>
      )}
    </SettingsSection>
  );
}
