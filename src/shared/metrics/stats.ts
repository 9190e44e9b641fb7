// Small statistics the metrics share: means, medians, quantiles and percentile ranks. Empty input gives null
// (docs/METRICS.md: a metric without inputs is "no data", never 0).

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Quantile by linear interpolation between closest ranks (the "type 7" estimator spreadsheets use). */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/**
 * Percentile rank of x among values, 0–100: the share below x plus half the share equal to it (so the middle of
 * a tie sits mid-way). Needs values sorted ascending; null when there are none.
 */
export function percentileRank(x: number, sortedAsc: readonly number[]): number | null {
  const n = sortedAsc.length;
  if (n === 0) return null;
  const below = lowerBound(sortedAsc, x);
  const upTo = upperBound(sortedAsc, x);
  return ((below + (upTo - below) / 2) / n) * 100;
}

function lowerBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(a: readonly number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Least-squares slope of y over x = 0, 1, 2, …; null with fewer than two points. */
export function slope(ys: readonly number[]): number | null {
  const n = ys.length;
  if (n < 2) return null;
  const mx = (n - 1) / 2;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

/** A ratio, or null when the denominator is missing or zero (0/0 is "no data", not 0). */
export function ratio(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return numerator / denominator;
}
