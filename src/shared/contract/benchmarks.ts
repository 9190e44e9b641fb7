// Benchmarks: an account's metrics against the accounts that renewed, at the same lifecycle age (docs/METRICS.md).
import { z } from 'zod';
import { accountAsOfInput, id, isoDate, method } from './define';
import { BENCHMARK_METRICS } from '../metrics/benchmarks';

const Distribution = z.object({ n: z.number().int(), low: z.number(), median: z.number(), high: z.number() });

export const benchmarkMethods = {
  'benchmarks.account': method({
    input: accountAsOfInput,
    output: z.object({
      id,
      asOf: isoDate,
      lifecycleAgeDays: z.number().int().nullable(),
      renewedOutcomes: z.number().int(),
      comparisons: z.array(
        z.object({
          metric: z.enum(BENCHMARK_METRICS),
          value: z.number().nullable(),
          distribution: Distribution.nullable(),
          flagged: z.boolean().nullable(),
          comparison: z.string(),
        }),
      ),
      flagged: z.array(z.enum(BENCHMARK_METRICS)),
    }),
  }),
};
