import { describe, expect, it } from 'vitest';
import { auc, crossValidatedAuc, drivers, fitLogistic, predict, solve, type Example } from '../../src/shared/metrics/renewal-model';

describe('the renewal model', () => {
  it('AUC is the chance a renewed account outscores a churned one (ties count ½)', () => {
    expect(auc([0.9, 0.8, 0.3, 0.1], [1, 1, 0, 0])).toBe(1);
    expect(auc([0.9, 0.2, 0.3, 0.1], [1, 1, 0, 0])).toBe(0.75); // 0.2 loses to 0.3
    expect(auc([0.5, 0.5], [1, 0])).toBe(0.5);
    expect(auc([0.5, 0.6], [1, 1])).toBeNull();
  });

  it('solves a small linear system', () => {
    expect(solve([[2, 1], [1, 3]], [3, 5]).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([0.8, 1.4]);
  });

  it('learns that usage drives renewal on separable data, and ranks held-out outcomes', () => {
    // 30 accounts: renewed ones have usage ≥ 50, churned ones below; breadth is noise; satisfaction mostly missing.
    const examples: Example[] = Array.from({ length: 30 }, (_, i) => {
      const renewed = i % 3 !== 0;
      const usage = renewed ? 50 + ((i * 7) % 50) : (i * 11) % 45;
      return { x: [usage, (i * 37) % 100, i % 4 === 0 ? null : 60], y: renewed ? 1 : 0 };
    });
    const model = fitLogistic(examples);
    expect(model.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(model.weights[0])).toBeGreaterThan(Math.abs(model.weights[1]));
    expect(predict(model, [90, 50, 60])).toBeGreaterThan(0.9);
    expect(predict(model, [10, 50, 60])).toBeLessThan(0.1);
    expect(predict(model, [90, 50, null])).toBeGreaterThan(0.9); // a missing value takes the training mean
    const push = drivers(model, [10, 50, 60]);
    expect(push[0]).toBeLessThan(0);
    expect(crossValidatedAuc(examples, 5)).toBeGreaterThan(0.95);
  });

  it('is near chance on labels unrelated to the features', () => {
    const examples: Example[] = Array.from({ length: 40 }, (_, i) => ({ x: [(i * 37) % 100, (i * 53) % 100], y: (i * 7) % 2 === 0 ? 1 : 0 }));
    const a = crossValidatedAuc(examples, 5) ?? 0;
    expect(a).toBeLessThan(0.75);
  });
});
