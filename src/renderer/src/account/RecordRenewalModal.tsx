// "Record renewal" (issue #12): how the renewal ended — renewed, expanded, downsized or churned (with a reason from
// the list and the CSM's own words) — the day it was decided and the new ARR. Saving rolls the contract forward
// one term; the outcome becomes data for the benchmarks and the renewal model.
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { AccountSummary } from '../../../shared/contract';
import { CHURN_REASON_LABELS, CHURN_REASONS, RENEWAL_OUTCOMES, type ChurnReason, type RenewalOutcome } from '../../../shared/contract/renewal';
import { formatDate } from '../../../shared/format';
import { useMutation } from '../hooks/use-mutation';

const OUTCOME_LABEL: Record<RenewalOutcome, string> = { renewed: 'Renewed', expanded: 'Expanded', downsized: 'Downsized', churned: 'Churned' };

function Form({ account, today, onClose }: { account: AccountSummary; today: string; onClose: () => void }) {
  const passed = account.renewalDate !== null && account.renewalDate <= today;
  const [outcome, setOutcome] = useState<RenewalOutcome>('renewed');
  const [date, setDate] = useState(passed && account.renewalDate ? account.renewalDate : today);
  const [arr, setArr] = useState<number | string>(account.arr ?? '');
  const [reason, setReason] = useState<ChurnReason | null>(null);
  const [note, setNote] = useState('');
  const record = useMutation('renewal.record', {
    errorTitle: 'Could not record the renewal',
    successMessage: (r) =>
      r.outcome === 'churned'
        ? `Recorded: ${account.name} churned on ${formatDate(r.date)}.`
        : `Recorded: ${account.name} ${r.outcome} on ${formatDate(r.date)}${r.renewalDate ? `; next renewal ${formatDate(r.renewalDate)}` : ''}.`,
  });
  const churn = outcome === 'churned';
  const future = date > today;
  const needsArr = (outcome === 'expanded' || outcome === 'downsized') && typeof arr !== 'number';

  async function save() {
    if (future || needsArr || date === '') return;
    const saved = await record.mutate({
      id: account.id,
      outcome,
      date,
      ...(churn ? {} : typeof arr === 'number' ? { arr } : {}),
      ...(churn && reason ? { reason } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
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
        <SegmentedControl
          fullWidth
          value={outcome}
          onChange={(v) => setOutcome(RENEWAL_OUTCOMES.find((o) => o === v) ?? outcome)}
          data={RENEWAL_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABEL[o] }))}
          color={churn ? 'red' : 'teal'}
          data-testid="renewal-outcome"
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label="Decided on"
            value={date}
            max={today}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={future ? 'Record a renewal once it is decided' : undefined}
            data-testid="renewal-date"
          />
          {!churn && (
            <NumberInput
              label={`New ARR (${account.currency})`}
              value={arr}
              onChange={setArr}
              min={0}
              thousandSeparator=","
              error={needsArr ? 'An expansion or downsize needs the new ARR' : undefined}
              data-testid="renewal-arr"
            />
          )}
        </Group>
        {churn && (
          <Select
            label="Reason"
            placeholder="Why did they leave?"
            data={CHURN_REASONS.map((r) => ({ value: r, label: CHURN_REASON_LABELS[r] }))}
            value={reason}
            onChange={(v) => setReason(CHURN_REASONS.find((r) => r === v) ?? null)}
            data-testid="renewal-reason"
          />
        )}
        <Textarea
          label={churn ? 'In your words' : 'Note'}
          autosize
          minRows={2}
          maxRows={5}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          data-testid="renewal-note"
        />
        <Text size="xs" c="dimmed">
          {churn
            ? 'The account becomes a former customer from this date, kept for history and benchmarks.'
            : account.renewalDate
              ? `The contract rolls forward one term from ${formatDate(account.renewalDate)} when this decides that renewal.`
              : 'The account starts a one-year term on this date.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color={churn ? 'red' : undefined} loading={record.running} disabled={future || needsArr || date === ''} data-testid="renewal-save">
            Record {OUTCOME_LABEL[outcome].toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RecordRenewalModal({ opened, account, today, onClose }: { opened: boolean; account: AccountSummary; today: string; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Record the renewal of ${account.name}`} centered size="lg">
      {opened && <Form account={account} today={today} onClose={onClose} />}
    </Modal>
  );
}
