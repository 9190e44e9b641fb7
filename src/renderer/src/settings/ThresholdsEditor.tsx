import { Group, NumberInput, Progress, RangeSlider, Stack, Text } from '@mantine/core';
import type { HealthThresholds } from '../../../shared/contract';

/** The two cut-offs on one scale: red below yellow, yellow below green, green at or above it. */
export function ThresholdsEditor({ thresholds, onChange }: { thresholds: HealthThresholds; onChange: (t: HealthThresholds) => void }) {
  const { yellow, green } = thresholds;
  const clamp = (v: number | string) => Math.max(0, Math.min(100, typeof v === 'number' ? v : Number(v) || 0));
  return (
    <Stack gap="xs" data-testid="thresholds-editor">
      <RangeSlider
        min={0}
        max={100}
        minRange={0}
        value={[yellow, green]}
        onChange={([y, g]) => onChange({ yellow: y, green: g })}
        label={(v) => `${v}`}
        thumbFromLabel="Yellow threshold"
        thumbToLabel="Green threshold"
        color="yellow"
      />
      {/* The three bands the two thresholds make, drawn to the same scale as the slider above. */}
      <Progress.Root size={16} data-testid="threshold-bands">
        <Progress.Section value={yellow} color="red" aria-label={`Red: below ${yellow}`}>
          <Progress.Label>Red</Progress.Label>
        </Progress.Section>
        <Progress.Section value={Math.max(0, green - yellow)} color="yellow" aria-label={`Yellow: ${yellow} to below ${green}`}>
          <Progress.Label>Yellow</Progress.Label>
        </Progress.Section>
        <Progress.Section value={100 - green} color="green" aria-label={`Green: ${green} and above`}>
          <Progress.Label>Green</Progress.Label>
        </Progress.Section>
      </Progress.Root>
      <Group gap="lg" mt={4}>
        <NumberInput
          w={150}
          size="xs"
          label="Green at or above"
          min={0}
          max={100}
          value={green}
          onChange={(v) => onChange({ yellow, green: clamp(v) })}
          data-testid="threshold-green"
        />
        <NumberInput
          w={150}
          size="xs"
          label="Yellow at or above"
          min={0}
          max={100}
          value={yellow}
          onChange={(v) => onChange({ green, yellow: clamp(v) })}
          data-testid="threshold-yellow"
        />
        <Text size="sm" c="dimmed" mt={18}>
          Red below {yellow} · yellow {yellow}–{Math.max(yellow, green - 1)} · green {green} and above
        </Text>
      </Group>
    </Stack>
  );
}
