// Changes between two values as the reader sees them (issue #12, "no data is not zero"): a change exists only
// between two values that both exist, and it is the difference of the values as displayed, so "58 % → 67 %"
// reads "+9 pts" and "67 from 59" reads "+8", never a figure the reader cannot subtract. Screens, the CLI and the
// deck all take their deltas from here.

/** A value rounded as it is displayed with `digits` decimals. */
export function shown(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** after − before, each as displayed with `digits` decimals; null when either is missing. */
export function changeBetween(before: number | null | undefined, after: number | null | undefined, digits = 0): number | null {
  if (before === null || before === undefined || after === null || after === undefined) return null;
  if (!Number.isFinite(before) || !Number.isFinite(after)) return null;
  return shown(shown(after, digits) - shown(before, digits), digits);
}

/** The move between two ratios in percentage points, each displayed as a percentage with `digits` decimals. */
export function pointsBetween(before: number | null | undefined, after: number | null | undefined, digits = 0): number | null {
  return changeBetween(before === null || before === undefined ? before : before * 100, after === null || after === undefined ? after : after * 100, digits);
}

/** "+9", "−2.5" (a true minus sign), "±0"; with a unit: "+9 pts". */
export function formatChange(delta: number, digits = 0, unit = ''): string {
  const text = Math.abs(delta).toFixed(digits);
  const sign = Number(text) === 0 ? '±' : delta > 0 ? '+' : '−';
  return `${sign}${Number(text) === 0 ? (0).toFixed(digits).replace(/\.0+$/, '') : text}${unit ? ` ${unit}` : ''}`;
}
