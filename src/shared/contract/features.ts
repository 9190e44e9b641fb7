// The features the CSM's product is made of: key features count toward breadth and adoption, paid ones toward
// downgrade risk.
import { z } from 'zod';
import { id, method } from './define';

export const Feature = z.object({ id, key: z.string(), name: z.string(), isKey: z.boolean(), isPaid: z.boolean() });
export type Feature = z.infer<typeof Feature>;

export const featureMethods = {
  'features.update': method({
    input: z
      .object({ id, isKey: z.boolean().optional(), isPaid: z.boolean().optional(), name: z.string().trim().min(1).max(200).optional() })
      .strict(),
    output: Feature,
    writes: ['features', 'health'],
  }),
};
