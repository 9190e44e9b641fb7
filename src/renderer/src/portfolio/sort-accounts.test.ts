import { describe, expect, it } from 'vitest';
import type { AccountSummary } from '../../../shared/contract';
import { filterAccounts, sortAccounts } from './sort-accounts';

function account(name: string, fields: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: name.length,
    externalId: null,
    name,
    owner: null,
    industry: null,
    stage: null,
    stageOverridden: false,
    churned: false,
    arr: null,
    currency: 'USD',
    licenses: null,
    contractStart: null,
    renewalDate: null,
    isDemo: false,
    ...fields,
  };
}

const book = [
  account('Beta', { arr: 500, stage: 'renewal', renewalDate: '2026-03-01' }),
  account('alpha', { arr: 1000, stage: 'onboarding', owner: 'Dana' }),
  account('Gamma', { arr: 500, stage: 'adoption', renewalDate: '2026-01-01', industry: 'Retail' }),
];

describe('sortAccounts', () => {
  it('sorts names without regard to case', () => {
    expect(sortAccounts(book, { column: 'name', direction: 'asc' }).map((a) => a.name)).toEqual(['alpha', 'Beta', 'Gamma']);
  });

  it('puts missing values last in both directions and breaks ties by name', () => {
    const names = (direction: 'asc' | 'desc') => sortAccounts(book, { column: 'renewalDate', direction }).map((a) => a.name);
    expect(names('asc')).toEqual(['Gamma', 'Beta', 'alpha']);
    expect(names('desc')).toEqual(['Beta', 'Gamma', 'alpha']);
    expect(sortAccounts(book, { column: 'arr', direction: 'asc' }).map((a) => a.name)).toEqual(['Beta', 'Gamma', 'alpha']);
  });

  it('orders stages along the journey, not the alphabet', () => {
    expect(sortAccounts(book, { column: 'stage', direction: 'asc' }).map((a) => a.stage)).toEqual([
      'onboarding',
      'adoption',
      'renewal',
    ]);
  });
});

describe('filterAccounts', () => {
  it('matches name, owner and industry, ignoring case and surrounding spaces', () => {
    expect(filterAccounts(book, ' dana ').map((a) => a.name)).toEqual(['alpha']);
    expect(filterAccounts(book, 'RETAIL').map((a) => a.name)).toEqual(['Gamma']);
    expect(filterAccounts(book, '')).toBe(book);
  });
});
