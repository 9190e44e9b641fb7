// Log a QBR (or edit one): date, attendees, goals reviewed, outcomes, the customer's response and new action
// items. When logging, the account's open action items carry over to it (the contract's default), and the modal
// says how many before the CSM saves.
import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { CustomerResponse, type MethodOutput, type Outcome, type Qbr } from '../../../../shared/contract';
import { formatDate } from '../../../../shared/format';
import { useMutation } from '../../hooks/use-mutation';
import { useQuery } from '../../hooks/use-query';
import { plural } from '../labels';
import { OutcomeProgressFields, progressDrafts, progressErrors, saveProgress } from '../plan/OutcomeProgressFields';
import { ActionItemsEditor, draftItem, type DraftItem } from './ActionItemsEditor';
import { RESPONSE_LABEL } from './response';

type Suggestion = MethodOutput<'qbrs.nextSuggestion'>;

interface Props {
  accountId: number;
  /** The QBR to edit; absent to log a new one. */
  qbr?: Qbr;
  suggestion: Suggestion | undefined;
  onClose: () => void;
}

function Form({ accountId, qbr, suggestion, onClose, planOutcomes }: Props & { planOutcomes: Outcome[] }) {
  const [date, setDate] = useState(qbr?.date ?? suggestion?.suggestedDate ?? '');
  const [attendees, setAttendees] = useState<string[]>(qbr?.attendees ?? []);
  const [goals, setGoals] = useState(qbr?.goalsReviewed ?? '');
  const [outcomes, setOutcomes] = useState(qbr?.outcomes ?? '');
  const [response, setResponse] = useState(qbr?.customerResponse ?? 'none');
  const [items, setItems] = useState<DraftItem[]>(() => [draftItem()]);
  const [carryOver, setCarryOver] = useState(true);
  const [initialProgress] = useState(() => progressDrafts(planOutcomes, qbr?.id));
  const [progress, setProgress] = useState(initialProgress);
  const [triedSave, setTriedSave] = useState(false);
  const progressErrs = triedSave ? progressErrors(planOutcomes, progress) : {};
  const create = useMutation('qbrs.create', { errorTitle: 'Could not log the QBR' });
  const update = useMutation('qbrs.update', { errorTitle: 'Could not save the QBR', successMessage: 'QBR saved.' });
  const open = qbr ? 0 : (suggestion?.openActionItems.length ?? 0);

  async function save() {
    setTriedSave(true);
    if (Object.keys(progressErrors(planOutcomes, progress)).length > 0) return;
    const fields = { date, attendees, goalsReviewed: goals.trim() || null, outcomes: outcomes.trim() || null, customerResponse: response };
    if (qbr) {
      if (await update.mutate({ id: qbr.id, ...fields })) {
        await saveProgress(qbr.id, planOutcomes, progress, initialProgress);
        onClose();
      }
      return;
    }
    const actionItems = items
      .filter((i) => i.text.trim())
      .map((i) => ({ text: i.text.trim(), owner: i.owner.trim() || null, dueDate: i.dueDate || null }));
    const created = await create.mutate({ accountId, ...fields, actionItems, carryOver });
    if (!created) return;
    await saveProgress(created.qbr.id, planOutcomes, progress, initialProgress);
    notifications.show({
      color: 'teal',
      message: `QBR of ${formatDate(created.qbr.date)} logged${created.carriedOver ? `; ${plural(created.carriedOver, 'open action item')} carried over` : ''}.`,
    });
    onClose();
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack>
        <TextInput
          type="date"
          label="Date"
          required
          description={!qbr && suggestion ? `Suggested from the ${suggestion.cadenceDays}-day cadence (Settings)` : undefined}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          data-testid="qbr-date"
        />
        <TagsInput
          label="Attendees"
          placeholder="Type a name and press Enter"
          value={attendees}
          onChange={setAttendees}
          clearable
          data-testid="qbr-attendees"
        />
        <Textarea label="Goals reviewed" autosize minRows={2} maxRows={6} value={goals} onChange={(e) => setGoals(e.currentTarget.value)} data-testid="qbr-goals" />
        <Textarea label="Outcomes" autosize minRows={2} maxRows={6} value={outcomes} onChange={(e) => setOutcomes(e.currentTarget.value)} data-testid="qbr-outcomes" />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Customer response
          </Text>
          <SegmentedControl
            value={response}
            onChange={(v) => setResponse(CustomerResponse.options.find((r) => r === v) ?? 'none')}
            data={CustomerResponse.options.map((r) => ({ value: r, label: RESPONSE_LABEL[r] }))}
            data-testid="qbr-response"
          />
        </Stack>
        <OutcomeProgressFields outcomes={planOutcomes} drafts={progress} errors={progressErrs} onChange={setProgress} />
        {!qbr && <ActionItemsEditor items={items} onChange={setItems} />}
        {open > 0 && (
          <Alert variant="light" color="blue" p="xs" data-testid="qbr-carry-notice">
            <Checkbox
              checked={carryOver}
              onChange={(e) => setCarryOver(e.currentTarget.checked)}
              label={`${plural(open, 'open action item')} will carry over to this QBR`}
              description={suggestion?.openActionItems.map((i) => i.text).join(' · ')}
            />
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.running || update.running} disabled={!date} data-testid="qbr-save">
            {qbr ? 'Save' : 'Log QBR'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function LogQbrModal(props: Props & { opened: boolean }) {
  const { opened, ...rest } = props;
  const plan = useQuery('successPlan.get', { accountId: rest.accountId });
  return (
    <Modal opened={opened} onClose={rest.onClose} title={rest.qbr ? `Edit the QBR of ${formatDate(rest.qbr.date)}` : 'Log a QBR'} size="lg" centered>
      {/* Mounted once the plan is read, so the outcome lines start from what this QBR recorded. */}
      {opened && plan.data && <Form key={rest.qbr?.id ?? 'new'} {...rest} planOutcomes={plan.data.outcomes} />}
    </Modal>
  );
}
