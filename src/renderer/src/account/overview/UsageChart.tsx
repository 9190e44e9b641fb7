// DAU / WAU / MAU over the chosen range (docs/METRICS.md, usage): distinct active users on the day, in the trailing
// 7 and 30 days. One tooltip per day lists all three, so a CSM reads the day's figures without hunting for lines.
import { Box, Group, Paper, Text, Title } from '@mantine/core';
import { ResponsiveLine, type SliceTooltipProps } from '@nivo/line';
import { useMemo } from 'react';
import { formatCount, formatDate, formatPercent } from '../../../../shared/format';
import { useQuery } from '../../hooks/use-query';
import { CardSkeleton, QueryError } from '../QueryStates';
import { ChartTooltip } from './ChartTooltip';
import { useChartPalette } from './nivo-theme';
import { tickFormat, type Range } from './ranges';

type UsageSeries = { id: 'MAU' | 'WAU' | 'DAU'; data: { x: string; y: number }[] };

const MEANING: Record<UsageSeries['id'], string> = {
  DAU: 'active that day',
  WAU: 'active in the 7 days to that day',
  MAU: 'active in the 30 days to that day',
};

function UsageTooltip({ slice, licenses }: SliceTooltipProps<UsageSeries> & { licenses: number | null }) {
  const date = slice.points[0]?.data.xFormatted ?? '';
  // Points come in reverse series order; list them DAU, WAU, MAU as the legend does.
  const rows = [...slice.points].sort((a, b) => b.seriesIndex - a.seriesIndex);
  return (
    <ChartTooltip testId="usage-tooltip" date={date}>
      <Text size="xs" fw={600} mb={4}>
        {formatDate(date)}
      </Text>
      {rows.map((p) => (
        <Group key={p.id} gap={6} wrap="nowrap">
          <Box w={10} h={10} style={{ background: p.seriesColor, borderRadius: 2 }} />
          <Text size="xs" data-series={p.seriesId}>
            <b>
              {p.seriesId} {p.data.yFormatted}
            </b>{' '}
            {MEANING[p.seriesId]}
            {p.seriesId === 'MAU' && licenses ? ` (${formatPercent(Number(p.data.y) / licenses)} of ${formatCount(licenses)} licenses)` : ''}
          </Text>
        </Group>
      ))}
    </ChartTooltip>
  );
}

export function UsageChart({ accountId, range }: { accountId: number; range: Range }) {
  const usage = useQuery('usage.series', { id: accountId, days: range.days });
  const palette = useChartPalette();
  const points = usage.data?.points;
  const licenses = usage.data?.licenses ?? null;

  const data = useMemo<UsageSeries[]>(
    () =>
      points
        ? [
            { id: 'MAU', data: points.map((p) => ({ x: p.date, y: p.mau })) },
            { id: 'WAU', data: points.map((p) => ({ x: p.date, y: p.wau })) },
            { id: 'DAU', data: points.map((p) => ({ x: p.date, y: p.dau })) },
          ]
        : [],
    [points],
  );
  const colors = { DAU: palette.series.dau, WAU: palette.series.wau, MAU: palette.series.mau };
  const anyUse = points?.some((p) => p.mau > 0) ?? false;

  return (
    <Paper withBorder p="md" radius="md" data-testid="usage-chart">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={4}>Active users</Title>
          <Text size="xs" c="dimmed">
            DAU, WAU and MAU: distinct users active on the day, in the last 7 and in the last 30 days
          </Text>
        </div>
        <Group gap="md">
          {(['DAU', 'WAU', 'MAU'] as const).map((id) => (
            <Group key={id} gap={4} wrap="nowrap">
              <Box w={12} h={3} style={{ background: colors[id] }} />
              <Text size="xs">{id}</Text>
            </Group>
          ))}
        </Group>
      </Group>
      {usage.error && !points ? (
        <QueryError title="Could not load usage" error={usage.error} onRetry={usage.refetch} />
      ) : !points ? (
        <CardSkeleton height={240} />
      ) : !anyUse ? (
        <Text size="sm" c="dimmed" py="xl" ta="center">
          No usage in this range. Import a usage export (Pendo, Mixpanel, Amplitude or a daily CSV) to see it here.
        </Text>
      ) : (
        <Box h={260}>
          <ResponsiveLine<UsageSeries>
            data={data}
            theme={palette.theme}
            colors={(s) => colors[s.id]}
            margin={{ top: 10, right: 16, bottom: 32, left: 44 }}
            xScale={{ type: 'time', format: '%Y-%m-%d', precision: 'day', useUTC: true }}
            xFormat="time:%Y-%m-%d"
            yScale={{ type: 'linear', min: 0, max: 'auto' }}
            axisBottom={{ format: tickFormat(range), tickValues: range.ticks, tickSize: 4 }}
            axisLeft={{ tickSize: 4, tickValues: 5 }}
            gridYValues={5}
            enableGridX={false}
            enablePoints={range.days <= 30}
            pointSize={4}
            lineWidth={2}
            enableSlices="x"
            sliceTooltip={(props) => <UsageTooltip {...props} licenses={licenses} />}
            animate={false}
            role="img"
            ariaLabel={`Active users over the last ${range.days} days`}
          />
        </Box>
      )}
    </Paper>
  );
}
