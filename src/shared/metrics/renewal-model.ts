// Renewal likelihood (docs/METRICS.md, beyond the seeds): with enough known outcomes, a logistic regression on the
// health components (standardized; a missing component takes the training mean), fitted by Newton's method with
// a small L2 penalty so that a handful of outcomes cannot send a weight to infinity. Its accuracy is the AUC of
// out-of-fold predictions from k-fold cross-validation, so the CSM can judge it before trusting it.

export interface Example {
  x: readonly (number | null)[];
  /** 1 = renewed, 0 = churned. */
  y: 0 | 1;
}

export interface LogisticModel {
  bias: number;
  weights: number[];
  means: number[];
  scales: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function standardize(examples: readonly Example[], width: number): { means: number[]; scales: number[] } {
  const means: number[] = [];
  const scales: number[] = [];
  for (let j = 0; j < width; j++) {
    const vals = examples.map((e) => e.x[j]).filter((v): v is number => v !== null);
    const m = vals.length > 0 ? vals.reduce((s, v) => s + v, 0) / vals.length : 0;
    const sd = vals.length > 1 ? Math.sqrt(vals.reduce((s, v) => s + (v - m) ** 2, 0) / (vals.length - 1)) : 0;
    means.push(m);
    scales.push(sd > 1e-9 ? sd : 1);
  }
  return { means, scales };
}

function row(model: Pick<LogisticModel, 'means' | 'scales'>, x: readonly (number | null)[]): number[] {
  return model.means.map((m, j) => ((x[j] ?? m) - m) / model.scales[j]);
}

/** Solves A v = b by Gaussian elimination with partial pivoting (A is small and symmetric positive definite). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const pivot = m[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / pivot;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const v = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * v[k];
    v[r] = s / (m[r][r] || 1e-12);
  }
  return v;
}

export function fitLogistic(examples: readonly Example[], l2 = 1, iterations = 25): LogisticModel {
  const width = examples[0]?.x.length ?? 0;
  const { means, scales } = standardize(examples, width);
  const xs = examples.map((e) => [1, ...row({ means, scales }, e.x)]);
  const beta = new Array<number>(width + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(width + 1).fill(0);
    const hess = Array.from({ length: width + 1 }, () => new Array<number>(width + 1).fill(0));
    xs.forEach((x, i) => {
      const p = sigmoid(x.reduce((s, v, j) => s + v * beta[j], 0));
      const w = p * (1 - p);
      for (let j = 0; j <= width; j++) {
        grad[j] += (examples[i].y - p) * x[j];
        for (let k = 0; k <= width; k++) hess[j][k] += w * x[j] * x[k];
      }
    });
    for (let j = 1; j <= width; j++) {
      grad[j] -= l2 * beta[j];
      hess[j][j] += l2;
    }
    hess[0][0] += 1e-9;
    const step = solve(hess, grad);
    let size = 0;
    step.forEach((s, j) => {
      beta[j] += s;
      size = Math.max(size, Math.abs(s));
    });
    if (size < 1e-8) break;
  }
  return { bias: beta[0], weights: beta.slice(1), means, scales };
}

export function predict(model: LogisticModel, x: readonly (number | null)[]): number {
  const z = row(model, x).reduce((s, v, j) => s + v * model.weights[j], model.bias);
  return sigmoid(z);
}

/** Each feature's push on the log-odds (weight × standardized value): positive raises the renewal probability. */
export function drivers(model: LogisticModel, x: readonly (number | null)[]): number[] {
  return row(model, x).map((v, j) => v * model.weights[j]);
}

/** Area under the ROC curve: the chance a random renewed account scores above a random churned one (ties ½). */
export function auc(scores: readonly number[], labels: readonly (0 | 1)[]): number | null {
  const pos = scores.filter((_, i) => labels[i] === 1);
  const neg = scores.filter((_, i) => labels[i] === 0);
  if (pos.length === 0 || neg.length === 0) return null;
  let wins = 0;
  for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

/**
 * Out-of-fold AUC from stratified k-fold cross-validation: each class is dealt round-robin into the folds in its
 * given order, so the result is reproducible; every prediction comes from a model that never saw that outcome.
 */
export function crossValidatedAuc(examples: readonly Example[], folds = 5, l2 = 1): number | null {
  const k = Math.max(2, Math.min(folds, examples.length));
  const fold = new Array<number>(examples.length);
  const counters = [0, 0];
  examples.forEach((e, i) => (fold[i] = counters[e.y]++ % k));
  const predictions = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < k; f++) {
    const train = examples.filter((_, i) => fold[i] !== f);
    if (new Set(train.map((e) => e.y)).size < 2) return null;
    const model = fitLogistic(train, l2);
    examples.forEach((e, i) => {
      if (fold[i] === f) predictions[i] = predict(model, e.x);
    });
  }
  return auc(predictions, examples.map((e) => e.y));
}
