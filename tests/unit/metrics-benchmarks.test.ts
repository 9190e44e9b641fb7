import { describe, expect, it } from 'vitest';
import { compare, distribution, lifecycleAge, sampleDate, termStart } from '../../src/shared/metrics/benchmarks';
import { median, percentileRank, quantile, slope } from '../../src/shared/metrics/stats';

describe('statistics', () => {
  it('quantiles interpolate between ranks; empty input is no data', () => {
    expect(quantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeNull();
    expect(percentileRank(5, [1, 5, 5, 9])).toBe(50); // 1 below + half of 2 ties, of 4
    expect(slope([2, 4, 6])).toBe(2);
    expect(slope([1])).toBeNull();
  });
});

describe('benchmarks from renewals', () => {
  const renewals = [
    { renewalDate: '2025-01-01', outcome: 'renewed' as const },
    { renewalDate: '2026-01-01', outcome: 'renewed' as const },
    { renewalDate: '2027-01-01', outcome: 'pending' as const },
  ];

  it('measures lifecycle age from the start of the term in force', () => {
    expect(termStart('2024-01-01', renewals, '2026-03-01')).toBe('2026-01-01');
    expect(lifecycleAge('2024-01-01', renewals, '2026-03-02')).toBe(60);
    expect(lifecycleAge('2024-01-01', [], '2024-01-31')).toBe(30);
    expect(lifecycleAge(null, [], '2024-01-31')).toBeNull();
  });

  it('samples a renewed term at the same age, before its renewal', () => {
    // The term that renewed on 2026-01-01 started on 2025-01-01 (the previous renewal).
    expect(sampleDate('2024-01-01', renewals, renewals[1], 60)).toBe('2025-03-02');
    expect(sampleDate('2024-01-01', renewals, renewals[1], 400)).toBeNull(); // longer than the term
    // No contract start and no earlier renewal: a one-year term is assumed.
    expect(sampleDate(null, [renewals[0]], renewals[0], 10)).toBe('2024-01-12');
  });

  it('flags a value below the 25th percentile of renewed accounts, with the comparison', () => {
    const d = distribution([40, 50, 60, 70, 80]);
    expect(d).toEqual({ n: 5, low: 50, median: 60, high: 70 });
    const low = compare('score', 45, d);
    expect(low.flagged).toBe(true);
    expect(low.comparison).toBe('45 vs renewed accounts at the same age: 25th percentile 50, median 60 (n = 5); below the 25th percentile.');
    expect(compare('score', 50, d).flagged).toBe(false);
    expect(compare('score', null, d).flagged).toBeNull();
    expect(distribution([1, 2, 3, 4])).toBeNull(); // too few renewed accounts to say
    expect(compare('licenseUtilization', 0.2, distribution([0.3, 0.4, 0.5, 0.6, 0.7])).comparison).toContain('20%');
  });
});
