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
  /**
   * The account a CSM names by Bearing's id or by its id in the source it came from (the CRM's `externalId`):
   * `12`, `0015g00000AbCdEAAZ`, or `id:12` / `ext:12` when a number is both. An unknown or ambiguous value is an
   * error naming it.
   */
  'accounts.resolve': method({
    input: z.object({ ref: z.string().trim().min(1).max(300) }).strict(),
    output: z.object({ id, externalId: z.string().nullable(), name: z.string() }),
  }),
  'accounts.setStageOverride': method({
    input: z.object({ id, stage: Stage.nullable() }).strict(),
    output: AccountSummary,
    writes: ['accounts'],
  }),
};
