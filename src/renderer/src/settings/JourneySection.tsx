import { Button, Group, NumberInput, Progress, Stack, Text, Tooltip } from '@mantine/core';
import type { AppSettings } from '../../../shared/contract';
import { useEditsOverSaved } from '../hooks/use-edits-over-saved';
import { useMutation } from '../hooks/use-mutation';
import { SettingsSection } from './SettingsSection';

const int = (v: number | string, min: number, max: number) => Math.max(min, Math.min(max, Math.round(typeof v === 'number' ? v : Number(v) || min)));

interface Form {
  onboardingDays: number;
  renewalDays: number;
  qbrCadenceDays: number;
}

/** The edits that still differ from the saved values (the same object when all do). */
function withoutSaved(edit: Partial<Form>, saved: Form): Partial<Form> {
  const keys = Object.keys(edit) as (keyof Form)[];
  if (keys.every((k) => edit[k] !== saved[k])) return edit;
  const left: Partial<Form> = {};
  for (const k of keys) if (edit[k] !== saved[k]) left[k] = edit[k];
  return left;
}

function formOf(settings: AppSettings): Form {
  return {
    onboardingDays: settings.stageLengths.onboardingDays,
    renewalDays: settings.stageLengths.renewalDays,
    qbrCadenceDays: settings.qbrCadenceDays,
  };
}

/** Stage lengths and the QBR cadence: each changes every account's stage or QBR status, so they save together. */
export function JourneySection({ settings }: { settings: AppSettings }) {
  const saved = formOf(settings);
  // The CSM's edits lie over the saved values until fresh settings hold them (use-edits-over-saved.ts).
  // Keyed on the settings object: the form's values are read from it anew on each render.
  const [edit, setEdit] = useEditsOverSaved<AppSettings, Partial<Form>>(settings, {}, (e, fresh) => withoutSaved(e, formOf(fresh)));
  const form: Form = { ...saved, ...edit };
  const dirty = (Object.keys(edit) as (keyof Form)[]).some((k) => edit[k] !== saved[k]);
  const update = useMutation('settings.update', { errorTitle: 'Could not save the stage lengths', successMessage: 'Stage lengths and QBR cadence saved.' });

  const contract = settings.stageLengths.contractDays;
  // The renewal stage takes precedence, so adoption is what the other two leave of a one-year contract.
  const adoption = Math.max(0, contract - form.onboardingDays - form.renewalDays);
  const pct = (days: number) => (days / contract) * 100;

  return (
    <SettingsSection
      id="journey"
      title="Journey stages and QBR cadence"
      description="Onboarding is the first days after the contract starts (or until the onboarding milestone is achieved), renewal the last days before the renewal date, adoption what lies between."
    >
      <Group gap="lg" align="flex-end">
        <NumberInput
          w={150}
          label="Onboarding (days)"
          min={1}
          max={365}
          allowDecimal={false}
          value={form.onboardingDays}
          onChange={(v) => setEdit((e) => ({ ...e, onboardingDays: int(v, 1, 365) }))}
          data-testid="stage-onboarding"
        />
        <NumberInput
          w={150}
          label="Renewal (days)"
          min={1}
          max={365}
          allowDecimal={false}
          value={form.renewalDays}
          onChange={(v) => setEdit((e) => ({ ...e, renewalDays: int(v, 1, 365) }))}
          data-testid="stage-renewal"
        />
        <NumberInput
          w={190}
          label="QBR cadence (days)"
          min={1}
          max={730}
          allowDecimal={false}
          value={form.qbrCadenceDays}
          onChange={(v) => setEdit((e) => ({ ...e, qbrCadenceDays: int(v, 1, 730) }))}
          data-testid="qbr-cadence"
        />
      </Group>
      <Stack gap={4}>
        <Progress.Root size={22} data-testid="stage-bar">
          <Tooltip label={`Onboarding: ${form.onboardingDays} days`}>
            <Progress.Section value={pct(form.onboardingDays)} color="blue" aria-label={`Onboarding: ${form.onboardingDays} days`}>
              <Progress.Label>{form.onboardingDays} d</Progress.Label>
            </Progress.Section>
          </Tooltip>
          <Tooltip label={`Adoption: ${adoption} days`}>
            <Progress.Section value={pct(adoption)} color="teal" aria-label={`Adoption: ${adoption} days`}>
              <Progress.Label>Adoption {adoption} d</Progress.Label>
            </Progress.Section>
          </Tooltip>
          <Tooltip label={`Renewal: ${form.renewalDays} days`}>
            <Progress.Section value={pct(Math.min(form.renewalDays, contract))} color="grape" aria-label={`Renewal: ${form.renewalDays} days`}>
              <Progress.Label>Renewal {form.renewalDays} d</Progress.Label>
            </Progress.Section>
          </Tooltip>
        </Progress.Root>
        <Text size="xs" c="dimmed" data-testid="stage-summary">
          In a {contract}-day contract: onboarding {form.onboardingDays} days, adoption {adoption} days, renewal {form.renewalDays} days. A QBR
          is overdue {form.qbrCadenceDays} days after the last one.
        </Text>
      </Stack>
      {dirty && (
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={() => setEdit({})}>
            Discard
          </Button>
          <Button
            loading={update.running}
            data-testid="journey-save"
            onClick={async () => {
              await update.mutate({
                qbrCadenceDays: form.qbrCadenceDays,
                stageLengths: { onboardingDays: form.onboardingDays, renewalDays: form.renewalDays },
              });
            }}
          >
            Save
          </Button>
        </Group>
      )}
    </SettingsSection>
  );
}
