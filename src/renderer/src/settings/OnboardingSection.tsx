import { Button, Group, NumberInput, Switch, Table, Text } from '@mantine/core';
import { TEMPLATE_KINDS, TEMPLATE_NAMES, type AppSettings, type OnboardingTemplate } from '../../../shared/contract';
import { useEditsOverSaved } from '../hooks/use-edits-over-saved';
import { useMutation } from '../hooks/use-mutation';
import { SettingsSection } from './SettingsSection';

const sameTemplate = (a: OnboardingTemplate, b: OnboardingTemplate) => JSON.stringify(a) === JSON.stringify(b);
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
  // The CSM's edit lies over the saved template until the saved one catches up with it (main's `changed` event
  // refetches the settings after a save). The form is never drawn anew under the CSM's hands: an offset typed while
  // the switch's save is on its way stays, and a save from elsewhere leaves an unsaved edit in place.
  // Every write to the edit is functional: an offset typed in the same tick as a refetch must not be dropped by a
  // stale copy of it (use-edits-over-saved.ts).
  const [edit, setEdit] = useEditsOverSaved<OnboardingTemplate, OnboardingTemplate | null>(saved, null, (e, fresh) => (e !== null && sameTemplate(e, fresh) ? null : e));
  const form = edit ?? saved;
  const dirty = edit !== null && !sameTemplate(edit, saved);
  const update = useMutation('settings.update', { errorTitle: 'Could not save the onboarding template', successMessage: 'Onboarding template saved.' });
  /** The switch saves at once, and only itself: offsets being edited wait for Save. */
  const toggle = async (enabled: boolean) => {
    setEdit((e) => ({ ...(e ?? saved), enabled }));
    if (!(await update.mutate({ onboardingTemplate: { ...saved, enabled } }))) setEdit((e) => e && { ...e, enabled: !enabled });
  };
  const setOffset = (kind: (typeof TEMPLATE_KINDS)[number], v: number | string) =>
    setEdit((e) => {
      const f = e ?? saved;
      return { ...f, offsets: { ...f.offsets, [kind]: int(v, 0, 730) } };
    });

  return (
    <SettingsSection
      id="onboarding"
      title="Onboarding template"
      description="Milestones a new account starts with, each due a number of days after its contract start. Accounts already in the book are left as they are."
    >
      <Switch
        checked={form.enabled}
        disabled={update.running}
        onChange={(event) => void toggle(event.currentTarget.checked)}
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
        onChange={(v) => setEdit((e) => ({ ...(e ?? saved), onboardedSharePercent: int(v, 1, 100) }))}
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
          <Button loading={update.running} data-testid="onboarding-save" onClick={() => void update.mutate({ onboardingTemplate: form })}>
            Save
          </Button>
        </Group>
      )}
    </SettingsSection>
  );
}
