// The chunk orders against a plain comparison sort of the same rows: random chunks with few and many users, ids
// too spread out to count (the comparison fallback), equal identities (the earliest row first), one user with
// most of the rows, and the empty and one-row chunks.
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/events-csv';
import { countingSortBy, identityOrder, rollupOrder } from '../../src/main/import/chunk-order';


function chunk(n: number, seed: number, spread: { users: number; userBase?: number; features: number; seconds: number }) {
  const random = prng(seed);
  const int = (k: number) => Math.floor(random() * k);
  const user = Float64Array.from({ length: n }, () => (spread.userBase ?? 1) + int(spread.users));
  const account = Float64Array.from(user, (u) => u % 7);
  const ts = Float64Array.from({ length: n }, () => Date.UTC(2025, 0, 1) + int(spread.seconds) * 1000);
  const day = Float64Array.from(ts, (t) => Math.floor(t / 86_400_000));
  const feature = Float64Array.from({ length: n }, () => int(spread.features));
  return { n, user, account, ts, day, feature };
}

const cases = [
  ['many users', 5_000, { users: 2_000, features: 40, seconds: 365 * 86_400 }],
  ['few users, many repeats', 3_000, { users: 3, features: 2, seconds: 50 }],
  ['one user', 2_000, { users: 1, features: 5, seconds: 1_000 }],
  ['ids too spread out to count', 500, { users: 1_000_000, userBase: 1e9, features: 40, seconds: 86_400 * 30 }],
  ['one row', 1, { users: 5, features: 2, seconds: 10 }],
  ['no rows', 0, { users: 5, features: 2, seconds: 10 }],
] as const;

describe('chunk orders', () => {
  it.each(cases)('identity order equals the comparison sort: %s', (_name, n, spread) => {
    const c = chunk(n, n + 1, spread);
    const order = new Uint32Array(n);
    identityOrder(order, new Uint32Array(n), c.user, c.ts, c.feature, c.account);
    const expected = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => c.user[a] - c.user[b] || c.ts[a] - c.ts[b] || c.feature[a] - c.feature[b] || c.account[a] - c.account[b] || a - b,
    );
    expect(Array.from(order)).toEqual(expected);
  });

  it.each(cases)('rollup order groups every (account, day, user, feature) in key order: %s', (_name, n, spread) => {
    const c = chunk(n, n + 2, spread);
    const order = new Uint32Array(n);
    identityOrder(order, new Uint32Array(n), c.user, c.ts, c.feature, c.account);
    rollupOrder(order, new Uint32Array(n), c.account, c.day, c.user, c.feature);
    const keyOf = (i: number) => [c.account[i], c.day[i], c.user[i], c.feature[i]];
    const keys = Array.from(order, keyOf);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
    expect(keys).toEqual(sorted);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('counting sort is stable and refuses keys it cannot count', () => {
    const key = Float64Array.from([3, 1, 3, 2, 1]);
    const order = Uint32Array.from([0, 1, 2, 3, 4]);
    expect(countingSortBy(order, key, new Uint32Array(5))).toBe(true);
    expect(Array.from(order)).toEqual([1, 4, 3, 0, 2]);
    const fractional = Uint32Array.from([0, 1]);
    expect(countingSortBy(fractional, Float64Array.from([0.5, 0.25]), new Uint32Array(2))).toBe(false);
    expect(Array.from(fractional)).toEqual([0, 1]);
  });
});
