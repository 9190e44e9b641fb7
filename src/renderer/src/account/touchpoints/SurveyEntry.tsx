// A survey answer for the account (docs/METRICS.md, satisfaction / proficiency): NPS 0–10, CSAT or proficiency 1–5.
import { Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { SurveyKind } from '../../../../shared/contract';
import { useMutation } from '../../hooks/use-mutation';
import { SURVEY_KIND_LABEL, SURVEY_RANGE } from '../labels';

export function SurveyEntry({ accountId, today }: { accountId: number; today: string }) {
  const [kind, setKind] = useState<SurveyKind>('nps');
  const [score, setScore] = useState<number | string>('');
  const [date, setDate] = useState(today);
  const create = useMutation('surveys.create', {
    errorTitle: 'Could not record the survey answer',
    successMessage: (s) => `${SURVEY_KIND_LABEL[s.kind]} ${s.score} recorded.`,
  });
  const range = SURVEY_RANGE[kind];
  const valid = typeof score === 'number' && score >= range.min && score <= range.max;

  return (
    <Paper withBorder p="sm" radius="md">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          if (valid && (await create.mutate({ accountId, kind, score, date }))) setScore('');
        }}
        data-testid="survey-entry"
      >
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Record a survey answer
            </Text>
            <SegmentedControl
              value={kind}
              onChange={(v) => setKind(SurveyKind.options.find((k) => k === v) ?? kind)}
              data={SurveyKind.options.map((k) => ({ value: k, label: SURVEY_KIND_LABEL[k] }))}
            />
          </Stack>
          <NumberInput
            w={120}
            label={`Score (${range.min}–${range.max})`}
            min={range.min}
            max={range.max}
            allowDecimal={false}
            value={score}
            onChange={setScore}
            data-testid="survey-score"
          />
          <TextInput w={150} type="date" label="Date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={create.running} disabled={!valid || !date}>
            Record
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
