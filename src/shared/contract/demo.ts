// The demo book: loaded on first start, removed in one action.
import { z } from 'zod';
import { empty, method } from './define';

export const demoMethods = {
  'demo.load': method({
    input: empty,
    output: z.object({ accounts: z.number().int(), usageEvents: z.number().int() }),
    writes: ['accounts', 'users', 'features', 'usage', 'milestones', 'qbrs', 'touchpoints', 'surveys', 'renewals', 'health'],
  }),
  'demo.remove': method({
    input: empty,
    output: z.object({ removedAccounts: z.number().int() }),
    writes: ['accounts', 'users', 'features', 'usage', 'milestones', 'qbrs', 'touchpoints', 'surveys', 'renewals', 'health'],
  }),
};
