// Add or edit a desired outcome of the success plan: what the customer wants, the KPI that measures it (name, unit,
// baseline, target), the target date, the status and the milestones it depends on. The form says why it refuses
// before it sends; main checks the same rules again (nothing from the page is trusted).
import { Alert, Button, Group, Modal, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { OutcomeStatus, type Milestone, type Outcome } from '../../../../shared/contract';
import { useMutation } from '../../hooks/use-mutation';
import { OUTCOME_STATUS_LABEL, parseKpi } from './plan-labels';

interface Props {
  accountId: number;
  outcome?: Outcome;
  milestones: Milestone[];
  onClose: () => void;
}

function Form({ accountId, outcome, milestones, onClose }: Props) {
  const [title, setTitle] = useState(outcome?.title ?? '');
  const [kpiName, setKpiName] = useState(outcome?.kpiName ?? '');
  const [kpiUnit, setKpiUnit] = useState(outcome?.kpiUnit ?? '');
  const [baseline, setBaseline] = useState(outcome?.baseline?.toString() ?? '');
  const [target, setTarget] = useState(outcome?.target.toString() ?? '');
  const [targetDate, setTargetDate] = useState(outcome?.targetDate ?? '');
  const [status, setStatus] = useState<OutcomeStatus>(outcome?.status ?? 'not_started');
  const [milestoneIds, setMilestoneIds] = useState<string[]>((outcome?.milestoneIds ?? []).map(String));
  const [tried, setTried] = useState(false);
  const create = useMutation('successPlan.outcomes.create', { errorTitle: 'Could not add the outcome', successMessage: (o) => `Added “${o.title}”.` });
  const update = useMutation('successPlan.outcomes.update', { errorTitle: 'Could not save the outcome', successMessage: (o) => `Saved “${o.title}”.` });

  const base = parseKpi(baseline);
  const goal = parseKpi(target);
  const errors = {
    title: title.trim() === '' ? 'Write the outcome the customer wants, e.g. “Forecast in an hour”.' : undefined,
    kpiName: kpiName.trim() === '' ? 'Name the KPI that measures it, e.g. “Forecast preparation time”.' : undefined,
    baseline: base === 'invalid' ? `“${baseline}” is not a number: write the value before Bearing, e.g. 16, or leave it empty.` : undefined,
    target:
      goal === null ? 'The KPI target is needed: the value that means the outcome is reached.' : goal === 'invalid' ? `“${target}” is not a number: write e.g. 1 or 2.5.` : undefined,
    targetDate: targetDate === '' ? 'Pick the date the customer expects the outcome by.' : undefined,
  };
  const invalid = Object.values(errors).some(Boolean);
  const show = (e: string | undefined) => (tried ? e : undefined);

  async function save() {
    setTried(true);
    if (invalid || typeof goal !== 'number' || base === 'invalid') return;
    const fields = { title, kpiName, kpiUnit, baseline: base, target: goal, targetDate, status, milestoneIds: milestoneIds.map(Number) };
    const saved = outcome ? await update.mutate({ id: outcome.id, ...fields }) : await create.mutate({ accountId, ...fields });
    if (saved) onClose();
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack>
        <TextInput label="Outcome" placeholder="Forecast in an hour" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={show(errors.title)} data-autofocus data-testid="outcome-title" />
        <Group grow align="flex-start">
          <TextInput label="KPI" placeholder="Forecast preparation time" value={kpiName} onChange={(e) => setKpiName(e.currentTarget.value)} error={show(errors.kpiName)} data-testid="outcome-kpi" />
          <TextInput label="Unit" placeholder="hours" value={kpiUnit} onChange={(e) => setKpiUnit(e.currentTarget.value)} maw={120} data-testid="outcome-unit" />
        </Group>
        <Group grow align="flex-start">
          <TextInput label="Baseline" description="Before Bearing (optional)" inputMode="decimal" value={baseline} onChange={(e) => setBaseline(e.currentTarget.value)} error={show(errors.baseline)} data-testid="outcome-baseline" />
          <TextInput label="Target" description="Reached when the KPI gets here" inputMode="decimal" value={target} onChange={(e) => setTarget(e.currentTarget.value)} error={show(errors.target)} data-testid="outcome-target" />
        </Group>
        <Group grow align="flex-start">
          <TextInput type="date" label="Target date" value={targetDate} onChange={(e) => setTargetDate(e.currentTarget.value)} error={show(errors.targetDate)} data-testid="outcome-date" />
          <Select
            label="Status"
            data={OutcomeStatus.options.map((s) => ({ value: s, label: OUTCOME_STATUS_LABEL[s] }))}
            value={status}
            onChange={(v) => setStatus(OutcomeStatus.options.find((s) => s === v) ?? status)}
            allowDeselect={false}
            data-testid="outcome-status"
          />
        </Group>
        <MultiSelect
          label="Milestones"
          description={milestones.length === 0 ? 'This account has no milestones yet: add them on the Milestones tab.' : 'The milestones this outcome depends on.'}
          data={milestones.map((m) => ({ value: String(m.id), label: m.name }))}
          value={milestoneIds}
          onChange={setMilestoneIds}
          disabled={milestones.length === 0}
          data-testid="outcome-milestones"
        />
        {tried && invalid && (
          <Alert color="red" variant="light" data-testid="outcome-refused">
            Not saved yet: fix the fields marked in red.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.running || update.running} data-testid="outcome-save">
            {outcome ? 'Save' : 'Add outcome'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OutcomeModal(props: Props & { opened: boolean }) {
  const { opened, ...rest } = props;
  return (
    <Modal opened={opened} onClose={rest.onClose} title={rest.outcome ? `Edit “${rest.outcome.title}”` : 'Add a desired outcome'} centered size="lg">
      {opened && <Form key={rest.outcome?.id ?? 'new'} {...rest} />}
    </Modal>
  );
}
