// The charts' range switch (issue #5: 30 d, 90 d, 12 m), shared by the usage and the health chart.
export const RANGES = [
  { value: '30', label: '30 d', days: 30, ticks: 'every 1 week' },
  { value: '90', label: '90 d', days: 90, ticks: 'every 2 weeks' },
  { value: '365', label: '12 m', days: 365, ticks: 'every 2 months' },
] as const;

export type Range = (typeof RANGES)[number];

export function rangeFor(value: string): Range {
  return RANGES.find((r) => r.value === value) ?? RANGES[1];
}

/** Tick labels: day and month for a month or a quarter, month and year over a year. */
export function tickFormat(range: Range): string {
  return range.days > 90 ? "%b '%y" : '%b %d';
}
