// Renewal likelihood: a model fitted on the CSM's own renewal outcomes (docs/METRICS.md, Renewal likelihood).
import { z } from 'zod';
import { id, isoDate, method } from './define';
import { COMPONENT_NAMES } from '../metrics/settings';

const RenewalDriver = z.object({ component: z.enum(COMPONENT_NAMES), effect: z.number(), value: z.number().nullable() });

export const renewalMethods = {
  'renewal.likelihood': method({
    input: z.object({ asOf: isoDate.optional(), id: id.optional() }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('not_enough_history'),
        outcomes: z.number().int(),
        needed: z.number().int(),
        message: z.string(),
      }),
      z.object({
        status: z.literal('ok'),
        outcomes: z.number().int(),
        renewed: z.number().int(),
        churned: z.number().int(),
        /** Out-of-fold AUC from k-fold cross-validation (0.5 = chance, 1 = perfect); null if it could not be measured. */
        auc: z.number().nullable(),
        folds: z.number().int(),
        coefficients: z.array(z.object({ component: z.enum(COMPONENT_NAMES), weight: z.number() })),
        accounts: z.array(
          z.object({ id, name: z.string(), probability: z.number(), drivers: z.array(RenewalDriver) }),
        ),
      }),
    ]),
  }),
};
