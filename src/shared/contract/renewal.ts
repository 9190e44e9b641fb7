// Renewal outcomes (recorded by hand or imported) and the likelihood model fitted on them (docs/METRICS.md,
// Renewal likelihood).
import { z } from 'zod';
import { id, isoDate, method } from './define';
import { COMPONENT_NAMES } from '../metrics/settings';

/** How a renewal ended. Renewed, expanded and downsized all kept the customer; churned lost them. */
export const RENEWAL_OUTCOMES = ['renewed', 'expanded', 'downsized', 'churned'] as const;
export const RenewalOutcome = z.enum(RENEWAL_OUTCOMES);
export type RenewalOutcome = z.infer<typeof RenewalOutcome>;

/** Why a customer churned: the list a CSM picks from (free text beside it in `note`). */
export const CHURN_REASONS = ['budget', 'low_adoption', 'competitor', 'product_fit', 'champion_left', 'acquired_or_closed', 'service', 'other'] as const;
export const ChurnReason = z.enum(CHURN_REASONS);
export type ChurnReason = z.infer<typeof ChurnReason>;
export const CHURN_REASON_LABELS: Record<ChurnReason, string> = {
  budget: 'Budget or price',
  low_adoption: 'Low adoption',
  competitor: 'Moved to a competitor',
  product_fit: 'Product did not fit',
  champion_left: 'Champion left',
  acquired_or_closed: 'Acquired or closed',
  service: 'Support or service',
  other: 'Other',
};

const LikelihoodDriver = z.object({
  component: z.enum(COMPONENT_NAMES),
  value: z.number().nullable(),
  effect: z.enum(['raises', 'lowers']),
});

export const renewalMethods = {
  'renewal.record': method({
    input: z
      .object({
        id,
        outcome: RenewalOutcome,
        /** The day the renewal was decided; default: the account's renewal date if it has passed, else today. */
        date: isoDate.optional(),
        /** The new annual recurring revenue, in the account's currency (major units). */
        arr: z.number().min(0).max(1e12).optional(),
        reason: ChurnReason.optional(),
        note: z.string().trim().max(2000).optional(),
      })
      .strict(),
    output: z.object({
      id,
      outcome: RenewalOutcome,
      date: isoDate,
      arr: z.number().nullable(),
      /** The account's contract dates after the outcome (a renewal rolls them forward by one term). */
      contractStart: isoDate.nullable(),
      renewalDate: isoDate.nullable(),
    }),
    writes: ['renewals', 'accounts', 'health'],
  }),
  'renewal.history': method({
    input: z.object({ id, asOf: isoDate.optional() }).strict(),
    output: z.object({
      items: z.array(
        z.object({
          date: isoDate,
          outcome: z.enum([...RENEWAL_OUTCOMES, 'pending']),
          arr: z.number().nullable(),
          reason: ChurnReason.nullable(),
          note: z.string().nullable(),
        }),
      ),
    }),
  }),
  'renewal.likelihood': method({
    input: z.object({ asOf: isoDate.optional(), id: id.optional() }).strict(),
    output: z.object({
      /** ok: probabilities shown; not_enough_history: fewer than `needed` outcomes of a kind; not_predictive: the AUC's interval includes 0.5. */
      status: z.enum(['ok', 'not_enough_history', 'not_predictive']),
      /** For the CSM: why no probability is shown (null when status is ok). */
      message: z.string().nullable(),
      renewed: z.number().int(),
      churned: z.number().int(),
      /** Outcomes of each kind needed before a model is fitted. */
      needed: z.number().int(),
      /** Out-of-fold AUC from time-ordered cross-validation (0.5 = chance, 1 = perfect). */
      auc: z.number().nullable(),
      /** Its 90 % bootstrap interval [low, high]. */
      aucInterval: z.tuple([z.number(), z.number()]).nullable(),
      brier: z.number().nullable(),
      folds: z.number().int(),
      coefficients: z.array(z.object({ component: z.enum(COMPONENT_NAMES), weight: z.number() })),
      /** Empty unless status is ok. */
      accounts: z.array(z.object({ id, name: z.string(), probability: z.number(), drivers: z.array(LikelihoodDriver) })),
    }),
  }),
};
