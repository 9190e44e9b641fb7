import { describe, expect, it } from 'vitest';
import { auc, aucInterval, brierScore, evaluate, timeOrderedPredictions, type DatedExample } from '../../src/shared/metrics/renewal-evaluation';
import { classWeights, drivers, fitLogistic, predict, type Example } from '../../src/shared/metrics/renewal-model';
import { addDays } from '../../src/shared/dates';
import { Rng } from '../../src/shared/prng';

const dated = (examples: Example[]): DatedExample[] => examples.map((e, i) => ({ ...e, date: addDays('2025-01-01', i * 7) }));

describe('the renewal model', () => {
  it('AUC is the chance a renewed account outscores a churned one (ties count ½)', () => {
    expect(auc([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(auc([0.9, 0.2, 0.3, 0.1], [1, 1, 0, 0])).toBe(0.75); // 0.2 loses to 0.3
    expect(auc([0.5, 0.5], [1, 0])).toBe(0.5);
    expect(auc([0.5, 0.5, 0.5, 0.9], [1, 0, 0, 1])).toBe(0.75); // (½ + ½ + 1 + 1) / 4
    expect(auc([0.5, 0.6], [1, 1])).toBeNull();
  });

  it('Brier score is the mean squared error of the probabilities', () => {
    expect(brierScore([1, 0.5, 0.2], [1, 0, 0])).toBeCloseTo((0 + 0.25 + 0.04) / 3, 12);
  });

  it('weighs each class as a half: 3 renewals and 1 churn give weights 2/3 and 2', () => {
    expect(classWeights([{ x: [], y: 1 }, { x: [], y: 1 }, { x: [], y: 1 }, { x: [], y: 0 }])).toEqual([4 / 6, 4 / 6, 4 / 6, 2]);
  });

  it('learns that usage drives renewal, and a missing value takes the training mean', () => {
    const examples: Example[] = Array.from({ length: 30 }, (_, i) => {
      const renewed = i % 3 !== 0;
      const usage = renewed ? 50 + ((i * 7) % 50) : (i * 11) % 45;
      return { x: [usage, (i * 37) % 100, i % 4 === 0 ? null : 60], y: renewed ? 1 : 0 };
    });
    const model = fitLogistic(examples);
    expect(model.weights[0]).toBeGreaterThan(1);
    expect(model.weights[0]).toBeGreaterThan(model.weights[1]);
    expect(predict(model, [90, 50, 60])).toBeGreaterThan(0.9);
    expect(predict(model, [10, 50, 60])).toBeLessThan(0.1);
    expect(predict(model, [90, 50, null])).toBeCloseTo(predict(model, [90, 50, model.means[2]]), 12);
    expect(drivers(model, [10, 50, 60])[0]).toBeLessThan(0);
  });

  it('never gives a constrained input a negative weight, even when churned accounts used it more', () => {
    // Breadth is higher among churned accounts here: unconstrained, its weight would be negative.
    const examples: Example[] = Array.from({ length: 40 }, (_, i) => {
      const renewed = i % 2 === 0;
      return { x: [renewed ? 60 + (i % 30) : 20 + (i % 30), renewed ? 30 + (i % 10) : 70 + (i % 10)], y: renewed ? 1 : 0 };
    });
    expect(fitLogistic(examples).weights[1]).toBe(0);
    expect(fitLogistic(examples, { nonNegative: [true, false] }).weights[1]).toBeLessThan(0);
  });

  it('predicts each outcome only from outcomes decided before it (time-ordered folds)', () => {
    // 12 outcomes in date order: 6 blocks of 2; the first block is never predicted, nor one whose past has one class.
    const examples = dated(Array.from({ length: 12 }, (_, i) => ({ x: [i % 2 === 0 ? 80 : 20], y: (i % 2 === 0 ? 1 : 0) as 0 | 1 })));
    const predictions = timeOrderedPredictions([...examples].reverse(), 5);
    expect(predictions).toHaveLength(10);
    expect(predictions.map((p) => p.y)).toEqual(examples.slice(2).map((e) => e.y));
  });

  it('separable outcomes: AUC near 1 with an interval above 0.5; shuffled outcomes: an interval that includes 0.5', () => {
    const rng = new Rng(7);
    const usage = Array.from({ length: 40 }, () => rng.int(0, 100));
    const examples = dated(usage.map((u) => ({ x: [u, rng.int(0, 100)], y: (u >= 40 ? 1 : 0) as 0 | 1 })));
    const good = evaluate(examples);
    expect(good.auc).toBeGreaterThan(0.95);
    expect(good.predictive).toBe(true);
    const labels = new Rng(3).shuffle(examples.map((e) => e.y));
    const shuffled = evaluate(examples.map((e, i) => ({ ...e, y: labels[i] })));
    expect(shuffled.aucInterval?.[0]).toBeLessThanOrEqual(0.5);
    expect(shuffled.aucInterval?.[1]).toBeGreaterThanOrEqual(0.5);
    expect(shuffled.predictive).toBe(false);
  });

  it('the bootstrap interval is reproducible and brackets the AUC', () => {
    const predictions = Array.from({ length: 30 }, (_, i) => ({ probability: (i * 13) % 30 / 30, y: (i % 3 === 0 ? 0 : 1) as 0 | 1 }));
    const a = auc(predictions.map((p) => p.probability), predictions.map((p) => p.y)) ?? 0;
    const interval = aucInterval(predictions);
    expect(interval).toEqual(aucInterval(predictions));
    expect(interval?.[0]).toBeLessThanOrEqual(a);
    expect(interval?.[1]).toBeGreaterThanOrEqual(a);
  });
});
