// The two orders a chunk of usage rows is written in, computed over row numbers (a Uint32Array) in close to
// linear time: ids, days and feature ids are small integers, so stable counting sorts do most of the work that a
// comparison sort would (a million rows: ~60 ms instead of ~600 ms for the two sorts). Each falls back to a
// comparison sort when a key's values are too spread out to count.

type Compare = (a: number, b: number) => number;

/**
 * Stable counting sort of `order` by `key[row]` (integers), through `scratch` (at least as long). Returns false
 * and leaves `order` as it was when the keys are not integers or span a range much wider than the rows.
 */
export function countingSortBy(order: Uint32Array, key: Float64Array, scratch: Uint32Array): boolean {
  const n = order.length;
  if (n < 2) return true;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = key[order[k]];
    if (Math.floor(v) !== v) return false;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min + 1;
  if (range > Math.max(1024, 2 * n)) return false;
  const starts = new Uint32Array(range + 1);
  for (let k = 0; k < n; k++) starts[key[order[k]] - min + 1]++;
  for (let r = 1; r <= range; r++) starts[r] += starts[r - 1];
  for (let k = 0; k < n; k++) {
    const row = order[k];
    scratch[starts[key[row] - min]++] = row;
  }
  order.set(scratch.subarray(0, n));
  return true;
}

/** Sorts order[from, to) with `compare`: insertion sort for short runs (most of them), the engine's sort else. */
function sortRun(order: Uint32Array, from: number, to: number, compare: Compare): void {
  if (to - from > 16) {
    order.subarray(from, to).sort(compare);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const row = order[k];
    let j = k - 1;
    while (j >= from && compare(order[j], row) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = row;
  }
}

/**
 * Rows 0..n-1 in the identity's order (usage_events' key): user, instant, event name, account, then row number (so
 * equal identities sit side by side, the earliest first). Counting sort by user, then each user's rows by comparison.
 */
export function identityOrder(order: Uint32Array, scratch: Uint32Array, user: Float64Array, ts: Float64Array, event: Float64Array, account: Float64Array): void {
  const n = order.length;
  for (let i = 0; i < n; i++) order[i] = i;
  const withinUser: Compare = (a, b) => ts[a] - ts[b] || event[a] - event[b] || account[a] - account[b] || a - b;
  if (!countingSortBy(order, user, scratch)) {
    order.sort((a, b) => user[a] - user[b] || withinUser(a, b));
    return;
  }
  let start = 0;
  for (let k = 1; k <= n; k++) {
    if (k === n || user[order[k]] !== user[order[start]]) {
      if (k - start > 1) sortRun(order, start, k, withinUser);
      start = k;
    }
  }
}

/** `order` (any permutation of the chunk's rows) put in usage_daily's key order: account, day, user, feature. */
export function rollupOrder(order: Uint32Array, scratch: Uint32Array, account: Float64Array, day: Float64Array, user: Float64Array, feature: Float64Array): void {
  // Least significant key first; each pass keeps the order of the one before among equal keys.
  for (const key of [feature, user, day, account]) {
    if (countingSortBy(order, key, scratch)) continue;
    order.sort((a, b) => account[a] - account[b] || day[a] - day[b] || user[a] - user[b] || feature[a] - feature[b]);
    return;
  }
}
