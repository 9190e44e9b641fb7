// Benchmarks from renewals (docs/METRICS.md, Health; seed 003): for each metric, the distribution among accounts that
// renewed, taken at the same lifecycle age (days into the contract term) as the account compared; an account
// below the 25th percentile (setting) of renewed accounts is flagged, with the comparison shown.
import { formatPercent } from '../format';
import { addDays, daysBetween } from '../dates';
import { quantile } from './stats';

/** Metrics benchmarked: the health score, its components and license utilization; higher is better for all. */
export const BENCHMARK_METRICS = [
  'score',
  'usage',
  'breadth',
  'frequency',
  'exposure',
  'relationship',
  'satisfaction',
  'licenseUtilization',
] as const;
export type BenchmarkMetric = (typeof BENCHMARK_METRICS)[number];

/** Fewer renewed accounts than this at the same age make no benchmark: a percentile of 3 values says little. */
const MIN_BENCHMARK_SAMPLES = 5;

/** The outcomes that kept the customer (renewed, expanded, downsized): the benchmarks' and the model's "renewed". */
export const isRetained = (outcome: string): boolean => outcome === 'renewed' || outcome === 'expanded' || outcome === 'downsized';

export interface RenewalRecord {
  renewalDate: string;
  outcome: 'renewed' | 'expanded' | 'downsized' | 'churned' | 'pending';
  /** The account's term just before this outcome rolled it on; absent or null when it rolled nothing. */
  termBefore?: { contractStart: string | null; renewalDate: string | null; arrMinor?: number | null } | null;
}

/**
 * Start of the contract term in force on a date: the latest renewal before it, else the contract start, else
 * (a term with neither on record) a year before the term's end when that is known.
 */
export function termStart(
  contractStart: string | null,
  renewals: readonly RenewalRecord[],
  onDate: string,
  termEnd: string | null = null,
): string | null {
  let start = contractStart !== null && contractStart <= onDate ? contractStart : null;
  for (const r of renewals) {
    if (isRetained(r.outcome) && r.renewalDate <= onDate && (start === null || r.renewalDate > start)) start = r.renewalDate;
  }
  if (start === null && termEnd !== null) return addDays(termEnd, -365);
  return start;
}

/** Lifecycle age: days into the current term on the as-of date. */
export function lifecycleAge(contractStart: string | null, renewals: readonly RenewalRecord[], asOf: string): number | null {
  const start = termStart(contractStart, renewals, asOf);
  return start === null ? null : daysBetween(start, asOf);
}

/**
 * The day at which a renewed term is sampled for an account of age `age`: its term start + age, which must fall
 * before the renewal itself (a term shorter than the age gives no sample).
 */
export function sampleDate(
  contractStart: string | null,
  renewals: readonly RenewalRecord[],
  renewed: RenewalRecord,
  age: number,
): string | null {
  const earlier = renewals.filter((r) => r.renewalDate < renewed.renewalDate);
  const start = termStart(contractStart, earlier, addDays(renewed.renewalDate, -1), renewed.renewalDate);
  if (start === null) return null;
  const day = addDays(start, age);
  return day < renewed.renewalDate ? day : null;
}

export interface Distribution {
  n: number;
  low: number;
  median: number;
  high: number;
}

/** The renewed accounts' distribution: the low percentile (default 25th), the median, and its mirror (75th). */
export function distribution(values: readonly number[], lowPercentile = 25): Distribution | null {
  if (values.length < MIN_BENCHMARK_SAMPLES) return null;
  return {
    n: values.length,
    low: quantile(values, lowPercentile / 100) ?? 0,
    median: quantile(values, 0.5) ?? 0,
    high: quantile(values, 1 - lowPercentile / 100) ?? 0,
  };
}

export interface BenchmarkComparison {
  metric: BenchmarkMetric;
  value: number | null;
  distribution: Distribution | null;
  /** True below the low percentile; null when either side has no data. */
  flagged: boolean | null;
  comparison: string;
}

const show = (metric: BenchmarkMetric, v: number) => (metric === 'licenseUtilization' ? formatPercent(v) : `${Math.round(v)}`);

export function compare(metric: BenchmarkMetric, value: number | null, dist: Distribution | null, lowPercentile = 25): BenchmarkComparison {
  if (dist === null) {
    return { metric, value, distribution: null, flagged: null, comparison: `Fewer than ${MIN_BENCHMARK_SAMPLES} renewed accounts have data at this age.` };
  }
  if (value === null) return { metric, value, distribution: dist, flagged: null, comparison: 'No data for this account.' };
  const flagged = value < dist.low;
  const where = flagged ? `below the ${lowPercentile}th percentile` : value >= dist.median ? 'at or above the median' : 'between the low percentile and the median';
  return {
    metric,
    value,
    distribution: dist,
    flagged,
    comparison: `${show(metric, value)} vs renewed accounts at the same age: ${lowPercentile}th percentile ${show(metric, dist.low)}, median ${show(metric, dist.median)} (n = ${dist.n}); ${where}.`,
  };
}
