// A survey answer for the account (docs/METRICS.md, satisfaction / proficiency): NPS 0–10, CSAT or proficiency 1–5.
import { Button, Group, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { SurveyKind } from '../../../../shared/contract';
import { useMutation } from '../../hooks/use-mutation';
import { SURVEY_KIND_LABEL, SURVEY_RANGE } from '../labels';
import { faultProps, Refusal } from './Refusal';

export function SurveyEntry({ accountId, today }: { accountId: number; today: string }) {
  const [kind, setKind] = useState<SurveyKind>('nps');
  const [score, setScore] = useState<number | string>('');
  const [date, setDate] = useState(today);
  const create = useMutation('surveys.create', {
    errorTitle: 'Could not record the survey answer',
    successMessage: (s) => `${SURVEY_KIND_LABEL[s.kind]} ${s.score} recorded.`,
  });
  // Tried: the CSM pressed Record. A score out of range says so as soon as it is typed; an empty field once tried.
  const [tried, setTried] = useState(false);
  const range = SURVEY_RANGE[kind];
  const why = refusal(SURVEY_KIND_LABEL[kind], range, score, date);
  const shownWhy = why && (tried || (why.field === 'score' && score !== '')) ? why : null;

  return (
    <Paper withBorder p="sm" radius="md">
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setTried(true);
          if (why || typeof score !== 'number') return;
          if (await create.mutate({ accountId, kind, score, date })) {
            setScore('');
            setTried(false);
          }
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
            // Not clamped: a 7 quietly turned into a 5 would record an answer nobody gave. It is refused, with why.
            clampBehavior="none"
            {...faultProps(shownWhy, 'score', 'survey-refused')}
            value={score}
            onChange={setScore}
            data-testid="survey-score"
          />
          <TextInput
            w={150}
            type="date"
            label="Date"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            {...faultProps(shownWhy, 'date', 'survey-refused')}
            data-testid="survey-date"
          />
          {/* Never disabled: a press on a refused answer says why under the field, instead of doing nothing. */}
          <Button type="submit" variant="light" leftSection={<IconPlus size={16} />} loading={create.running} data-testid="survey-record">
            Record
          </Button>
        </Group>
        {shownWhy && <Refusal id="survey-refused" message={shownWhy.message} />}
      </form>
    </Paper>
  );
}

/** Why this answer cannot be recorded, under the field at fault; null when it can. */
function refusal(label: string, range: { min: number; max: number }, score: number | string, date: string): { field: 'score' | 'date'; message: string } | null {
  if (typeof score !== 'number') return { field: 'score', message: `Enter a score from ${range.min} to ${range.max}` };
  if (score < range.min || score > range.max) return { field: 'score', message: `${label} is ${range.min} to ${range.max}, not ${score}` };
  if (!date) return { field: 'date', message: 'Pick the day it was given' };
  return null;
}
