// The adoption curve (docs/METRICS.md, continuous adoption; seed 003): active users and features used per lifecycle
// month (30-day blocks from contract start), and the slope of active users over the complete months.
import { Box, Group, Stack, Text } from '@mantine/core';
import { ResponsiveLine, type SliceTooltipProps } from '@nivo/line';
import { useMemo } from 'react';
import type { AccountMetrics } from '../../../../shared/contract';
import { formatCount } from '../../../../shared/format';
import { Explained } from '../Explained';
import { ChartTooltip } from './ChartTooltip';
import { useChartPalette } from './nivo-theme';

type Curve = AccountMetrics['adoptionCurve'];
type CurveSeries = { id: 'Active users' | 'Features used'; data: { x: number; y: number }[] };

function slopeText(slope: number): string {
  const rounded = Math.round(slope * 10) / 10;
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : '±'}${Math.abs(rounded).toFixed(1)} active users a month`;
}

function CurveTooltip({ slice, curve }: SliceTooltipProps<CurveSeries> & { curve: Curve }) {
  const month = Number(slice.points[0]?.data.x ?? 1);
  const row = curve.months[month - 1];
  return (
    <ChartTooltip testId="curve-tooltip" date={String(month)}>
      <Text size="xs" fw={600} mb={4}>
        Month {month}
        {row && !row.complete ? ' (in progress)' : ''}
      </Text>
      {[...slice.points]
        .sort((a, b) => a.seriesIndex - b.seriesIndex)
        .map((p) => (
          <Group key={p.id} gap={6} wrap="nowrap">
            <Box w={10} h={10} style={{ background: p.seriesColor, borderRadius: 2 }} />
            <Text size="xs">
              <b>{p.data.yFormatted}</b> {p.seriesId === 'Active users' ? 'active users' : 'features used'}
            </Text>
          </Group>
        ))}
    </ChartTooltip>
  );
}

export function AdoptionCurve({ curve }: { curve: Curve }) {
  const palette = useChartPalette();
  const colors = { 'Active users': palette.series.dau, 'Features used': palette.series.wau };
  const data = useMemo<CurveSeries[]>(
    () => [
      { id: 'Active users', data: curve.months.map((m) => ({ x: m.month + 1, y: m.activeUsers })) },
      { id: 'Features used', data: curve.months.map((m) => ({ x: m.month + 1, y: m.featuresUsed })) },
    ],
    [curve],
  );
  const complete = curve.months.filter((m) => m.complete);
  return (
    <Stack gap={4} mt="md" data-testid="adoption-curve">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" fw={600}>
            Adoption curve
          </Text>
          <Text size="xs" c="dimmed">
            Per lifecycle month (30 days from contract start)
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            Slope
          </Text>
          <Explained
            fw={600}
            testId="adoption-slope"
            c={curve.slope === null ? 'dimmed' : curve.slope < 0 ? 'red' : undefined}
            explanation={
              <Stack gap={4} data-testid="adoption-slope-inputs">
                <Text size="sm">
                  The least-squares slope of active users over the complete lifecycle months (the month in progress is left out).
                  {curve.slope === null ? ' No data: it needs a contract start and at least 2 complete months.' : ''}
                </Text>
                {complete.length > 0 && (
                  <Text size="sm" fw={500}>
                    {complete.map((m) => `Month ${m.month + 1}: ${formatCount(m.activeUsers)}`).join(' · ')}
                  </Text>
                )}
              </Stack>
            }
          >
            {curve.slope === null ? 'no data' : slopeText(curve.slope)}
          </Explained>
        </Group>
      </Group>
      {curve.months.length === 0 ? (
        <Text size="sm" c="dimmed">
          No contract start on record, so there are no lifecycle months to draw.
        </Text>
      ) : (
        <>
          <Group gap="md">
            {(['Active users', 'Features used'] as const).map((id) => (
              <Group key={id} gap={4} wrap="nowrap">
                <Box w={12} h={3} style={{ background: colors[id] }} />
                <Text size="xs">{id}</Text>
              </Group>
            ))}
          </Group>
          <Box h={180}>
            <ResponsiveLine<CurveSeries>
              data={data}
              theme={palette.theme}
              colors={(s) => colors[s.id]}
              margin={{ top: 10, right: 16, bottom: 32, left: 36 }}
              xScale={{ type: 'linear', min: 1, max: Math.max(2, curve.months.length) }}
              yScale={{ type: 'linear', min: 0, max: 'auto' }}
              axisBottom={{ tickSize: 4, tickValues: Math.min(curve.months.length, 12), format: (v: number) => `M${v}`, legend: '', legendOffset: 28 }}
              axisLeft={{ tickSize: 4, tickValues: 4 }}
              gridYValues={4}
              enableGridX={false}
              pointSize={5}
              lineWidth={2}
              enableSlices="x"
              sliceTooltip={(props) => <CurveTooltip {...props} curve={curve} />}
              animate={false}
              role="img"
              ariaLabel={`Active users and features used over ${curve.months.length} lifecycle months`}
            />
          </Box>
        </>
      )}
    </Stack>
  );
}
