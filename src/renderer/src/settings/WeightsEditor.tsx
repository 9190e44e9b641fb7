import { Group, NumberInput, Slider, Stack, Text } from '@mantine/core';
import { COMPONENT_HINTS, COMPONENT_LABELS, COMPONENT_NAMES, type HealthWeights } from '../../../shared/contract';

interface Props {
  weights: HealthWeights;
  onChange: (weights: HealthWeights) => void;
}

/** Weights are relative: a component's share is its weight ÷ the sum, so the sum is shown, not forced to 100. */
export function WeightsEditor({ weights, onChange }: Props) {
  const sum = COMPONENT_NAMES.reduce((total, name) => total + weights[name], 0);
  return (
    <Stack gap="xs" data-testid="weights-editor">
      {COMPONENT_NAMES.map((name) => {
        const share = sum > 0 ? Math.round((weights[name] / sum) * 100) : 0;
        const set = (value: number) => onChange({ ...weights, [name]: Math.max(0, Math.min(1000, value)) });
        return (
          <Group key={name} gap="md" wrap="nowrap" align="center">
            <Stack gap={0} w={220} style={{ flexShrink: 0 }}>
              <Text size="sm" fw={500}>
                {COMPONENT_LABELS[name]}
              </Text>
              <Text size="xs" c="dimmed" lineClamp={2}>
                {COMPONENT_HINTS[name]}
              </Text>
            </Stack>
            <Slider
              flex={1}
              min={0}
              max={100}
              step={1}
              value={Math.min(100, weights[name])}
              onChange={set}
              label={(v) => `${v}`}
              thumbLabel={`${COMPONENT_LABELS[name]} weight`}
            />
            <NumberInput
              w={80}
              size="xs"
              min={0}
              max={1000}
              allowDecimal={false}
              value={weights[name]}
              onChange={(v) => set(typeof v === 'number' ? v : Number(v) || 0)}
              aria-label={`${COMPONENT_LABELS[name]} weight`}
              data-testid={`weight-${name}`}
            />
            <Text size="xs" c="dimmed" w={40} ta="right" title="Share of the score">
              {share}%
            </Text>
          </Group>
        );
      })}
      <Group justify="flex-end" gap="xs">
        <Text size="sm" c={sum === 0 ? 'red' : 'dimmed'} data-testid="weights-sum">
          Sum of weights: <b>{sum}</b>
          {sum !== 100 && sum > 0 && ' (each share is its weight ÷ the sum)'}
        </Text>
      </Group>
    </Stack>
  );
}
