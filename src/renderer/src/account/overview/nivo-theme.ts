// nivo draws SVG with its own theme object, not CSS variables, so the charts would stay light in dark mode. This
// builds that theme from Mantine's palette and the computed colour scheme, so axes, grid and tooltips follow it.
import { useComputedColorScheme, useMantineTheme } from '@mantine/core';
import type { LineSvgProps } from '@nivo/line';
import { useMemo } from 'react';

type NivoTheme = NonNullable<LineSvgProps<{ id: string; data: { x: string; y: number | null }[] }>['theme']>;

export interface ChartPalette {
  theme: NivoTheme;
  dark: boolean;
  /** Series colours that keep their contrast on the scheme's background. */
  series: { dau: string; wau: string; mau: string; health: string };
  status: { green: string; yellow: string; red: string };
}

export function useChartPalette(): ChartPalette {
  const mantine = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  return useMemo(() => {
    const c = mantine.colors;
    const text = dark ? c.dark[1] : c.gray[7];
    const grid = dark ? c.dark[4] : c.gray[2];
    const shade = dark ? 4 : 6;
    const theme: NivoTheme = {
      background: 'transparent',
      text: { fontFamily: mantine.fontFamily, fontSize: 11, fill: text },
      axis: {
        domain: { line: { stroke: grid, strokeWidth: 1 } },
        ticks: { line: { stroke: grid, strokeWidth: 1 }, text: { fill: text, fontSize: 11 } },
        legend: { text: { fill: text, fontSize: 12 } },
      },
      grid: { line: { stroke: grid, strokeWidth: 1 } },
      crosshair: { line: { stroke: dark ? c.dark[0] : c.gray[8], strokeWidth: 1, strokeOpacity: 0.5, strokeDasharray: '4 4' } },
      markers: {
        lineColor: text,
        lineStrokeWidth: 1,
        text: { fontFamily: mantine.fontFamily ?? 'sans-serif', fontSize: 11, fill: text, outlineWidth: 0, outlineColor: 'transparent', outlineOpacity: 0 },
      },
      tooltip: {
        container: {
          background: dark ? c.dark[6] : mantine.white,
          color: dark ? c.dark[0] : mantine.black,
          fontSize: 13,
          borderRadius: 6,
          boxShadow: '0 2px 10px rgba(0,0,0,0.25)',
          border: `1px solid ${dark ? c.dark[4] : c.gray[3]}`,
        },
      },
    };
    return {
      theme,
      dark,
      series: { dau: c.indigo[shade], wau: c.teal[shade], mau: c.orange[shade], health: c.indigo[shade] },
      status: { green: c.teal[shade], yellow: c.yellow[dark ? 5 : 7], red: c.red[shade] },
    };
  }, [mantine, dark]);
}
