// Health over time from the daily snapshots (docs/METRICS.md, "Trend"), with the status thresholds drawn as bands
// and lines, so the CSM sees when the account crossed from green to yellow and by how much.
import { Badge, Box, Group, Paper, Text, Title } from '@mantine/core';
import { ResponsiveLine, type LineCustomSvgLayerProps, type SliceTooltipProps } from '@nivo/line';
import { useMemo } from 'react';
import type { HealthStatus, MethodOutput } from '../../../../shared/contract';
import { addDays } from '../../../../shared/dates';
import { formatDate } from '../../../../shared/format';
import { useQuery } from '../../hooks/use-query';
import { STATUS_COLOR, STATUS_LABEL } from '../labels';
import { CardSkeleton } from '../QueryStates';
import { ChartTooltip } from './ChartTooltip';
import { useChartPalette } from './nivo-theme';
import { tickFormat, type Range } from './ranges';

type HealthSeries = { id: 'Health'; data: { x: string; y: number | null; status: HealthStatus | null }[] };
type History = MethodOutput<'health.account'>['history'];

/** docs/METRICS.md defaults, drawn until the settings arrive. */
const DEFAULT_THRESHOLDS = { green: 70, yellow: 40 };

function HealthTooltip({ slice }: SliceTooltipProps<HealthSeries>) {
  const point = slice.points[0];
  if (!point) return null;
  const status = point.data.status;
  return (
    <ChartTooltip testId="health-tooltip" date={point.data.xFormatted}>
      <Text size="xs" fw={600}>
        {formatDate(point.data.xFormatted)}
      </Text>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" fw={600}>
          Health {point.data.yFormatted}
        </Text>
        {status && (
          <Badge size="xs" color={STATUS_COLOR[status]}>
            {STATUS_LABEL[status]}
          </Badge>
        )}
      </Group>
    </ChartTooltip>
  );
}

/** Faint green / yellow / red bands behind the line, from the thresholds in force. */
function bandsLayer(thresholds: { green: number; yellow: number }, colors: { green: string; yellow: string; red: string }) {
  return function Bands({ yScale, innerWidth }: LineCustomSvgLayerProps<HealthSeries>) {
    const y = (v: number) => yScale(v);
    const bands = [
      { from: 100, to: thresholds.green, color: colors.green },
      { from: thresholds.green, to: thresholds.yellow, color: colors.yellow },
      { from: thresholds.yellow, to: 0, color: colors.red },
    ];
    return (
      <g>
        {bands.map((b) => (
          <rect key={b.color} x={0} width={innerWidth} y={y(b.from)} height={Math.max(0, y(b.to) - y(b.from))} fill={b.color} opacity={0.08} />
        ))}
      </g>
    );
  };
}

export function HealthChart({ history, asOf, range }: { history: History; asOf: string; range: Range }) {
  const settings = useQuery('health.settings.get', {});
  const palette = useChartPalette();
  const thresholds = settings.data?.settings.thresholds ?? DEFAULT_THRESHOLDS;
  const from = addDays(asOf, -(range.days - 1));

  const data = useMemo<HealthSeries[]>(
    () => [{ id: 'Health', data: history.filter((p) => p.date >= from).map((p) => ({ x: p.date, y: p.score, status: p.status })) }],
    [history, from],
  );
  const Bands = useMemo(() => bandsLayer(thresholds, palette.status), [thresholds, palette.status]);
  const hasScores = data[0].data.some((p) => p.y !== null);

  return (
    <Paper withBorder p="md" radius="md" data-testid="health-chart">
      <Title order={4}>Health over time</Title>
      <Text size="xs" c="dimmed" mb="xs">
        The daily health snapshot: green at {thresholds.green} or above, red below {thresholds.yellow} (Settings)
      </Text>
      {settings.loading && !settings.data ? (
        <CardSkeleton height={200} />
      ) : !hasScores ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          No health snapshots in this range yet: they are taken daily once the account has usage or relationship data.
        </Text>
      ) : (
        <Box h={220}>
          <ResponsiveLine<HealthSeries>
            data={data}
            theme={palette.theme}
            colors={[palette.series.health]}
            margin={{ top: 10, right: 16, bottom: 32, left: 44 }}
            xScale={{ type: 'time', format: '%Y-%m-%d', precision: 'day', useUTC: true, min: from, max: asOf }}
            xFormat="time:%Y-%m-%d"
            yScale={{ type: 'linear', min: 0, max: 100 }}
            yFormat=">-.0f"
            axisBottom={{ format: tickFormat(range), tickValues: range.ticks, tickSize: 4 }}
            axisLeft={{ tickSize: 4, tickValues: [0, thresholds.yellow, thresholds.green, 100] }}
            gridYValues={[thresholds.yellow, thresholds.green]}
            enableGridX={false}
            enablePoints={false}
            lineWidth={2}
            markers={[
              // Unlabelled: the left axis ticks at the thresholds, and the subtitle says which is which.
              { axis: 'y', value: thresholds.green, lineStyle: { stroke: palette.status.green, strokeDasharray: '4 4', strokeWidth: 1 } },
              { axis: 'y', value: thresholds.yellow, lineStyle: { stroke: palette.status.red, strokeDasharray: '4 4', strokeWidth: 1 } },
            ]}
            layers={[Bands, 'grid', 'markers', 'axes', 'crosshair', 'lines', 'slices']}
            enableSlices="x"
            sliceTooltip={HealthTooltip}
            animate={false}
            role="img"
            ariaLabel={`Health score over the last ${range.days} days`}
          />
        </Box>
      )}
    </Paper>
  );
}
