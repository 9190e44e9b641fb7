// On the QBR form: one line per success-plan outcome, to record the KPI's value at this QBR and a note. Saved
// after the QBR itself (successPlan.progress.record needs its id); a value that is not a number stops the save.
import { Group, Stack, Text, TextInput } from '@mantine/core';
import type { Outcome } from '../../../../shared/contract';
import { call } from '../../api/client';
import { kpiValue, parseKpi } from './plan-labels';

export type ProgressDrafts = Record<number, { value: string; note: string }>;

/** What this QBR recorded so far per outcome (empty for a new QBR). */
export function progressDrafts(outcomes: readonly Outcome[], qbrId: number | undefined): ProgressDrafts {
  return Object.fromEntries(
    outcomes.map((o) => {
      const p = o.progress.find((e) => e.qbrId === qbrId);
      return [o.id, { value: p?.value?.toString() ?? '', note: p?.note ?? '' }];
    }),
  );
}

export function progressErrors(outcomes: readonly Outcome[], drafts: ProgressDrafts): Record<number, string> {
  const errors: Record<number, string> = {};
  for (const o of outcomes) {
    const text = drafts[o.id]?.value ?? '';
    if (parseKpi(text) === 'invalid') errors[o.id] = `“${text}” is not a number: write the ${o.kpiName} now, e.g. 6 or 2.5.`;
  }
  return errors;
}

/** Records every changed line; the lines were checked with progressErrors first. */
export async function saveProgress(qbrId: number, outcomes: readonly Outcome[], drafts: ProgressDrafts, before: ProgressDrafts): Promise<void> {
  for (const o of outcomes) {
    const d = drafts[o.id];
    const was = before[o.id];
    if (!d || (was && d.value === was.value && d.note === was.note)) continue;
    const value = parseKpi(d.value);
    await call('successPlan.progress.record', { qbrId, outcomeId: o.id, value: value === 'invalid' ? null : value, note: d.note });
  }
}

interface Props {
  outcomes: readonly Outcome[];
  drafts: ProgressDrafts;
  errors: Record<number, string>;
  onChange: (drafts: ProgressDrafts) => void;
}

export function OutcomeProgressFields({ outcomes, drafts, errors, onChange }: Props) {
  if (outcomes.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="qbr-outcome-progress">
      <Text size="sm" fw={500}>
        Success plan: where each KPI stands now
      </Text>
      {outcomes.map((o) => {
        const d = drafts[o.id] ?? { value: '', note: '' };
        return (
          <Group key={o.id} grow align="flex-start" wrap="nowrap">
            <TextInput
              label={o.title}
              description={`${o.kpiName}: from ${kpiValue(o.baseline, o.kpiUnit)} to ${kpiValue(o.target, o.kpiUnit)}`}
              placeholder={o.kpiUnit ? `value in ${o.kpiUnit}` : 'value'}
              inputMode="decimal"
              value={d.value}
              error={errors[o.id]}
              onChange={(e) => onChange({ ...drafts, [o.id]: { ...d, value: e.currentTarget.value } })}
              data-testid="qbr-progress-value"
            />
            <TextInput
              label="Note"
              description="What moved it, or what holds it back"
              value={d.note}
              onChange={(e) => onChange({ ...drafts, [o.id]: { ...d, note: e.currentTarget.value } })}
              data-testid="qbr-progress-note"
            />
          </Group>
        );
      })}
    </Stack>
  );
}
