// Issue #12, "no data is not zero": a change is shown only between two values that both exist, and it is the
// difference of the values as displayed. Expected figures worked out by hand.
import { describe, expect, it } from 'vitest';
import { changeBetween, formatChange, pointsBetween } from '../../src/shared/change';
import { formatPercent } from '../../src/shared/format';

describe('changes between displayed values', () => {
  it('58 % → 67 % reads +9 pts', () => {
    expect(pointsBetween(0.58, 0.67)).toBe(9);
    expect(formatChange(9, 0, 'pts')).toBe('+9 pts');
  });

  it('takes the difference of the rounded values, not the rounded difference', () => {
    // 58.4 % shows as 58 %, 67.5 % as 68 %: the reader subtracts 68 − 58 = 10 (the raw difference, 9.1, would say 9).
    expect([formatPercent(0.584), formatPercent(0.675)]).toEqual(['58%', '68%']);
    expect(pointsBetween(0.584, 0.675)).toBe(10);
    // Scores shown whole: 58.6 shows as 59, 67.4 as 67, so +8 (not the +9 of 8.8 rounded).
    expect(changeBetween(58.6, 67.4, 0)).toBe(8);
    // In tenths: 52.14 → 52.1, 0.04 → 0.0: +52.1.
    expect(changeBetween(0.04, 52.14, 1)).toBe(52.1);
    expect(changeBetween(10.15, 10.25, 1)).toBe(0.1);
  });

  it('has no change when either value is missing', () => {
    expect(changeBetween(null, 52.1, 1)).toBeNull();
    expect(changeBetween(40, null)).toBeNull();
    expect(pointsBetween(undefined, 0.3)).toBeNull();
    expect(changeBetween(Number.NaN, 3)).toBeNull();
  });

  it('writes a sign, a true minus and ±0', () => {
    expect(formatChange(3)).toBe('+3');
    expect(formatChange(-12)).toBe('−12');
    expect(formatChange(-2.5, 1)).toBe('−2.5');
    expect(formatChange(0)).toBe('±0');
    expect(formatChange(-0.04, 1)).toBe('±0');
    expect(formatChange(0, 0, 'pts')).toBe('±0 pts');
  });
});
