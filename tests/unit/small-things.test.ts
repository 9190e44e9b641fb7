// Issue #16 point 4, the pure parts: natural name order and verbs that agree with their count.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/shared/dates';
import { compareNatural, verbFor } from '../../src/shared/format';
import { componentScores } from '../../src/shared/metrics/health-components';
import { DEFAULT_SETTINGS } from '../../src/shared/metrics/settings';

describe('natural name order', () => {
  it('puts "Summit Capital 2" before "Summit Capital 10", ignoring case', () => {
    const names = ['Summit Capital 10', 'summit capital 1', 'Summit Capital 2', 'Ålesund Freight', 'Acme 3 East'];
    expect([...names].sort(compareNatural)).toEqual(['Acme 3 East', 'Ålesund Freight', 'summit capital 1', 'Summit Capital 2', 'Summit Capital 10']);
  });
});

describe('verbs agree with their count', () => {
  it('is singular for exactly one', () => {
    expect([0, 1, 2].map((n) => verbFor(n, 'has', 'have'))).toEqual(['have', 'has', 'have']);
  });

  it('says "1 of 1 role has" and "1 of 1 user meets" for a one-user account', () => {
    const asOf = '2026-11-20';
    const scores = componentScores(
      {
        asOf,
        contractStart: '2026-01-01',
        licenses: 5,
        users: [{ id: 1, role: 'end_user', department: null }],
        activeDays: new Map([[1, 10]]),
        mau: 1,
        lastEventDay: dayNumber(asOf),
        keyFeatures: [],
        usedKeyFeatureIds: new Set(),
        qbrs: [],
        touchpoints: [],
        surveys: [],
        milestones: [],
      },
      DEFAULT_SETTINGS,
    );
    const byName = Object.fromEntries(scores.map((c) => [c.name, c]));
    expect(byName.exposure.facts[0]).toBe('1 of 1 role has a user meeting cadence.');
    expect(byName.frequency.facts[0]).toMatch(/^1 of 1 user meets their role's expected cadence/);
  });
});
