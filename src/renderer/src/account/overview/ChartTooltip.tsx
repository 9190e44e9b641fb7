// The box around a chart tooltip. nivo only styles its own tooltips with the theme's container; a custom slice
// tooltip gets a bare wrapper, so this draws the card itself, in the scheme's colours. It keeps its natural width
// (no wrapping, no shrinking near the chart's right edge): nivo flips it to the left of the cursor instead.
import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

export function ChartTooltip({ children, testId, date }: { children: ReactNode; testId: string; date: string }) {
  return (
    <Box
      px="sm"
      py={6}
      data-testid={testId}
      data-date={date}
      style={{
        background: 'var(--mantine-color-body)',
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-sm)',
        boxShadow: 'var(--mantine-shadow-md)',
        whiteSpace: 'nowrap',
        width: 'max-content',
      }}
    >
      {children}
    </Box>
  );
}
