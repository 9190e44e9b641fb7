// Benchmarks from renewals (docs/METRICS.md, Health; seed 003): each benchmarked metric of an account beside its
// distribution among accounts that renewed, read from their daily snapshots at the same lifecycle age (days into
// the contract term). Below the 25th percentile (setting) of renewed accounts is flagged.
import { dayNumber } from '../../shared/dates';
import type { MethodInput, MethodOutput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import {
  BENCHMARK_METRICS,
  compare,
  distribution,
  isRetained,
  lifecycleAge,
  sampleDate,
  type BenchmarkMetric,
} from '../../shared/metrics/benchmarks';
import { computeHealth } from '../../shared/metrics/health';
import { recordsAsOf } from '../../shared/metrics/as-of';
import { loadBundles } from '../db/account-bundles';
import { snapshotOn } from '../db/health-snapshots';
import { todayOf } from './clock';
import type { HandlerGroup, ServiceContext } from './context';
import { factsFromWindow, healthInputs, windowAt } from './health-compute';
import type { SnapshotJson } from './health-snapshots';
import { readMetricsSettings } from './metrics-settings';

type MetricValues = Record<BenchmarkMetric, number | null>;

function snapshotValues(ctx: ServiceContext, accountId: number, date: string): MetricValues | null {
  const row = snapshotOn(ctx, accountId, date);
  if (!row) return null;
  const json = (row.components ? JSON.parse(row.components) : {}) as SnapshotJson;
  return {
    score: row.score,
    usage: json.usage ?? null,
    breadth: json.breadth ?? null,
    frequency: json.frequency ?? null,
    exposure: json.exposure ?? null,
    relationship: json.relationship ?? null,
    satisfaction: json.satisfaction ?? null,
    licenseUtilization: json['metric.licenseUtilization'] ?? null,
  };
}

export function accountBenchmarks(ctx: ServiceContext, input: MethodInput<'benchmarks.account'>): MethodOutput<'benchmarks.account'> {
  const asOf = input.asOf ?? todayOf(ctx);
  const d = dayNumber(asOf);
  const settings = readMetricsSettings(ctx);
  // Every account as it stood on asOf: its term then (before renewals since rolled it on) and its renewals up to then.
  const bundles = loadBundles(ctx, undefined, d).map((b) => recordsAsOf(b, d));
  const target = bundles.find((b) => b.account.id === input.id);
  if (!target) throw new AppError('not_found', `There is no account with id ${input.id}.`);

  const inputs = healthInputs(ctx, settings);
  const facts = factsFromWindow(target, inputs.features, windowAt(ctx, target.account.id, d), d);
  const health = computeHealth(facts, settings);
  const current: MetricValues = {
    score: health.score,
    usage: null,
    breadth: null,
    frequency: null,
    exposure: null,
    relationship: null,
    satisfaction: null,
    licenseUtilization: facts.lastEventDay !== null && facts.licenses ? facts.mau / facts.licenses : null,
  };
  for (const c of health.components) current[c.name] = c.score;

  const age = lifecycleAge(target.account.contractStart, target.renewals, asOf);
  const samples: MetricValues[] = [];
  let renewedOutcomes = 0;
  for (const other of bundles) {
    if (other.account.id === target.account.id) continue;
    for (const r of other.renewals) {
      if (!isRetained(r.outcome) || r.renewalDate > asOf) continue;
      renewedOutcomes += 1;
      if (age === null) continue;
      const date = sampleDate(other.account.contractStart, other.renewals, r, age);
      const values = date ? snapshotValues(ctx, other.account.id, date) : null;
      // A day before the account's usage was tracked is no benchmark: its score rests on the relationship alone.
      if (values && values.usage !== null) samples.push(values);
    }
  }
  const comparisons = BENCHMARK_METRICS.map((metric) => {
    const values = samples.map((s) => s[metric]).filter((v): v is number => v !== null);
    return compare(metric, current[metric], distribution(values, settings.benchmarkPercentile), settings.benchmarkPercentile);
  });
  return {
    id: target.account.id,
    asOf,
    lifecycleAgeDays: age,
    renewedOutcomes,
    comparisons,
    flagged: comparisons.filter((c) => c.flagged === true).map((c) => c.metric),
  };
}

export function benchmarkHandlers(ctx: ServiceContext): HandlerGroup<'benchmarks.account'> {
  return { 'benchmarks.account': (input) => accountBenchmarks(ctx, input) };
}
