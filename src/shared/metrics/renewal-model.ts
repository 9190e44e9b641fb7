// Renewal likelihood (docs/METRICS.md, beyond the seeds): a logistic regression on the health components,
// fitted on the CSM's own outcomes. Standardized inputs (a missing component takes the training mean), class
// weights so that 40 renewals do not drown 10 churns, an L2 penalty so that a few outcomes cannot send a weight to
// infinity, and weights kept >= 0 (projected gradient) so that more usage, breadth… never lowers the odds.

export interface Example {
  x: readonly (number | null)[];
  /** 1 = the customer stayed (renewed, expanded or downsized), 0 = churned. */
  y: 0 | 1;
}

export interface LogisticModel {
  bias: number;
  weights: number[];
  means: number[];
  scales: number[];
}

export interface FitOptions {
  /** L2 penalty on the weights of the mean (class-weighted) log-loss. */
  l2?: number;
  /** Per input: its weight may not go below 0 (more of it never lowers the odds). Default: every input. */
  nonNegative?: readonly boolean[];
  iterations?: number;
}

export const DEFAULT_L2 = 0.05;

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

/** Each class weighs half the loss, whatever its count ("balanced" class weights). */
export function classWeights(examples: readonly Example[]): number[] {
  const n1 = examples.filter((e) => e.y === 1).length;
  const n0 = examples.length - n1;
  return examples.map((e) => examples.length / (2 * (e.y === 1 ? n1 : n0)));
}

/**
 * Accelerated projected gradient descent (FISTA) on the class-weighted mean log-loss + l2/2·|w|²: after each step a
 * constrained weight below 0 is set to 0. The loss is convex and the set is convex, so this converges to the one
 * optimum; the step is 1 / (a bound on the gradient's Lipschitz constant).
 */
export function fitLogistic(examples: readonly Example[], options: FitOptions = {}): LogisticModel {
  const l2 = options.l2 ?? DEFAULT_L2;
  const width = examples[0]?.x.length ?? 0;
  const nonNegative = options.nonNegative ?? new Array<boolean>(width).fill(true);
  const { means, scales } = standardize(examples, width);
  const xs = examples.map((e) => [1, ...row({ means, scales }, e.x)]);
  const cw = classWeights(examples);
  const total = cw.reduce((s, v) => s + v, 0) || 1;
  const lipschitz = (0.25 * xs.reduce((s, x, i) => s + cw[i] * x.reduce((t, v) => t + v * v, 0), 0)) / total + l2;
  const step = 1 / lipschitz;
  const project = (b: number[]) => b.map((v, j) => (j > 0 && nonNegative[j - 1] && v < 0 ? 0 : v));
  let beta = new Array<number>(width + 1).fill(0);
  let look = beta;
  let t = 1;
  for (let it = 0; it < (options.iterations ?? 3000); it++) {
    const grad = new Array<number>(width + 1).fill(0);
    xs.forEach((x, i) => {
      const p = sigmoid(x.reduce((s, v, j) => s + v * look[j], 0));
      const r = (cw[i] * (p - examples[i].y)) / total;
      for (let j = 0; j <= width; j++) grad[j] += r * x[j];
    });
    for (let j = 1; j <= width; j++) grad[j] += l2 * look[j];
    const next = project(look.map((v, j) => v - step * grad[j]));
    const tNext = (1 + Math.sqrt(1 + 4 * t * t)) / 2;
    const moved = next.reduce((m, v, j) => Math.max(m, Math.abs(v - beta[j])), 0);
    look = next.map((v, j) => v + ((t - 1) / tNext) * (v - beta[j]));
    beta = next;
    t = tNext;
    if (moved < 1e-10) break;
  }
  return { bias: beta[0], weights: beta.slice(1), means, scales };
}

export function predict(model: LogisticModel, x: readonly (number | null)[]): number {
  const z = row(model, x).reduce((s, v, j) => s + v * model.weights[j], model.bias);
  return sigmoid(z);
}

/** Each input's push on the log-odds (weight × standardized value): positive raises the renewal probability. */
export function drivers(model: LogisticModel, x: readonly (number | null)[]): number[] {
  return row(model, x).map((v, j) => v * model.weights[j]);
}
