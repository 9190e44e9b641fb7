import { Anchor, Badge, Button, Group, Paper, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { PortfolioRow, Stage } from '../../../shared/contract';
import { accountHref } from './account-link';
import { CARD_GAP, CARD_HEIGHT, LaneCard } from './LaneCard';
import { STAGES } from './StageBadge';

const LANES: { stage: Stage; hint: string }[] = [
  { stage: 'onboarding', hint: 'From contract start until onboarding is complete' },
  { stage: 'adoption', hint: 'Between onboarding and the renewal window' },
  { stage: 'renewal', hint: 'The last days before the renewal date' },
];

function Lane({ stage, hint, rows, asOf }: { stage: Stage; hint: string; rows: readonly PortfolioRow[]; asOf: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; this only says it would skip this component
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_HEIGHT + CARD_GAP,
    overscan: 6,
  });
  const { label, color } = STAGES[stage];
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-default-hover)" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }} data-testid={`lane-${stage}`}>
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={3} fz="md">
          {label}
        </Title>
        <Badge color={color} variant="light" data-testid="lane-count">
          {rows.length}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {hint}
      </Text>
      <div ref={scrollRef} style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="lg">
            No account in this stage matches the filters.
          </Text>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => (
              <div key={rows[item.index].id} style={{ position: 'absolute', top: item.start, left: 0, right: 0 }}>
                <LaneCard row={rows[item.index]} asOf={asOf} />
              </div>
            ))}
          </div>
        )}
      </div>
    </Paper>
  );
}

function ApartList({ title, rows, testId }: { title: string; rows: readonly PortfolioRow[]; testId: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" data-testid={testId}>
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {title} ({rows.length})
      </Text>
      <ScrollArea.Autosize mah={48} flex={1}>
        <Text size="sm">
          {rows.map((row, i) => (
            <span key={row.id}>
              {i > 0 && ' · '}
              <Anchor href={accountHref(row.id)} size="sm">
                {row.name}
              </Anchor>
            </span>
          ))}
        </Text>
      </ScrollArea.Autosize>
    </Group>
  );
}

interface Props {
  /** The filtered, sorted rows; each lane keeps that order. */
  rows: readonly PortfolioRow[];
  asOf: string;
  /** Churned accounts the "include churned" filter keeps out, to say they exist and offer them. */
  hiddenChurned: number;
  onShowChurned: () => void;
}

/** The journey lanes (DESIGN.md): accounts by stage with their time in it; churned and undated accounts apart. */
export function JourneyLanes({ rows, asOf, hiddenChurned, onShowChurned }: Props) {
  const groups = useMemo(() => {
    const byStage: Record<Stage, PortfolioRow[]> = { onboarding: [], adoption: [], renewal: [] };
    const churned: PortfolioRow[] = [];
    const undated: PortfolioRow[] = [];
    for (const row of rows) {
      if (row.churned) churned.push(row);
      else if (row.stage === null) undated.push(row);
      else byStage[row.stage].push(row);
    }
    return { byStage, churned, undated };
  }, [rows]);

  return (
    <Stack flex={1} mih={0} gap="sm" data-testid="journey-lanes">
      <SimpleGrid cols={3} spacing="sm" flex={1} mih={0} style={{ gridTemplateRows: 'minmax(0, 1fr)' }}>
        {LANES.map(({ stage, hint }) => (
          <Lane key={stage} stage={stage} hint={hint} rows={groups.byStage[stage]} asOf={asOf} />
        ))}
      </SimpleGrid>
      {(groups.churned.length > 0 || groups.undated.length > 0 || hiddenChurned > 0) && (
        <Paper withBorder px="sm" py="xs">
          <Stack gap={6}>
            {groups.churned.length > 0 && <ApartList title="Churned" rows={groups.churned} testId="lane-churned" />}
            {groups.churned.length === 0 && hiddenChurned > 0 && (
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {hiddenChurned} churned {hiddenChurned === 1 ? 'account is' : 'accounts are'} kept apart and hidden.
                </Text>
                <Button size="compact-xs" variant="subtle" onClick={onShowChurned}>
                  Show them
                </Button>
              </Group>
            )}
            {groups.undated.length > 0 && <ApartList title="No stage (no contract dates)" rows={groups.undated} testId="lane-undated" />}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
