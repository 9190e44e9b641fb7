// How far the renewal model can be trusted (docs/METRICS.md, Renewal likelihood): every outcome is predicted by a
// model fitted only on outcomes decided before it (time-ordered folds, as the CSM would have used it), and those
// predictions give the AUC, a 90 % bootstrap interval around it, and the Brier score.
import { Rng } from '../prng';
import { fitLogistic, predict, type Example, type FitOptions } from './renewal-model';

export interface DatedExample extends Example {
  /** The outcome's date (YYYY-MM-DD): folds follow it. */
  date: string;
}

/**
 * Area under the ROC curve: the chance a random renewed account scores above a random churned one (ties ½), by
 * ranks (Mann-Whitney U), so a bootstrap of thousands of outcomes stays fast. Null without both classes.
 */
export function auc(scores: readonly number[], labels: readonly (0 | 1)[]): number | null {
  const order = scores.map((s, i) => ({ s, y: labels[i] })).sort((a, b) => a.s - b.s);
  const pos = order.filter((o) => o.y === 1).length;
  const neg = order.length - pos;
  if (pos === 0 || neg === 0) return null;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1].s === order[i].s) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (order[k].y === 1) rankSum += rank;
    i = j + 1;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Mean squared difference between the predicted probability and the outcome (0 = perfect, 0.25 = a coin). */
export function brierScore(probabilities: readonly number[], labels: readonly (0 | 1)[]): number | null {
  if (probabilities.length === 0) return null;
  return probabilities.reduce((s, p, i) => s + (p - labels[i]) ** 2, 0) / probabilities.length;
}

/**
 * Forward-chaining cross-validation: the outcomes, in date order, are cut into folds + 1 blocks (an outcome date
 * never straddles two); each block after the first is predicted by a model fitted on every block before it. A
 * block whose past holds only one kind of outcome is left unpredicted.
 */
export function timeOrderedPredictions(
  examples: readonly DatedExample[],
  folds = 5,
  options: FitOptions = {},
): { probability: number; y: 0 | 1 }[] {
  const sorted = [...examples].sort((a, b) => a.date.localeCompare(b.date));
  const blocks = Math.max(2, Math.min(folds + 1, sorted.length));
  const starts: number[] = [];
  for (let b = 0; b < blocks; b++) {
    let s = Math.round((b * sorted.length) / blocks);
    while (s > 0 && s < sorted.length && sorted[s].date === sorted[s - 1].date) s++;
    if (starts.length === 0 || s > starts[starts.length - 1]) starts.push(s);
  }
  starts.push(sorted.length);
  const out: { probability: number; y: 0 | 1 }[] = [];
  for (let b = 1; b < starts.length - 1; b++) {
    const train = sorted.slice(0, starts[b]);
    if (new Set(train.map((e) => e.y)).size < 2) continue;
    const model = fitLogistic(train, options);
    for (const e of sorted.slice(starts[b], starts[b + 1])) out.push({ probability: predict(model, e.x), y: e.y });
  }
  return out;
}

/** The 5th and 95th percentiles of the AUC over bootstrap resamples of the predictions (seeded: reproducible). */
export function aucInterval(predictions: readonly { probability: number; y: 0 | 1 }[], resamples = 1000, seed = 12): [number, number] | null {
  if (auc(predictions.map((p) => p.probability), predictions.map((p) => p.y)) === null) return null;
  const rng = new Rng(seed);
  const values: number[] = [];
  const n = predictions.length;
  for (let r = 0; r < resamples; r++) {
    const scores: number[] = [];
    const labels: (0 | 1)[] = [];
    for (let i = 0; i < n; i++) {
      const p = predictions[Math.floor(rng.next() * n)];
      scores.push(p.probability);
      labels.push(p.y);
    }
    const a = auc(scores, labels);
    if (a !== null) values.push(a);
  }
  values.sort((a, b) => a - b);
  const at = (q: number) => {
    const pos = q * (values.length - 1);
    const lo = Math.floor(pos);
    return values[lo] + (values[Math.min(lo + 1, values.length - 1)] - values[lo]) * (pos - lo);
  };
  return [at(0.05), at(0.95)];
}

export interface Evaluation {
  auc: number | null;
  aucInterval: [number, number] | null;
  brier: number | null;
  /** Outcomes that got an out-of-fold prediction. */
  predicted: number;
  /** The model can tell renewals from churns: an interval that lies wholly above 0.5. */
  predictive: boolean;
}

export function evaluate(examples: readonly DatedExample[], folds = 5, options: FitOptions = {}): Evaluation {
  const predictions = timeOrderedPredictions(examples, folds, options);
  const scores = predictions.map((p) => p.probability);
  const labels = predictions.map((p) => p.y);
  const a = auc(scores, labels);
  const interval = aucInterval(predictions);
  return {
    auc: a,
    aucInterval: interval,
    brier: brierScore(scores, labels),
    predicted: predictions.length,
    predictive: interval !== null && interval[0] > 0.5,
  };
}
