import { z } from 'zod';
import { STAGES } from '../metrics/journey';
import { id, isoDate, method } from './define';

export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const AccountSummary = z.object({
  id,
  externalId: z.string().nullable(),
  name: z.string(),
  owner: z.string().nullable(),
  industry: z.string().nullable(),
  /** The journey stage in force: the CSM's override when set, else computed from the contract dates; null for churned
   * accounts and accounts without dates. */
  stage: Stage.nullable(),
  stageOverridden: z.boolean(),
  /** The latest renewal outcome was churn: a former customer, kept for history and benchmarks. */
  churned: z.boolean(),
  /** Annual recurring revenue in major currency units (e.g. dollars). */
  arr: z.number().nullable(),
  currency: z.string(),
  licenses: z.number().int().nullable(),
  contractStart: isoDate.nullable(),
  renewalDate: isoDate.nullable(),
  isDemo: z.boolean(),
});
export type AccountSummary = z.infer<typeof AccountSummary>;

export const accountMethods = {
  'accounts.list': method({
    input: z
      .object({
        search: z.string().max(200).optional(),
        stage: Stage.optional(),
        asOf: isoDate.optional(),
      })
      .strict(),
    output: z.object({ items: z.array(AccountSummary), total: z.number().int() }),
  }),
  'accounts.get': method({
    input: z.object({ id, asOf: isoDate.optional() }).strict(),
    output: AccountSummary,
  }),
  'accounts.setStageOverride': method({
    input: z.object({ id, stage: Stage.nullable() }).strict(),
    output: AccountSummary,
    writes: ['accounts'],
  }),
};
