// The demo book: vendor-shaped export files imported on first start through the importer, removed in one action.
import { z } from 'zod';
import { empty, method } from './define';

export const demoMethods = {
  'demo.load': method({
    input: empty,
    /** alreadyLoaded: the demo was in the book already, and nothing changed. */
    output: z.object({ accounts: z.number().int(), usageEvents: z.number().int(), alreadyLoaded: z.boolean() }),
    writes: ['imports', 'accounts', 'users', 'features', 'usage', 'milestones', 'qbrs', 'touchpoints', 'surveys', 'renewals', 'health'],
  }),
  'demo.remove': method({
    input: empty,
    output: z.object({ removedAccounts: z.number().int() }),
    writes: ['imports', 'accounts', 'users', 'features', 'usage', 'milestones', 'qbrs', 'touchpoints', 'surveys', 'renewals', 'health'],
  }),
};

/** The demo book's loading, step by step (writing the files, importing each, the relationship history, scoring). */
export const DemoProgress = z.object({ step: z.string(), done: z.number().int(), total: z.number().int() });
export type DemoProgress = z.infer<typeof DemoProgress>;
